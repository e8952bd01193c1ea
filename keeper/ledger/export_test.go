package ledger

import (
	"context"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/laketravis/laketravis/keeper/store"
)

// Rollback exposes rollback to the external tests.
func (l *Ledger) Rollback(ctx context.Context, n uint64, state string) error {
	return l.rollback(ctx, n, state)
}

// SpendReads is how many times withdrawal proofs read a spend from the store.
func (l *Ledger) SpendReads() int64 { return l.spendReads.Load() }

// WriteBatch exposes writeBatch to the external tests.
func (l *Ledger) WriteBatch(ctx context.Context, e *EpochRow) error { return l.writeBatch(ctx, e) }

// EventsHeld is how many deposit events d holds (each read once, whatever reorgs happened).
func (d *ChainDeposits) EventsHeld() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.events)
}

// FreshFinal sets how old SignerHistory.FinalBlock's answer may be, for t.
func FreshFinal(t *testing.T, d time.Duration) {
	old := freshFinal
	freshFinal = d
	t.Cleanup(func() { freshFinal = old })
}

// Started does what the ledger's first assembly does before assembling: the start's flagging of the pending
// sessions and their recheck, so a test's later reorg is what flags them again (not the start).
func (l *Ledger) Started(ctx context.Context) error {
	if err := l.flagReorged(ctx); err != nil {
		return err
	}
	return l.recheck(ctx)
}

// ReviveChoice is revive's choice among rows, the copies of session id that lost (bestCopy): the row revived
// (0: none) and its session.
func (l *Ledger) ReviveChoice(ctx context.Context, id common.Hash, rows []store.Rejected) (int64, *Session, error) {
	b, err := l.bestCopy(ctx, id, rows)
	if err != nil || b == nil {
		return 0, nil, err
	}
	return b.row, b.best, nil
}

// ReviveChoiceEachRow is the choice as revive made it before replays were grouped, the reference ReviveChoice
// is compared with: every row verified, in row order, the best that verifies kept (beats).
func (l *Ledger) ReviveChoiceEachRow(ctx context.Context, id common.Hash, rows []store.Rejected) (int64, *Session, error) {
	var best *revived
	for _, r := range rows {
		s, err := l.verifier.Verify(ctx, r.Feed, r.Record)
		if _, ok := IsRejection(err); ok {
			continue
		}
		if err != nil {
			return 0, nil, err
		}
		if s.ID != id {
			continue
		}
		rank, err := rankOf(s)
		if err != nil {
			return 0, nil, err
		}
		if best == nil || rank.beats(best.rank) {
			best = &revived{best: s, row: r.ID, rank: rank}
		}
	}
	if best == nil {
		return 0, nil, nil
	}
	return best.row, best.best, nil
}

// ReviveErrors is reviveErrors.
const ReviveErrors = reviveErrors

// MaxFeedPages and MaxFeedRejected are the ingest's bounds a round and a batch file, per feed.
const (
	MaxFeedPages    = maxFeedPages
	MaxCutRounds    = maxCutRounds
	MaxFeedRejected = maxFeedRejected
)
