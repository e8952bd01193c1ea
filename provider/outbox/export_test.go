package outbox

import (
	"errors"
	"sync/atomic"
	"testing"
)

// Writes counts the journal's writes of its file (each an fsync; a rewrite, two: the file's and the
// directory's), the rewrites among them and their bytes. While Fail is set, a write fails (and counts
// nothing).
type Writes struct {
	Files, Rewrites, Bytes atomic.Int64
	Fail                   atomic.Bool
}

// CompactSlack is compactSlack (tests).
const CompactSlack = compactSlack

// Fsyncs is how many fsyncs the writes counted made.
func (c *Writes) Fsyncs() int64 { return c.Files.Load() + c.Rewrites.Load() }

// CountWrites counts every write of the journal's file until the test ends.
func CountWrites(tb testing.TB) *Writes {
	c, was := &Writes{}, writeJournal
	writeJournal = func(path string, data []byte, whole bool) error {
		if c.Fail.Load() {
			return errors.New("write failed (test)")
		}
		c.Files.Add(1)
		if whole {
			c.Rewrites.Add(1)
		}
		c.Bytes.Add(int64(len(data)))
		return was(path, data, whole)
	}
	tb.Cleanup(func() { writeJournal = was })
	return c
}
