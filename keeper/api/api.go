// Package api is the keeper's HTTP interface (protocol/README.md): the published batch files, claim
// proofs against the newest claimable root, credits in the newest committed root (dispute window
// included), withdrawal (spend) proofs, rejected settlement records, epochs, /healthz and /metrics.
package api

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/internal/ratelimit"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/protocol/merkle"
	"github.com/laketravis/laketravis/protocol/wire"
)

// Server serves the keeper's HTTP API. It is safe for concurrent use.
type Server struct {
	ledger  *ledger.Ledger
	metrics http.Handler
	log     *zap.Logger
	perIP   *ratelimit.Keyed // RateLimited's bucket: a listing page takes ratelimit.PageCost of it (nil: free)

	mu        sync.Mutex
	treeID    int64 // epoch row of the cached tree
	tree      *merkle.Tree
	creditsID int64 // epoch row of the cached credits
	credits   map[common.Address]*uint256.Int
}

// New returns the API over l, serving metrics at /metrics (nil: no /metrics).
func New(l *ledger.Ledger, metrics http.Handler, log *zap.Logger) *Server {
	if log == nil {
		log = zap.NewNop()
	}
	return &Server{ledger: l, metrics: metrics, log: log.Named("api")}
}

// RateLimited returns the routes with every client IP address held to perIP (ratelimit.PerIP, one token a
// request), a listing page (GET /v1/rejected, /v1/epochs) of up to limit records taking
// ratelimit.PageCost(limit) tokens in all. A nil perIP: no limit.
func (s *Server) RateLimited(perIP *ratelimit.Keyed) http.Handler {
	s.perIP = perIP
	return perIP.PerIP(s.Handler())
}

// Handler returns the routes.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/batches/{epoch}", s.batch)
	mux.HandleFunc("GET /v1/batches/{epoch}/{batchHash}", s.batchByHash)
	mux.HandleFunc("GET /v1/proofs/{account}", s.proof)
	mux.HandleFunc("GET /v1/credits/{account}", s.credit)
	mux.HandleFunc("GET /v1/spend/{user}", s.spend)
	mux.HandleFunc("GET /v1/rejected", s.rejected)
	mux.HandleFunc("GET /v1/epochs", s.epochs)
	mux.HandleFunc("GET /v1/feeds", s.feeds)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		if _, err := s.ledger.NewestEpochs(r.Context(), 1); err != nil {
			wire.WriteError(w, wire.Errorf(http.StatusServiceUnavailable, wire.CodeUnavailable, "database: %v", err))
			return
		}
		wire.WriteJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	if s.metrics != nil {
		mux.Handle("GET /metrics", s.metrics)
	}
	return wire.Routes(mux, nil) // unknown paths and wrong methods: §9 404/405
}

// batch: GET /v1/batches/{epoch} (wire.EpochBatchPath), the epoch's latest batch file: the uri of commits
// made before the content-addressed one (batchByHash), kept for them, people and tools.
func (s *Server) batch(w http.ResponseWriter, r *http.Request) {
	// An epoch vetoed and committed again has another file at the same path: a cache between the keeper and
	// a guard must not serve the old one (the guard would take the new commit's file for withheld).
	w.Header().Set("Cache-Control", "no-store")
	n, ok := epochParam(w, r)
	if !ok || !canonical(w, r, wire.EpochBatchPath(n)) {
		return
	}
	if e, ok := s.liveBatch(w, r, n); ok {
		s.serveBatch(w, r, e)
	}
}

// batchByHash: GET /v1/batches/{epoch}/{batchHash} (wire.BatchPath), the uri the keeper commits: the file
// of epoch whose keccak256 (recorded when it was written, the commit's batchHash) is batchHash, so the
// bytes at the path never change and any cache may keep them. Any file the keeper wrote for the epoch and
// still holds is served, the live root's and a discarded one's (vetoed or abandoned: every assembly keeps
// its row and its file): anyone may read the file a guardian vetoed. A hash the epoch never had is a 404
// naming the hash of its live file.
func (s *Server) batchByHash(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store") // an error answer is not kept: only the file is for good
	h, err := wire.ParseBatchHash(r.PathValue("batchHash"))
	if err != nil {
		wire.WriteError(w, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "%v", err))
		return
	}
	n, ok := epochParam(w, r)
	if !ok || !canonical(w, r, wire.BatchPath(n, h)) {
		return
	}
	e, err := s.ledger.EpochByBatchHash(r.Context(), n, h)
	if errors.Is(err, store.ErrNotFound) {
		if live, ok := s.liveBatch(w, r, n); ok {
			wire.WriteError(w, wire.Errorf(http.StatusNotFound, wire.CodeNotFound,
				"no batch file %s for epoch %d: the epoch's file has batchHash %s (%s)", h, n, live.BatchHash,
				wire.BatchPath(n, live.BatchHash)))
		}
		return
	}
	if err != nil {
		s.fail(w, err)
		return
	}
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	w.Header().Set("ETag", `"`+h.Hex()+`"`) // http.ServeContent answers If-None-Match with 304
	s.serveBatch(w, r, e)
}

// canonical reports whether the request's path is path, the batch file's one spelling as package wire
// builds it (the epoch in decimal without leading zeros, the hash in lowercase 0x-hex, nothing
// percent-encoded); else it answers a §9 404 naming path. Another spelling of the same epoch and hash
// (0X, upper-case hex, 007, %34) is refused, so that each file has one URL: every spelling would be a
// cache entry of its own for bytes cached for good, and a second name for one file. A 404 rather than a
// 308 redirect to path: every uri a keeper commits is built by wire.BatchPath, and the guard's fetcher
// follows no redirects (netguard), so a redirect would serve only the spellings of people and tools, keep
// them working (pasted, linked, the redirect itself cached for good), and answer them otherwise than the
// guard; the 404, never cached, names the path to use.
func canonical(w http.ResponseWriter, r *http.Request, path string) bool {
	if got := r.URL.EscapedPath(); got != path {
		wire.WriteError(w, wire.Errorf(http.StatusNotFound, wire.CodeNotFound,
			"%s is not the batch file's path: it is %s (the epoch in decimal without leading zeros, the batchHash in lowercase 0x-hex)",
			got, path))
		return false
	}
	return true
}

// epochParam reads the request's {epoch}, answering a 400 itself and returning false when malformed.
func epochParam(w http.ResponseWriter, r *http.Request) (uint64, bool) {
	n, err := strconv.ParseUint(r.PathValue("epoch"), 10, 64)
	if err != nil {
		wire.WriteError(w, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "epoch must be a decimal number"))
		return 0, false
	}
	return n, true
}

// liveBatch returns live epoch n with a batch file, answering the error itself (404 without a file) and
// returning false then.
func (s *Server) liveBatch(w http.ResponseWriter, r *http.Request, n uint64) (*ledger.EpochRow, bool) {
	e, err := s.ledger.LiveEpoch(r.Context(), n)
	switch {
	case errors.Is(err, store.ErrNotFound) || err == nil && e.BatchFile == "":
		wire.WriteError(w, wire.Errorf(http.StatusNotFound, wire.CodeNotFound, "no batch file for epoch %d", n))
		return nil, false
	case err != nil:
		s.fail(w, err)
		return nil, false
	}
	return e, true
}

// serveBatch answers with e's batch file. A file recorded but not readable (the batch directory lost or
// restored without it) is the keeper's fault: a §9 500, never cached (http.ServeFile would answer a plain
// 404 without the envelope nor Cache-Control, which a cache in front could keep for the committed uri).
func (s *Server) serveBatch(w http.ResponseWriter, r *http.Request, e *ledger.EpochRow) {
	f, err := os.Open(e.BatchFile)
	var info os.FileInfo
	if err == nil {
		if info, err = f.Stat(); err != nil {
			f.Close()
		}
	}
	if err != nil {
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Del("ETag")
		s.fail(w, fmt.Errorf("batch file of epoch %d: %w", e.Number, err))
		return
	}
	defer f.Close()
	w.Header().Set("Content-Type", "application/json")
	http.ServeContent(&refusalEnvelope{ResponseWriter: w}, r, "", info.ModTime(), f)
}

// refusalEnvelope is the ResponseWriter http.ServeContent answers through: its refusals of a request's own
// headers (a Range past the file's end 416, a failed If-Match or If-Unmodified-Since 412), which it writes
// in plain text or with no body, become the PROTOCOL §9 envelope, never cached. Anyone may send them.
type refusalEnvelope struct {
	http.ResponseWriter
	refused bool
}

func (w *refusalEnvelope) WriteHeader(status int) {
	if status < http.StatusBadRequest {
		w.ResponseWriter.WriteHeader(status)
		return
	}
	w.refused = true
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Del("ETag")
	h.Del("Last-Modified")
	msg := strings.ToLower(http.StatusText(status))
	switch status {
	case http.StatusRequestedRangeNotSatisfiable:
		msg = "no byte of the range is in the batch file (its size is in Content-Range)"
	case http.StatusPreconditionFailed:
		msg = "the batch file does not meet the request's If-Match or If-Unmodified-Since"
	}
	wire.WriteError(w.ResponseWriter, wire.Errorf(status, wire.CodeBadRequest, "%s", msg))
}

// Write drops the body ServeContent writes after a refusal (its plain-text message).
func (w *refusalEnvelope) Write(b []byte) (int, error) {
	if w.refused {
		return len(b), nil
	}
	return w.ResponseWriter.Write(b)
}

// ReadFrom keeps the file's copy to the connection a sendfile, as without the wrapper.
func (w *refusalEnvelope) ReadFrom(r io.Reader) (int64, error) {
	if w.refused {
		return io.Copy(io.Discard, r)
	}
	return io.Copy(w.ResponseWriter, r)
}

// accountEpoch reads the request's {account} and the epoch newest returns, answering the error itself
// (400 for a malformed account, 404 naming what (e.g. "claimable") when there is no such epoch) and
// returning false then.
func (s *Server) accountEpoch(w http.ResponseWriter, r *http.Request, newest func(context.Context) (*ledger.EpochRow, error),
	what string) (common.Address, *ledger.EpochRow, bool) {
	a := r.PathValue("account")
	if !common.IsHexAddress(a) {
		wire.WriteError(w, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "account must be a 0x address"))
		return common.Address{}, nil, false
	}
	e, err := newest(r.Context())
	if errors.Is(err, store.ErrNotFound) {
		wire.WriteError(w, wire.Errorf(http.StatusNotFound, wire.CodeNotFound, "no %s epoch yet", what))
		return common.Address{}, nil, false
	}
	if err != nil {
		s.fail(w, err)
		return common.Address{}, nil, false
	}
	return common.HexToAddress(a), e, true
}

func (s *Server) proof(w http.ResponseWriter, r *http.Request) {
	account, e, ok := s.accountEpoch(w, r, s.ledger.NewestClaimable, "claimable")
	if !ok {
		return
	}
	tree, err := s.treeOf(r.Context(), e.ID)
	if err != nil {
		s.fail(w, err)
		return
	}
	proof, amount, err := tree.Proof(account)
	if errors.Is(err, merkle.ErrNotFound) {
		wire.WriteError(w, wire.Errorf(http.StatusNotFound, wire.CodeNotFound, "%s has no credit in epoch %d", account, e.Number))
		return
	}
	if err != nil {
		s.fail(w, err)
		return
	}
	if proof == nil {
		proof = []common.Hash{}
	}
	wire.WriteJSON(w, http.StatusOK, wire.Proof{Account: account, CumulativeAmount: &amount, Proof: proof, Epoch: e.Number, Root: e.Root})
}

// credit answers an account's cumulative credit in the newest committed root (wire.CommittedCredit),
// claimable or still in its dispute window: what /v1/proofs does not show yet.
func (s *Server) credit(w http.ResponseWriter, r *http.Request) {
	account, e, ok := s.accountEpoch(w, r, s.ledger.NewestCommitted, "committed")
	if !ok {
		return
	}
	amount, err := s.creditIn(r.Context(), e.ID, account)
	if errors.Is(err, merkle.ErrNotFound) {
		wire.WriteError(w, wire.Errorf(http.StatusNotFound, wire.CodeNotFound, "%s has no credit in epoch %d", account, e.Number))
		return
	}
	if err != nil {
		s.fail(w, err)
		return
	}
	wire.WriteJSON(w, http.StatusOK, wire.CommittedCredit{Account: account, CumulativeAmount: amount, Epoch: e.Number, Root: e.Root,
		ClaimableAt: e.ClaimableAt, Claimable: e.State == store.StateClaimable})
}

// creditIn returns account's cumulative amount in epoch row id's leaves, or merkle.ErrNotFound. The newest
// committed epoch's leaves are kept by account (one epoch at a time, as treeOf keeps one tree).
func (s *Server) creditIn(ctx context.Context, id int64, account common.Address) (*uint256.Int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.credits == nil || s.creditsID != id {
		leaves, err := s.ledger.Leaves(ctx, id)
		if err != nil {
			return nil, err
		}
		m := make(map[common.Address]*uint256.Int, len(leaves))
		for _, l := range leaves {
			m[l.Account] = l.Amount
		}
		s.credits, s.creditsID = m, id
	}
	v, ok := s.credits[account]
	if !ok {
		return nil, merkle.ErrNotFound
	}
	return new(uint256.Int).Set(v), nil
}

// spend answers a user's withdrawal proof: its cumulative spend in the newest claimable spend tree.
func (s *Server) spend(w http.ResponseWriter, r *http.Request) {
	a := r.PathValue("user")
	if !common.IsHexAddress(a) {
		wire.WriteError(w, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "user must be a 0x address"))
		return
	}
	p, err := s.ledger.SpendProof(r.Context(), common.HexToAddress(a))
	if errors.Is(err, store.ErrNotFound) {
		wire.WriteError(w, wire.Errorf(http.StatusNotFound, wire.CodeNotFound, "%v", err))
		return
	}
	if err != nil {
		s.fail(w, err)
		return
	}
	wire.WriteJSON(w, http.StatusOK, p)
}

// treeOf returns the tree of epoch row id, built once and cached (only the newest claimable is asked for).
func (s *Server) treeOf(ctx context.Context, id int64) (*merkle.Tree, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.tree != nil && s.treeID == id {
		return s.tree, nil
	}
	leaves, err := s.ledger.Leaves(ctx, id)
	if err != nil {
		return nil, err
	}
	entries := make([]merkle.Entry, len(leaves))
	for i, l := range leaves {
		entries[i] = merkle.Entry{Account: l.Account, Amount: *l.Amount}
	}
	t, err := merkle.Build(entries)
	if err != nil {
		return nil, err
	}
	s.tree, s.treeID = t, id
	return t, nil
}

// rejected: GET /v1/rejected?after=<cursor>&limit=<1–1000, default 100>. A malformed or out-of-range
// parameter is a 400, not read as 0 or the default.
func (s *Server) rejected(w http.ResponseWriter, r *http.Request) {
	after := int64(0)
	if v := r.URL.Query().Get("after"); v != "" {
		var err error
		if after, err = strconv.ParseInt(v, 10, 64); err != nil || after < 0 {
			wire.WriteError(w, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "after must be a cursor (a decimal integer ≥ 0), got %q", v))
			return
		}
	}
	limit, err := s.limitParam(w, r)
	if err != nil {
		wire.WriteError(w, err)
		return
	}
	list, err := s.ledger.RejectedAfter(r.Context(), after, limit)
	if err != nil {
		s.fail(w, err)
		return
	}
	wire.WriteJSON(w, http.StatusOK, map[string]any{"rejected": list})
}

// EpochView is one epoch in GET /v1/epochs.
type EpochView struct {
	Epoch       uint64      `json:"epoch,string"`
	State       string      `json:"state"`
	Root        common.Hash `json:"root"`
	Total       string      `json:"cumulativeTotal"`
	Delta       string      `json:"delta"`
	FactorN     string      `json:"factorNumerator"`
	FactorD     string      `json:"factorDenominator"`
	Sessions    int64       `json:"sessions,string"`
	BatchHash   common.Hash `json:"batchHash"`
	TxHash      common.Hash `json:"txHash"`
	ClaimableAt uint64      `json:"claimableAt,string"`
	Claims      string      `json:"claims"`
}

// maxPage bounds the items of a listing (GET /v1/rejected, /v1/epochs): each request's read is bounded
// whatever the keeper has accumulated; defaultPage is a listing's when the query names none.
const maxPage, defaultPage = 1000, 100

// limitParam is the query's limit: 1 to maxPage, defaultPage when absent; anything else is a 400. A page
// of up to limit records then takes its cost from the client's bucket (ratelimit.PageCost): refused 429
// before anything is read when there is not enough.
func (s *Server) limitParam(w http.ResponseWriter, r *http.Request) (int, error) {
	n := defaultPage
	if v := r.URL.Query().Get("limit"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 1 || n > maxPage {
			return 0, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "limit must be an integer from 1 to %d, got %q", maxPage, v)
		}
	}
	return n, s.perIP.CheckPage(w, r, n)
}

// epochs: GET /v1/epochs?limit=<1–1000, default 100>: the newest live epochs, by number (an epoch's batch
// file stays at wire.BatchPath and wire.EpochBatchPath after it leaves the page).
func (s *Server) epochs(w http.ResponseWriter, r *http.Request) {
	limit, err := s.limitParam(w, r)
	if err != nil {
		wire.WriteError(w, err)
		return
	}
	list, err := s.ledger.NewestEpochs(r.Context(), limit)
	if err != nil {
		s.fail(w, err)
		return
	}
	out := make([]EpochView, len(list))
	for i, e := range list {
		out[i] = EpochView{Epoch: e.Number, State: e.State, Root: e.Root, Total: e.Total.Dec(), Delta: e.Delta.Dec(),
			FactorN: e.FactorN.Dec(), FactorD: e.FactorD.Dec(), Sessions: e.Sessions, BatchHash: e.BatchHash,
			TxHash: e.TxHash, ClaimableAt: e.ClaimableAt, Claims: e.Claims}
	}
	wire.WriteJSON(w, http.StatusOK, map[string]any{"epochs": out})
}

// feeds: GET /v1/feeds — where the keeper stands in each router's settlement feed (wire.KeeperFeeds).
func (s *Server) feeds(w http.ResponseWriter, r *http.Request) {
	list, err := s.ledger.Feeds(r.Context())
	if err != nil {
		s.fail(w, err)
		return
	}
	out := wire.KeeperFeeds{Feeds: make([]wire.KeeperFeed, len(list))}
	for i, f := range list {
		out.Feeds[i] = wire.KeeperFeed{URL: f.URL, Cursor: f.Cursor, Settled: f.Settled}
	}
	wire.WriteJSON(w, http.StatusOK, out)
}

func (s *Server) fail(w http.ResponseWriter, err error) {
	s.log.Error("request failed", zap.Error(err))
	wire.WriteError(w, err)
}
