package market

import (
	"context"
	"fmt"
	"math/big"
	"strings"

	ethereum "github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/laketravis/laketravis/keys"
)

// Estimate is what a transaction is expected to cost, shown before it is sent.
type Estimate struct {
	Action   string         `json:"action"`
	From     common.Address `json:"from"`
	To       common.Address `json:"to"`
	Gas      uint64         `json:"gas"`      // gas limit: the node's estimate plus keys.GasMarginPercent
	GasPrice *big.Int       `json:"gasPrice"` // expected effective price (base fee + tip, capped)
	Cost     *big.Int       `json:"cost"`     // Gas × GasPrice, wei of the native currency (the margin included)
	MaxCost  *big.Int       `json:"maxCost"`  // Gas × fee cap: the most it can cost
}

// Result is the outcome of one transaction.
type Result struct {
	Estimate
	DryRun  bool        `json:"dryRun"`
	Hash    common.Hash `json:"hash,omitempty"`
	Block   uint64      `json:"block,omitempty"`
	GasUsed uint64      `json:"gasUsed,omitempty"`
	Fee     *big.Int    `json:"fee,omitempty"` // gas used × effective gas price
	// Note says why a dry run's step has no estimate (it depends on an earlier step being mined).
	Note string `json:"note,omitempty"`
}

// Sender signs and sends transactions from one account: Signer (a keystore key, a raw devnet key or an
// external signer such as clef). For every transaction it estimates gas and cost, reports the
// estimate through OnEstimate, stops there on a dry run (nothing is signed), and otherwise signs it,
// sends it and waits for the receipt. A Sender is used by one command at a time: nonces come from the
// node's pending count.
type Sender struct {
	Signer     keys.Signer
	DryRun     bool
	OnEstimate func(Estimate) // may be nil
}

// From returns the sending address.
func (s *Sender) From() common.Address { return s.Signer.Address() }

// send builds the transaction with build (which receives keys.Unsigned options, so abigen estimates gas,
// keys adds its margin, and abigen returns it unsigned), reports its cost, then signs it through the
// Sender's signer, sends it and waits for the receipt unless DryRun.
func (m *Market) send(ctx context.Context, s *Sender, action string, to common.Address,
	build func(*bind.TransactOpts) (*types.Transaction, error)) (*Result, error) {
	opts := keys.Unsigned(ctx, s.From())
	tx, err := build(opts)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", action, keys.DecodeRevert(err))
	}
	est := Estimate{Action: action, From: opts.From, To: to, Gas: tx.Gas()}
	feeCap := tx.GasFeeCap()
	est.GasPrice = new(big.Int).Set(feeCap)
	if head, err := m.backend.HeaderByNumber(ctx, nil); err == nil && head.BaseFee != nil {
		if p := new(big.Int).Add(head.BaseFee, tx.GasTipCap()); p.Cmp(feeCap) < 0 {
			est.GasPrice = p
		}
	}
	gas := new(big.Int).SetUint64(est.Gas)
	est.Cost = new(big.Int).Mul(gas, est.GasPrice)
	est.MaxCost = new(big.Int).Mul(gas, feeCap)
	if s.OnEstimate != nil {
		s.OnEstimate(est)
	}
	res := &Result{Estimate: est, DryRun: s.DryRun}
	if s.DryRun {
		return res, nil
	}
	bal, err := m.backend.BalanceAt(ctx, opts.From, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: read ETH balance: %w", action, err)
	}
	if bal.Cmp(est.MaxCost) < 0 {
		return nil, fmt.Errorf("%s: %w: %s has %s, the transaction may cost up to %s; send ETH to it first",
			action, ErrInsufficientFunds, opts.From, ether(bal), ether(est.MaxCost))
	}
	if tx, err = keys.Send(ctx, m.backend, s.Signer, tx); err != nil {
		return nil, fmt.Errorf("%s: %w", action, err)
	}
	res.Hash = tx.Hash()
	rcpt, err := keys.Mine(ctx, m.backend, tx)
	if rcpt != nil {
		res.Block, res.GasUsed = rcpt.BlockNumber.Uint64(), rcpt.GasUsed
		if rcpt.EffectiveGasPrice != nil {
			res.Fee = new(big.Int).Mul(new(big.Int).SetUint64(rcpt.GasUsed), rcpt.EffectiveGasPrice)
		}
	}
	if err != nil {
		return res, fmt.Errorf("%s: %w", action, err)
	}
	return res, nil
}

// pendingEstimates is a Backend whose gas estimates (abigen's, for a transaction built without a gas limit)
// are made at the pending block instead of the node's default, latest. A transaction that needs a block after
// the latest one, such as the reveal of a name commitment mined in the latest block, reverts when estimated at
// latest (geth runs it with block.number the latest block's) and succeeds at pending (the block it may be
// mined in).
type pendingEstimates struct{ Backend }

// EstimateGas estimates msg at the pending block.
func (p pendingEstimates) EstimateGas(ctx context.Context, msg ethereum.CallMsg) (uint64, error) {
	return p.EstimateGasAtBlock(ctx, msg, big.NewInt(int64(rpc.PendingBlockNumber)))
}

func ether(v *big.Int) string {
	s := mor(v)
	return strings.TrimSuffix(s, " MOR") + " ETH"
}
