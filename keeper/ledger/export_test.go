package ledger

import (
	"context"
	"testing"
	"time"
)

// Rollback exposes rollback to the external tests.
func (l *Ledger) Rollback(ctx context.Context, n uint64, state string) error {
	return l.rollback(ctx, n, state)
}

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
