package api

import (
	"net/http"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/router/analytics"
	"github.com/laketravis/laketravis/router/book"
	"github.com/laketravis/laketravis/router/store"
)

// reportWindow is how far back the reports look.
const reportWindow = 7 * 24 * time.Hour

// maxReportSessions bounds the sessions a report reads.
const maxReportSessions = 100_000

// recentTTL is how long one read of the window's closed sessions (and of the held ones) serves GET
// /v1/models and the reports. A read loads up to maxReportSessions full rows (about 50 ms of CPU per
// thousand): done per request, these public endpoints let one client within its IP rate keep every core busy.
const recentTTL = time.Minute

// memo is a value read at most once per recentTTL, shared by the requests within it (callers must not
// modify it); its lock makes concurrent requests wait for one read instead of each doing their own.
type memo[T any] struct {
	mu sync.Mutex
	at time.Time
	ok bool
	v  T
}

func (m *memo[T]) get(now time.Time, read func() (T, error)) (T, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.ok && !now.Before(m.at) && now.Sub(m.at) < recentTTL {
		return m.v, nil
	}
	v, err := read()
	if err == nil {
		m.v, m.at, m.ok = v, now, true
	}
	return v, err
}

// reportMemos are the reports' shared reads (memo).
type reportMemos struct {
	recent    memo[[]analytics.Session]
	popular   memo[[]analytics.DayStats]
	anomalies memo[map[string]any]
}

// recentSessions returns the sessions closed within reportWindow (memo: read at most once per recentTTL).
func (s *Server) recentSessions(r *http.Request) ([]analytics.Session, error) {
	now := s.cfg.Now()
	return s.reports.recent.get(now, func() ([]analytics.Session, error) {
		since := now.Add(-reportWindow).Unix()
		ss, err := s.store.ClosedSince(r.Context(), uint64(max(since, 0)), maxReportSessions)
		if err != nil {
			return nil, err
		}
		out := make([]analytics.Session, len(ss))
		for i, x := range ss {
			out[i] = toAnalytics(x)
		}
		return out, nil
	})
}

func toAnalytics(x *store.Session) analytics.Session {
	a := analytics.Session{Model: x.Ticket.ModelID, Provider: x.Ticket.Provider, Day: x.Day, Receipt: x.Receipt != nil}
	if x.Receipt != nil {
		a.Seconds, a.OutputTokens, a.TTFTMs = x.BilledSeconds, x.Receipt.OutputTokens, x.Receipt.TTFTMs
	}
	return a
}

type modelReport struct {
	book.Model
	LowestPrice *uint256.Int `json:"lowestPrice"` // null when no live offer
	Providers   int          `json:"providers"`
	Seeders     int          `json:"seeders"`    // providers with a bid whose latest liveness reported the weights verified and seeded on IPFS
	Sessions7d  int          `json:"sessions7d"` // popularity
}

func (s *Server) handleModels(w http.ResponseWriter, r *http.Request) error {
	snap := s.book.Snapshot()
	recent, err := s.recentSessions(r)
	if err != nil {
		return err
	}
	pop := map[common.Hash]int{}
	for _, x := range recent {
		pop[x.Model]++
	}
	out := make([]modelReport, 0, len(snap.Models))
	now := uint64(max(s.cfg.Now().Unix(), 0))
	for id, m := range snap.Models {
		rep := modelReport{Model: m.At(now), Sessions7d: pop[id]}
		for _, o := range snap.Offers[id] {
			if !s.health.Status(o.Provider).BackedOff {
				rep.LowestPrice = o.Price.Clone()
				break
			}
		}
		rep.Providers = len(snap.Offers[id])
		for _, o := range snap.Offers[id] {
			if s.health.Seeds(o.Provider, m.ContentHash) {
				rep.Seeders++
			}
		}
		out = append(out, rep)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Sessions7d != out[j].Sessions7d {
			return out[i].Sessions7d > out[j].Sessions7d
		}
		return out[i].Name < out[j].Name
	})
	wire.WriteJSON(w, http.StatusOK, map[string]any{"block": strconv.FormatUint(snap.Block, 10), "models": out})
	return nil
}

type bidReport struct {
	ModelID common.Hash  `json:"modelId"`
	Price   *uint256.Int `json:"pricePerSecond"`
}

type providerReport struct {
	book.Provider
	Matchable bool        `json:"matchable"`
	Bids      []bidReport `json:"bids"`
	FreeSlots int         `json:"freeSlots"` // -1 unknown
	TPS       float64     `json:"observedTps"`
	TTFTMs    float64     `json:"observedTtftMs"`
	Quality   float64     `json:"quality"`
	BackedOff bool        `json:"backedOff"`
	// EndpointRefused says why the router's outbound guard will not contact the endpoint (empty: it
	// will): not https, or an address that is private, loopback, link-local or special-purpose.
	EndpointRefused string `json:"endpointRefused,omitempty"`
}

func (s *Server) handleProviders(w http.ResponseWriter, r *http.Request) error {
	snap := s.book.Snapshot()
	bids := map[common.Address][]bidReport{}
	for model, offers := range snap.Offers {
		for _, o := range offers {
			bids[o.Provider] = append(bids[o.Provider], bidReport{ModelID: model, Price: o.Price.Clone()})
		}
	}
	out := make([]providerReport, 0, len(snap.Providers))
	for a, p := range snap.Providers {
		st := s.health.Status(a)
		b := bids[a]
		if b == nil {
			b = []bidReport{}
		}
		out = append(out, providerReport{Provider: p, Matchable: book.Matchable(&p, snap.Params), Bids: b,
			FreeSlots: st.Free, TPS: st.TPS, TTFTMs: st.TTFTMs, Quality: st.Quality, BackedOff: st.BackedOff, EndpointRefused: s.endpointRefused(a, p.Endpoint)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Address.Cmp(out[j].Address) < 0 })
	wire.WriteJSON(w, http.StatusOK, map[string]any{"block": strconv.FormatUint(snap.Block, 10), "providers": out})
	return nil
}

func (s *Server) handleAllowance(w http.ResponseWriter, r *http.Request) error {
	var user common.Address
	if err := user.UnmarshalText([]byte(r.PathValue("user"))); err != nil {
		return wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "bad address")
	}
	day, err := s.allow.Day(r.Context())
	if err != nil {
		return err
	}
	a, err := s.allowance(w, r, user, day)
	if err != nil {
		return err
	}
	used, err := s.store.Used(r.Context(), user, day)
	if err != nil {
		return err
	}
	rem := new(uint256.Int)
	if a.Gt(used) {
		rem.Sub(a, used)
	}
	wire.WriteJSON(w, http.StatusOK, map[string]any{"user": user, "day": uintString(day), "allowance": a, "used": used, "remaining": rem})
	return nil
}

func uintString(v uint64) string { return uint256.NewInt(v).Dec() }

func (s *Server) handlePopularity(w http.ResponseWriter, r *http.Request) error {
	days, err := s.reports.popular.get(s.cfg.Now(), func() ([]analytics.DayStats, error) {
		recent, err := s.recentSessions(r)
		return analytics.ByModelDay(recent), err
	})
	if err != nil {
		return err
	}
	wire.WriteJSON(w, http.StatusOK, map[string]any{"days": days})
	return nil
}

func (s *Server) handleAnomalies(w http.ResponseWriter, r *http.Request) error {
	out, err := s.reports.anomalies.get(s.cfg.Now(), func() (map[string]any, error) {
		recent, err := s.recentSessions(r)
		if err != nil {
			return nil, err
		}
		held, err := s.store.HeldSessions(r.Context(), 1000)
		if err != nil {
			return nil, err
		}
		hr := make([]wire.SessionRecord, len(held))
		for i, h := range held {
			hr[i] = record(h)
		}
		outliers := analytics.ProviderOutliers(recent, 5, 6)
		if outliers == nil {
			outliers = []analytics.ProviderOutlier{}
		}
		return map[string]any{"heldSessions": hr, "providerOutliers": outliers}, nil
	})
	if err != nil {
		return err
	}
	wire.WriteJSON(w, http.StatusOK, out)
	return nil
}
