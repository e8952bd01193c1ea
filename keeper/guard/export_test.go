package guard

// SetBeforeVeto has g call f(epoch) after a check found a problem and before it reads the epoch again and
// sends the veto: a test's way to move the chain in between, deterministically.
func SetBeforeVeto(g *Guard, f func(epoch uint64)) { g.beforeVeto = f }
