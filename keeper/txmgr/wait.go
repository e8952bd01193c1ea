package txmgr

import (
	"context"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/chain/follow"
)

// waitMined broadcasts the intent's latest attempt and waits until one of its attempts is in a block,
// bumping the fees every ResubmitAfter. It marks the intent mined and returns the receipt.
func (m *Manager) waitMined(ctx context.Context, in *Intent) (*types.Receipt, error) {
	var lastSend time.Time // zero: broadcast at once (also right after a restart)
	nonceTakenPolls := 0
	for {
		// Any attempt may be the one mined: a node can have kept an older one.
		for i := len(in.Attempts) - 1; i >= 0; i-- {
			r, err := m.receipt(ctx, in.Attempts[i].Hash)
			if err != nil {
				m.log.Warn("receipt poll failed", zap.String("intent", in.ID), zap.Error(err))
				break
			}
			if r != nil {
				m.cfg.Hook(HookMinedSeen)
				if err := m.store.SetIntentState(ctx, in.ID, StateMined, r.TxHash, r.BlockNumber.Uint64(), r.BlockHash); err != nil {
					return nil, err
				}
				in.State, in.MinedTx, in.MinedBlock, in.MinedBlockHash = StateMined, r.TxHash, r.BlockNumber.Uint64(), r.BlockHash
				m.log.Info("mined", zap.String("intent", in.ID), zap.Stringer("tx", r.TxHash),
					zap.Uint64("nonce", in.Nonce), zap.Uint64("block", in.MinedBlock), zap.Uint64("status", r.Status))
				return r, nil
			}
		}

		switch {
		case lastSend.IsZero():
			m.broadcast(ctx, in)
			lastSend = time.Now()
		case time.Since(lastSend) >= m.cfg.ResubmitAfter:
			if err := m.bump(ctx, in); err != nil {
				m.log.Warn("fee bump failed, rebroadcasting the current attempt", zap.String("intent", in.ID), zap.Error(err))
				m.broadcast(ctx, in)
			}
			lastSend = time.Now()
		}

		// A nonce that moved past ours without a receipt for any of our attempts means another
		// transaction took it (someone else used the key). Counted over several polls, because a
		// load-balanced RPC may answer the nonce from a newer block than the receipt.
		if mined, err := call(ctx, m, func(ctx context.Context) (uint64, error) { return m.backend.NonceAt(ctx, m.from, nil) }); err == nil && mined > in.Nonce {
			nonceTakenPolls++
			if nonceTakenPolls >= m.cfg.NonceTakenAfter {
				_ = m.store.SetIntentState(ctx, in.ID, StateFailed, common.Hash{}, 0, common.Hash{})
				return nil, fmt.Errorf("txmgr: intent %s nonce %d: %w", in.ID, in.Nonce, ErrNonceTaken)
			}
		} else {
			nonceTakenPolls = 0
		}

		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(m.cfg.PollInterval):
		}
	}
}

// broadcast sends the latest attempt. Errors are logged, not returned: the receipt poll decides.
// "already known" (the node has it) and "nonce too low" (some attempt was mined: its receipt will show)
// are expected after a restart.
func (m *Manager) broadcast(ctx context.Context, in *Intent) {
	a := in.Latest()
	tx := new(types.Transaction)
	if err := tx.UnmarshalBinary(a.Raw); err != nil {
		m.log.Error("stored transaction does not decode", zap.String("intent", in.ID), zap.Error(err))
		return
	}
	_, err := call(ctx, m, func(ctx context.Context) (struct{}, error) { return struct{}{}, m.backend.SendTransaction(ctx, tx) })
	if err != nil && !isKnown(err) {
		m.log.Warn("broadcast failed", zap.String("intent", in.ID), zap.Stringer("tx", a.Hash),
			zap.Uint64("nonce", in.Nonce), zap.Error(err))
		return
	}
	m.cfg.Hook(HookBroadcast)
	m.log.Debug("broadcast", zap.String("intent", in.ID), zap.Stringer("tx", a.Hash), zap.Uint64("nonce", in.Nonce))
}

// bump signs a replacement with fees raised by at least 10%, persists it, then broadcasts it. At the fee
// ceiling there is nothing left to raise: it returns an error and the caller rebroadcasts.
func (m *Manager) bump(ctx context.Context, in *Intent) error {
	prev := in.Latest()
	tip, feeCap, err := m.fees(ctx, prev.TipCap, prev.FeeCap)
	if err != nil {
		return err
	}
	if tip.Cmp(bump(prev.TipCap)) < 0 || feeCap.Cmp(bump(prev.FeeCap)) < 0 {
		return fmt.Errorf("txmgr: at the fee ceiling %s (tip %s, fee cap %s)", m.cfg.FeeCeiling, prev.TipCap, prev.FeeCap)
	}
	a, err := m.sign(ctx, in, tip, feeCap)
	if err != nil {
		return err
	}
	if err := m.store.AddAttempt(ctx, in.ID, a); err != nil {
		return fmt.Errorf("txmgr: store attempt: %w", err)
	}
	in.Attempts = append(in.Attempts, a)
	m.log.Info("fee bump", zap.String("intent", in.ID), zap.Uint64("nonce", in.Nonce), zap.Stringer("tx", a.Hash),
		zap.Stringer("tipCap", tip), zap.Stringer("feeCap", feeCap), zap.Int("attempt", len(in.Attempts)))
	m.metrics.bumps.Inc()
	m.broadcast(ctx, in)
	return nil
}

// Confirm waits until the mined transaction of intent id is Confirmations deep and still canonical, and
// marks it confirmed. If a reorg removes it meanwhile, it broadcasts the stored transaction again and
// waits for it to be mined anew. It returns ErrReverted (with the receipt) for a confirmed revert.
func (m *Manager) Confirm(ctx context.Context, id string) (*types.Receipt, error) {
	unlock := m.lockIntent(id)
	defer unlock()
	in, err := m.store.LoadIntent(ctx, id)
	if err != nil {
		return nil, err
	}
	for {
		switch in.State {
		case StateFailed:
			return nil, fmt.Errorf("txmgr: intent %s: %w", id, ErrNonceTaken)
		case StatePending:
			if _, err := m.waitMined(ctx, in); err != nil {
				return nil, err
			}
		}
		r, err := m.receipt(ctx, in.MinedTx)
		if err != nil {
			m.log.Warn("receipt poll failed", zap.String("intent", id), zap.Error(err))
		} else if r == nil || r.BlockHash != in.MinedBlockHash {
			// Reorged: the block that held it is gone. The transaction is back in some pool or lost;
			// the stored raw bytes go out again (same nonce, same hash) and we wait for a new block.
			m.log.Warn("reorg: mined transaction left the chain", zap.String("intent", id),
				zap.Stringer("tx", in.MinedTx), zap.Uint64("block", in.MinedBlock))
			if err := m.store.SetIntentState(ctx, id, StatePending, common.Hash{}, 0, common.Hash{}); err != nil {
				return nil, err
			}
			in.State = StatePending
			continue
		} else if head, err := call(ctx, m, m.backend.BlockNumber); err == nil {
			// Depth (chain/follow's convention): the block holding the transaction is its first
			// confirmation. Confirmations=1 accepts it as soon as it is mined.
			if final, ok := follow.Confirmed(head, m.cfg.Confirmations); ok && in.MinedBlock <= final {
				// The receipt was read before the head: check the block at that height is still the
				// one we saw, so a reorg between the two reads cannot slip through.
				h, err := call(ctx, m, func(ctx context.Context) (*types.Header, error) {
					return m.backend.HeaderByNumber(ctx, new(big.Int).SetUint64(in.MinedBlock))
				})
				if err == nil && h.Hash() == in.MinedBlockHash {
					state := StateConfirmed
					if r.Status != types.ReceiptStatusSuccessful {
						state = StateReverted
					}
					if err := m.store.SetIntentState(ctx, id, state, in.MinedTx, in.MinedBlock, in.MinedBlockHash); err != nil {
						return nil, err
					}
					if in.State == StateMined {
						m.metrics.confirmed(r)
					}
					m.reportOpen(ctx)
					m.log.Info("confirmed", zap.String("intent", id), zap.Stringer("tx", in.MinedTx),
						zap.Uint64("block", in.MinedBlock), zap.Uint64("gasUsed", r.GasUsed), zap.Uint64("status", r.Status))
					if state == StateReverted {
						return r, fmt.Errorf("txmgr: intent %s tx %s: %w", id, in.MinedTx, ErrReverted)
					}
					return r, nil
				}
			}
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(m.cfg.PollInterval):
		}
	}
}
