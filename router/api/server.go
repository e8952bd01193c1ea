// Package api is the router's HTTP service (PROTOCOL §7, protocol/README.md): RFC intake and matching
// (POST /v1/rfc), session close (POST /v1/sessions/{id}/close), the keepers' settlement feed, the public
// reports, and the background work that keeps sessions honest (expiry, nonce pruning, waking queued RFCs,
// judging the closes kept pending while the chain's head could not be read).
// Chain state, storage, allowances and liveness probing come in through small interfaces defined here.
package api

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"

	vm "github.com/VictoriaMetrics/metrics"
	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/internal/netguard"
	"github.com/laketravis/laketravis/internal/ratelimit"
	"github.com/laketravis/laketravis/internal/service"
	"github.com/laketravis/laketravis/keys"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/router/analytics"
	"github.com/laketravis/laketravis/router/book"
	"github.com/laketravis/laketravis/router/health"
	"github.com/laketravis/laketravis/router/liveness"
	"github.com/laketravis/laketravis/router/queue"
	"github.com/laketravis/laketravis/router/store"
)

// Book supplies the current order-book snapshot (the indexer) and what the chain's head holds beyond it.
type Book interface {
	Snapshot() *book.Snapshot
	// SignersAbove returns provider's signer events (settle.SignerSet, chain order) in the blocks above block
	// up to the chain's head: those a snapshot of block has not confirmed yet (index.Indexer.SignersAbove), read
	// as one view of the chain or not at all (an error: a head that cannot be read).
	SignersAbove(ctx context.Context, provider common.Address, block uint64) ([]settle.SignerSet, error)
}

// Allowances supplies the protocol day and users' daily allowances (PROTOCOL §4). Allowance may read
// the chain; Cached answers only what it would answer without.
type Allowances interface {
	Day(ctx context.Context) (uint64, error)
	// DayAt returns the protocol day unix time t falls in (keepers charge a session to the day it closed on).
	DayAt(ctx context.Context, t uint64) (uint64, error)
	Allowance(ctx context.Context, user common.Address, day uint64) (*uint256.Int, error)
	Cached(user common.Address, day uint64) (*uint256.Int, bool)
}

// Prober asks a provider for a fresh liveness proof.
type Prober interface {
	Probe(ctx context.Context, t liveness.Target, model common.Hash) (wire.Capacity, error)
}

// Store is the durable state (*store.DB).
type Store interface {
	CreateSession(ctx context.Context, n store.NewSession) (*store.Session, bool, error)
	SessionByDigest(ctx context.Context, digest common.Hash) (*store.Session, error)
	Session(ctx context.Context, id common.Hash) (*store.Session, error)
	CloseSession(ctx context.Context, c store.Close) (*store.Session, error)
	Clear(ctx context.Context, id common.Hash) (*store.Session, error)
	Feed(ctx context.Context, after uint64, limit int) ([]*store.Session, error)
	DueForExpiry(ctx context.Context, now uint64, limit int) ([]common.Hash, error)
	Used(ctx context.Context, user common.Address, day uint64) (*uint256.Int, error)
	DepositUsed(ctx context.Context, user common.Address, gen uint64) (*uint256.Int, error)
	NonceUsed(ctx context.Context, user common.Address, nonce uint64) (bool, error)
	PruneNonces(ctx context.Context, now uint64) (int64, error)
	ClosedSince(ctx context.Context, since uint64, limit int) ([]*store.Session, error)
	HeldSessions(ctx context.Context, limit int) ([]*store.Session, error)
	Ping(ctx context.Context) error

	// Closes kept pending until they can be judged (closeOrPend).
	ParkClose(ctx context.Context, id common.Hash, closedAt uint64, body []byte, limit int) (store.PendingClose, bool, error)
	PendingCloses(ctx context.Context, id common.Hash) ([]store.PendingClose, error)
	DropPendingClose(ctx context.Context, id common.Hash, seq uint64) error
	SessionsWithPendingCloses(ctx context.Context, limit int) ([]common.Hash, error)
}

// Config tunes the service. Zero values take the defaults noted.
type Config struct {
	Domain    *eip712.Domain
	RouterKey *ecdsa.PrivateKey
	// TicketSigner, when set, signs the tickets (and their closes, signClose) instead of RouterKey: an
	// external signer (clef), one round trip and approval per ticket, so far too slow for a router under
	// load (keys/README.md).
	TicketSigner keys.Signer
	// RetiredSigners are ticket keys this router signed tickets with before TicketSigner (--retired-keystore):
	// each signs only the closes of the sessions whose tickets it signed (signClose), so the sessions opened
	// before a key change keep their close signed, and its proof of key in each liveness answer
	// (handleLiveness), by which providers still find this router to report those closes to; never a ticket.
	RetiredSigners []keys.Signer

	Grace        time.Duration // ticket notAfter = now + maxSeconds + Grace; expiry at notAfter + Grace (default 60s)
	QueueTimeout time.Duration // how long an RFC waits for capacity (default 10s)
	QueueSize    int           // waiting RFCs (default 1024)
	Candidates   int           // providers probed per match round (default 4)
	AdminToken   string        // bearer token of the admin endpoints; empty disables them
	Budget       BudgetSource  // the ComputePool budget for GET /v1/budget; nil: 501
	// Endpoints is the outbound policy the prober applies to providers' endpoints; GET /v1/providers shows
	// the endpoints it refuses. The zero value is the strict (non-devnet) policy.
	Endpoints netguard.Policy
	UserRate  *ratelimit.Keyed // RFCs per user, counted after the signature is checked; nil: no limit
	// ChainReads bounds, per client IP address, the allowances read from the chain (one eth_call each to
	// the node: a user's not cached yet today) by GET /v1/allowance and RFCs, which anyone may ask for any
	// address (a fresh key signs an RFC); a cached one costs nothing. nil: no limit.
	ChainReads *ratelimit.Keyed
	// ChainReadsTotal bounds those reads from every client address together (one bucket, checked after
	// ChainReads): addresses are cheap (an IPv6 /56 is 256 of ChainReads' keys). nil: no bound.
	ChainReadsTotal *ratelimit.Keyed
	// RateIP is the per-client-IP bucket the router command holds the whole API to (ratelimit.PerIP, one
	// token a request). A settlement page (GET /v1/settlement/sessions) of up to limit records takes
	// ratelimit.PageCost(limit) tokens in all from it (a 1000-record page is some 36 ms of CPU and 2 MB): the
	// extra ones here, before the store is read. nil: a page costs nothing more.
	RateIP *ratelimit.Keyed
	// RateLiveness bounds, per client IP address, the liveness answers (POST /v1/liveness), each a
	// signature by the ticket signer (and one by each retired key) that anyone may ask for. nil: no limit.
	// Whatever it allows, one liveness answer is signed at a time and one asked while another is being
	// signed is refused (handleLiveness): an external signer's queue never holds tickets behind liveness.
	RateLiveness *ratelimit.Keyed
	// PublicURLs are the URLs providers reach this router at (--public-url): POST /v1/liveness signs a
	// challenge only bound to one of them (wire.BindLivenessRequest), so a URL relaying it proves nothing.
	// Empty: every liveness request is refused 403.
	PublicURLs []string
	Now        func() time.Time

	// DepositWindow caps a useDeposit ticket: notAfter − now at most this (settle.DepositWindow: the pool's
	// settlementLag minus one keeper epoch, at most half the settlementLag), so the session is settled before
	// a withdrawal requested at its start is paid. Zero: no cap.
	DepositWindow time.Duration
}

// Server is the router's HTTP service. Safe for concurrent use.
type Server struct {
	cfg      Config
	router   common.Address
	book     Book
	allow    Allowances
	prober   Prober
	store    Store
	health   *health.Tracker
	queue    *queue.Queue
	detector *analytics.Detector
	log      *zap.Logger
	metrics  *metrics
	mux      *http.ServeMux
	used     usedCache
	refused  sync.Map // provider address → why the guard refused its endpoint when it was last probed
	verified verifiedCache
	reports  reportMemos
	// pendingMu serialises the judging of a session's closes while it keeps pending ones (pendingLock).
	pendingMu [256]sync.Mutex
	above     aboveCache // checkProviderKeys' head reads for closes its book refuses
	// livenessBusy is held while a liveness answer is signed (handleLiveness takes it without waiting).
	livenessBusy chan struct{}
}

// New builds the server. set receives its metrics (nil: a set of its own, not served).
func New(cfg Config, b Book, allow Allowances, prober Prober, st Store, hl *health.Tracker, set *vm.Set, log *zap.Logger) *Server {
	if cfg.Grace == 0 {
		cfg.Grace = time.Minute
	}
	if cfg.QueueTimeout == 0 {
		cfg.QueueTimeout = 10 * time.Second
	}
	if cfg.QueueSize == 0 {
		cfg.QueueSize = 1024
	}
	if cfg.Candidates == 0 {
		cfg.Candidates = 4
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.TicketSigner == nil {
		cfg.TicketSigner = keys.NewKeySigner(cfg.RouterKey, cfg.Domain.ChainID())
	}
	s := &Server{
		cfg: cfg, router: cfg.TicketSigner.Address(), book: b, allow: allow, prober: prober, store: st,
		health: hl, queue: queue.New(cfg.QueueSize), detector: &analytics.Detector{}, log: log, metrics: newMetrics(set),
		mux: http.NewServeMux(), livenessBusy: make(chan struct{}, 1),
	}
	s.routes()
	return s
}

// Router is the address of the router key (it signs tickets).
func (s *Server) Router() common.Address { return s.router }

// Handler is the HTTP handler; unknown paths and wrong methods get §9 404/405 bodies.
func (s *Server) Handler() http.Handler { return wire.Routes(s.mux, nil) }

func (s *Server) routes() {
	s.mux.HandleFunc("POST /v1/rfc", s.instrument("rfc", s.handleRFC))
	s.mux.HandleFunc("POST /v1/sessions/{id}/close", s.instrument("close", s.handleClose))
	s.mux.HandleFunc("GET /v1/sessions/{id}", s.instrument("session", s.handleSession))
	s.mux.HandleFunc("GET /v1/settlement/sessions", s.instrument("feed", s.handleFeed))
	s.mux.HandleFunc("GET /v1/models", s.instrument("models", s.handleModels))
	s.mux.HandleFunc("GET /v1/providers", s.instrument("providers", s.handleProviders))
	s.mux.HandleFunc("GET /v1/allowance/{user}", s.instrument("allowance", s.handleAllowance))
	s.mux.HandleFunc("GET /v1/reports/popularity", s.instrument("popularity", s.handlePopularity))
	s.mux.HandleFunc("GET /v1/reports/anomalies", s.instrument("anomalies", s.handleAnomalies))
	s.mux.HandleFunc("GET /v1/reports/sessions", s.instrument("sessions_report", s.handleSessionsReport))
	s.mux.HandleFunc("GET /v1/reports/epochs", s.instrument("epochs_report", s.handleEpochsReport))
	s.mux.HandleFunc("GET /v1/budget", s.instrument("budget", s.handleBudget))
	s.mux.HandleFunc("GET /v1/deposits", s.instrument("deposits", s.handleDeposits))
	s.mux.HandleFunc("POST /v1/admin/sessions/{id}/clear", s.instrument("clear", s.handleClear))
	s.mux.HandleFunc("POST /v1/liveness", s.instrument("liveness", s.handleLiveness))
	s.mux.HandleFunc("GET /healthz", s.handleHealthz)
}

// handlerFunc returns an error to be written as a PROTOCOL §9 body.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

func (s *Server) instrument(name string, h handlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		err := h(w, r)
		code := "ok"
		if err != nil {
			if e := (*wire.Error)(nil); errors.As(err, &e) { // also one wrapping a cause (commit's refusals)
				code = e.Code
			} else {
				code = wire.CodeInternal
				s.log.Error("request failed", zap.String("handler", name), zap.String("path", r.URL.Path), zap.Error(err))
			}
			wire.WriteError(w, err)
		}
		s.metrics.served(name, code, time.Since(start))
	}
}

func (s *Server) handleHealthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := s.store.Ping(ctx); err != nil {
		wire.WriteError(w, wire.Errorf(http.StatusServiceUnavailable, wire.CodeUnavailable, "database: %v", err))
		return
	}
	snap := s.book.Snapshot()
	out := map[string]any{"status": "ok", "block": strconv.FormatUint(snap.Block, 10), "router": s.router,
		"authorised": snap.Routers[s.router], "queued": s.queue.Len()}
	if l, ok := s.book.(interface{ Leading() bool }); ok {
		out["indexing"] = l.Leading() // replicas on one database: whether this one indexes the chain
	}
	wire.WriteJSON(w, http.StatusOK, out)
}

// maxLivenessBody bounds a POST /v1/liveness body.
const maxLivenessBody = 4096

// handleLiveness is POST /v1/liveness: the router proves its key to whoever asks, as a provider does to
// its prober, so that a provider's discovery learns which router answers at a URL from a signature, not
// from what /healthz claims (provider/server routerDirectory). The body names the URL the asker reached
// the router at; it must be one of the router's public URLs (Config.PublicURLs: 400 without one, 403 for
// another, wire.BindLivenessRequest). The answer is a Liveness naming the router's address, its challenge
// the body's bound to that URL (wire.BoundChallenge), timestamped now, signed by the key that signs its
// tickets (wire.LivenessResponse, capacity zero; the body's modelId is ignored), and the same Liveness
// naming each retired key, signed by it (Retired, wire.KeyProof): a provider reports the close of a
// session to the key that signed its ticket, so the old key's sessions' closes reach this router after a
// key change (router/README.md, "Changing the ticket key"). A URL relaying a provider's challenge here
// thus gets a proof for the URL it relayed (refused) or for this router's own, which the provider, having
// dialled the relay, does not accept.
//
// Anyone may ask, and each answer is a signature by the key that signs tickets (through an external
// signer, one round trip at a time): answers are held to Config.RateLiveness per client address (429),
// and one is signed at a time; a request arriving while another is being signed is refused 503 with
// Retry-After (a provider's discovery keeps what it knew of a URL answering 5xx and asks again later),
// so liveness never queues more than one signature ahead of a ticket's.
func (s *Server) handleLiveness(w http.ResponseWriter, r *http.Request) error {
	if err := s.cfg.RateLiveness.Check(w, ratelimit.ClientIP(r)); err != nil {
		return err
	}
	body, err := readBody(r, maxLivenessBody)
	if err != nil {
		return err
	}
	var req wire.LivenessRequest
	if err := json.Unmarshal(body, &req); err != nil {
		return wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, `liveness body must be JSON {"challenge": "0x<64 hex digits>", "url": "<the URL you reached this router at>"}: %v`, err)
	}
	challenge, err := wire.BindLivenessRequest(&req, s.cfg.PublicURLs)
	if err != nil {
		return err
	}
	select {
	case s.livenessBusy <- struct{}{}:
		defer func() { <-s.livenessBusy }()
	default:
		ratelimit.Retry(w, time.Second)
		return wire.Errorf(http.StatusServiceUnavailable, wire.CodeUnavailable, "busy signing another liveness answer: retry in a second")
	}
	l := eip712.Liveness{Provider: s.router, Challenge: challenge, Timestamp: uint64(s.cfg.Now().Unix())}
	sig, err := s.cfg.TicketSigner.SignTyped(r.Context(), s.cfg.Domain, &l)
	if err != nil {
		return fmt.Errorf("sign liveness: %w", err)
	}
	lr := wire.LivenessResponse{Liveness: l, Signature: sig}
	for _, k := range s.cfg.RetiredSigners {
		p := wire.KeyProof{Liveness: eip712.Liveness{Provider: k.Address(), Challenge: challenge, Timestamp: l.Timestamp}}
		if p.Signature, err = k.SignTyped(r.Context(), s.cfg.Domain, &p.Liveness); err != nil {
			return fmt.Errorf("sign liveness of retired key %s: %w", k.Address(), err)
		}
		lr.Retired = append(lr.Retired, p)
	}
	wire.WriteJSON(w, http.StatusOK, lr)
	return nil
}

// Run does the background work until ctx ends: closes expired sessions, prunes nonces, wakes queued RFCs,
// and judges the closes kept pending (JudgePending; in a loop of its own, as its chain reads may wait on a
// node that does not answer). It returns once all of it has stopped.
func (s *Server) Run(ctx context.Context, every time.Duration) {
	var wg sync.WaitGroup
	defer wg.Wait()
	wg.Add(1)
	go func() {
		defer wg.Done()
		s.runPending(ctx, every)
	}()
	t := time.NewTicker(every)
	defer t.Stop()
	lastPrune := time.Time{}
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if err := s.ExpireDue(ctx); err != nil && ctx.Err() == nil {
			s.log.Warn("expiry failed", zap.Error(err))
		}
		now := s.cfg.Now()
		if now.Sub(lastPrune) > time.Minute {
			if n, err := s.store.PruneNonces(ctx, uint64(now.Unix())); err != nil {
				s.log.Warn("nonce pruning failed", zap.Error(err))
			} else if n > 0 {
				s.log.Debug("pruned nonces", zap.Int64("count", n))
			}
			lastPrune = now
		}
		// Capacity may have freed at providers without a close reaching us: let a queued RFC re-probe.
		s.queue.Signal()
	}
}

// pendingBatch bounds the sessions JudgePending reads per round.
const pendingBatch = 100

// runPending judges the pending closes every round until ctx ends.
func (s *Server) runPending(ctx context.Context, every time.Duration) {
	service.Every(ctx, every, func(ctx context.Context) error { return s.JudgePending(ctx, pendingBatch) }, func(err error) {
		s.log.Warn("judging pending closes failed", zap.Error(err))
	})
}

// ExpireDue closes every open session past its expiry as expired, billing nothing; a session keeping
// pending closes does not expire (store.DueForExpiry) until they are judged.
func (s *Server) ExpireDue(ctx context.Context) error {
	now := uint64(s.cfg.Now().Unix())
	ids, err := s.store.DueForExpiry(ctx, now, 500)
	if err != nil {
		return err
	}
	for _, id := range ids {
		sess, err := s.store.Session(ctx, id)
		if err != nil {
			return err
		}
		c := store.Close{ID: id, Reason: wire.CloseExpired, ClosedAt: now}
		s.signClose(ctx, sess, &c)
		sess, err = s.store.CloseSession(ctx, c)
		if err != nil {
			if errors.Is(err, store.ErrSessionClosed) {
				continue // closed concurrently
			}
			return err
		}
		s.metrics.closes.With(wire.CloseExpired).Inc()
		s.health.Released(sess.Ticket.Provider)
		s.queue.Signal()
	}
	return nil
}
