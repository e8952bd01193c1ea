package ipfs

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"
)

// KuboVersion is the kubo release `make setup` builds (scripts/kubo.sh) and the tests run.
const KuboVersion = "v0.42.0"

// Binary finds the kubo executable: $LT_IPFS_BIN, else .tools/kubo-<KuboVersion>/ipfs in the module root
// above the working directory (what `make setup` builds), else `ipfs` on PATH.
func Binary() (string, error) {
	if b := os.Getenv("LT_IPFS_BIN"); b != "" {
		return b, nil
	}
	if dir, err := os.Getwd(); err == nil {
		for ; ; dir = filepath.Dir(dir) {
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				b := filepath.Join(dir, ".tools", "kubo-"+KuboVersion, "ipfs")
				if _, err := os.Stat(b); err == nil {
					return b, nil
				}
				break
			}
			if filepath.Dir(dir) == dir {
				break
			}
		}
	}
	if b, err := exec.LookPath("ipfs"); err == nil {
		return b, nil
	}
	return "", errors.New("ipfs: no kubo binary: run `make setup` (builds .tools/kubo-" + KuboVersion + "/ipfs) or set LT_IPFS_BIN")
}

// Node is a kubo daemon this process started, in its own repository, on a private loopback swarm: swarm,
// RPC API and gateway on 127.0.0.1 only (kernel-chosen ports), no bootstrap peers, no MDNS, no relays,
// no delegated routing; peers are connected explicitly (Connect). Its DHT runs in server mode among the
// connected peers only, so provider records stay in the private swarm.
type Node struct {
	*Client
	Dir   string   // IPFS_PATH
	Peer  string   // peer id
	Addrs []string // swarm multiaddrs, each ending in /p2p/<Peer>

	cmd  *exec.Cmd
	done chan struct{}
	out  *tailBuffer
	stop sync.Once
}

// StartPrivate initialises a repository in dir (created if missing, must hold no repository yet) and runs
// the daemon until ctx ends or Stop. It returns once the RPC API answers.
func StartPrivate(ctx context.Context, bin, dir string) (*Node, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("ipfs: %w", err)
	}
	env := append(os.Environ(), "IPFS_PATH="+dir, "GOLOG_LOG_LEVEL=error", "IPFS_TELEMETRY=off")
	init := exec.CommandContext(ctx, bin, "init", "--profile=test", "--empty-repo")
	init.Env = env
	if out, err := init.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("ipfs: init %s: %w: %s", dir, err, bytes.TrimSpace(out))
	}
	if err := privateConfig(filepath.Join(dir, "config")); err != nil {
		return nil, err
	}
	n := &Node{Dir: dir, done: make(chan struct{}), out: &tailBuffer{max: 8 << 10}}
	n.cmd = exec.Command(bin, "daemon", "--migrate=false")
	n.cmd.Env = env
	n.cmd.Stdout, n.cmd.Stderr = n.out, n.out
	if err := n.cmd.Start(); err != nil {
		return nil, fmt.Errorf("ipfs: start daemon: %w", err)
	}
	go func() { _ = n.cmd.Wait(); close(n.done) }()
	go func() {
		select {
		case <-ctx.Done():
			n.Stop()
		case <-n.done:
		}
	}()
	if err := n.waitReady(ctx); err != nil {
		n.Stop()
		return nil, err
	}
	return n, nil
}

// privateConfig edits a fresh kubo config (after --profile=test) so the node never reaches beyond loopback.
func privateConfig(path string) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("ipfs: %w", err)
	}
	var cfg map[string]any
	if err := json.Unmarshal(raw, &cfg); err != nil {
		return fmt.Errorf("ipfs: config: %w", err)
	}
	set := func(keys string, v any) {
		m := cfg
		parts := strings.Split(keys, ".")
		for _, k := range parts[:len(parts)-1] {
			sub, ok := m[k].(map[string]any)
			if !ok {
				sub = map[string]any{}
				m[k] = sub
			}
			m = sub
		}
		m[parts[len(parts)-1]] = v
	}
	set("Bootstrap", []string{})
	set("Discovery.MDNS.Enabled", false)
	set("Routing.Type", "dhtserver")
	set("Routing.DelegatedRouters", []string{})
	set("Swarm.RelayClient.Enabled", false)
	set("Swarm.RelayService.Enabled", false)
	set("Swarm.DisableNatPortMap", true)
	set("Swarm.Transports.Network.Websocket", false)
	set("Swarm.Transports.Network.QUIC", false)
	set("Swarm.Transports.Network.WebTransport", false)
	set("Swarm.Transports.Network.WebRTCDirect", false)
	set("AutoNAT.ServiceMode", "disabled")
	set("Addresses.Swarm", []string{"/ip4/127.0.0.1/tcp/0"})
	set("Addresses.API", "/ip4/127.0.0.1/tcp/0")
	set("Addresses.Gateway", "/ip4/127.0.0.1/tcp/0")
	out, err := json.MarshalIndent(cfg, "", "  ")
	if err != nil {
		return fmt.Errorf("ipfs: config: %w", err)
	}
	return os.WriteFile(path, out, 0o600)
}

// waitReady waits for the daemon to write its API address and answer `id`, or to exit.
func (n *Node) waitReady(ctx context.Context) error {
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return fmt.Errorf("ipfs: daemon in %s not ready: %w", n.Dir, ctx.Err())
		case <-n.done:
			return fmt.Errorf("ipfs: daemon in %s exited: %s", n.Dir, n.out.String())
		case <-tick.C:
		}
		if n.Client == nil {
			api, err := os.ReadFile(filepath.Join(n.Dir, "api"))
			if err != nil {
				continue
			}
			if n.Client, err = NewClient(string(api)); err != nil {
				return err
			}
		}
		cctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		id, err := n.ID(cctx)
		cancel()
		if err != nil || len(id.Addresses) == 0 {
			continue
		}
		n.Peer = id.ID
		for _, a := range id.Addresses {
			if strings.HasPrefix(a, "/ip4/127.0.0.1/tcp/") {
				n.Addrs = append(n.Addrs, a)
			}
		}
		if len(n.Addrs) == 0 {
			return fmt.Errorf("ipfs: daemon in %s listens on no loopback TCP address: %v", n.Dir, id.Addresses)
		}
		return nil
	}
}

// Stop terminates the daemon and waits for it to exit. Safe to call more than once.
func (n *Node) Stop() {
	n.stop.Do(func() {
		_ = n.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-n.done:
		case <-time.After(15 * time.Second):
			_ = n.cmd.Process.Kill()
			<-n.done
		}
	})
}

// tailBuffer keeps the last max bytes written (the daemon's output, for error messages).
type tailBuffer struct {
	mu  sync.Mutex
	buf []byte
	max int
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, p...)
	if len(t.buf) > t.max {
		t.buf = t.buf[len(t.buf)-t.max:]
	}
	return len(p), nil
}

func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(bytes.TrimSpace(t.buf))
}
