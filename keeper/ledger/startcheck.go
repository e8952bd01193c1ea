// The start-up check: a keeper settles on only from the database that committed the pool's epochs.

package ledger

import (
	"context"
	"errors"
	"fmt"
)

// ErrForeignLedger: the keeper's database is not the one that committed the ComputePool's epochs (a fresh
// --data-dir or --database against a pool with committed roots, an old backup, or another deployment's
// database). The keeper refuses to start: it cannot rebuild a ledger from the chain or the published batch
// files, and a ledger that does not match the pool could never commit again (the pool's epoch numbers and
// cumulative totals continue from its own newest epoch) or would pay twice.
var ErrForeignLedger = errors.New("ledger: this keeper's database is not the one that committed the ComputePool's epochs")

// CheckChain is the keeper's first call, before Run: it returns ErrForeignLedger, saying what to do, when the
// pool holds an epoch the ledger has no live row for (the ledger is fresh or behind), or when an epoch the
// ledger holds as committed is not the pool's: every confirmed epoch (still in its dispute window: the
// guardian may have vetoed it since, which Run resolves, so only a root not vetoed counts), the newest
// claimable one (every claim is proved against it) and the oldest one (a ledger of another deployment). The
// claimable epochs in between are not read (one pair of RPC calls per epoch, and epochs are never pruned):
// the newest claimable root fixes every account's cumulative credit, so a ledger that matches it pays nobody
// twice. An epoch still in flight or vetoed since is Run's to resolve, as after any restart.
func (l *Ledger) CheckChain(ctx context.Context) error {
	epochs, err := l.Epochs(ctx)
	if err != nil {
		return err
	}
	var next uint64 // the first epoch number the ledger has no live row for
	var claimable, oldest *EpochRow
	var check []*EpochRow
	for _, e := range epochs {
		next = max(next, e.Number+1)
		switch e.State {
		case StateClaimable:
			if claimable == nil || e.Number > claimable.Number {
				claimable = e
			}
			if oldest == nil || e.Number < oldest.Number {
				oldest = e
			}
		case StateConfirmed:
			check = append(check, e)
		}
	}
	const todo = "start the keeper on the database (and batch files) that committed them: restore its --data-dir " +
		"(or --database and <data-dir>/batches) from a backup; the keeper cannot rebuild its ledger from the chain or the " +
		"published batch files. A database left from another deployment (a devnet started again) needs a new --data-dir"
	if oc, ok, err := l.pool.Epoch(ctx, next); err != nil {
		return fmt.Errorf("read ComputePool epoch %d: %w", next, err)
	} else if ok {
		have := "no epoch"
		if next > 0 {
			have = fmt.Sprintf("epochs up to %d", next-1)
		}
		return fmt.Errorf("%w: ComputePool %s has epoch %d committed (root %s, cumulative total %s wei) but the database holds %s: %s",
			ErrForeignLedger, l.pool.Address().Hex(), next, oc.Root.Hex(), oc.CumulativeTotal.Dec(), have, todo)
	}
	if claimable != nil {
		check = append(check, claimable)
		if oldest != claimable {
			check = append(check, oldest)
		}
	}
	for _, e := range check {
		oc, ok, err := l.pool.Epoch(ctx, e.Number)
		if err != nil {
			return fmt.Errorf("read ComputePool epoch %d: %w", e.Number, err)
		}
		if ok && oc.Root == e.Root {
			continue
		}
		if e.State == StateConfirmed {
			if vetoed, err := l.pool.IsVetoed(ctx, e.Root); err != nil {
				return fmt.Errorf("read ComputePool veto of %s: %w", e.Root.Hex(), err)
			} else if vetoed {
				continue // Run rolls it back and commits the epoch again
			}
		}
		return fmt.Errorf("%w: the database's epoch %d is %s with root %s but ComputePool %s holds %s for it: %s",
			ErrForeignLedger, e.Number, e.State, e.Root.Hex(), l.pool.Address().Hex(), rootOrNone(oc, ok), todo)
	}
	return nil
}

func rootOrNone(oc EpochOnChain, ok bool) string {
	if !ok {
		return "no epoch"
	}
	return "root " + oc.Root.Hex()
}
