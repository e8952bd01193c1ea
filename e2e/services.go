package e2e

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/laketravis/laketravis/devnet"
)

// startServices runs the stand-in upstream, the router, the keeper, every provider's serve and the
// user's gateway, each checked healthy.
func (s *Stack) startServices(ctx context.Context) error {
	o := s.Opts
	var err error
	if s.Upstream, err = StartUpstream(o.TokenDelay); err != nil {
		return err
	}
	s.logf("stand-in OpenAI upstream (the LLM backend) on %s", s.Upstream.URL)

	keeperListen, err := freeAddr()
	if err != nil {
		return err
	}
	s.KeeperURL = "http://" + keeperListen
	if err := s.startRouters(ctx); err != nil {
		return err
	}
	s.Router, s.RouterURL = s.Routers[0].Proc, s.Routers[0].URL

	if !o.NoKeeper {
		if s.Keeper, err = s.start(ctx, "keeper", "/healthz", s.KeeperURL, "keeper", s.keeperArgs()...); err != nil {
			return err
		}
		s.logf("keeper on %s (epoch %s)", s.KeeperURL, o.EpochLength)
	}

	for _, p := range s.Providers {
		if err := s.StartProvider(ctx, p); err != nil {
			return err
		}
	}

	listen, err := freeAddr()
	if err != nil {
		return err
	}
	s.GatewayURL = "http://" + listen
	maxPrice := new(big.Int)
	for _, p := range o.Prices {
		if p.Cmp(maxPrice) > 0 {
			maxPrice = p
		}
	}
	if s.Gateway, err = s.start(ctx, "gateway", "/healthz", s.GatewayURL, "lt", "gateway",
		"--router", strings.Join(s.gatewayRouters(), ","), "--rpc", s.Anvil.URL, "--deployment", s.DeploymentFile,
		"--keystore", s.User.Keystore, "--password-file", s.PasswordFile, "--listen", listen,
		"--idle-timeout", o.GatewayIdleTimeout.String(), "--max-price", maxPrice.String(), "--max-seconds", strconv.FormatUint(uint64(o.MaxSeconds), 10)); err != nil {
		return err
	}
	s.logf("user's gateway (lt gateway) on %s/v1", s.GatewayURL)
	return nil
}

// startRouters runs the first router's replicas (one key, one database) and the MoreRouters (a key and a
// SQLite database each; the admin grants each key ROUTER_ROLE first), each checked healthy.
func (s *Stack) startRouters(ctx context.Context) error {
	o := s.Opts
	db := o.RouterDatabase
	if db == "" {
		if o.RouterReplicas > 1 {
			return errors.New("e2e: router replicas share a PostgreSQL database: set RouterDatabase")
		}
		db = filepath.Join(s.Dir, "router.db")
	}
	key := devnet.DevKey(routerAccount)
	for i := range o.RouterReplicas + o.MoreRouters {
		name := "router"
		if i > 0 {
			name = fmt.Sprintf("router-%d", i+1)
		}
		if i >= o.RouterReplicas { // an independent router
			acc := newAccount(name)
			key, db = acc.Key, filepath.Join(s.Dir, name+".db")
			if err := s.GrantRouterRole(ctx, acc.Address); err != nil {
				return err
			}
		}
		listen, err := freeAddr()
		if err != nil {
			return err
		}
		r := &Router{Name: name, URL: "http://" + listen, Address: crypto.PubkeyToAddress(key.PublicKey)}
		// Confirmations 1 (every mined block) and a short poll: the router sees the registrations and bids at once. The keeper
		// URL is where the transparency page links the batch files.
		args := append([]string{"--rpc", s.Anvil.URL, "--deployment", s.DeploymentFile,
			"--raw-key", "0x" + hex.EncodeToString(crypto.FromECDSA(key)),
			"--listen", listen, "--database", db,
			"--confirmations", "1", "--poll-interval", "200ms", "--keeper-url", s.KeeperURL}, o.RouterArgs...)
		r.args = args
		if err := s.StartRouter(ctx, r); err != nil {
			return err
		}
		s.Routers = append(s.Routers, r)
		s.logf("%s (%s) on %s", name, r.Address.Hex(), r.URL)
	}
	return nil
}

// StartRouter runs router r (again, after its Proc stopped: same key, address and database) and waits until
// it is healthy.
func (s *Stack) StartRouter(ctx context.Context, r *Router) error {
	var err error
	r.Proc, err = s.start(ctx, r.Name, "/healthz", r.URL, "router", r.args...)
	return err
}

// RouterURLs are the URLs of every router of the stack, in start order.
func (s *Stack) RouterURLs() []string {
	out := make([]string, len(s.Routers))
	for i, r := range s.Routers {
		out[i] = r.URL
	}
	return out
}

// feeds are the settlement feeds the keeper reads: one per independent router (its first replica).
func (s *Stack) feeds() []string {
	out := []string{s.RouterURL}
	for _, r := range s.Routers[s.Opts.RouterReplicas:] {
		out = append(out, r.URL)
	}
	return out
}

// gatewayRouters is the gateway's router list: a dead URL first (DeadRouterFirst), then every router.
func (s *Stack) gatewayRouters() []string {
	urls := s.RouterURLs()
	if s.Opts.DeadRouterFirst {
		if s.DeadRouterURL == "" {
			if addr, err := freeAddr(); err == nil {
				s.DeadRouterURL = "http://" + addr
			}
		}
		urls = append([]string{s.DeadRouterURL}, urls...)
	}
	return urls
}

// keeperArgs is the keeper's command line: the stack's chain, deployment, router feed and keeper key,
// listening on KeeperURL, its data in the stack's folder; extra comes last (a repeated flag overrides).
// --rpc is a list flag, which a repetition would extend: in extra it (or its other name, --rpc-urls)
// replaces the stack's anvil.
func (s *Stack) keeperArgs(extra ...string) []string {
	args := []string{"--rpc", s.Anvil.URL}
	for _, a := range extra {
		if name, _, _ := strings.Cut(a, "="); name == "--rpc" || name == "--rpc-urls" {
			args = nil
		}
	}
	args = append(args, "--deployment", s.DeploymentFile,
		"--raw-key", devnet.DevKeys[keeperAccount],
		"--routers", strings.Join(append(s.feeds(), s.Opts.ExtraRouters...), ","), "--epoch-length", s.Opts.EpochLength.String(), "--poll-interval", "500ms",
		"--confirmations", "1", "--public-url", s.KeeperURL, "--listen", strings.TrimPrefix(s.KeeperURL, "http://"),
		"--data-dir", filepath.Join(s.Dir, "keeper-data"), "--log-level", "info")
	return append(args, extra...)
}

// KeeperAddress is the keeper's account (KEEPER_ROLE).
func (s *Stack) KeeperAddress() common.Address {
	return crypto.PubkeyToAddress(devnet.DevKey(keeperAccount).PublicKey)
}

// RunKeeper starts the stack's keeper binary (after Options.NoKeeper, or after the previous one ended)
// with the stack's arguments followed by extra, and env added to this process's environment (e.g.
// LT_KEEPER_CRASH_AT). It does not wait for the keeper to be healthy — a keeper told to crash may die
// first; wait on the returned Proc's Done. Its output is appended to keeper.log; Close stops it.
func (s *Stack) RunKeeper(env []string, extra ...string) (*Proc, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, errStopped
	}
	p, err := startProc(s.LogDir, "keeper", filepath.Join(s.BinDir, "keeper"), env, s.keeperArgs(extra...)...)
	if err != nil {
		return nil, err
	}
	s.procs = append(s.procs, p)
	s.Keeper = p
	return p, nil
}

// StartProvider runs `provider serve` for p (again, after StopProvider) and waits until it is healthy.
func (s *Stack) StartProvider(ctx context.Context, p *Provider) error {
	var err error
	args := append([]string{"serve",
		"--rpc", s.Anvil.URL, "--deployment", s.DeploymentFile,
		"--keys-dir", p.KeysDir, "--password-file", s.PasswordFile, "--owner", p.Owner.Address.Hex(),
		"--upstream", s.Upstream.URL, "--model", s.Opts.Model + "=stand-in", "--router-url", strings.Join(append(s.RouterURLs(), s.Opts.ExtraRouters...), ","),
		"--listen", p.Listen, "--log-format", "console", "--state-dir", p.StateDir()}, p.serveModelArgs()...)
	args = append(args, s.Opts.ServeArgs...)
	p.Proc, err = s.start(ctx, p.Name, "/healthz", p.URL, "provider", args...)
	if err != nil {
		return err
	}
	s.logf("%s serving %s on %s (provider serve)", p.Name, s.Opts.Model, p.URL)
	return nil
}

// start runs a long-lived binary and waits for baseURL+health to answer 200.
func (s *Stack) start(ctx context.Context, name, health, baseURL, bin string, args ...string) (*Proc, error) {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil, errStopped
	}
	p, err := startProc(s.LogDir, name, filepath.Join(s.BinDir, bin), nil, args...)
	if err == nil {
		s.procs = append(s.procs, p)
	}
	s.mu.Unlock()
	if err != nil {
		return nil, err
	}
	if err := waitHealthy(ctx, p, baseURL+health, 60*time.Second); err != nil {
		return p, err
	}
	// Someone else answering on the port (the process failed to bind it) shows as an early exit.
	time.Sleep(100 * time.Millisecond)
	if p.Exited() {
		return p, fmt.Errorf("e2e: %s exited (%v); log %s:\n%s", name, p.err, p.LogPath, devnet.Tail(p.Log(), 20))
	}
	return p, nil
}

// provider runs one provider CLI command against the stack's chain.
func (s *Stack) provider(ctx context.Context, logName string, args ...string) ([]byte, error) {
	args = append(args, "--rpc", s.Anvil.URL, "--deployment", s.DeploymentFile)
	return runTool(ctx, s.LogDir, logName, filepath.Join(s.BinDir, "provider"), args...)
}

// lt runs one lt command against the stack's chain and router.
func (s *Stack) lt(ctx context.Context, logName string, args ...string) ([]byte, error) {
	args = append(args, "--rpc", s.Anvil.URL, "--deployment", s.DeploymentFile)
	if s.RouterURL != "" {
		args = append(args, "--router", s.RouterURL)
	}
	return runTool(ctx, s.LogDir, logName, filepath.Join(s.BinDir, "lt"), args...)
}
