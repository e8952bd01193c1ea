package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
)

// ErrUnreachable marks failures that mean the peer is gone or broken rather than that it refused the
// request: connection errors, timeouts, and HTTP 5xx answers. The gateway fails over on it.
var ErrUnreachable = errors.New("client: peer unreachable")

// DefaultRouterTimeout is how long RouterClient gives one router to answer one call (SetTimeout): a router
// that accepts the connection and never answers is unreachable past it, and the call goes on to the next
// router of the list, as for a refused connection. Without it such a router, kept current by the sticky
// fail-over, would hold every call for as long as its caller waits (lt chat: forever). It covers an RFC's
// wait in the router's queue (router --queue-timeout, 10 s by default) and its liveness probes (2 s each).
const DefaultRouterTimeout = 30 * time.Second

// maxAnswer bounds a JSON answer read from a router or provider (non-streaming chat answers included).
const maxAnswer = 64 << 20

// RouterClient talks to a router's public HTTP API (protocol/README.md "Router"), given one or several
// base URLs: independent routers, or replicas of one. A call goes to the current router and, when it is
// unreachable (connection refused, timeout, HTTP 5xx: ErrUnreachable), to the next URL of the list in
// turn; the first that answers becomes the current one (sticky), so a working router keeps the traffic
// until it fails. A refusal (4xx) is an answer: it is returned, never retried elsewhere, except what
// another router says after the current one failed that is not an answer to the call (do, answered: its
// rate_limited, and for a session's call whatever does not presuppose holding the session). It is safe
// for concurrent use.
type RouterClient struct {
	bases []string
	cur   *atomic.Int32 // index in bases of the current router (shared by the pinned copies of At)
	http  *http.Client
	// timeout bounds each router's attempt at a call (0: DefaultRouterTimeout).
	timeout time.Duration
	// unpinned: no router of bases is known to be the session's (SessionRouterUnknown), so for a session's
	// call the first router asked answers only as every other does (answered).
	unpinned bool
}

// NewRouterClient returns a client for the router(s) at baseURLs: one base URL ("http://host:port") or a
// comma-separated list, tried in that order. hc nil means http.DefaultClient. Each router's attempt at a
// call is bounded (SetTimeout, DefaultRouterTimeout); callers bound the whole call with its context.
func NewRouterClient(baseURLs string, hc *http.Client) *RouterClient {
	if hc == nil {
		hc = http.DefaultClient
	}
	var bases []string
	for _, u := range strings.Split(baseURLs, ",") {
		if u = strings.TrimRight(strings.TrimSpace(u), "/"); u != "" {
			bases = append(bases, u)
		}
	}
	if len(bases) == 0 {
		bases = []string{""}
	}
	return &RouterClient{bases: bases, cur: new(atomic.Int32), http: hc}
}

// SetTimeout sets how long each router is given to answer one call (0: DefaultRouterTimeout; see there).
// A router whose queue may hold an RFC longer (router --queue-timeout) needs more. Call it before c is used;
// the copies c makes afterwards (a session's router) keep it.
func (c *RouterClient) SetTimeout(d time.Duration) { c.timeout = d }

// URL returns the current router's base URL.
func (c *RouterClient) URL() string { return c.bases[c.cur.Load()] }

// URLs returns every base URL, in failover order.
func (c *RouterClient) URLs() []string { return slices.Clone(c.bases) }

// pinned returns a copy of c whose current router is the one at index i, independent of c's: a session
// closes at the router that issued its ticket first.
func (c *RouterClient) pinned(i int32) *RouterClient {
	p := &RouterClient{bases: c.bases, cur: new(atomic.Int32), http: c.http, timeout: c.timeout}
	p.cur.Store(i)
	return p
}

// SessionRouterUnknown returns a copy of c, sharing its current router, for the calls of a session whose
// router is not known (lt close of a saved session without its router's address): none of the list is the
// session's own router, so for a call under /v1/sessions/{id} even the first router asked answers only
// with a session holder's answer (wire.IsSessionHoldersAnswer), and its unknown_session, or an older
// version's bad_request, sends the call on along the list as another router's would.
func (c *RouterClient) SessionRouterUnknown() *RouterClient {
	return &RouterClient{bases: c.bases, cur: c.cur, http: c.http, timeout: c.timeout, unpinned: true}
}

// PostRFC sends a signed RFC (POST /v1/rfc) and returns the router's grant. A refusal comes back as a
// *wire.Error (allowance_exhausted, no_provider, nonce_reused, …).
func (c *RouterClient) PostRFC(ctx context.Context, rfc eip712.SignedRFC) (*wire.RFCResponse, error) {
	g, _, err := c.PostRFCAt(ctx, rfc)
	return g, err
}

// PostRFCAt is PostRFC that also returns a client whose current router is the one that granted the
// session (its later calls — the session's close — go there first).
func (c *RouterClient) PostRFCAt(ctx context.Context, rfc eip712.SignedRFC) (*wire.RFCResponse, *RouterClient, error) {
	var out wire.RFCResponse
	i, err := c.do(ctx, http.MethodPost, "/v1/rfc", rfc, &out)
	if err != nil {
		return nil, nil, fmt.Errorf("router: rfc: %w", err)
	}
	return &out, c.pinned(i), nil
}

// Close closes a session at the router (POST /v1/sessions/{id}/close) with the receipt and whichever
// signatures the caller holds. With only the user's signature the router settles by rule and flags the
// session (PROTOCOL §7 step 5).
func (c *RouterClient) Close(ctx context.Context, sessionID common.Hash, req wire.CloseRequest) (*wire.SessionRecord, error) {
	var out wire.SessionRecord
	if _, err := c.do(ctx, http.MethodPost, "/v1/sessions/"+sessionID.Hex()+"/close", req, &out); err != nil {
		return nil, fmt.Errorf("router: close %s: %w", sessionID, err)
	}
	return &out, nil
}

// Session returns the router's record of a session (GET /v1/sessions/{id}).
func (c *RouterClient) Session(ctx context.Context, sessionID common.Hash) (*wire.SessionRecord, error) {
	var out wire.SessionRecord
	if _, err := c.do(ctx, http.MethodGet, "/v1/sessions/"+sessionID.Hex(), nil, &out); err != nil {
		return nil, fmt.Errorf("router: session %s: %w", sessionID, err)
	}
	return &out, nil
}

// Model is one model of the market as the router lists it (GET /v1/models). Name is "name:tag".
type Model struct {
	Name    string          `json:"name"`
	ModelID common.Hash     `json:"modelId"`
	Raw     json.RawMessage `json:"-"`
}

// Models lists the market's models. The router's answer may be a JSON array or an object holding the
// array under "models" or "data"; an entry names its model under "name", "model" or "id".
func (c *RouterClient) Models(ctx context.Context) ([]Model, error) {
	var raw json.RawMessage
	if _, err := c.do(ctx, http.MethodGet, "/v1/models", nil, &raw); err != nil {
		return nil, fmt.Errorf("router: models: %w", err)
	}
	models, err := decodeModels(raw)
	if err != nil {
		return nil, fmt.Errorf("router: models: %w", err)
	}
	return models, nil
}

func decodeModels(raw []byte) ([]Model, error) {
	var list []json.RawMessage
	if err := json.Unmarshal(raw, &list); err != nil {
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(raw, &obj); err != nil {
			return nil, fmt.Errorf("unexpected answer: %w", err)
		}
		inner, ok := obj["models"]
		if !ok {
			inner = obj["data"]
		}
		if err := json.Unmarshal(inner, &list); err != nil {
			return nil, errors.New(`unexpected answer: no "models" or "data" array`)
		}
	}
	out := make([]Model, 0, len(list))
	for _, e := range list {
		var v struct {
			Name    string `json:"name"`
			Model   string `json:"model"`
			ID      string `json:"id"`
			ModelID string `json:"modelId"`
		}
		if err := json.Unmarshal(e, &v); err != nil {
			return nil, fmt.Errorf("model entry: %w", err)
		}
		m := Model{Raw: e}
		for _, n := range []string{v.Name, v.Model, v.ID} {
			if _, err := ParseModel(n); err == nil {
				m.Name = n
				break
			}
		}
		if m.Name == "" {
			continue // not a name:tag entry we can route to
		}
		m.ModelID, _ = ParseModel(m.Name)
		out = append(out, m)
	}
	return out, nil
}

// RouterAllowance is the router's account of a user's allowance today (GET /v1/allowance/{user}),
// MOR-wei: Used is what its sessions hold — reservations of open sessions plus amounts billed by closed
// ones — and Remaining what new RFCs may still reserve. Reserved and Spent split Used when the router
// reports them separately (nil otherwise).
type RouterAllowance struct {
	User      common.Address  `json:"user"`
	Day       *uint64         `json:"day,omitempty"`
	Allowance *uint256.Int    `json:"allowance,omitempty"`
	Used      *uint256.Int    `json:"used"`
	Remaining *uint256.Int    `json:"remaining,omitempty"`
	Reserved  *uint256.Int    `json:"reserved,omitempty"`
	Spent     *uint256.Int    `json:"spent,omitempty"`
	Raw       json.RawMessage `json:"-"`
}

// Allowance asks the router what it holds of user's allowance today. Amounts may be decimal strings or
// JSON numbers.
func (c *RouterClient) Allowance(ctx context.Context, user common.Address) (*RouterAllowance, error) {
	var raw map[string]json.RawMessage
	if _, err := c.do(ctx, http.MethodGet, "/v1/allowance/"+user.Hex(), nil, &raw); err != nil {
		return nil, fmt.Errorf("router: allowance: %w", err)
	}
	return decodeAllowance(user, raw)
}

func decodeAllowance(user common.Address, raw map[string]json.RawMessage) (*RouterAllowance, error) {
	out := &RouterAllowance{User: user}
	out.Raw, _ = json.Marshal(raw)
	var firstErr error
	amount := func(name string) *uint256.Int {
		v, ok := raw[name]
		if !ok || string(v) == "null" {
			return nil
		}
		z, err := uint256.FromDecimal(strings.Trim(string(v), `"`))
		if err != nil && firstErr == nil {
			firstErr = fmt.Errorf("router: allowance: %s: %w", name, err)
		}
		return z
	}
	out.Allowance, out.Used, out.Remaining = amount("allowance"), amount("used"), amount("remaining")
	out.Reserved, out.Spent = amount("reserved"), amount("spent")
	if d := amount("day"); d != nil && d.IsUint64() {
		day := d.Uint64()
		out.Day = &day
	}
	if firstErr != nil {
		return nil, firstErr
	}
	if out.Used == nil {
		out.Used = new(uint256.Int)
		for _, p := range []*uint256.Int{out.Reserved, out.Spent} {
			if p != nil {
				out.Used.Add(out.Used, p)
			}
		}
	}
	if out.Remaining == nil && out.Allowance != nil {
		out.Remaining = new(uint256.Int)
		if out.Allowance.Gt(out.Used) {
			out.Remaining.Sub(out.Allowance, out.Used)
		}
	}
	return out, nil
}

// do sends a JSON request to the current router, failing over along the list while routers are
// unreachable, and decodes a 2xx JSON answer into out; other answers become *wire.Error. It returns the
// index of the router that answered, which becomes the current one.
//
// The router do starts at answers whatever it says, unless it is unreachable, or unless it is a session's
// call and c does not know the session's router (SessionRouterUnknown). Otherwise whether a router's answer
// is the call's answer is answered's rule: for a call under /v1/sessions/{id} a 2xx or a refusal that
// presupposes holding the session (wire.IsSessionHoldersAnswer); for any other call every answer but
// rate_limited. Anything else is remembered and do goes on along the list; if no router answers, do
// returns the first router's failure (what callers branch on: ErrUnreachable, its 503's *wire.Error),
// its text followed by what each other router said (an unanswered).
func (c *RouterClient) do(ctx context.Context, method, path string, in, out any) (int32, error) {
	var body []byte
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return 0, err
		}
		body = b
	}
	session := strings.HasPrefix(path, "/v1/sessions/")
	start := c.cur.Load()
	var (
		first  error    // the first router's failure: it was unreachable, or said nothing of the session
		others []string // what the routers after it said, none of it the call's answer
	)
	for k := range int32(len(c.bases)) {
		i := (start + k) % int32(len(c.bases))
		err := c.doAt(ctx, c.bases[i], method, path, body, out)
		own := k == 0 && !(session && c.unpinned) // the session's router, or for another call the current one
		switch {
		case own && !errors.Is(err, ErrUnreachable), !own && answered(session, err):
			c.cur.CompareAndSwap(start, i)
			return i, err
		case k == 0:
			first = err
		default:
			others = append(others, c.bases[i]+": "+err.Error())
		}
		if ctx.Err() != nil {
			break
		}
	}
	if len(others) == 0 {
		return start, first
	}
	return start, &unanswered{first: first, base: c.bases[start], others: others}
}

// answered reports whether err, from a router other than the one do started at (which was unreachable),
// or from that one when c does not know the session's router, is the call's answer. rate_limited never is
// (that router's per-address limit says "later", not no). For a session's call, only a router that holds
// the session can answer: a 2xx, or a refusal wire.IsSessionHoldersAnswer takes (session_closed, expired,
// bad_signature, bad_provider_signature: a replica sharing the session router's database says them about
// the session, and the caller acts on them). Any other refusal — unknown_session from a router that does not share the session
// router's database, or a stranger's 400 on a body field its older version does not know, its 404 not_found
// or 405 — says nothing about the session, and the session's router, back a moment later, or another
// router of the list would take the call. For any other call (an RFC, models, allowance) every router
// serves it, and its refusal is an answer.
func answered(session bool, err error) bool {
	var we *wire.Error
	switch {
	case err == nil:
		return true
	case errors.Is(err, ErrUnreachable):
		return false
	case !errors.As(err, &we):
		return true // a 2xx whose body did not decode
	case we.Code == wire.CodeRateLimited:
		return false
	case session:
		return wire.IsSessionHoldersAnswer(we.Status, we.Code)
	default:
		return true
	}
}

// unanswered is do's failure when the router it started at was unreachable (or, SessionRouterUnknown,
// said nothing of the session) and no other router answered: it unwraps to the first router's failure alone (ErrUnreachable, a 503's *wire.Error), so
// callers branch on that (closeAtRouter tries the session's router again on unavailable), and its text
// adds what each other router said.
type unanswered struct {
	first  error
	base   string
	others []string
}

func (e *unanswered) Unwrap() error { return e.first }
func (e *unanswered) Error() string {
	return fmt.Sprintf("%s: %v; no other router answered (%s)", e.base, e.first, strings.Join(e.others, "; "))
}

// doAt is one router's attempt at a call, given the client's timeout: a router silent past it is
// unreachable (the caller's own context ending is reported as it is).
func (c *RouterClient) doAt(ctx context.Context, base, method, path string, body []byte, out any) error {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	timeout := c.timeout
	if timeout <= 0 {
		timeout = DefaultRouterTimeout
	}
	actx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(actx, method, base+path, rd)
	if err != nil {
		return err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Accept", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		if ctx.Err() == nil && actx.Err() != nil {
			return fmt.Errorf("%w: no answer within %s (lt --router-timeout): %w", ErrUnreachable, timeout, err)
		}
		return fmt.Errorf("%w: %w", ErrUnreachable, err)
	}
	defer resp.Body.Close()
	return decodeAnswer(resp, out) // a body cut off at the timeout is unreachable too
}

// decodeAnswer reads resp: a 2xx body is decoded into out, anything else becomes a *wire.Error
// (PROTOCOL §9), wrapped with ErrUnreachable for 5xx.
func decodeAnswer(resp *http.Response, out any) error {
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer))
	if err != nil {
		return fmt.Errorf("%w: read answer: %w", ErrUnreachable, err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return statusError(resp, raw)
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(raw, out); err != nil {
		return fmt.Errorf("decode answer (HTTP %d): %w", resp.StatusCode, err)
	}
	return nil
}

// statusError turns a non-2xx answer into a *wire.Error, wrapped with ErrUnreachable for 5xx.
func statusError(resp *http.Response, raw []byte) error {
	e := wire.DecodeError(resp, raw)
	if resp.StatusCode >= 500 {
		return &unreachableError{err: e}
	}
	return e
}

// unreachableError is a 5xx *wire.Error that also matches ErrUnreachable.
type unreachableError struct{ err *wire.Error }

func (e *unreachableError) Unwrap() []error { return []error{e.err, ErrUnreachable} }
func (e *unreachableError) Error() string   { return e.err.Error() }
