package ipfs

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime/multipart"
	"net/textproto"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strconv"
)

// ErrUnsupportedFile is returned for a symlink, device, socket or pipe in the content: only regular files
// and directories are published or accepted.
var ErrUnsupportedFile = errors.New("ipfs: only regular files and directories are supported")

// rootName is the name of the synthetic top directory every upload is sent in.
const rootName = "content"

// Added is the result of adding content.
type Added struct {
	CID   string // CIDv1 of the root directory
	Bytes int64  // total size of the files' contents
	Files int
}

// Add adds the file or directory at p with the registry's import parameters and returns its root CID.
// A directory's root is the directory itself; a single file is wrapped in a directory holding it. With
// onlyHash nothing is stored (kubo computes the CID only); otherwise the content is stored and pinned.
func (c *Client) Add(ctx context.Context, p string, onlyHash bool) (*Added, error) {
	entries, res, err := walk(p)
	if err != nil {
		return nil, err
	}
	args := url.Values{}
	for k, v := range importParams {
		args[k] = v
	}
	args.Set("only-hash", strconv.FormatBool(onlyHash))
	args.Set("pin", strconv.FormatBool(!onlyHash))
	args.Set("progress", "false")
	args.Set("quieter", "false")

	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() { pw.CloseWithError(writeParts(mw, entries)) }()
	resp, err := c.call(ctx, "add", args, pr, "multipart/form-data; boundary="+mw.Boundary())
	if err != nil {
		pr.CloseWithError(err)
		return nil, err
	}
	err = decodeStream("add", resp, func(v struct{ Name, Hash string }) error {
		if v.Name == rootName {
			res.CID = v.Hash
		}
		return nil
	})
	pr.CloseWithError(io.ErrClosedPipe)
	if err != nil {
		return nil, err
	}
	if res.CID == "" {
		return nil, fmt.Errorf("%w: add: no root CID in kubo's answer", ErrRPC)
	}
	return res, nil
}

type entry struct {
	name string // path inside the upload, "content/…"
	file string // local path; empty for a directory
}

// walk lists p's regular files and directories in lexical order under the synthetic root.
func walk(p string) ([]entry, *Added, error) {
	st, err := os.Lstat(p)
	if err != nil {
		return nil, nil, fmt.Errorf("ipfs: %w", err)
	}
	res := &Added{}
	out := []entry{{name: rootName}}
	switch {
	case st.Mode().IsRegular():
		res.Bytes, res.Files = st.Size(), 1
		return append(out, entry{name: path.Join(rootName, st.Name()), file: p}), res, nil
	case !st.IsDir():
		return nil, nil, fmt.Errorf("%w: %s", ErrUnsupportedFile, p)
	}
	err = filepath.WalkDir(p, func(fp string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if fp == p {
			return nil
		}
		rel, err := filepath.Rel(p, fp)
		if err != nil {
			return err
		}
		name := path.Join(rootName, filepath.ToSlash(rel))
		switch {
		case d.IsDir():
			out = append(out, entry{name: name})
		case d.Type().IsRegular():
			info, err := d.Info()
			if err != nil {
				return err
			}
			res.Bytes += info.Size()
			res.Files++
			out = append(out, entry{name: name, file: fp})
		default:
			return fmt.Errorf("%w: %s", ErrUnsupportedFile, fp)
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("ipfs: walk %s: %w", p, err)
	}
	return out, res, nil
}

// writeParts writes entries in the multipart form kubo's add reads (one part per file or directory,
// the path in the filename, directories as application/x-directory).
func writeParts(mw *multipart.Writer, entries []entry) error {
	for _, e := range entries {
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="file"; filename="%s"`, url.QueryEscape(e.name)))
		if e.file == "" {
			h.Set("Content-Type", "application/x-directory")
			if _, err := mw.CreatePart(h); err != nil {
				return err
			}
			continue
		}
		h.Set("Content-Type", "application/octet-stream")
		w, err := mw.CreatePart(h)
		if err != nil {
			return err
		}
		f, err := os.Open(e.file)
		if err != nil {
			return err
		}
		_, err = io.Copy(w, f)
		f.Close()
		if err != nil {
			return err
		}
	}
	return mw.Close()
}
