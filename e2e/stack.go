package e2e

import (
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/provider/ipfs"
)

// Devnet accounts with on-chain roles (the devnet parameters of the deploy script). devnet.Market funds
// fresh accounts from account 0 (ETH) and the capital bucket's recipient, account 5 (MOR).
const (
	routerAccount = devnet.RouterAccount // ROUTER_ROLE
	keeperAccount = devnet.KeeperAccount // KEEPER_ROLE
)

// Account is a key of the stack; Keystore is its encrypted file, when it has one.
type Account struct {
	Key      *ecdsa.PrivateKey
	Address  common.Address
	Keystore string
}

// PrivateKeyHex is the 0x-hex private key (devnet only).
func (a Account) PrivateKeyHex() string { return "0x" + hex.EncodeToString(crypto.FromECDSA(a.Key)) }

// Provider is one provider of the stack: an owner key (register, bid, claim) and a signer key (serve),
// both keystores in KeysDir, and its `provider serve` process.
type Provider struct {
	Name    string
	Owner   Account
	Signer  Account
	KeysDir string
	Listen  string
	URL     string
	Price   *big.Int
	Proc    *Proc

	IPFSAPI   string // its kubo node's RPC API (Options.IPFS)
	ModelsDir string
}

// StateDir is its serve's --state-dir (close reports not yet taken by their router in close-reports/).
func (p *Provider) StateDir() string { return filepath.Join(filepath.Dir(p.KeysDir), "state") }

// Router is one router process of the stack.
type Router struct {
	Name    string
	URL     string
	Address common.Address // its key's address (ROUTER_ROLE)
	Proc    *Proc
	args    []string // its command line (StartRouter)
}

// Stack is a running Lake Travis system. Close stops it.
type Stack struct {
	Opts Options

	Root   string // repository root
	BinDir string // the built binaries
	Dir    string // the stack's private folder (keys, databases, deployment file)
	LogDir string

	// The chain: anvil, the deployment, a client and the contract bindings (Pool, Token, Marketplace…),
	// with devnet's actions on it (funding, roles, day moves).
	*devnet.Market
	DeploymentFile string
	Domain         *eip712.Domain
	ModelID        common.Hash
	PasswordFile   string // the password of every keystore of the stack

	Upstream      *Upstream
	Router        *Proc     // the first router (Routers[0])
	Routers       []*Router // the replicas of the first router, then the MoreRouters'
	DeadRouterURL string    // DeadRouterFirst: the URL nothing listens on
	Keeper        *Proc
	Gateway       *Proc
	Providers     []*Provider
	Builder       Account
	User          Account

	RouterURL  string
	KeeperURL  string
	GatewayURL string // base URL without /v1

	mu          sync.Mutex
	procs       []*Proc
	ipfsNodes   []*ipfs.Node
	builderIPFS *ipfs.Node
	closed      bool
}

func (s *Stack) logf(format string, args ...any) {
	if s.Opts.Progress != nil {
		fmt.Fprintf(s.Opts.Progress, "  · "+format+"\n", args...)
	}
}

// Start builds the binaries (once per process), starts anvil, deploys, and brings up every role. On error
// it stops what it started; the error says which step failed and ends with the relevant log.
func Start(ctx context.Context, opts Options) (_ *Stack, err error) {
	opts.defaults()
	root, err := devnet.RepoRoot()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "laketravis-e2e-")
	if err != nil {
		return nil, err
	}
	s := &Stack{Opts: opts, Root: root, Dir: dir, LogDir: opts.LogDir}
	if s.LogDir == "" {
		s.LogDir = filepath.Join(dir, "logs")
	}
	defer func() {
		if err != nil {
			s.Close()
		}
	}()
	if err := os.MkdirAll(s.LogDir, 0o700); err != nil {
		return nil, err
	}
	s.PasswordFile = filepath.Join(dir, "password")
	if err := os.WriteFile(s.PasswordFile, []byte("lake travis devnet\n"), 0o600); err != nil {
		return nil, err
	}

	s.logf("building router, keeper, provider and lt (go build)")
	if s.BinDir, err = buildBinaries(ctx, root); err != nil {
		return nil, err
	}
	if err := s.startChain(ctx); err != nil {
		return nil, err
	}
	if err := s.setUpMarket(ctx); err != nil {
		return nil, err
	}
	if err := s.startServices(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// Close stops every process (the gateway first, so that it closes its sessions; anvil last), the
// upstream, and removes the stack's temporary folder. Safe to call more than once and concurrently
// with Start's steps (a Ctrl-C handler).
func (s *Stack) Close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	procs := s.procs
	s.mu.Unlock()
	for i := len(procs) - 1; i >= 0; i-- {
		procs[i].Stop()
	}
	for _, n := range s.ipfsNodes {
		n.Stop()
	}
	if s.Upstream != nil {
		s.Upstream.Close()
	}
	if s.Market != nil {
		s.Market.Close() // the client, then anvil
	}
	_ = os.RemoveAll(s.Dir)
}

// DumpLogs writes the last lines of every process log to w (for a failed test or demo).
func (s *Stack) DumpLogs(w io.Writer, lines int) {
	entries, _ := os.ReadDir(s.LogDir)
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(s.LogDir, e.Name()))
		fmt.Fprintf(w, "===== %s (last %d lines)\n%s\n", e.Name(), lines, devnet.Tail(string(b), lines))
	}
}
