package outbox

import (
	"errors"
	"os"
	"sync/atomic"
	"testing"
)

// Syncs counts the fsyncs of the package: of files (and their bytes) and of directories. While Fail is
// set, an fsync fails (and counts nothing).
type Syncs struct {
	Files, Dirs, Bytes atomic.Int64
	Fail               atomic.Bool
}

// CountSyncs counts every fsync until the test ends.
func CountSyncs(tb testing.TB) *Syncs {
	c, was := &Syncs{}, fsync
	fsync = func(f *os.File) error {
		if c.Fail.Load() {
			return errors.New("fsync failed (test)")
		}
		if st, err := f.Stat(); err == nil && st.IsDir() {
			c.Dirs.Add(1)
		} else if err == nil {
			c.Files.Add(1)
			c.Bytes.Add(st.Size())
		}
		return was(f)
	}
	tb.Cleanup(func() { fsync = was })
	return c
}
