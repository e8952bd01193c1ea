// Package atomicfile writes files so that a crash of the process or the host leaves each one either as it
// was or wholly written, never in part: the content goes to a temporary file beside it, which is synced
// and only then renamed (or linked) into place, and the directory is synced.
package atomicfile

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// TempPrefix begins the name of the temporary file a write fills beside its target. A crash can leave one
// behind (never in place, so no one's file): whoever reads the directory skips or removes it.
const TempPrefix = ".tmp-"

// Write writes path with what fill writes: a temporary file in path's directory, mode perm, synced, renamed
// over path (replacing any file there), then the directory synced. When Write returns nil the new content
// survives a crash; when it fails, or the process dies in it, path is as it was. The temporary file is
// removed on every return.
func Write(path string, perm os.FileMode, fill func(io.Writer) error) error {
	return write(path, perm, fill, os.Rename)
}

// WriteFile is Write of data.
func WriteFile(path string, data []byte, perm os.FileMode) error {
	return Write(path, perm, writeAll(data))
}

// Create is WriteFile without replacing: when path exists already it returns an error wrapping
// os.ErrExist and leaves that file as it is (a link, unlike a rename, never replaces a file).
func Create(path string, data []byte, perm os.FileMode) error {
	return write(path, perm, writeAll(data), os.Link)
}

func writeAll(data []byte) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.Copy(w, bytes.NewReader(data))
		return err
	}
}

func write(path string, perm os.FileMode, fill func(io.Writer) error, place func(tmp, path string) error) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, TempPrefix+"*")
	if err != nil {
		return fmt.Errorf("atomicfile: %w", err)
	}
	defer os.Remove(tmp.Name()) // after a rename: nothing there; after a link: the second name only
	err = tmp.Chmod(perm)
	if err == nil {
		err = fill(tmp)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = place(tmp.Name(), path)
	}
	if err == nil {
		err = syncDir(dir)
	}
	if err != nil {
		return fmt.Errorf("atomicfile: write %s: %w", path, err)
	}
	return nil
}

// syncDir syncs dir: the files renamed or linked into it so far survive a crash.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
