package outbox

import (
	"os"
	"sync/atomic"
	"testing"
)

// Syncs counts the fsyncs of the package: of files (and their bytes) and of directories.
type Syncs struct{ Files, Dirs, Bytes atomic.Int64 }

// CountSyncs counts every fsync until the test ends.
func CountSyncs(tb testing.TB) *Syncs {
	c, was := &Syncs{}, fsync
	fsync = func(f *os.File) error {
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
