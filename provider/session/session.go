// Package session is the provider's table of live sessions: for each session ticket it enforces the
// request sequence (no replays), the session's time budget (maxSeconds), the per-model concurrency limit
// and the per-session one, and meters what the session used — seconds of active time, input and output tokens, time to first
// token — so that usage receipts can be checked and countersigned.
//
// Active time is the union of the intervals during which at least one request of the session is in
// flight: two parallel requests of 3 s count 3 s, not 6. Seconds are rounded up to whole seconds. The
// rule is protocol/usage's, which the client applies too.
package session

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/usage"
	"github.com/laketravis/laketravis/protocol/wire"
)

// Sentinel errors of Begin and Close.
var (
	ErrReplayed        = errors.New("session: request sequence number not above the last one")
	ErrClosed          = errors.New("session: closed")
	ErrBudgetExhausted = errors.New("session: time budget (maxSeconds) used up")
	ErrCapacity        = errors.New("session: model at its concurrency limit")
	ErrSessionBusy     = errors.New("session: the session's limit of requests in flight reached")
	ErrTicketMismatch  = errors.New("session: another ticket with this session id is in use")
	ErrUnknownSession  = errors.New("session: unknown session")
	ErrUnknownModel    = errors.New("session: model not served")
	ErrTicketExpired   = errors.New("session: ticket expired")
)

// Table holds the sessions. It is safe for concurrent use.
type Table struct {
	now func() time.Time

	mu       sync.Mutex
	sessions map[common.Hash]*state // open sessions
	// closed keeps, of each closed session, only what refusing its ticket again needs: until when its id
	// is held, the later of its ticket's notAfter and its hold (Begin's hold: the latest notAfter any ticket of the
	// session id may have; MarkClosed: a time past it), after which every ticket of the id is void anyway
	// and the id is forgotten (CloseIdle). The usage and the ticket went out with the close report; a
	// session's full state is dropped when it closes.
	closed map[common.Hash]uint64
	slots  map[common.Hash]*slot
	// perSession is how many requests one session may have in flight (0: no limit). Its active time is
	// the union of its requests' intervals, so parallel requests cost it nothing more: without this bound
	// one session could hold every slot of its model for the price of one.
	perSession int
}

type slot struct{ used, max int }

type state struct {
	ticket       eip712.SessionTicket
	ticketSig    eip712.Signature
	ticketDigest common.Hash
	lastSeq      uint64
	meter        usage.Meter // ordered: requests are stamped under the table's lock
	lastActivity time.Time
	lastSigned   *wire.SignedRequest   // the newest admitted request as the session's key signed it
	acceptance   *Acceptance           // the provider's acceptance of the ticket, from the first admitted request on
	hold         uint64                // Begin's hold: until when the id is held closed once the session closes (0: the ticket's notAfter)
	inFlight     map[*Request]struct{} // admitted requests not ended yet: stopped when the session retires
	// dirty: changed since Changed last returned it (opened, a request begun or ended, newer evidence);
	// journaledAcceptance: the acceptance was signed when Changed last returned it. Setting a flag under
	// the lock already held is all a request pays for the journal.
	dirty, journaledAcceptance bool
}

// New returns a table serving the models in maxConcurrency (model id → concurrent requests allowed), each
// session with at most perSession requests in flight (0: no limit).
func New(maxConcurrency map[common.Hash]int, perSession int, now func() time.Time) *Table {
	if now == nil {
		now = time.Now
	}
	t := &Table{now: now, sessions: map[common.Hash]*state{}, closed: map[common.Hash]uint64{}, slots: map[common.Hash]*slot{},
		perSession: perSession}
	for id, n := range maxConcurrency {
		t.slots[id] = &slot{max: n}
	}
	return t
}

// Usage is what a session used, as the provider metered it.
type Usage struct {
	SessionID    common.Hash
	Seconds      uint32
	InputTokens  uint32
	OutputTokens uint32
	TTFTMs       uint32
	InFlight     int
}

// Receipt renders u as a UsageReceipt.
func (u Usage) Receipt() eip712.UsageReceipt {
	return eip712.UsageReceipt{SessionID: u.SessionID, Seconds: u.Seconds, InputTokens: u.InputTokens,
		OutputTokens: u.OutputTokens, TTFTMs: u.TTFTMs}
}

// Request is one admitted request. End must be called exactly once (later calls do nothing).
type Request struct {
	t        *Table
	s        *state
	id       usage.ID
	model    common.Hash
	start    time.Time
	Deadline time.Time // the earlier of the ticket's notAfter and the end of the session's time budget
	// Acceptance is the session's ticket acceptance; ClaimedAcceptance is true for the session's first
	// admitted request, whose caller signs it and calls Acceptance.Set (once per session).
	Acceptance        *Acceptance
	ClaimedAcceptance bool
	// TicketSignature is the ticket signature the session was opened with (Snapshot.TicketSignature): the
	// acceptance names its signer, the router the close is reported to, whichever router's signature of
	// the same ticket this request came with.
	TicketSignature eip712.Signature
	ttft            time.Duration
	ended           bool
	// ctx ends (cause ErrClosed) when the session closes while the request is in flight (retire), or at End.
	ctx  context.Context
	stop context.CancelCauseFunc
}

// Context is done when the request's session closes while it is in flight (context.Cause: ErrClosed):
// a close ends the session's serving, the requests in flight included (the close's receipt is what was
// metered when it was taken; serving on after it would be serving for nothing).
func (r *Request) Context() context.Context { return r.ctx }

// Begin admits request seq of the session granted by ticket (already verified by the caller, with
// digest its EIP-712 digest). It refuses replays (seq not above the last accepted one), closed sessions,
// expired tickets, sessions whose time budget is used up, sessions with their limit of requests in flight
// (ErrSessionBusy) and models at their concurrency limit. A refused request still consumes seq when the
// sequence check passed: a signed request is never accepted twice. Nothing of a refused request is metered
// (its interval starts only once admitted), so a client may send it again, signed afresh (wire.SessionBusy).
// hold (unix seconds, 0: none) is how long the session's id stays closed once it ends: given with
// the session's first request, it holds from the moment the session exists here, refused or not (a first
// request refused for capacity opens the session all the same, and its later requests carry no hold).
func (t *Table) Begin(ticket *eip712.SessionTicket, sig eip712.Signature, digest common.Hash, seq, hold uint64) (*Request, error) {
	now := t.now()
	t.mu.Lock()
	defer t.mu.Unlock()
	if err := t.refused(ticket, now); err != nil {
		return nil, err
	}
	sl := t.slots[ticket.ModelID]
	s, err := t.session(ticket, sig, digest, hold, now)
	if err != nil {
		return nil, err
	}
	if err := s.replayed(seq); err != nil {
		return nil, err
	}
	s.lastSeq = seq
	used := s.meter.Active(now)
	budget := time.Duration(ticket.MaxSeconds) * time.Second
	if used >= budget {
		return nil, fmt.Errorf("%w: %d s", ErrBudgetExhausted, ticket.MaxSeconds)
	}
	if n := s.meter.Open(); t.perSession > 0 && n >= t.perSession {
		return nil, fmt.Errorf("%w: %d of %d", ErrSessionBusy, n, t.perSession)
	}
	if sl.used >= sl.max {
		return nil, fmt.Errorf("%w: %d of %d in use", ErrCapacity, sl.used, sl.max)
	}
	sl.used++
	id := s.meter.Start(now)
	s.lastActivity = now
	s.dirty = true
	deadline := now.Add(budget - used)
	if na := time.Unix(int64(ticket.NotAfter), 0); na.Before(deadline) {
		deadline = na
	}
	req := &Request{t: t, s: s, id: id, model: ticket.ModelID, start: now, Deadline: deadline, TicketSignature: s.ticketSig}
	req.ctx, req.stop = context.WithCancelCause(context.Background())
	if s.inFlight == nil {
		s.inFlight = map[*Request]struct{}{}
	}
	s.inFlight[req] = struct{}{}
	if s.acceptance == nil {
		s.acceptance, req.ClaimedAcceptance = &Acceptance{done: make(chan struct{})}, true
	}
	req.Acceptance = s.acceptance
	return req, nil
}

// Touch accepts request seq of the session without metering it (for requests that do no inference, such
// as listing models): the same replay and closed checks and hold as Begin, no capacity slot, no active time.
func (t *Table) Touch(ticket *eip712.SessionTicket, sig eip712.Signature, digest common.Hash, seq, hold uint64) error {
	now := t.now()
	t.mu.Lock()
	defer t.mu.Unlock()
	if err := t.refused(ticket, now); err != nil {
		return err
	}
	s, err := t.session(ticket, sig, digest, hold, now)
	if err != nil {
		return err
	}
	if err := s.replayed(seq); err != nil {
		return err
	}
	s.lastSeq = seq
	s.lastActivity = now
	return nil
}

// Check reports, without changing anything, the error Begin or Touch would give request seq of the
// session granted by ticket (with digest its EIP-712 digest) for its model, its closing or its seq:
// ErrUnknownModel, ErrClosed, ErrTicketExpired, ErrTicketMismatch, ErrReplayed. The provider asks before reading a request's
// body, so that a replayed or closed session's request does not get its body read; Begin and Touch still
// decide, atomically with admission.
func (t *Table) Check(ticket *eip712.SessionTicket, digest common.Hash, seq uint64) error {
	now := t.now()
	t.mu.Lock()
	defer t.mu.Unlock()
	if err := t.refused(ticket, now); err != nil {
		return err
	}
	s, ok := t.sessions[ticket.SessionID]
	switch {
	case !ok:
		return nil
	case s.ticketDigest != digest:
		return ErrTicketMismatch
	}
	return s.replayed(seq)
}

// refused is ErrUnknownModel, ErrClosed or ErrTicketExpired when ticket's model is not served, its session
// closed or the ticket expired at now (under t.mu). The expiry is checked here, under the lock CloseIdle
// forgets expired closed sessions under: a request whose ticket passed the provider's check before its
// body arrived, and expired since, would otherwise open a closed session again.
func (t *Table) refused(ticket *eip712.SessionTicket, now time.Time) error {
	if _, ok := t.slots[ticket.ModelID]; !ok {
		return fmt.Errorf("%w: %s", ErrUnknownModel, ticket.ModelID)
	}
	if _, closed := t.closed[ticket.SessionID]; closed {
		return ErrClosed
	}
	if uint64(now.Unix()) > ticket.NotAfter {
		return fmt.Errorf("%w at %d (now %d)", ErrTicketExpired, ticket.NotAfter, now.Unix())
	}
	return nil
}

// session returns the open session of ticket, opening it when new (under t.mu). Whichever request opens
// it, its meter is ordered: requests are stamped under the table's lock. Errors: ErrTicketMismatch.
func (t *Table) session(ticket *eip712.SessionTicket, sig eip712.Signature, digest common.Hash, hold uint64, now time.Time) (*state, error) {
	s, ok := t.sessions[ticket.SessionID]
	if !ok {
		s = &state{ticket: *ticket, ticketSig: sig, ticketDigest: digest, lastActivity: now, meter: usage.Meter{Ordered: true}, dirty: true}
		t.sessions[ticket.SessionID] = s
	} else if s.ticketDigest != digest {
		return nil, ErrTicketMismatch
	}
	if hold > s.hold {
		s.hold, s.dirty = hold, true
	}
	return s, nil
}

// replayed is ErrReplayed when request seq is not above the last one s accepted (under t.mu).
func (s *state) replayed(seq uint64) error {
	if seq <= s.lastSeq {
		return fmt.Errorf("%w: got %d, last accepted %d", ErrReplayed, seq, s.lastSeq)
	}
	return nil
}

// FirstToken records the time to first token of the request (the first call counts).
func (r *Request) FirstToken() {
	if r.ttft == 0 {
		r.ttft = max(r.t.now().Sub(r.start), time.Nanosecond)
	}
}

// TTFT returns the request's time to first token, 0 if none was seen.
func (r *Request) TTFT() time.Duration { return r.ttft }

// End finishes the request, adding the tokens it used to the session.
func (r *Request) End(inputTokens, outputTokens uint64) {
	now := r.t.now()
	r.t.mu.Lock()
	defer r.t.mu.Unlock()
	if r.ended {
		return
	}
	r.ended = true
	s := r.s
	delete(s.inFlight, r)
	r.stop(nil)
	s.meter.Finish(r.id, now, inputTokens, outputTokens, r.ttft)
	s.lastActivity = now
	s.dirty = true
	r.t.slots[r.model].used--
}

func (s *state) usage(now time.Time) Usage {
	f := s.meter.Figures(now)
	return Usage{SessionID: s.ticket.SessionID, Seconds: f.Seconds, InputTokens: f.InputTokens,
		OutputTokens: f.OutputTokens, TTFTMs: f.TTFTMs, InFlight: s.meter.Open()}
}

// Snapshot is a session's ticket, metered usage and newest signed request.
type Snapshot struct {
	Ticket          eip712.SessionTicket
	TicketSignature eip712.Signature
	Usage           Usage
	LastRequest     *wire.SignedRequest // bounds what the provider alone can bill (protocol/settle)
	Acceptance      *Acceptance         // the provider's acceptance of the ticket, nil until claimed
	// Hold is until when the session's id is held closed (Begin's hold): at least the ticket's notAfter.
	Hold uint64
}

func (s *state) snapshot(now time.Time) Snapshot {
	return Snapshot{s.ticket, s.ticketSig, s.usage(now), s.lastSigned, s.acceptance, s.holdUntil()}
}

// holdUntil is until when s's id is held closed once it closes: the later of its ticket's notAfter and its
// hold.
func (s *state) holdUntil() uint64 { return max(s.ticket.NotAfter, s.hold) }

// Acceptance is the provider's acceptance of a session's ticket (settle.AcceptanceDigest): being signed,
// then signed (or failed: Signature nil).
type Acceptance struct {
	done   chan struct{}
	sig    *eip712.Signature // set before done closes, never after
	header []string          // sig as an answer header value
}

// Set records the signed acceptance (nil: signing failed). Only the request that claimed it calls it, once.
func (a *Acceptance) Set(sig *eip712.Signature) {
	a.sig = sig
	if sig != nil {
		a.header = []string{sig.String()}
	}
	close(a.done)
}

// SignedAcceptance returns an acceptance already signed (sig), as a session resumed from the journal
// carries it; nil for nil.
func SignedAcceptance(sig *eip712.Signature) *Acceptance {
	if sig == nil {
		return nil
	}
	a := &Acceptance{done: make(chan struct{})}
	a.Set(sig)
	return a
}

// Signed returns the signed acceptance without waiting: nil while it is being signed or if signing failed.
func (a *Acceptance) Signed() *eip712.Signature {
	select {
	case <-a.done:
		return a.sig
	default:
		return nil
	}
}

// Header returns the signed acceptance as an answer header value, nil while it is not signed.
func (a *Acceptance) Header() []string {
	select {
	case <-a.done:
		return a.header
	default:
		return nil
	}
}

// Wait returns the acceptance once it is signed, nil if signing failed or ctx ended first.
func (a *Acceptance) Wait(ctx context.Context) *eip712.Signature {
	select {
	case <-a.done:
		return a.sig
	case <-ctx.Done():
		return nil
	}
}

// Signed records r, an admitted request of session id as its key signed it, as the session's newest when
// its time is the latest seen (the larger seq among requests of one second). A provider closing alone can
// bill no more than RequestGrace past the newest signed request's time (PROTOCOL §7 step 5 v2,
// settle.ProviderAlone), so the bound only ever moves forward in time: a request the user signed with a
// larger seq and an older time (an X-LT-Evidence dated back) never replaces a later one.
func (t *Table) Signed(id common.Hash, r wire.SignedRequest) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if s, ok := t.sessions[id]; ok && (s.lastSigned == nil || NewerSigned(&r, s.lastSigned)) {
		s.lastSigned = &r
		s.dirty = true
	}
}

// NewerSigned reports whether signed request r is newer than last: a later time, or the same time and a
// larger seq. The one rule for a session's newest signed request, here and for the MAC path's evidence
// (provider/server).
func NewerSigned(r, last *wire.SignedRequest) bool {
	return r.Time > last.Time || (r.Time == last.Time && r.Seq > last.Seq)
}

// Changed returns the open sessions changed since it last returned them — opened, a request begun or
// ended, newer evidence, the acceptance signed — and those with a request in flight (their active time
// grows), for the provider's journal of open sessions (provider/outbox.Journal), which a background
// goroutine writes so that requests pay for no disk access.
func (t *Table) Changed() []Snapshot {
	now := t.now()
	t.mu.Lock()
	defer t.mu.Unlock()
	var out []Snapshot
	for _, s := range t.sessions {
		accepted := s.acceptance != nil && s.acceptance.Signed() != nil
		if !s.dirty && s.meter.Open() == 0 && accepted == s.journaledAcceptance {
			continue
		}
		s.dirty, s.journaledAcceptance = false, accepted
		out = append(out, s.snapshot(now))
	}
	return out
}

// IsOpen reports whether session id is open here: a request of it was admitted (Begin or Touch) and it is not
// closed. The provider checks the user's RFC only for a session that is not open yet (its first request).
func (t *Table) IsOpen(id common.Hash) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	_, ok := t.sessions[id]
	return ok
}

// Closed reports whether session id is closed (by this process, or MarkClosed).
func (t *Table) Closed(id common.Hash) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	_, closed := t.closed[id]
	return closed
}

// Usage returns the metered usage of an open session. Errors: ErrClosed, ErrUnknownSession.
func (t *Table) Usage(id common.Hash) (Snapshot, error) {
	now := t.now()
	t.mu.Lock()
	defer t.mu.Unlock()
	s, err := t.open(id)
	if err != nil {
		return Snapshot{}, err
	}
	return s.snapshot(now), nil
}

// Close closes a session if accept approves its metered usage; no request is admitted after. accept runs
// under the table's lock and must be quick.
func (t *Table) Close(id common.Hash, accept func(Snapshot) error) (Snapshot, error) {
	now := t.now()
	t.mu.Lock()
	defer t.mu.Unlock()
	s, err := t.open(id)
	if err != nil {
		return Snapshot{}, err
	}
	snap := s.snapshot(now)
	if err := accept(snap); err != nil {
		return snap, err
	}
	t.retire(id, s)
	return snap, nil
}

// open returns the open session id (under t.mu). Errors: ErrClosed, ErrUnknownSession.
func (t *Table) open(id common.Hash) (*state, error) {
	if _, closed := t.closed[id]; closed {
		return nil, ErrClosed
	}
	s, ok := t.sessions[id]
	if !ok {
		return nil, ErrUnknownSession
	}
	return s, nil
}

// retire closes session id (under t.mu): its state goes, its id stays until every ticket of it has expired
// (holdUntil). A request still in flight is stopped (its Context ends, cause ErrClosed) and ends on the
// state it holds.
func (t *Table) retire(id common.Hash, s *state) {
	delete(t.sessions, id)
	t.closed[id] = s.holdUntil()
	for r := range s.inFlight {
		r.stop(ErrClosed)
	}
}

// MarkClosed records session id as closed by an earlier run of the provider (its close report pending or
// delivered), until unix time until: its ticket is refused as any closed session's is (ErrClosed), so that
// a restart does not serve it again from seq 1 and sign a second close. An open session of that id is
// left as it is.
func (t *Table) MarkClosed(id common.Hash, until uint64) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if _, open := t.sessions[id]; !open {
		t.closed[id] = max(t.closed[id], until)
	}
}

// CloseIdle closes and returns the open sessions with no request in flight that have been idle for
// idle or whose ticket has expired. Closed sessions held past their hold are forgotten (every ticket of
// their id has expired, so there is nothing to protect).
func (t *Table) CloseIdle(idle time.Duration) []Snapshot {
	now := t.now()
	t.mu.Lock()
	defer t.mu.Unlock()
	for id, until := range t.closed {
		if uint64(now.Unix()) > until {
			delete(t.closed, id)
		}
	}
	var out []Snapshot
	for id, s := range t.sessions {
		expired := uint64(now.Unix()) > s.ticket.NotAfter
		if s.meter.Open() > 0 || (!expired && now.Sub(s.lastActivity) < idle) {
			continue
		}
		t.retire(id, s)
		out = append(out, s.snapshot(now))
	}
	return out
}

// CloseAll closes every open session (at shutdown) and returns them.
func (t *Table) CloseAll() []Snapshot {
	now := t.now()
	t.mu.Lock()
	defer t.mu.Unlock()
	var out []Snapshot
	for id, s := range t.sessions {
		t.retire(id, s)
		out = append(out, s.snapshot(now))
	}
	return out
}

// Capacity returns the free and total request slots of a model (0, 0 if not served). The zero model id
// sums over every model.
func (t *Table) Capacity(model common.Hash) (free, total int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for id, sl := range t.slots {
		if model == (common.Hash{}) || id == model {
			free += sl.max - sl.used
			total += sl.max
		}
	}
	return free, total
}

// Open returns the number of open sessions.
func (t *Table) Open() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.sessions)
}

// Held returns how many sessions the table holds: open, and closed ones remembered until every ticket of
// their id has expired (Begin's hold).
func (t *Table) Held() (open, closed int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.sessions), len(t.closed)
}
