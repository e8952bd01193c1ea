package ipfs

import (
	"archive/tar"
	"context"
	"fmt"
	"io"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Get writes the UnixFS directory cid into dir (created; it must not exist yet). The content is untrusted:
// only regular files and directories inside dir are written; absolute paths, "..", links and special files
// are refused. Get reads blocks through the node (fetching missing ones from peers); pin first to fetch
// them all.
func (c *Client) Get(ctx context.Context, cid, dir string) error {
	if err := os.Mkdir(dir, 0o755); err != nil {
		return fmt.Errorf("ipfs: get: %w", err)
	}
	resp, err := c.call(ctx, "get", url.Values{"arg": {cid}}, nil, "")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if err := untar(resp.Body, cid, dir); err != nil {
		return err
	}
	return streamErr("get", resp)
}

func untar(r io.Reader, root, dir string) error {
	tr := tar.NewReader(r)
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
