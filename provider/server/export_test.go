package server

// WaitBackground waits for the evidence being verified off the request path (tests).
func (s *Server) WaitBackground() { s.background.Wait() }
