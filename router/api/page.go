package api

import (
	"context"
	"errors"
	"net/http"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/holiman/uint256"

	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/router/book"
	"github.com/laketravis/laketravis/router/budget"
	"github.com/laketravis/laketravis/router/store"
)

// The endpoints behind the public transparency page (web/): the compute budget, sessions per hour and the
// settled epochs. Their optional inputs — the budget source (Config.Budget) and the store's report
// queries — come in through the interfaces below; without one, its endpoint answers 501 (the page shows
// "not available").

// BudgetSource supplies the ComputePool's budget figures (*budget.Source).
type BudgetSource interface {
	Report(ctx context.Context) (*budget.Report, error)
}

// SessionReports is the store's aggregate queries for the page (*store.DB implements it).
type SessionReports interface {
	SessionBuckets(ctx context.Context, from, width uint64, n int) ([]store.Bucket, error)
	UsedOnDay(ctx context.Context, day uint64) (*uint256.Int, error)
}

const (
	usedTTL          = 5 * time.Second // how long today's total usage is served from the cache
	bucketSeconds    = 3600
	defaultHours     = 24
	maxHours         = 24 * 31
	defaultEpochs    = 12
	maxEpochsPerPage = 100
)

// usedCache caches the day's total usage (a scan of the usage table) for usedTTL.
type usedCache struct {
	mu   sync.Mutex
	day  uint64
	at   time.Time
	used *uint256.Int
}

func notServed(what string) error {
	return wire.Errorf(http.StatusNotImplemented, wire.CodeNotFound, "this router does not serve %s", what)
}

type budgetResponse struct {
	*budget.Report
	Used *uint256.Int `json:"used"` // allowance used today by every user: open reservations plus billed amounts
}

func (s *Server) handleBudget(w http.ResponseWriter, r *http.Request) error {
	reports, ok := s.store.(SessionReports)
	if s.cfg.Budget == nil || !ok {
		return notServed("the compute budget")
	}
	rep, err := s.cfg.Budget.Report(r.Context())
	if errors.Is(err, budget.ErrNotStarted) {
		return wire.Errorf(http.StatusServiceUnavailable, wire.CodeUnavailable, "%v", err)
	}
	if err != nil {
		return s.chainDown("budget report", err)
	}
	used, err := s.usedOn(r.Context(), reports, rep.Day)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store")
	wire.WriteJSON(w, http.StatusOK, budgetResponse{Report: rep, Used: used})
	return nil
}

func (s *Server) usedOn(ctx context.Context, reports SessionReports, day uint64) (*uint256.Int, error) {
	c := &s.used
	c.mu.Lock()
	defer c.mu.Unlock()
	now := s.cfg.Now()
	if c.used != nil && c.day == day && now.Sub(c.at) < usedTTL {
		return c.used, nil
	}
	v, err := reports.UsedOnDay(ctx, day)
	if err != nil {
		return nil, err
	}
	c.day, c.at, c.used = day, now, v
	return v, nil
}

type bucketReport struct {
	Start         uint64 `json:"start,string"`
	Sessions      uint64 `json:"sessions,string"`
	BilledSeconds uint64 `json:"billedSeconds,string"`
}

// handleSessionsReport: GET /v1/reports/sessions?hours=N — sessions started per hour over the last N hours
// (default 24, at most 744), the current hour last, empty hours included.
func (s *Server) handleSessionsReport(w http.ResponseWriter, r *http.Request) error {
	reports, ok := s.store.(SessionReports)
	if !ok {
		return notServed("session reports")
	}
	hours, err := intParam(r, "hours", defaultHours, 1, maxHours)
	if err != nil {
		return err
	}
	now := uint64(max(s.cfg.Now().Unix(), 0))
	cur := now / bucketSeconds * bucketSeconds
	from := uint64(0)
	if back := uint64(hours-1) * bucketSeconds; cur > back {
		from = cur - back
	}
	n := int((cur-from)/bucketSeconds) + 1
	bs, err := reports.SessionBuckets(r.Context(), from, bucketSeconds, n)
	if err != nil {
		return err
	}
	out := make([]bucketReport, len(bs))
	for i, b := range bs {
		out[i] = bucketReport{Start: b.Start, Sessions: b.Sessions, BilledSeconds: b.BilledSeconds}
	}
	wire.WriteJSON(w, http.StatusOK, map[string]any{"bucketSeconds": strconv.Itoa(bucketSeconds), "now": strconv.FormatUint(now, 10), "buckets": out})
	return nil
}

// handleEpochsReport: GET /v1/reports/epochs?limit=N — the newest settlement epochs committed to the
// ComputePool (default 12, at most 100), newest first; a vetoed epoch stays listed (vetoed: true) after
// the commit that replaced it.
func (s *Server) handleEpochsReport(w http.ResponseWriter, r *http.Request) error {
	limit, err := intParam(r, "limit", defaultEpochs, 1, maxEpochsPerPage)
	if err != nil {
		return err
	}
	snap := s.book.Snapshot()
	eps := make([]book.Epoch, len(snap.Epochs))
	for i, e := range snap.Epochs {
		eps[len(eps)-1-i] = e // newest commit first
	}
	sort.SliceStable(eps, func(i, j int) bool { return eps[i].Epoch > eps[j].Epoch })
	if len(eps) > limit {
		eps = eps[:limit]
	}
	wire.WriteJSON(w, http.StatusOK, map[string]any{"block": strconv.FormatUint(snap.Block, 10), "epochs": eps})
	return nil
}

func intParam(r *http.Request, name string, def, lo, hi int) (int, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "%s must be an integer from %d to %d", name, lo, hi)
	}
	return n, nil
}
