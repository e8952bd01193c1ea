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
// pool holds an epoch the ledger has no live row for (the ledger is fresh or behind), or when the ledger's
// newest claimable epoch (past its dispute window: no veto can have removed it) is not the pool's. An epoch
// still in flight or vetoed since is Run's to resolve, as after any restart. Two RPC calls.
func (l *Ledger) CheckChain(ctx context.Context) error {
	epochs, err := l.Epochs(ctx)
	if err != nil {
		return err
	}
	var next uint64 // the first epoch number the ledger has no live row for
	var claimable *EpochRow
	for _, e := range epochs {
		next = max(next, e.Number+1)
		if e.State == StateClaimable && (claimable == nil || e.Number > claimable.Number) {
			claimable = e
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
	if claimable == nil {
		return nil
	}
	oc, ok, err := l.pool.Epoch(ctx, claimable.Number)
	if err != nil {
		return fmt.Errorf("read ComputePool epoch %d: %w", claimable.Number, err)
	}
	if !ok || oc.Root != claimable.Root {
		return fmt.Errorf("%w: the database's epoch %d is claimable with root %s but ComputePool %s holds %s for it: %s",
			ErrForeignLedger, claimable.Number, claimable.Root.Hex(), l.pool.Address().Hex(), rootOrNone(oc, ok), todo)
	}
	return nil
}

func rootOrNone(oc EpochOnChain, ok bool) string {
	if !ok {
		return "no epoch"
	}
	return "root " + oc.Root.Hex()
}
