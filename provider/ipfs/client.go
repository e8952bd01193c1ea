// Package ipfs is the provider's side of the decentralized model registry's storage (PROTOCOL §5): a small
// typed client of a kubo node's HTTP RPC API (add with the registry's fixed import parameters, pin, fetch,
// announce, connect) and a launcher of private kubo nodes on loopback for tests, the demo and benchmarks.
//
// It speaks the RPC API with net/http rather than importing kubo's client/rpc: that package lives in the
// kubo module, and requiring it adds ~55 modules (boxo, libp2p) to go.mod and upgrades 17 modules
// go-ethereum builds against (secp256k1, goleveldb, pebble, x/crypto, …) for the ten calls used here.
package ipfs

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// Import parameters: every publisher and verifier adds content with exactly these, so the same bytes
// always give the same CID whatever the node's Import config (reproducible): CIDv1, raw leaves, a fixed
// 1 MiB chunker, sha2-256, a balanced DAG of at most 174 links per node, HAMT fanout 256, empty folders
// and hidden files included. A single file is published as a directory holding it, so the root is always
// a dag-pb directory whose digest the registry stores. (A folder so large that its listing passes the
// node's Import.UnixFSHAMTDirectorySizeThreshold, 256 KiB by default, is sharded by that setting.)
var importParams = url.Values{
	"cid-version":     {"1"},
	"raw-leaves":      {"true"},
	"chunker":         {"size-1048576"},
	"hash":            {"sha2-256"},
	"trickle":         {"false"},
	"inline":          {"false"},
	"max-file-links":  {"174"},
	"max-hamt-fanout": {"256"},
	"empty-dirs":      {"true"},
	"hidden":          {"true"},
}

// Client calls one kubo node's RPC API. Safe for concurrent use.
type Client struct {
	base string // http://host:port
	hc   *http.Client
}

// ErrRPC wraps an error kubo answered.
var ErrRPC = errors.New("ipfs: kubo RPC error")

// NewClient returns a client of the RPC API at api: a URL ("http://127.0.0.1:5001") or a kubo multiaddr
// ("/ip4/127.0.0.1/tcp/5001", as in $IPFS_PATH/api).
func NewClient(api string) (*Client, error) {
	base, err := apiURL(api)
	if err != nil {
		return nil, err
	}
	return &Client{base: base, hc: &http.Client{}}, nil
}

// API is the client's base URL.
func (c *Client) API() string { return c.base }

func apiURL(api string) (string, error) {
	api = strings.TrimSpace(api)
	if strings.HasPrefix(api, "http://") || strings.HasPrefix(api, "https://") {
		return strings.TrimRight(api, "/"), nil
	}
	p := strings.Split(strings.Trim(api, "/"), "/")
	if len(p) == 4 && (p[0] == "ip4" || p[0] == "dns" || p[0] == "dns4") && p[2] == "tcp" {
		return "http://" + p[1] + ":" + p[3], nil
	}
	if len(p) == 4 && p[0] == "ip6" && p[2] == "tcp" {
		return "http://[" + p[1] + "]:" + p[3], nil
	}
	return "", fmt.Errorf("ipfs: API address %q is neither http://host:port nor /ip4/<host>/tcp/<port>", api)
}

// call POSTs to /api/v0/<cmd> and returns the open response; the caller closes its body.
func (c *Client) call(ctx context.Context, cmd string, args url.Values, body io.Reader, contentType string) (*http.Response, error) {
	u := c.base + "/api/v0/" + cmd
	if len(args) > 0 {
		u += "?" + args.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, body)
	if err != nil {
		return nil, fmt.Errorf("ipfs: %s: %w", cmd, err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := c.hc.Do(req)
	if err != nil && ctx.Err() != nil {
		return nil, fmt.Errorf("ipfs: %s: %w", cmd, ctx.Err())
	}
	if err != nil {
		return nil, fmt.Errorf("ipfs: %s: kubo unreachable at %s: %w", cmd, c.base, err)
	}
	if resp.StatusCode != http.StatusOK {
		defer resp.Body.Close()
		raw, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
		var e struct{ Message string }
		if json.Unmarshal(raw, &e) != nil || e.Message == "" {
			e.Message = strings.TrimSpace(string(raw))
		}
		return nil, fmt.Errorf("%w: %s: %s (HTTP %d)", ErrRPC, cmd, e.Message, resp.StatusCode)
	}
	return resp, nil
}

// streamErr reports an error kubo sent after the body started (the X-Stream-Error trailer).
func streamErr(cmd string, resp *http.Response) error {
	if msg := resp.Trailer.Get("X-Stream-Error"); msg != "" {
		return fmt.Errorf("%w: %s: %s", ErrRPC, cmd, msg)
	}
	return nil
}

// decodeStream reads a stream of JSON values (kubo's streaming answers), calling f for each, then checks
// the trailer.
func decodeStream[T any](cmd string, resp *http.Response, f func(T) error) error {
	defer resp.Body.Close()
	dec := json.NewDecoder(bufio.NewReader(resp.Body))
	for {
		var v T
		if err := dec.Decode(&v); err == io.EOF {
			break
		} else if err != nil {
			return fmt.Errorf("ipfs: %s: %w", cmd, err)
		}
		if err := f(v); err != nil {
			return err
		}
	}
	return streamErr(cmd, resp)
}

// simple calls cmd and decodes one JSON answer into out (nil: discard).
func (c *Client) simple(ctx context.Context, cmd string, args url.Values, out any) error {
	resp, err := c.call(ctx, cmd, args, nil, "")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if out == nil {
		_, err = io.Copy(io.Discard, resp.Body)
	} else {
		err = json.NewDecoder(resp.Body).Decode(out)
	}
	if err != nil {
		return fmt.Errorf("ipfs: %s: %w", cmd, err)
	}
	return streamErr(cmd, resp)
}

// Identity is a node's peer id and listen addresses.
type Identity struct {
	ID        string   `json:"ID"`
	Addresses []string `json:"Addresses"` // full multiaddrs ending in /p2p/<id>
}

// ID returns the node's identity.
func (c *Client) ID(ctx context.Context) (*Identity, error) {
	var id Identity
	if err := c.simple(ctx, "id", nil, &id); err != nil {
		return nil, err
	}
	return &id, nil
}

// Connect dials a peer at a full multiaddr (…/p2p/<peer id>).
func (c *Client) Connect(ctx context.Context, addr string) error {
	return c.simple(ctx, "swarm/connect", url.Values{"arg": {addr}}, nil)
}

// Pin fetches every block of cid's DAG from the network (kubo checks each block against its hash) and
// pins it recursively, so the node keeps and serves it. It returns when the whole DAG is local.
func (c *Client) Pin(ctx context.Context, cid string) error {
	return c.simple(ctx, "pin/add", url.Values{"arg": {cid}, "recursive": {"true"}}, nil)
}

// Unpin removes cid's recursive pin.
func (c *Client) Unpin(ctx context.Context, cid string) error {
	return c.simple(ctx, "pin/rm", url.Values{"arg": {cid}, "recursive": {"true"}}, nil)
}

// Pinned reports whether cid is pinned recursively.
func (c *Client) Pinned(ctx context.Context, cid string) (bool, error) {
	resp, err := c.call(ctx, "pin/ls", url.Values{"arg": {cid}, "type": {"recursive"}}, nil, "")
	if errors.Is(err, ErrRPC) && strings.Contains(err.Error(), "not pinned") {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	found := false
	err = decodeStream("pin/ls", resp, func(v struct{ Keys map[string]any }) error {
		_, ok := v.Keys[cid]
		found = found || ok
		return nil
	})
	return found, err
}

// Provide announces cid (and its whole DAG) to the node's content routing, so peers find this node as a
// seeder. Without content routing (a node with Routing.Type none) it returns kubo's error.
func (c *Client) Provide(ctx context.Context, cid string) error {
	resp, err := c.call(ctx, "routing/provide", url.Values{"arg": {cid}, "recursive": {"true"}}, nil, "")
	if err != nil {
		return err
	}
	return decodeStream("routing/provide", resp, func(json.RawMessage) error { return nil })
}
