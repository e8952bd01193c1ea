package gateway

import (
	"context"
	"errors"
	"slices"
	"sort"
	"time"

	"go.uber.org/zap"

	"github.com/laketravis/laketravis/client"
	"github.com/laketravis/laketravis/protocol/wire"
)

// usable reports whether s may take a new request at now.
func (g *Gateway) usable(s *client.Session, now time.Time) bool {
	if !now.Add(g.cfg.ExpiryMargin).Before(s.NotAfter()) {
		return false
	}
	return uint64(s.Usage().Seconds)+uint64(g.cfg.SecondsMargin) < uint64(s.MaxSeconds())
}

func (g *Gateway) slot(model string) *slot {
	g.mu.Lock()
	defer g.mu.Unlock()
	sl, ok := g.slots[model]
	if !ok {
		sl = &slot{places: make(chan struct{}, g.cfg.SessionConcurrency)}
		g.slots[model] = sl
	}
	return sl
}

// take takes a place for one of the model's requests at its provider, waiting (counted in waiting) while
// every place is taken; false when ctx ends first.
func (sl *slot) take(ctx context.Context) bool {
	select {
	case sl.places <- struct{}{}:
		return true
	default:
	}
	sl.waiting.Add(1)
	defer sl.waiting.Add(-1)
	select {
	case sl.places <- struct{}{}:
		return true
	case <-ctx.Done():
		return false
	}
}

// acquire returns the live session of model, opening one if there is none or it is worn out.
func (g *Gateway) acquire(ctx context.Context, model string) (*client.Session, error) {
	sl := g.slot(model)
	sl.mu.Lock()
	defer sl.mu.Unlock()
	if s := sl.sess; s != nil {
		if g.usable(s, g.cfg.Now()) {
			return s, nil
		}
		sl.sess = nil
		g.closeWhenIdle(sl, s)
	}
	p := g.cfg.RFC
	p.Model = model
	s, err := g.cfg.Client.Open(ctx, p)
	if err != nil {
		return nil, err
	}
	grant := s.Grant()
	g.log.Info("session opened", zap.String("model", model), zap.String("session", s.ID().Hex()), zap.String("provider", grant.Provider.Hex()),
		zap.String("endpoint", s.Endpoint()), zap.String("pricePerSecond", grant.Ticket.PricePerSecond.Dec()), zap.Uint32("maxSeconds", s.MaxSeconds()),
		zap.Bool("useDeposit", grant.Ticket.UseDeposit), zap.String("reserved", paidAttr(grant.Payment)))
	sl.sess = s
	return s, nil
}

// retire takes s out of service (if it is still model's session) and closes it: one-sided at the
// router when its provider is dead, through the provider otherwise.
func (g *Gateway) retire(model string, s *client.Session, dead bool) {
	sl := g.slot(model)
	sl.mu.Lock()
	defer sl.mu.Unlock()
	if sl.sess == s {
		sl.sess = nil
	}
	if dead {
		g.closeInBackground(s, true) // at the router: its provider serves nothing more of it anyway
		return
	}
	g.closeWhenIdle(sl, s)
}

// closeWhenIdle closes s, out of service, now when nothing is in flight on it, else once its requests have
// ended (reap): a close ends the session at its provider, cancelling its requests in flight (under sl.mu).
func (g *Gateway) closeWhenIdle(sl *slot, s *client.Session) {
	if inFlight, _ := s.Activity(); inFlight > 0 {
		if !slices.Contains(sl.worn, s) {
			sl.worn = append(sl.worn, s)
		}
		return
	}
	g.closeInBackground(s, false)
}

func (g *Gateway) closeInBackground(s *client.Session, dead bool) {
	g.closing.Add(1)
	go func() {
		defer g.closing.Done()
		ctx, cancel := context.WithTimeout(context.Background(), closeTimeout)
		defer cancel()
		var res *client.CloseResult
		var err error
		if dead {
			res, err = s.CloseAtRouter(ctx)
		} else {
			res, err = s.Close(ctx)
		}
		var other *client.OtherCloseError
		switch {
		case errors.As(err, &other):
			// The provider (or another process of the user) closed the session otherwise: keepers settle that.
			g.log.Error("session closed by another close than its receipt", zap.String("session", s.ID().Hex()),
				zap.Uint32("receiptSeconds", other.Receipt.Seconds), zap.Uint32("billedSeconds", other.Record.BilledSeconds),
				zap.Bool("providerCountersigned", other.Countersigned), zap.Error(err))
			return
		case err != nil:
			g.log.Warn("session close failed", zap.String("session", s.ID().Hex()), zap.Error(err))
			return
		}
		g.log.Info("session closed", zap.String("session", s.ID().Hex()), zap.String("via", res.Via), zap.Uint32("seconds", res.Receipt.Seconds),
			zap.Uint32("inputTokens", res.Receipt.InputTokens), zap.Uint32("outputTokens", res.Receipt.OutputTokens), zap.String("providerError", res.ProviderError),
			zap.String("paid", paidAttr(res.Payment)))
		g.closedMu.Lock()
		g.closed = append(g.closed, res)
		g.closedMu.Unlock()
	}()
}

// paidAttr is a log value saying what was (to be) paid from each source, in wei.
func paidAttr(p *wire.Payment) string {
	if p == nil {
		return "unknown"
	}
	return "allowance=" + p.Allowance.Dec() + " deposit=" + p.Deposit.Dec()
}

// SessionInfo describes a live session, for GET /lt/sessions.
type SessionInfo struct {
	Model     string        `json:"model"`
	SessionID string        `json:"sessionId"`
	Provider  string        `json:"provider"`
	Endpoint  string        `json:"endpoint"`
	Usage     client.Usage  `json:"usage"`
	NotAfter  int64         `json:"notAfter"`
	Payment   *wire.Payment `json:"payment,omitempty"` // the router's reservation per source (allowance, deposit)
}

// Sessions lists the live sessions.
func (g *Gateway) Sessions() []SessionInfo {
	g.mu.Lock()
	defer g.mu.Unlock()
	var out []SessionInfo
	for model, sl := range g.slots {
		sl.mu.Lock()
		if s := sl.sess; s != nil {
			out = append(out, SessionInfo{Model: model, SessionID: s.ID().Hex(), Provider: s.Grant().Provider.Hex(),
				Endpoint: s.Endpoint(), Usage: s.Usage(), NotAfter: s.NotAfter().Unix(), Payment: s.Grant().Payment})
		}
		sl.mu.Unlock()
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Model < out[j].Model })
	return out
}
