//go:build race

package loadtest

// raceEnabled shrinks the load test under the race detector, which slows the pure-Go SQLite and
// every handler several times over.
const raceEnabled = true
