package ledger

import (
	"context"
	"time"

	"go.uber.org/zap"
)

// prune moves the feeds' settled cursors and, with a RecordRetention, forgets the sessions of epochs
// claimable for that long (store.Prune).
func (l *Ledger) prune(ctx context.Context) error {
	before := int64(0)
	if l.cfg.RecordRetention > 0 {
		before = time.Now().Add(-l.cfg.RecordRetention).Unix()
	}
	p, err := l.store.Prune(ctx, before)
	if err != nil {
		return err
	}
	if p.Sessions > 0 || p.Records > 0 {
		l.log.Info("settled sessions pruned (their batch files keep the records)", zap.Int64("sessions", p.Sessions), zap.Int64("records", p.Records))
	}
	return nil
}
