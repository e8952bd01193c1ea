package outbox

import (
	"errors"
	"os"
	"sync/atomic"
	"testing"
)

// Writes counts the journal's file writes (each two fsyncs: the file's and the directory's) and their
// bytes. While Fail is set, a write fails (and counts nothing).
type Writes struct {
	Files, Bytes atomic.Int64
	Fail         atomic.Bool
}

// CountWrites counts every write of the journal's file until the test ends.
func CountWrites(tb testing.TB) *Writes {
	c, was := &Writes{}, writeJournal
	writeJournal = func(path string, data []byte, perm os.FileMode) error {
		if c.Fail.Load() {
			return errors.New("write failed (test)")
		}
		c.Files.Add(1)
		c.Bytes.Add(int64(len(data)))
		return was(path, data, perm)
	}
	tb.Cleanup(func() { writeJournal = was })
	return c
}
