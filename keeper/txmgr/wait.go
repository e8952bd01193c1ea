package txmgr

import (
	"context"
	"errors"
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
		r, err := m.findMined(ctx, in)
		answered := err == nil // its receipts read: none of its attempts is in a block
		switch {
		case errors.Is(err, errUnanswered):
			m.log.Warn("receipt poll failed", zap.String("intent", in.ID), zap.Error(err))
		case err != nil:
			return nil, err
		case r != nil:
			return r, nil
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
		// load-balanced RPC may answer the nonce from a newer block than the receipt, and only when the
		// receipts were read: a node that cannot read them (indexing, rate limits) says nothing of ours.
		if !answered {
			// neither counted nor reset
		} else if mined, err := call(ctx, m, func(ctx context.Context) (uint64, error) { return m.backend.NonceAt(ctx, m.from, nil) }); err == nil && mined > in.Nonce {
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

// errUnanswered: a read of the chain failed (the caller polls again, or returns it).
var errUnanswered = errors.New("txmgr: chain read failed")

// findMined looks once for a receipt of any of the pending intent's attempts (a node can have kept an older
// one) and, found, marks the intent mined and returns it; nil if none is in a block. A failed read is
// errUnanswered.
func (m *Manager) findMined(ctx context.Context, in *Intent) (*types.Receipt, error) {
	for i := len(in.Attempts) - 1; i >= 0; i-- {
		r, err := m.receipt(ctx, in.Attempts[i].Hash)
		if err != nil {
			return nil, fmt.Errorf("%w: receipt of %s: %w", errUnanswered, in.Attempts[i].Hash, err)
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
	return nil, nil
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
		r, err := m.look(ctx, in)
		switch {
		case errors.Is(err, ErrNotMined):
			continue // reorged out: marked pending, the stored transaction goes out again above
		case errors.Is(err, errUnanswered):
			m.log.Warn("receipt poll failed", zap.String("intent", id), zap.Error(err))
		case !errors.Is(err, ErrNotConfirmed):
			return r, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(m.cfg.PollInterval):
		}
	}
}

// Check is Confirm without the wait, for a caller that must not block on blocks to come (keeper guard, once
// a step): it looks once where intent id stands and returns its receipt once the mined transaction is
// Confirmations deep and still canonical (marked confirmed; ErrReverted with the receipt for a revert).
// Otherwise it returns
//   - ErrNotConfirmed: mined in a block still canonical, short of the depth;
//   - ErrNotMined: in no block: never mined yet, or the block that held it left the chain (a reorg: marked
//     pending again). Check sends nothing: Send(id) resumes the intent, broadcasting the stored transaction
//     again and bumping its fees, when the caller still wants it;
//   - ErrNonceTaken: another transaction used its nonce; ErrUnknownIntent: none stored;
//   - another error: a read failed, nothing decided.
//
// It takes the intent's lock, so it waits for a Send or Confirm driving the same intent.
func (m *Manager) Check(ctx context.Context, id string) (*types.Receipt, error) {
	unlock := m.lockIntent(id)
	defer unlock()
	in, err := m.store.LoadIntent(ctx, id)
	if err != nil {
		return nil, err
	}
	switch in.State {
	case StateFailed:
		return nil, fmt.Errorf("txmgr: intent %s: %w", id, ErrNonceTaken)
	case StatePending:
		r, err := m.findMined(ctx, in)
		switch {
		case err != nil:
			return nil, err
		case r == nil:
			return nil, fmt.Errorf("txmgr: intent %s: %w", id, ErrNotMined)
		}
	}
	r, err := m.look(ctx, in)
	if !errors.Is(err, ErrNotMined) {
		return r, err
	}
	// Its block left the chain (marked pending): a reorg usually puts the same transaction in another block
	// of the new branch, so look for it there before saying it is in none (as Confirm does).
	if r, ferr := m.findMined(ctx, in); ferr != nil || r == nil {
		return nil, err
	}
	return m.look(ctx, in)
}

// look checks once the intent mined (state mined, confirmed or reverted) against the chain: its receipt
// still in the block it was mined in, and that block Confirmations deep (chain/follow's convention: the
// block holding the transaction is its first confirmation; 1 accepts it as soon as it is mined). At the depth
// it marks the intent confirmed (or reverted: ErrReverted, with the receipt) and returns the receipt; short
// of it ErrNotConfirmed; its block gone, it marks the intent pending and returns ErrNotMined; a failed read
// is errUnanswered.
func (m *Manager) look(ctx context.Context, in *Intent) (*types.Receipt, error) {
	r, err := m.receipt(ctx, in.MinedTx)
	if err != nil {
		return nil, fmt.Errorf("%w: receipt of %s: %w", errUnanswered, in.MinedTx, err)
	}
	if r == nil || r.BlockHash != in.MinedBlockHash {
		// Reorged: the block that held it is gone. The transaction is back in some pool or lost; the
		// stored raw bytes go out again (same nonce, same hash) when the intent is driven on.
		m.log.Warn("reorg: mined transaction left the chain", zap.String("intent", in.ID),
			zap.Stringer("tx", in.MinedTx), zap.Uint64("block", in.MinedBlock))
		if err := m.store.SetIntentState(ctx, in.ID, StatePending, common.Hash{}, 0, common.Hash{}); err != nil {
			return nil, err
		}
		in.State = StatePending
		return nil, fmt.Errorf("txmgr: intent %s left the chain: %w", in.ID, ErrNotMined)
	}
	head, err := call(ctx, m, m.backend.BlockNumber)
	if err != nil {
		return nil, fmt.Errorf("%w: head: %w", errUnanswered, err)
	}
	final, ok := follow.Confirmed(head, m.cfg.Confirmations)
	if !ok || in.MinedBlock > final {
		return nil, fmt.Errorf("txmgr: intent %s in block %d, head %d: %w", in.ID, in.MinedBlock, head, ErrNotConfirmed)
	}
	// The receipt was read before the head: check the block at that height is still the one we saw, so a
	// reorg between the two reads cannot slip through (a different block: looked at again).
	h, err := call(ctx, m, func(ctx context.Context) (*types.Header, error) {
		return m.backend.HeaderByNumber(ctx, new(big.Int).SetUint64(in.MinedBlock))
	})
	switch {
	case err != nil:
		return nil, fmt.Errorf("%w: header %d: %w", errUnanswered, in.MinedBlock, err)
	case h.Hash() != in.MinedBlockHash:
		return nil, fmt.Errorf("txmgr: intent %s block %d replaced meanwhile: %w", in.ID, in.MinedBlock, ErrNotConfirmed)
	}
	state := StateConfirmed
	if r.Status != types.ReceiptStatusSuccessful {
		state = StateReverted
	}
	if err := m.store.SetIntentState(ctx, in.ID, state, in.MinedTx, in.MinedBlock, in.MinedBlockHash); err != nil {
		return nil, err
	}
	if in.State == StateMined {
		m.metrics.confirmed(r)
	}
	in.State = state
	m.reportOpen(ctx)
	m.log.Info("confirmed", zap.String("intent", in.ID), zap.Stringer("tx", in.MinedTx),
		zap.Uint64("block", in.MinedBlock), zap.Uint64("gasUsed", r.GasUsed), zap.Uint64("status", r.Status))
	if state == StateReverted {
		return r, fmt.Errorf("txmgr: intent %s tx %s: %w", in.ID, in.MinedTx, ErrReverted)
	}
	return r, nil
}
