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

// ForgetExpired runs the sweep's closing of idle sessions and forgetting of closed ones past their hold
// now, as Sweep does every tick (tests).
func (s *Server) ForgetExpired() {
	for _, snap := range s.sessions.CloseIdle(s.cfg.IdleTimeout) {
		s.closeOneSided(snap, "idle")
	}
}

// CachedTickets is how many tickets the ticket cache holds (tests).
func (s *Server) CachedTickets() int {
	s.tickets.mu.RLock()
	defer s.tickets.mu.RUnlock()
	return len(s.tickets.m)
}
