package server

// WaitBackground waits for the evidence being verified off the request path (tests).
func (s *Server) WaitBackground() { s.background.Wait() }

// FlushJournal writes the journal of open sessions now, as Sweep does every journalEvery (tests).
func (s *Server) FlushJournal() int { return s.flushJournal() }

// Crash stops the server as a kill does: the close reports still retrying stop where they are (left in
// the outbox), the state dir's lock is released; no session is closed, nothing is flushed (tests; call it
// without Run).
func (s *Server) Crash() {
	s.stopReports()
	s.reports.Wait()
	_ = s.outbox.Close()
}
