package e2e

import (
	"context"
	"crypto/ecdsa"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/laketravis/laketravis/bindings/computepool"
	"github.com/laketravis/laketravis/bindings/emissions"
	"github.com/laketravis/laketravis/bindings/marketplace"
	"github.com/laketravis/laketravis/bindings/mortoken"
	"github.com/laketravis/laketravis/deployments"
	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/ids"
	"github.com/laketravis/laketravis/provider/ipfs"
)

// Devnet accounts with on-chain roles (the devnet parameters of the deploy script).
const (
	adminAccount   = 0 // DEFAULT_ADMIN_ROLE, guardian; funds the fresh accounts with ETH
	routerAccount  = 1 // ROUTER_ROLE
	keeperAccount  = 2 // KEEPER_ROLE
	capitalAccount = 5 // recipient of the capital bucket: funds the fresh accounts with MOR
)

// Options configure Start. Zero values take the defaults in brackets.
type Options struct {
	// Interval is the protocol day in seconds [600]. Short so that a demo's day changes are quick.
	Interval uint64
	// DaysBack puts payoutStart this many days before now [5]: the ComputePool's budget on day d is 1% of
	// what the compute bucket accrued before d, so day 0 has none.
	DaysBack uint64
	// DisputeWindow is the time a committed root waits before it is claimable, seconds [10].
	DisputeWindow uint64
	// EpochLength is the keeper's epoch [5s].
	EpochLength time.Duration
	// Model is the market model, name:tag ["llama3:8b"].
	Model string
	// BuilderFeeBps is the model builder's share [500 = 5%].
	BuilderFeeBps uint16
	// Prices start one provider per entry, bidding that price in MOR-wei per second [one at 1e15].
	Prices []*big.Int
	// Stake of each provider, in the provider CLI's notation ["200MOR"].
	Stake string
	// UserMOR is what the user is given, whole MOR [5000].
	UserMOR int64
	// TokenDelay is the stand-in upstream's time per token [50ms].
	TokenDelay time.Duration
	// GatewayIdleTimeout closes the gateway's idle sessions [3s].
	GatewayIdleTimeout time.Duration
	// MaxSeconds is the session length the gateway asks for [300].
	MaxSeconds uint32
	// NoKeeper starts the stack without its keeper: the caller runs one with RunKeeper (the keeper's
	// crash-safety test, which kills and restarts it). KeeperURL is still where it is to listen.
	NoKeeper bool
	// RouterDatabase is the router's database: a postgres:// DSN, which every replica shares, or empty for
	// a SQLite file in the stack's folder (then RouterReplicas must be 1).
	RouterDatabase string
	// RouterReplicas runs this many router processes with one key on RouterDatabase [1].
	RouterReplicas int
	// MoreRouters starts this many further independent routers, each with a key of its own (granted
	// ROUTER_ROLE by the admin) and a SQLite database of its own.
	MoreRouters int
	// RouterArgs are extra flags for every router process (e.g. rate limits for a test whose one user
	// loads the router on purpose).
	RouterArgs []string
	// DeadRouterFirst puts the URL of a router that is not running first in the gateway's router list.
	DeadRouterFirst bool
	// LogDir receives one log file per process. Empty: a folder inside the stack's temporary folder,
	// removed by Close (call DumpLogs before to see them).
	LogDir string
	// Progress receives one line per step (nil: silent).
	Progress io.Writer
	// IPFS publishes the model's (generated) weights from the builder's kubo node and has every provider
	// pull and verify them from a private loopback swarm before bidding, then serve with
	// --require-verified (e2e/ipfs.go). Needs kubo (`make setup`).
	IPFS bool
}

func (o *Options) defaults() {
	if o.Interval == 0 {
		o.Interval = 600
	}
	if o.DaysBack == 0 {
		o.DaysBack = 5
	}
	if o.DisputeWindow == 0 {
		o.DisputeWindow = 10
	}
	if o.EpochLength == 0 {
		o.EpochLength = 5 * time.Second
	}
	if o.Model == "" {
		o.Model = "llama3:8b"
	}
	if o.BuilderFeeBps == 0 {
		o.BuilderFeeBps = 500
	}
	if len(o.Prices) == 0 {
		o.Prices = []*big.Int{big.NewInt(1e15)}
	}
	if o.Stake == "" {
		o.Stake = "200MOR"
	}
	if o.UserMOR == 0 {
		o.UserMOR = 5000
	}
	if o.TokenDelay == 0 {
		o.TokenDelay = 50 * time.Millisecond
	}
	if o.GatewayIdleTimeout == 0 {
		o.GatewayIdleTimeout = 3 * time.Second
	}
	if o.MaxSeconds == 0 {
		o.MaxSeconds = 300
	}
	if o.RouterReplicas == 0 {
		o.RouterReplicas = 1
	}
}

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

// Router is one router process of the stack.
type Router struct {
	Name    string
	URL     string
	Address common.Address // its key's address (ROUTER_ROLE)
	Proc    *Proc
}

// Stack is a running Lake Travis system. Close stops it.
type Stack struct {
	Opts Options

	Root   string // repository root
	BinDir string // the built binaries
	Dir    string // the stack's private folder (keys, databases, deployment file)
	LogDir string

	Anvil          *devnet.Anvil
	Eth            *ethclient.Client
	Deployment     *deployments.Deployment
	DeploymentFile string
	Domain         *eip712.Domain
	ModelID        common.Hash
	PasswordFile   string // the password of every keystore of the stack

	Pool *computepool.ComputePool
	MOR  *mortoken.MORToken

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

// startChain runs anvil, deploys, releases emissions.
func (s *Stack) startChain(ctx context.Context) error {
	o := s.Opts
	var err error
	// The chain starts two and a half days back, so that the user's votes, delegated then, were held at the
	// two day starts before the wall clock's day (PROTOCOL §4 v2) once the chain clock has moved to the wall
	// clock: sessions closed now (wall clock) are then charged to an allowance the user has.
	now := uint64(time.Now().Unix())
	if s.Anvil, err = devnet.StartAnvil(ctx, devnet.AnvilOptions{Timestamp: now - 5*o.Interval/2}); err != nil {
		return err
	}
	s.logf("anvil on %s", s.Anvil.URL)
	payoutStart := now - o.DaysBack*o.Interval
	s.Deployment, err = devnet.Deploy(ctx, s.Anvil.URL, devnet.DeployOptions{PayoutStart: payoutStart, Interval: o.Interval,
		DisputeWindow: o.DisputeWindow})
	if err != nil {
		return err
	}
	s.DeploymentFile = filepath.Join(s.Dir, "deployment.json")
	raw, err := json.MarshalIndent(s.Deployment, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(s.DeploymentFile, raw, 0o600); err != nil {
		return err
	}
	s.logf("contracts deployed (payoutStart = now − %d days of %d s, dispute window %d s)", o.DaysBack, o.Interval, o.DisputeWindow)
	if s.Eth, err = s.Anvil.Client(ctx); err != nil {
		return err
	}
	s.Domain = eip712.NewDomain(s.Deployment.ChainID, s.addr("Marketplace"))
	if s.Pool, err = computepool.NewComputePool(s.addr("ComputePool"), s.Eth); err != nil {
		return err
	}
	if s.MOR, err = mortoken.NewMORToken(s.addr("MORToken"), s.Eth); err != nil {
		return err
	}
	em, err := emissions.NewEmissions(s.addr("Emissions"), s.Eth)
	if err != nil {
		return err
	}
	if _, err := devnet.Mined(ctx, s.Eth)(em.Release(s.as(ctx, devnet.DevKey(adminAccount)))); err != nil {
		return fmt.Errorf("e2e: Emissions.release: %w", err)
	}
	s.logf("Emissions.release(): the buckets hold what accrued since payoutStart (%d days before the wall clock)", o.DaysBack)
	return nil
}

// setUpMarket registers the model (builder), the providers (owner keys, through the provider CLI) and
// funds and delegates the user (lt delegate), then moves the chain to the next protocol day so that the
// user's votes count for its allowance.
func (s *Stack) setUpMarket(ctx context.Context) error {
	o := s.Opts
	var err error
	if s.ModelID, err = modelID(o.Model); err != nil {
		return err
	}
	// Model builder: registers the model with a raw devnet key (the CLI accepts one on chain 31337).
	s.Builder = newAccount("builder")
	if err := s.fund(ctx, s.Builder.Address, 0); err != nil {
		return err
	}
	if o.IPFS {
		if err := s.publishModel(ctx); err != nil {
			return err
		}
	} else {
		name, tag, _ := strings.Cut(o.Model, ":")
		weights := sha256.Sum256([]byte("stand-in weights of " + o.Model))
		if _, err := s.provider(ctx, "builder", "model", "register", "--private-key", s.Builder.PrivateKeyHex(),
			"--name", name, "--tag", tag, "--content-hash", "0x"+hex.EncodeToString(weights[:]),
			"--fee-bps", strconv.Itoa(int(o.BuilderFeeBps))); err != nil {
			return err
		}
		s.logf("builder %s registered %s (fee %d bps) with `provider model register`", s.Builder.Address.Hex(), o.Model, o.BuilderFeeBps)
	}

	for i, price := range o.Prices {
		p, err := s.setUpProvider(ctx, i, price)
		if err != nil {
			return err
		}
		s.Providers = append(s.Providers, p)
	}

	// User: MOR from the capital bucket, a keystore, one self-delegation.
	s.User = newAccount("user")
	if err := s.fund(ctx, s.User.Address, o.UserMOR); err != nil {
		return err
	}
	ksDir := filepath.Join(s.Dir, "user-keystore")
	if s.User.Keystore, err = s.importUserKey(ctx, ksDir); err != nil {
		return err
	}
	if _, err := s.lt(ctx, "user", "delegate", "--keystore", s.User.Keystore, "--password-file", s.PasswordFile); err != nil {
		return err
	}
	s.logf("user %s holds %d MOR and self-delegated with `lt delegate`", s.User.Address.Hex(), o.UserMOR)

	// Votes count once held at two day starts a day apart (PROTOCOL §4 v2): move the chain to the start of
	// the day after next, or to the wall clock if that is later (sessions close on the wall clock).
	day, err := s.Pool.CurrentDay(&bind.CallOpts{Context: ctx})
	if err != nil {
		return err
	}
	start, err := s.Pool.DayStart(&bind.CallOpts{Context: ctx}, new(big.Int).Add(day, big.NewInt(2)))
	if err != nil {
		return err
	}
	head, err := s.Eth.HeaderByNumber(ctx, nil)
	if err != nil {
		return err
	}
	if err := s.Anvil.IncreaseTime(ctx, max(start.Uint64()+1, uint64(time.Now().Unix()))-head.Time); err != nil {
		return err
	}
	next, err := s.Pool.CurrentDay(&bind.CallOpts{Context: ctx})
	if err != nil {
		return err
	}
	allowance, err := s.Pool.Allowance(&bind.CallOpts{Context: ctx}, s.User.Address, next)
	if err != nil {
		return err
	}
	if allowance.Sign() == 0 {
		return errors.New("e2e: the user's allowance is 0 on the new day")
	}
	s.logf("chain moved to protocol day %s: the user's allowance today is %s MOR", next, formatMOR(allowance))
	return nil
}

func (s *Stack) setUpProvider(ctx context.Context, i int, price *big.Int) (*Provider, error) {
	name := fmt.Sprintf("provider-%d", i+1)
	p := &Provider{Name: name, Owner: newAccount(name + "/owner"), Signer: newAccount(name + "/signer"),
		KeysDir: filepath.Join(s.Dir, name, "keys"), Price: price}
	var err error
	if p.Listen, err = freeAddr(); err != nil {
		return nil, err
	}
	p.URL = "http://" + p.Listen
	if err := os.MkdirAll(filepath.Join(s.Dir, name), 0o700); err != nil {
		return nil, err
	}
	if err := s.fund(ctx, p.Owner.Address, 1000); err != nil {
		return nil, err
	}
	// The owner and signer keys go into encrypted keystores with `provider keys import`.
	for role, acc := range map[string]Account{"owner": p.Owner, "signer": p.Signer} {
		keyFile := filepath.Join(s.Dir, name, role+".hex")
		if err := os.WriteFile(keyFile, []byte(hex.EncodeToString(crypto.FromECDSA(acc.Key))), 0o600); err != nil {
			return nil, err
		}
		_, err := s.provider(ctx, name, "keys", "import", "--role", role, "--key-file", keyFile, "--light",
			"--keys-dir", p.KeysDir, "--password-file", s.PasswordFile)
		os.Remove(keyFile)
		if err != nil {
			return nil, err
		}
	}
	if s.Opts.IPFS {
		if err := s.pullModel(ctx, p); err != nil {
			return nil, err
		}
	}
	keys := []string{"--keys-dir", p.KeysDir, "--password-file", s.PasswordFile}
	if _, err := s.provider(ctx, name, append([]string{"register", "--endpoint", p.URL, "--stake", s.Opts.Stake}, keys...)...); err != nil {
		return nil, err
	}
	if _, err := s.provider(ctx, name, append([]string{"bid", "set", "--model", s.Opts.Model, "--price", price.String()}, keys...)...); err != nil {
		return nil, err
	}
	s.logf("%s (owner %s) registered with %s stake and bid %s MOR-wei/s on %s, through the provider CLI",
		name, p.Owner.Address.Hex(), s.Opts.Stake, price, s.Opts.Model)
	return p, nil
}

func (s *Stack) importUserKey(ctx context.Context, ksDir string) (string, error) {
	keyFile := filepath.Join(s.Dir, "user.hex")
	if err := os.WriteFile(keyFile, []byte(hex.EncodeToString(crypto.FromECDSA(s.User.Key))), 0o600); err != nil {
		return "", err
	}
	defer os.Remove(keyFile)
	out, err := runTool(ctx, s.LogDir, "user", filepath.Join(s.BinDir, "lt"), "keys", "import", keyFile, "--light",
		"--keystore-dir", ksDir, "--password-file", s.PasswordFile, "--json")
	if err != nil {
		return "", err
	}
	var res struct {
		Path string `json:"path"`
	}
	if err := json.Unmarshal(out, &res); err != nil || res.Path == "" {
		return "", fmt.Errorf("e2e: lt keys import: unexpected output %q", out)
	}
	return res.Path, nil
}

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
			if err := s.grantRouterRole(ctx, acc.Address); err != nil {
				return err
			}
		}
		listen, err := freeAddr()
		if err != nil {
			return err
		}
		r := &Router{Name: name, URL: "http://" + listen, Address: crypto.PubkeyToAddress(key.PublicKey)}
		// Confirmations 0 and a short poll: the router sees the registrations and bids at once. The keeper
		// URL is where the transparency page links the batch files.
		args := append([]string{"--rpc-urls", s.Anvil.URL, "--deployment", s.DeploymentFile,
			"--private-key", "0x" + hex.EncodeToString(crypto.FromECDSA(key)),
			"--listen", listen, "--database", db,
			"--confirmations", "0", "--poll-interval", "200ms", "--keeper-url", s.KeeperURL}, o.RouterArgs...)
		if r.Proc, err = s.start(ctx, name, "/healthz", r.URL, "router", args...); err != nil {
			return err
		}
		s.Routers = append(s.Routers, r)
		s.logf("%s (%s) on %s", name, r.Address.Hex(), r.URL)
	}
	return nil
}

// grantRouterRole has the admin grant a an on-chain ROUTER_ROLE.
func (s *Stack) grantRouterRole(ctx context.Context, a common.Address) error {
	m, err := marketplace.NewMarketplace(s.addr("Marketplace"), s.Eth)
	if err != nil {
		return err
	}
	role, err := m.ROUTERROLE(&bind.CallOpts{Context: ctx})
	if err != nil {
		return err
	}
	if _, err := devnet.Mined(ctx, s.Eth)(m.GrantRole(s.as(ctx, devnet.DevKey(adminAccount)), role, a)); err != nil {
		return fmt.Errorf("e2e: grant ROUTER_ROLE to %s: %w", a, err)
	}
	return nil
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
// --rpc-urls is a list flag, which a repetition would extend: in extra it replaces the stack's anvil.
func (s *Stack) keeperArgs(extra ...string) []string {
	args := []string{"--rpc-urls", s.Anvil.URL}
	for _, a := range extra {
		if a == "--rpc-urls" || strings.HasPrefix(a, "--rpc-urls=") {
			args = nil
		}
	}
	args = append(args, "--deployment", s.DeploymentFile,
		"--raw-key", devnet.DevKeys[keeperAccount],
		"--routers", strings.Join(s.feeds(), ","), "--epoch-length", s.Opts.EpochLength.String(), "--poll-interval", "500ms",
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
		"--upstream", s.Upstream.URL, "--model", s.Opts.Model + "=stand-in", "--router-url", strings.Join(s.RouterURLs(), ","),
		"--listen", p.Listen, "--log-format", "console"}, p.serveModelArgs()...)
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
		return p, fmt.Errorf("e2e: %s exited (%v); log %s:\n%s", name, p.err, p.LogPath, tail(p.Log(), 20))
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
	if s.Eth != nil {
		s.Eth.Close()
	}
	if s.Anvil != nil {
		s.Anvil.Close()
	}
	_ = os.RemoveAll(s.Dir)
}

// DumpLogs writes the last lines of every process log to w (for a failed test or demo).
func (s *Stack) DumpLogs(w io.Writer, lines int) {
	entries, _ := os.ReadDir(s.LogDir)
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(s.LogDir, e.Name()))
		fmt.Fprintf(w, "===== %s (last %d lines)\n%s\n", e.Name(), lines, tail(string(b), lines))
	}
}

func (s *Stack) addr(name string) common.Address {
	a, err := s.Deployment.Address(name)
	if err != nil {
		panic(err) // the deploy script always writes every contract
	}
	return a
}

func (s *Stack) as(ctx context.Context, key *ecdsa.PrivateKey) *bind.TransactOpts {
	return devnet.Transactor(ctx, key, s.Deployment.ChainID)
}

// fund gives to 10 ETH from the admin account and mor whole MOR from the capital bucket's recipient.
func (s *Stack) fund(ctx context.Context, to common.Address, mor int64) error {
	from := devnet.DevKey(adminAccount)
	nonce, err := s.Eth.PendingNonceAt(ctx, crypto.PubkeyToAddress(from.PublicKey))
	if err != nil {
		return err
	}
	tip := big.NewInt(1e9)
	head, err := s.Eth.HeaderByNumber(ctx, nil)
	if err != nil {
		return err
	}
	feeCap := new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), tip)
	tx, err := types.SignNewTx(from, types.LatestSignerForChainID(new(big.Int).SetUint64(s.Deployment.ChainID)),
		&types.DynamicFeeTx{Nonce: nonce, To: &to, Value: mor18(10), Gas: 21000, GasTipCap: tip, GasFeeCap: feeCap})
	if err != nil {
		return err
	}
	if _, err := devnet.Mined(ctx, s.Eth)(tx, s.Eth.SendTransaction(ctx, tx)); err != nil {
		return fmt.Errorf("e2e: fund %s with ETH: %w", to, err)
	}
	if mor > 0 {
		if _, err := devnet.Mined(ctx, s.Eth)(s.MOR.Transfer(s.as(ctx, devnet.DevKey(capitalAccount)), to, mor18(mor))); err != nil {
			return fmt.Errorf("e2e: fund %s with MOR: %w", to, err)
		}
	}
	return nil
}

// newAccount derives a key from a label: the same addresses every run, which makes demo output comparable.
func newAccount(label string) Account {
	k, err := crypto.ToECDSA(crypto.Keccak256([]byte("lake travis e2e/" + label)))
	if err != nil {
		panic(err) // a keccak digest is a valid secp256k1 scalar with overwhelming probability
	}
	return Account{Key: k, Address: crypto.PubkeyToAddress(k.PublicKey)}
}

func modelID(nameTag string) (common.Hash, error) {
	name, tag, ok := strings.Cut(nameTag, ":")
	if !ok || name == "" || tag == "" {
		return common.Hash{}, fmt.Errorf("e2e: model %q is not name:tag", nameTag)
	}
	return ids.ModelID(nameTag), nil
}

func mor18(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e18)) }

// formatMOR prints wei as MOR with up to 6 decimals.
func formatMOR(wei *big.Int) string {
	r := new(big.Rat).SetFrac(wei, big.NewInt(1e18))
	s := r.FloatString(6)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}
