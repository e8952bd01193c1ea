package session

import (
	"errors"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
)

type clock struct{ t time.Time }

func (c *clock) now() time.Time      { return c.t }
func (c *clock) add(d time.Duration) { c.t = c.t.Add(d) }
func ticket(id byte, model common.Hash, maxSeconds uint32, notAfter time.Time) *eip712.SessionTicket {
	return &eip712.SessionTicket{SessionID: common.Hash{id}, ModelID: model, MaxSeconds: maxSeconds, NotAfter: uint64(notAfter.Unix())}
}

// TestMeteringAndLimits: a session's parallel requests are metered as the union of their intervals, up
// to its limit of requests in flight: its next one is refused (ErrSessionBusy, its seq consumed) while
// another session's is admitted, and the model's limit refuses a third session (ErrCapacity). One session
// used to hold every slot of its model, paying for one.
func TestMeteringAndLimits(t *testing.T) {
	c := &clock{time.Unix(1_000_000, 0)}
	model := common.Hash{0xAA}
	tab := New(map[common.Hash]int{model: 3}, 2, c.now)
	tk := ticket(1, model, 10, c.t.Add(time.Hour))
	dg := common.Hash{1}

	// Two overlapping requests: 0..3 s and 1..4 s → 4 s of active time, not 6.
	r1, err := tab.Begin(tk, eip712.Signature{}, dg, 1, 0)
	if err != nil {
		t.Fatal(err)
	}
	c.add(time.Second)
	r2, err := tab.Begin(tk, eip712.Signature{}, dg, 2, 0)
	if err != nil {
		t.Fatal(err)
	}
	// The session's third concurrent request: over its limit, while the model has a free slot.
	if _, err := tab.Begin(tk, eip712.Signature{}, dg, 3, 0); !errors.Is(err, ErrSessionBusy) {
		t.Fatalf("want ErrSessionBusy, got %v", err)
	}
	other, err := tab.Begin(ticket(2, model, 10, c.t.Add(time.Hour)), eip712.Signature{}, common.Hash{2}, 1, 0)
	if err != nil {
		t.Fatalf("another session refused: %v", err)
	}
	// A third session: the model's limit.
	if _, err := tab.Begin(ticket(4, model, 10, c.t.Add(time.Hour)), eip712.Signature{}, common.Hash{4}, 1, 0); !errors.Is(err, ErrCapacity) {
		t.Fatalf("want ErrCapacity, got %v", err)
	}
	if free, total := tab.Capacity(model); free != 0 || total != 3 {
		t.Fatalf("capacity = %d/%d", free, total)
	}
	other.End(0, 0)
	c.add(200 * time.Millisecond)
	r1.FirstToken()
	c.add(1800 * time.Millisecond)
	r1.End(10, 5)
	c.add(time.Second)
	r2.End(7, 3)
	r2.End(100, 100) // idempotent

	snap, err := tab.Usage(tk.SessionID)
	if err != nil {
		t.Fatal(err)
	}
	want := Usage{SessionID: tk.SessionID, Seconds: 4, InputTokens: 17, OutputTokens: 8, TTFTMs: 1200}
	if snap.Usage != want {
		t.Fatalf("usage = %+v, want %+v", snap.Usage, want)
	}

	tests := []struct {
		name string
		tk   *eip712.SessionTicket
		dg   common.Hash
		seq  uint64
		want error
	}{
		{"replayed seq", tk, dg, 2, ErrReplayed},
		{"older seq", tk, dg, 1, ErrReplayed},
		{"other ticket same id", tk, common.Hash{9}, 3, ErrTicketMismatch},
		{"unknown model", ticket(3, common.Hash{0xBB}, 10, c.t.Add(time.Hour)), common.Hash{3}, 1, ErrUnknownModel},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := tab.Begin(tt.tk, eip712.Signature{}, tt.dg, tt.seq, 0); !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
		})
	}

	// Deadline: the remaining budget (10 - 4 = 6 s) is earlier than notAfter.
	r3, err := tab.Begin(tk, eip712.Signature{}, dg, 5, 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := r3.Deadline.Sub(c.t); got != 6*time.Second {
		t.Fatalf("deadline in %v, want 6s", got)
	}
	c.add(6 * time.Second)
	r3.End(0, 0)
	if _, err := tab.Begin(tk, eip712.Signature{}, dg, 6, 0); !errors.Is(err, ErrBudgetExhausted) {
		t.Fatalf("want ErrBudgetExhausted, got %v", err)
	}

	// Close: rejected by accept leaves it open; accepted closes it.
	if _, err := tab.Close(tk.SessionID, func(Snapshot) error { return errors.New("no") }); err == nil {
		t.Fatal("accept error must be returned")
	}
	if _, err := tab.Close(tk.SessionID, func(Snapshot) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if _, err := tab.Begin(tk, eip712.Signature{}, dg, 7, 0); !errors.Is(err, ErrClosed) {
		t.Fatalf("want ErrClosed, got %v", err)
	}
	if _, err := tab.Close(tk.SessionID, func(Snapshot) error { return nil }); !errors.Is(err, ErrClosed) {
		t.Fatalf("second close: %v", err)
	}
}

func TestCloseIdle(t *testing.T) {
	c := &clock{time.Unix(1_000_000, 0)}
	model := common.Hash{0xAA}
	tab := New(map[common.Hash]int{model: 4}, 0, c.now)
	busy := ticket(1, model, 100, c.t.Add(time.Hour))
	idle := ticket(2, model, 100, c.t.Add(time.Hour))
	rb, _ := tab.Begin(busy, eip712.Signature{}, common.Hash{1}, 1, 0)
	ri, _ := tab.Begin(idle, eip712.Signature{}, common.Hash{2}, 1, 0)
	c.add(time.Second)
	ri.End(1, 1)
	c.add(time.Minute)
	got := tab.CloseIdle(30 * time.Second)
	if len(got) != 1 || got[0].Ticket.SessionID != idle.SessionID || got[0].Usage.Seconds != 1 {
		t.Fatalf("CloseIdle = %+v", got)
	}
	if tab.Open() != 1 {
		t.Fatalf("open = %d", tab.Open())
	}
	rb.End(0, 0)
	c.add(2 * time.Hour) // tickets expired: the closed one is forgotten, the busy one closed
	if got := tab.CloseIdle(time.Hour * 24); len(got) != 1 {
		t.Fatalf("expired session not closed: %+v", got)
	}
	tab.CloseIdle(time.Hour)
	if _, err := tab.Usage(idle.SessionID); !errors.Is(err, ErrUnknownSession) {
		t.Fatalf("expired closed session still held: %v", err)
	}
	if open, closed := tab.Held(); open != 0 || closed != 0 {
		t.Fatalf("held after every ticket expired: %d open, %d closed", open, closed)
	}
}

// TestClosedSessionKeepsOnlyItsID: a closed session's state leaves the table at once (only its id and
// ticket expiry stay), and the id alone refuses the ticket again — a request, a touch, a usage read and a
// second close — until the ticket expires.
func TestClosedSessionKeepsOnlyItsID(t *testing.T) {
	c := &clock{time.Unix(1_000_000, 0)}
	model := common.Hash{0xAA}
	tab := New(map[common.Hash]int{model: 4}, 0, c.now)
	tk := ticket(3, model, 100, c.t.Add(time.Minute))
	r, err := tab.Begin(tk, eip712.Signature{}, common.Hash{3}, 1, 0)
	if err != nil {
		t.Fatal(err)
	}
	c.add(time.Second)
	r.End(5, 5)
	if _, err := tab.Close(tk.SessionID, func(Snapshot) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if open, closed := tab.Held(); open != 0 || closed != 1 {
		t.Fatalf("after close: %d open, %d closed", open, closed)
	}
	if _, err := tab.Begin(tk, eip712.Signature{}, common.Hash{3}, 2, 0); !errors.Is(err, ErrClosed) {
		t.Fatalf("begin after close: %v", err)
	}
	if err := tab.Touch(tk, eip712.Signature{}, common.Hash{3}, 3, 0); !errors.Is(err, ErrClosed) {
		t.Fatalf("touch after close: %v", err)
	}
	if _, err := tab.Usage(tk.SessionID); !errors.Is(err, ErrClosed) {
		t.Fatalf("usage after close: %v", err)
	}
	if _, err := tab.Close(tk.SessionID, func(Snapshot) error { return nil }); !errors.Is(err, ErrClosed) {
		t.Fatalf("second close: %v", err)
	}
	c.add(2 * time.Minute)
	tab.CloseIdle(time.Hour)
	if open, closed := tab.Held(); open != 0 || closed != 0 {
		t.Fatalf("after the ticket expired: %d open, %d closed", open, closed)
	}
}

// TestMarkClosedRefusesTheSession: a session an earlier run closed (MarkClosed at resume) is refused from
// its first request on, as a closed one (begin, touch, close), until the time given; an open session of
// that id is left open.
func TestMarkClosedRefusesTheSession(t *testing.T) {
	c := &clock{time.Unix(1_000_000, 0)}
	model := common.Hash{0xAA}
	tab := New(map[common.Hash]int{model: 4}, 0, c.now)
	tk := ticket(4, model, 100, c.t.Add(time.Minute))
	tab.MarkClosed(tk.SessionID, uint64(c.t.Add(time.Hour).Unix()))
	if _, err := tab.Begin(tk, eip712.Signature{}, common.Hash{4}, 1, 0); !errors.Is(err, ErrClosed) {
		t.Fatalf("begin: %v", err)
	}
	if err := tab.Touch(tk, eip712.Signature{}, common.Hash{4}, 1, 0); !errors.Is(err, ErrClosed) {
		t.Fatalf("touch: %v", err)
	}
	if _, err := tab.Close(tk.SessionID, func(Snapshot) error { return nil }); !errors.Is(err, ErrClosed) {
		t.Fatalf("close: %v", err)
	}
	open := ticket(5, model, 100, c.t.Add(time.Minute))
	if err := tab.Touch(open, eip712.Signature{}, common.Hash{5}, 1, 0); err != nil {
		t.Fatal(err)
	}
	tab.MarkClosed(open.SessionID, uint64(c.t.Add(time.Hour).Unix()))
	if err := tab.Touch(open, eip712.Signature{}, common.Hash{5}, 2, 0); err != nil {
		t.Fatalf("an open session stays open: %v", err)
	}
	c.add(time.Hour + time.Second)
	tab.CloseIdle(2 * time.Hour)
	if _, closed := tab.Held(); closed != 1 { // the open one, closed by its expiry just now
		t.Fatalf("marked id not forgotten after its time: %d closed", closed)
	}
}

// TestNewestSignedRequest: the snapshot a one-sided close reports carries the admitted request with the
// latest time (it bounds what the provider alone can bill), whatever order Signed sees them in; a request
// with a larger seq and an older time (evidence the user dated back) never replaces it.
func TestNewestSignedRequest(t *testing.T) {
	c := &clock{time.Unix(1_000_000, 0)}
	model := common.Hash{0xAA}
	tab := New(map[common.Hash]int{model: 4}, 0, c.now)
	tk := ticket(1, model, 100, c.t.Add(time.Hour))
	tab.Signed(tk.SessionID, wire.SignedRequest{Seq: 1}) // unknown session: ignored
	for _, seq := range []uint64{1, 3, 2} {
		if err := tab.Touch(tk, eip712.Signature{}, common.Hash{1}, seq, 0); err != nil && seq != 2 {
			t.Fatal(err)
		}
		tab.Signed(tk.SessionID, wire.SignedRequest{Seq: seq, Time: 1_000_000 + seq})
	}
	if err := tab.Touch(tk, eip712.Signature{}, common.Hash{1}, 4, 0); err != nil {
		t.Fatal(err)
	}
	tab.Signed(tk.SessionID, wire.SignedRequest{Seq: 4, Time: 1})
	got := tab.CloseAll()
	if len(got) != 1 || got[0].LastRequest == nil || got[0].LastRequest.Seq != 3 || got[0].LastRequest.Time != 1_000_003 {
		t.Fatalf("CloseAll = %+v", got)
	}
}

// TestTouchFirstMeterIsOrdered: a session opened by a request that does no inference (Touch: GET
// /v1/models) meters its later requests with the ordered meter Begin gives a new session, which folds
// finished requests into a total: its memory stays constant however many requests it serves (an unordered
// meter keeps every disjoint span). The metered seconds are the same either way.
func TestTouchFirstMeterIsOrdered(t *testing.T) {
	c := &clock{time.Unix(1_000_000, 0)}
	model := common.Hash{0xAA}
	tab := New(map[common.Hash]int{model: 4}, 0, c.now)
	tk := ticket(4, model, 1000, c.t.Add(time.Hour))
	if err := tab.Touch(tk, eip712.Signature{}, common.Hash{4}, 1, 0); err != nil {
		t.Fatal(err)
	}
	for seq := uint64(2); seq < 12; seq++ {
		r, err := tab.Begin(tk, eip712.Signature{}, common.Hash{4}, seq, 0)
		if err != nil {
			t.Fatal(err)
		}
		c.add(time.Second)
		r.End(1, 1)
		c.add(time.Second)
	}
	if !tab.sessions[tk.SessionID].meter.Ordered {
		t.Fatal("a session opened by Touch meters with an unordered meter")
	}
	snap, err := tab.Usage(tk.SessionID)
	if err != nil {
		t.Fatal(err)
	}
	if snap.Usage.Seconds != 10 {
		t.Fatalf("metered %d s, want 10", snap.Usage.Seconds)
	}
}

// TestChangedIsWhatTheJournalWrites: Changed returns a session once it opens, again only after it changed
// (a request begun or ended, newer signed evidence, its acceptance signed) or while a request is in flight
// (its active time grows), never once closed; Closed tells a closed session (MarkClosed included).
func TestChangedIsWhatTheJournalWrites(t *testing.T) {
	c := &clock{time.Unix(1_000_000, 0)}
	model := common.Hash{0xAA}
	tab := New(map[common.Hash]int{model: 2}, 0, c.now)
	tk := ticket(1, model, 600, c.t.Add(time.Hour))
	changed := func() []uint32 {
		var out []uint32
		for _, s := range tab.Changed() {
			out = append(out, s.Usage.Seconds)
		}
		return out
	}
	want := func(what string, got []uint32, n int) {
		t.Helper()
		if len(got) != n {
			t.Fatalf("%s: Changed returned %d sessions, want %d", what, len(got), n)
		}
	}
	r, err := tab.Begin(tk, eip712.Signature{}, common.Hash{1}, 1, 0)
	if err != nil {
		t.Fatal(err)
	}
	want("opened", changed(), 1)
	c.add(2 * time.Second)
	if got := changed(); len(got) != 1 || got[0] != 2 {
		t.Fatalf("in flight: %v, want one session of 2 s", got)
	}
	r.Acceptance.Set(&eip712.Signature{7})
	r.End(3, 4)
	want("ended", changed(), 1)
	want("unchanged", changed(), 0)
	tab.Signed(tk.SessionID, wire.SignedRequest{Seq: 1})
	want("newer evidence", changed(), 1)
	tab.Signed(tk.SessionID, wire.SignedRequest{Seq: 1})
	want("the same evidence", changed(), 0)
	if _, err := tab.Close(tk.SessionID, func(Snapshot) error { return nil }); err != nil {
		t.Fatal(err)
	}
	want("closed", changed(), 0)
	if !tab.Closed(tk.SessionID) || tab.Closed(common.Hash{9}) {
		t.Fatal("Closed")
	}
	tab.MarkClosed(common.Hash{9}, uint64(c.t.Unix()))
	if !tab.Closed(common.Hash{9}) {
		t.Fatal("Closed after MarkClosed")
	}
}

// A request whose ticket expires between its header checks and its admission (the provider checks the
// ticket before reading the body, which may take its read timeout) is refused at admission: once the
// ticket has expired the closed session's id is forgotten, and admitting it would open the session again
// and close (and report) it a second time.
func TestExpiredTicketNotAdmitted(t *testing.T) {
	c := &clock{time.Unix(1_000_000, 0)}
	model := common.Hash{0xAA}
	tab := New(map[common.Hash]int{model: 2}, 0, c.now)
	tk := ticket(1, model, 100, c.t.Add(10*time.Second))
	dg := common.Hash{1}
	r, err := tab.Begin(tk, eip712.Signature{}, dg, 1, 0)
	if err != nil {
		t.Fatal(err)
	}
	r.End(1, 1)
	if _, err := tab.Close(tk.SessionID, func(Snapshot) error { return nil }); err != nil {
		t.Fatal(err)
	}
	// Passed its header checks now, its body arrives after notAfter.
	if err := tab.Check(tk, dg, 2); !errors.Is(err, ErrClosed) {
		t.Fatalf("Check before expiry: %v, want ErrClosed", err)
	}
	c.add(11 * time.Second)
	if got := tab.CloseIdle(time.Hour); len(got) != 0 {
		t.Fatalf("CloseIdle closed %d sessions", len(got))
	}
	if _, err := tab.Begin(tk, eip712.Signature{}, dg, 2, 0); !errors.Is(err, ErrTicketExpired) {
		t.Fatalf("Begin after expiry: %v, want ErrTicketExpired", err)
	}
	if err := tab.Touch(tk, eip712.Signature{}, dg, 3, 0); !errors.Is(err, ErrTicketExpired) {
		t.Fatalf("Touch after expiry: %v, want ErrTicketExpired", err)
	}
	if err := tab.Check(tk, dg, 4); !errors.Is(err, ErrTicketExpired) {
		t.Fatalf("Check after expiry: %v, want ErrTicketExpired", err)
	}
	if got := tab.CloseIdle(time.Hour); len(got) != 0 {
		t.Fatalf("the closed session was opened again and closed a second time: %+v", got)
	}
}
