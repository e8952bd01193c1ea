package ipfs

import (
	"archive/tar"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// ErrTooLarge: the content declares more bytes or entries than the limit given to Get.
var ErrTooLarge = errors.New("ipfs: content larger than the limit")

// Limits bounds what Get writes: the disk space the entries take and their number (files and folders).
// A few distinct blocks can declare terabytes (one block linked many times), or millions of tiny files,
// so the bound is on what the archive declares, checked before each entry is written. With Block (the
// filesystem's block size) each entry costs its size rounded up to whole blocks plus one block (its
// inode's and folder entry's share, at the least): a million one-byte files are gigabytes, not a
// megabyte. Zero is no bound.
type Limits struct {
	Bytes   int64
	Entries int64
	Block   int64
}

// Get writes the UnixFS directory cid into dir (created; it must not exist yet). The content is untrusted:
// only regular files and directories inside dir are written; absolute paths, "..", links and special files
// are refused, and content past lim is refused before it is written. Get reads blocks through the node
// (fetching missing ones from peers); pin first to fetch them all.
func (c *Client) Get(ctx context.Context, cid, dir string, lim Limits) error {
	if err := os.Mkdir(dir, 0o755); err != nil {
		return fmt.Errorf("ipfs: get: %w", err)
	}
	resp, err := c.call(ctx, "get", url.Values{"arg": {cid}}, nil, "")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if err := untar(resp.Body, cid, dir, lim); err != nil {
		return err
	}
	return streamErr("get", resp)
}

func untar(r io.Reader, root, dir string, lim Limits) error {
	tr := tar.NewReader(r)
	var total, entries int64
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("ipfs: get: read archive: %w", err)
		}
		name := path.Clean(strings.TrimPrefix(h.Name, "/"))
		if name == root && h.Typeflag == tar.TypeDir {
			continue
		}
		rel, ok := strings.CutPrefix(name, root+"/")
		if !ok || rel == "" || path.IsAbs(h.Name) || rel == ".." || strings.HasPrefix(rel, "../") || strings.Contains(rel, "/../") {
			return fmt.Errorf("%w: archive entry %q outside %s", ErrUnsupportedFile, h.Name, root)
		}
		// A tar entry carries exactly the size its header declares, so counting headers bounds the writes.
		size := max(h.Size, 0)
		if lim.Block > 0 {
			size = (size/lim.Block+1)*lim.Block + lim.Block // whole blocks (one more when not a multiple: never less), and one for the entry
		}
		total, entries = total+size, entries+1
		if lim.Bytes > 0 && (total > lim.Bytes || total < 0) {
			return fmt.Errorf("%w: %s declares more than %d bytes (at %q)", ErrTooLarge, root, lim.Bytes, rel)
		}
		if lim.Entries > 0 && entries > lim.Entries {
			return fmt.Errorf("%w: %s holds more than %d files and folders (at %q)", ErrTooLarge, root, lim.Entries, rel)
		}
		dst := filepath.Join(dir, filepath.FromSlash(rel))
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(dst, 0o755); err != nil {
				return fmt.Errorf("ipfs: get: %w", err)
			}
		case tar.TypeReg:
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return fmt.Errorf("ipfs: get: %w", err)
			}
			f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
			if err != nil {
				return fmt.Errorf("ipfs: get: %w", err)
			}
			_, err = io.Copy(f, tr)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return fmt.Errorf("ipfs: get %s: %w", rel, err)
			}
		default:
			return fmt.Errorf("%w: %q (tar type %c)", ErrUnsupportedFile, h.Name, h.Typeflag)
		}
	}
}
