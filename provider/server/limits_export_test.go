package server

// SetMaxUpstreamBody lowers the bound of a non-streaming upstream answer for a test; it returns the
// function restoring it.
func SetMaxUpstreamBody(n int) (restore func()) {
	prev := maxUpstreamBody
	maxUpstreamBody = n
	return func() { maxUpstreamBody = prev }
}
