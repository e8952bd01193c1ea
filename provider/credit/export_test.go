package credit

// SetMaxUserDays sets the bound of the tallies (tests), returning a function restoring it.
func SetMaxUserDays(n int) (restore func()) {
	old := maxUserDays
	maxUserDays = n
	return func() { maxUserDays = old }
}

// Held returns how many sessions hold a reservation and how many user-days are tallied (tests).
func (c *Checker) Held() (sessions, userDays int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.holds), len(c.tallies.m)
}
