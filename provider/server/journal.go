package server

import (
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/provider/outbox"
	"github.com/laketravis/laketravis/provider/session"
)

// flushJournal writes the sessions changed since the last flush to the journal (Sweep, every
// journalEvery; off every request's path), after the credit counts when they changed (saveCredit), and
// returns how many sessions it wrote.
func (s *Server) flushJournal() int {
	s.saveCredit() // first: a crash between the two writes leaves no journaled session the counts miss
	return s.journal.Flush(func() []*outbox.Entry {
		snaps := s.sessions.Changed()
		out := make([]*outbox.Entry, len(snaps))
		for i, sn := range snaps {
			out[i] = &outbox.Entry{Ticket: eip712.SignedSessionTicket{Ticket: sn.Ticket, Signature: sn.TicketSignature},
				Usage: sn.Usage.Receipt(), LastRequest: sn.LastRequest, Hold: sn.Hold}
			if sn.Acceptance != nil {
				out[i].TicketAcceptance = sn.Acceptance.Signed()
			}
		}
		return out
	})
}

// unjournal removes session id's journal entry from the next flush on: its close report is stored (or
// the session has one).
func (s *Server) unjournal(id common.Hash) {
	if s.journal == nil {
		return
	}
	s.journal.Remove(id)
}

// resumeJournal closes one-sided, as an idle session is closed, each session a previous run of the
// provider left open in the journal (it died without closing them): the journaled usage, bounded by the
// journaled newest signed request as any one-sided close is, goes to the session's router through the
// outbox, and the session's ticket is refused from now on. A session already closed (its close report
// resumed from the outbox, pending or retired: MarkClosed) is not closed again; its entry is dropped. resume calls it after
// the outbox's reports.
func (s *Server) resumeJournal() error {
	if s.journal == nil {
		return nil
	}
	open, err := s.journal.Load(s.now())
	if err != nil {
		return fmt.Errorf("server: %w", err)
	}
	s.log.Info("open sessions resumed from the journal, closed one-sided", zap.Int("sessions", len(open)), zap.String("dir", s.journal.Dir()))
	for _, e := range open {
		id := e.SessionID()
		if s.sessions.Closed(id) {
			s.log.Info("journaled session already closed (its close report is in the outbox): not closed again", zap.Stringer("session", id))
			s.unjournal(id)
			continue
		}
		hold := max(e.Ticket.Ticket.NotAfter, e.Hold)
		s.sessions.MarkClosed(id, hold)
		s.closeOneSided(session.Snapshot{Ticket: e.Ticket.Ticket, TicketSignature: e.Ticket.Signature,
			Usage: session.Usage{SessionID: id, Seconds: e.Usage.Seconds, InputTokens: e.Usage.InputTokens,
				OutputTokens: e.Usage.OutputTokens, TTFTMs: e.Usage.TTFTMs},
			LastRequest: e.LastRequest, Acceptance: session.SignedAcceptance(e.TicketAcceptance), Hold: hold}, "crash")
	}
	if cc, _, ok := s.creditCounts(); ok {
		cc.ReleaseRestored() // the restored reservations no close above replaced count in full
	}
	return nil
}
