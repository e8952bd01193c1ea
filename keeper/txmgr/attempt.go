package txmgr

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/laketravis/laketravis/keys"
)

// build creates the first attempt of a new intent.
func (m *Manager) build(ctx context.Context, id string, c Candidate) (*Intent, error) {
	gas := c.GasLimit
	if gas == 0 {
		var err error
		gas, err = call(ctx, m, func(ctx context.Context) (uint64, error) {
			return m.backend.EstimateGas(ctx, ethereum.CallMsg{From: m.from, To: &c.To, Data: c.Data})
		})
		if err != nil {
			return nil, fmt.Errorf("%w: intent %s: %w", ErrEstimate, id, err)
		}
		gas = keys.GasLimit(gas) + c.GasExtra
	}

	// The nonce: the account's mined nonce, or one past the highest we ever stored if that is higher
	// (our own earlier transactions may still sit in a pool). Never the node's "pending" nonce: a pool
	// can hold transactions this manager knows nothing about, or lose ours.
	nonce, err := call(ctx, m, func(ctx context.Context) (uint64, error) { return m.backend.NonceAt(ctx, m.from, nil) })
	if err != nil {
		return nil, fmt.Errorf("txmgr: nonce: %w", err)
	}
	if next, ok, err := m.store.NextNonce(ctx); err != nil {
		return nil, err
	} else if ok && next > nonce {
		nonce = next
	}

	tip, feeCap, err := m.fees(ctx, nil, nil)
	if err != nil {
		return nil, err
	}
	in := &Intent{ID: id, Nonce: nonce, To: c.To, Data: c.Data, Gas: gas, State: StatePending}
	a, err := m.sign(ctx, in, tip, feeCap)
	if err != nil {
		return nil, err
	}
	in.Attempts = []Attempt{a}
	return in, nil
}

// fees returns the fees of the next attempt. With prevTip/prevFeeCap nil it is the first attempt: the
// node's suggested tip and twice the base fee plus the tip (room for six full blocks of base fee rises).
// Otherwise both are raised by at least 10% over the previous attempt: geth (and most pools) replace
// a pooled transaction only if BOTH its tip and its fee cap rise by 10% or more ("replacement
// transaction underpriced" otherwise), so bumping only one of them is useless.
func (m *Manager) fees(ctx context.Context, prevTip, prevFeeCap *big.Int) (tip, feeCap *big.Int, err error) {
	head, err := call(ctx, m, func(ctx context.Context) (*types.Header, error) { return m.backend.HeaderByNumber(ctx, nil) })
	if err != nil {
		return nil, nil, fmt.Errorf("txmgr: head: %w", err)
	}
	suggested, err := call(ctx, m, func(ctx context.Context) (*big.Int, error) { return m.backend.SuggestGasTipCap(ctx) })
	if err != nil {
		return nil, nil, fmt.Errorf("txmgr: tip: %w", err)
	}
	baseFee := head.BaseFee
	if baseFee == nil {
		baseFee = new(big.Int)
	}
	tip = bigMax(suggested, m.cfg.MinTipCap)
	feeCap = new(big.Int).Add(new(big.Int).Mul(baseFee, big.NewInt(2)), tip)
	if prevTip != nil {
		tip = bigMax(tip, bump(prevTip))
		feeCap = bigMax(new(big.Int).Add(new(big.Int).Mul(baseFee, big.NewInt(2)), tip), bump(prevFeeCap))
	}
	if feeCap.Cmp(m.cfg.FeeCeiling) > 0 {
		feeCap = new(big.Int).Set(m.cfg.FeeCeiling)
	}
	if tip.Cmp(feeCap) > 0 {
		tip = new(big.Int).Set(feeCap)
	}
	// A fee cap below base fee + tip is never mined while the base fee stays where it is.
	if new(big.Int).Add(baseFee, tip).Cmp(feeCap) > 0 && prevTip == nil {
		return nil, nil, fmt.Errorf("%w: base fee %s + tip %s > ceiling %s", ErrFeeCeiling, baseFee, tip, m.cfg.FeeCeiling)
	}
	return tip, feeCap, nil
}

// bump returns v raised by 10%, rounded up, plus one wei: strictly above the replacement threshold
// whatever the rounding of the node.
func bump(v *big.Int) *big.Int {
	r := new(big.Int).Mul(v, big.NewInt(110))
	r.Add(r, big.NewInt(99))
	r.Div(r, big.NewInt(100))
	return r.Add(r, big.NewInt(1))
}

func bigMax(a, b *big.Int) *big.Int {
	if a.Cmp(b) >= 0 {
		return new(big.Int).Set(a)
	}
	return new(big.Int).Set(b)
}

// sign builds and signs the intent's transaction with the given fees. The gas limit is the intent's,
// never re-estimated on a bump: a replacement must do the same work, and a re-estimate against a state
// that has moved on (or that our own pending transaction changed) could fail or shrink.
//
// The signer is outside the manager (possibly another process): what it returns must be this very
// transaction, signed by the manager's account, or nothing is stored or sent.
func (m *Manager) sign(ctx context.Context, in *Intent, tip, feeCap *big.Int) (Attempt, error) {
	to := in.To
	unsigned := types.NewTx(&types.DynamicFeeTx{
		ChainID: m.cfg.ChainID, Nonce: in.Nonce, GasTipCap: tip, GasFeeCap: feeCap,
		Gas: in.Gas, To: &to, Data: in.Data,
	})
	tx, err := call(ctx, m, func(ctx context.Context) (*types.Transaction, error) { return m.cfg.Sign(ctx, unsigned) })
	if err != nil {
		return Attempt{}, fmt.Errorf("txmgr: sign: %w", err)
	}
	if tx == nil || m.signer.Hash(tx) != m.signer.Hash(unsigned) {
		return Attempt{}, errors.New("txmgr: sign: the signer returned a different transaction")
	}
	if from, err := types.Sender(m.signer, tx); err != nil || from != m.from {
		return Attempt{}, fmt.Errorf("txmgr: sign: transaction signed by %s, want %s (%v)", from, m.from, err)
	}
	raw, err := tx.MarshalBinary()
	if err != nil {
		return Attempt{}, fmt.Errorf("txmgr: encode: %w", err)
	}
	return Attempt{Hash: tx.Hash(), Raw: raw, TipCap: tip, FeeCap: feeCap, SentAt: time.Now()}, nil
}
