package credit

// SetMaxUserDays sets the bound of the tallies (tests), returning a function restoring it.
func SetMaxUserDays(n int) (restore func()) {
	old := maxUserDays
	maxUserDays = n
	return func() { maxUserDays = old }
}
