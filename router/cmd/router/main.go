// Command router runs a Lake Travis router (PROTOCOL §6, §7): it indexes the market contracts, matches
// signed RFCs to the cheapest live provider, issues session tickets, records closes, serves the
// keepers' settlement feed, the public transparency page (web/) at "/" and the chat page for wallet users at
// "/chat". Configuration: a file (--config, YAML/TOML/JSON), environment variables
// LT_ROUTER_<KEY> (dots and dashes become underscores, e.g. LT_ROUTER_RPC) and flags, flags winning.
// --rpc and --raw-key also answer to the names the router used to give them, --rpc-urls and --private-key
// (service.OtherNames).
package main

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/VictoriaMetrics/metrics"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/spf13/cobra"
	"github.com/spf13/viper"
	"go.uber.org/zap"
	"golang.org/x/sync/errgroup"

	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/chain/allowance"
	"github.com/laketravis/laketravis/chain/follow"
	"github.com/laketravis/laketravis/deployments"
	"github.com/laketravis/laketravis/internal/cors"
	"github.com/laketravis/laketravis/internal/metricset"
	"github.com/laketravis/laketravis/internal/netguard"
	"github.com/laketravis/laketravis/internal/ratelimit"
	"github.com/laketravis/laketravis/internal/service"
	"github.com/laketravis/laketravis/keys"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/router/api"
	"github.com/laketravis/laketravis/router/book"
	"github.com/laketravis/laketravis/router/budget"
	"github.com/laketravis/laketravis/router/health"
	"github.com/laketravis/laketravis/router/index"
	"github.com/laketravis/laketravis/router/liveness"
	"github.com/laketravis/laketravis/router/retention"
	"github.com/laketravis/laketravis/router/store"
	"github.com/laketravis/laketravis/web"
)

func main() {
	if err := newRootCmd().Execute(); err != nil {
		os.Exit(1)
	}
}

func newRootCmd() *cobra.Command {
	cmd, _ := newCommand()
	return cmd
}

// newCommand returns the root command and the viper instance its flags are bound to.
func newCommand() (*cobra.Command, *viper.Viper) {
	v := viper.New()
	cmd := &cobra.Command{
		Use:           "router",
		Short:         "Run a Lake Travis router",
		SilenceUsage:  true,
		SilenceErrors: false,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := readConfig(cmd, v); err != nil {
				return err
			}
			cfg, err := loadConfig(v)
			if err != nil {
				return err
			}
			log, err := service.Logger(cfg.LogLevel, "json")
			if err != nil {
				return err
			}
			defer log.Sync() //nolint:errcheck
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			return run(ctx, cfg, log)
		},
	}
	f := cmd.Flags()
	f.String("config", "", "config file (yaml, toml or json)")
	f.StringSlice("rpc", nil, "JSON-RPC URLs, tried in order on failure")
	f.String("deployment", "", "deployment file (deployments/<chainId>.json)")
	f.String("keystore", "", "router keystore file (encrypted JSON)")
	f.String("password-file", "", "file holding the keystore password")
	f.String("raw-key", "", "raw hex router key: devnet (chain 31337/1337) only")
	f.StringSlice("retired-keystore", nil, "keystore of a ticket key this router used before --keystore (comma-separated or repeated): it signs only the closes of the sessions whose tickets it signed, and proves itself in liveness answers so that providers report those closes here; never a ticket; keep it until those sessions are closed or expired (router/README.md \"Changing the ticket key\")")
	f.String("retired-password-file", "", "file holding the retired keystores' password (default: --password-file)")
	f.String("external-signer", "", "sign tickets through clef at this URL instead of a keystore: one approval per ticket, too slow under load (keys/README.md)")
	f.String("external-signer-account", "", "the router's account at --external-signer (default: the only account it lists)")
	f.String("listen", "127.0.0.1:8080", "HTTP listen address")
	f.String("database", "router.db", "SQLite file path, or a postgres:// DSN")
	f.Int("sqlite-cache-mib", store.DefaultCacheMiB, "SQLite page cache of all connections together, MiB")
	f.Uint64("confirmations", 6, follow.FlagUsage)
	f.Uint64("log-range", 2000, "blocks per eth_getLogs call")
	f.Duration("poll-interval", 2*time.Second, "chain polling interval")
	f.Duration("rpc-timeout", 10*time.Second, "timeout of each RPC attempt (a failed call is tried on the next --rpc, in up to 3 rounds)")
	f.Duration("liveness-timeout", 2*time.Second, "timeout of each liveness probe")
	f.Duration("queue-timeout", 10*time.Second, "how long an RFC waits for a busy provider (at most 5m: providers refuse tickets issued much later than their RFC's deadline)")
	f.Int("queue-size", 1024, "RFCs that may wait at once")
	f.Duration("grace", time.Minute, "ticket grace beyond maxSeconds; expiry grace beyond notAfter (below 1h, the protocol's close window)")
	f.Duration("epoch-length", 0, "the keepers' epoch length: a useDeposit ticket lasts at most the pool's settlementLag minus this, and at most half the settlementLag (0: half the settlementLag)")
	f.Duration("shutdown-timeout", 20*time.Second, "time allowed to finish in-flight requests")
	f.String("admin-token", "", "bearer token for /v1/admin endpoints (empty: disabled)")
	f.String("keeper-url", "", "public base URL of the keeper, for the page's links to batch files (empty: none)")
	f.StringSlice("keepers", nil, "base URLs of every keeper settling this router's feed: sessions are pruned only once all of them settled them (empty: keeper-url)")
	f.String("feed-url", "", "this router's URL as the keepers read its feed (their --routers entry; empty: http://<listen>)")
	f.StringSlice("public-url", nil, "the URLs providers reach this router at, their --router-url entries (comma-separated or repeated): POST /v1/liveness proves the router's key only for these (empty: feed-url)")
	f.Duration("retention", 7*24*time.Hour, "prune sessions every keeper settled this long after they closed (0: keep everything)")
	f.Duration("budget-ttl", 5*time.Second, "how long GET /v1/budget serves cached ComputePool figures")
	f.String("log-level", "info", "debug, info, warn or error")
	f.Bool("allow-private-endpoints", false, "probe providers at private, loopback and link-local addresses (a market inside a private network; devnets always may)")
	f.Float64("rate-ip", 50, "requests per second one client IP address may make to /v1/ and /metrics (0: no limit)")
	f.Int("rate-ip-burst", 100, "burst of rate-ip")
	f.Float64("rate-user", 10, "RFCs per second one user may submit, counted after the signature is checked (0: no limit)")
	f.Int("rate-user-burst", 20, "burst of rate-user")
	f.Float64("rate-chain-reads", 2, "allowances one client IP address may have read from the chain per second (an eth_call each: a user's not cached yet today, by GET /v1/allowance or an RFC; a cached one is free); 0: no limit")
	f.Int("rate-chain-reads-burst", 30, "burst of rate-chain-reads")
	f.Float64("rate-chain-reads-total", 20, "the same reads from every client address together, per second (addresses are cheap: an IPv6 /56 is 256 of rate-chain-reads' keys); 0: no limit")
	f.Int("rate-chain-reads-total-burst", 100, "burst of rate-chain-reads-total")
	f.Float64("rate-liveness", 1, "liveness answers (POST /v1/liveness, each a signature by the ticket key that anyone may ask for) one client IP address may have per second; a provider asks at start and at most every 10 s after; 0: no limit (one answer is still signed at a time: one asked meanwhile gets 503)")
	f.Int("rate-liveness-burst", 10, "burst of rate-liveness")
	f.Int("max-conns-per-ip", 0, service.MaxConnsPerIPUsage)
	f.StringSlice("cors-origins", nil, "origins (scheme://host[:port], or *) whose pages may call the endpoints a chat page needs (api.PageRoutes); empty: none besides the router's own /chat page")
	service.AddOtherNames(f)
	_ = v.BindPFlags(f)
	v.SetEnvPrefix(envPrefix)
	v.SetEnvKeyReplacer(strings.NewReplacer("-", "_", ".", "_"))
	v.AutomaticEnv()
	return cmd, v
}

// envPrefix starts the router's environment variables.
const envPrefix = "LT_ROUTER"

// readConfig reads the config file --config names into v and settles the settings' other names
// (service.SettleOtherNames): before loadConfig.
func readConfig(cmd *cobra.Command, v *viper.Viper) error {
	if f := v.GetString("config"); f != "" {
		v.SetConfigFile(f)
		if err := v.ReadInConfig(); err != nil {
			return fmt.Errorf("config: %w", err)
		}
	}
	if err := service.SettleOtherNames(v, cmd.Flags(), envPrefix); err != nil {
		return fmt.Errorf("config: %w", err)
	}
	return nil
}

type config struct {
	RPCURLs         []string
	Deployment      string
	Key             keys.Source
	Retired         []keys.Source // --retired-keystore: ticket keys used before Key, which sign only their sessions' closes
	Listen          string
	Database        string
	SQLiteCacheMiB  int
	Confirmations   uint64
	LogRange        uint64
	PollInterval    time.Duration
	RPCTimeout      time.Duration
	LivenessTimeout time.Duration
	QueueTimeout    time.Duration
	QueueSize       int
	Grace           time.Duration
	EpochLength     time.Duration
	ShutdownTimeout time.Duration
	AdminToken      string
	KeeperURL       string
	Keepers         []string
	FeedURL         string
	PublicURLs      []string
	Retention       time.Duration
	BudgetTTL       time.Duration
	LogLevel        string
	AllowPrivate    bool
	RateIP          ratelimit.Rate
	RateUser        ratelimit.Rate
	RateChainReads  ratelimit.Rate
	RateChainTotal  ratelimit.Rate // rate-chain-reads-total
	RateLiveness    ratelimit.Rate
	CORSOrigins     []string
	MaxConnsPerIP   int // service.HTTP.MaxConnsPerIP

	// resolve, when set, replaces DNS for the liveness prober (tests).
	resolve func(ctx context.Context, host string) ([]netip.Addr, error)
	// listening, when set, is called with the bound address once the HTTP listener is open (tests).
	listening func(addr string)
}

func loadConfig(v *viper.Viper) (*config, error) {
	c := &config{
		RPCURLs: v.GetStringSlice("rpc"), Deployment: v.GetString("deployment"),
		Key: keys.Source{Keystore: v.GetString("keystore"), PasswordFile: v.GetString("password-file"), RawKey: v.GetString("raw-key"),
			External: v.GetString("external-signer"), Account: v.GetString("external-signer-account")},
		Listen: v.GetString("listen"), Database: v.GetString("database"), SQLiteCacheMiB: v.GetInt("sqlite-cache-mib"), Confirmations: v.GetUint64("confirmations"),
		LogRange: v.GetUint64("log-range"), PollInterval: v.GetDuration("poll-interval"), RPCTimeout: v.GetDuration("rpc-timeout"),
		LivenessTimeout: v.GetDuration("liveness-timeout"), QueueTimeout: v.GetDuration("queue-timeout"), QueueSize: v.GetInt("queue-size"),
		Grace: v.GetDuration("grace"), EpochLength: v.GetDuration("epoch-length"), ShutdownTimeout: v.GetDuration("shutdown-timeout"), AdminToken: v.GetString("admin-token"),
		KeeperURL: strings.TrimRight(v.GetString("keeper-url"), "/"), BudgetTTL: v.GetDuration("budget-ttl"), LogLevel: v.GetString("log-level"),
		AllowPrivate: v.GetBool("allow-private-endpoints"),
		Keepers:      service.SplitList(v.GetStringSlice("keepers")), FeedURL: strings.TrimRight(v.GetString("feed-url"), "/"),
		PublicURLs:     service.SplitList(v.GetStringSlice("public-url")),
		Retention:      v.GetDuration("retention"),
		RateIP:         service.Rate(v, "rate-ip"),
		RateUser:       service.Rate(v, "rate-user"),
		RateChainReads: service.Rate(v, "rate-chain-reads"),
		RateChainTotal: service.Rate(v, "rate-chain-reads-total"),
		RateLiveness:   service.Rate(v, "rate-liveness"),
		CORSOrigins:    service.SplitList(v.GetStringSlice("cors-origins")), MaxConnsPerIP: v.GetInt("max-conns-per-ip"),
	}
	retiredPW := v.GetString("retired-password-file")
	if retiredPW == "" {
		retiredPW = c.Key.PasswordFile
	}
	for _, f := range service.SplitList(v.GetStringSlice("retired-keystore")) {
		c.Retired = append(c.Retired, keys.Source{Keystore: f, PasswordFile: retiredPW})
	}
	if len(c.Retired) > wire.MaxRetiredKeys {
		return nil, fmt.Errorf("config: retired-keystore lists %d keystores, at most %d: the router proves each in every liveness answer; keep only the keys whose tickets may still be open",
			len(c.Retired), wire.MaxRetiredKeys)
	}
	if err := cors.CheckOrigins(c.CORSOrigins); err != nil {
		return nil, fmt.Errorf("config: cors-origins: %w", err)
	}
	// LT_ROUTER_RPC="a,b" arrives as one string.
	c.RPCURLs = service.SplitList(c.RPCURLs)
	switch {
	case len(c.RPCURLs) == 0:
		return nil, errors.New("config: rpc is required")
	case c.Deployment == "":
		return nil, errors.New("config: deployment is required")
	}
	if len(c.Keepers) == 0 && c.KeeperURL != "" {
		c.Keepers = []string{c.KeeperURL}
	}
	if c.FeedURL == "" {
		c.FeedURL = "http://" + c.Listen
	}
	if len(c.PublicURLs) == 0 {
		c.PublicURLs = []string{c.FeedURL}
	}
	urls := [][2]string{{"keeper-url", c.KeeperURL}, {"feed-url", c.FeedURL}}
	for _, k := range c.Keepers {
		urls = append(urls, [2]string{"keepers", k})
	}
	for i, u := range c.PublicURLs {
		c.PublicURLs[i] = strings.TrimRight(u, "/")
		urls = append(urls, [2]string{"public-url", c.PublicURLs[i]})
	}
	for _, u := range urls {
		if u[1] == "" {
			continue
		}
		if err := service.BaseURL(u[0], u[1]); err != nil {
			return nil, fmt.Errorf("config: %w", err)
		}
	}
	for _, u := range c.PublicURLs {
		// A wildcard listen address makes the default (http://<listen>) a URL no provider dials: every
		// provider's discovery would be refused and this router's closes given up (provider/README).
		if pu, err := url.Parse(u); err == nil {
			if ip := net.ParseIP(pu.Hostname()); pu.Hostname() == "" || ip != nil && ip.IsUnspecified() {
				return nil, fmt.Errorf("config: public-url %s names no address a provider can dial (default: the feed-url, itself http://<listen>): set --public-url (LT_ROUTER_PUBLIC_URL) to the URL providers reach this router at, their --router-url", u)
			}
		}
	}
	if c.Retention < 0 {
		return nil, errors.New("config: retention must not be negative")
	}
	// A close later than CloseWindow after notAfter is refused by the router and not credited by keepers:
	// an expiry grace reaching it would sign tickets whose sessions cannot be settled.
	if closeWindow := settle.CloseWindow * time.Second; c.Grace < 0 || c.Grace >= closeWindow {
		return nil, fmt.Errorf("config: grace %s must be at least 0 and below %s (protocol/settle.CloseWindow: a close after it is never credited)", c.Grace, closeWindow)
	}
	// Providers refuse a ticket lasting past its RFC's deadline + maxSeconds + CloseWindow + 10 minutes
	// (protocol/settle TicketSlack): with a grace below CloseWindow, an RFC's wait in the queue and its
	// liveness probes must stay within those 10 minutes. Half of them for the queue.
	if maxQueue := eip712.MaxDeadlineAhead / 2; c.QueueTimeout < 0 || c.QueueTimeout > maxQueue {
		return nil, fmt.Errorf("config: queue-timeout %s must be at least 0 and at most %s (providers refuse tickets issued much later than their RFC's deadline)", c.QueueTimeout, maxQueue)
	}
	return c, nil
}

// depositWindow reads the pool's settlementLag (the longest session plus one epoch, PROTOCOL §4) and returns
// the longest a useDeposit ticket may be valid: settlementLag minus one keeper epoch and at most half of it
// (settle.DepositWindow: the keepers count half the settlementLag for every router). A withdrawal is paid
// settlementLag + withdrawalWindow + disputeWindow after its request at the earliest (the pool refuses a
// shorter delay), and the keepers refuse an epoch with which a session
// closed up to settle.CloseWindow after its notAfter could be committed later than the pool's
// minWithdrawalDelay (keeper/ledger CheckWithdrawalDelay, counting this window), so every deposit-paid
// session open at the request is closed and committed by then.
func depositWindow(ctx context.Context, pool common.Address, cl bind.ContractCaller, cfg *config) (time.Duration, error) {
	lag, err := chain.SettlementLag(ctx, pool, cl)
	if err != nil {
		return 0, err
	}
	w := settle.DepositWindow(lag, cfg.EpochLength)
	if w <= cfg.Grace {
		return 0, fmt.Errorf("config: the deposit window %s (the pool's settlementLag %s minus the epoch %s, at most half the settlementLag) leaves no deposit-paid session beyond the grace %s",
			w, lag, cfg.EpochLength, cfg.Grace)
	}
	return w, nil
}

// loadSigners loads the ticket key (--keystore, --external-signer, a devnet's --raw-key) and the retired
// ticket keys (--retired-keystore) for chain chainID. A retired keystore that does not load, holds the
// ticket key or repeats another's key stops the start: a rotation misconfigured so would otherwise show only
// as closes taken unsigned.
func loadSigners(ctx context.Context, cfg *config, chainID uint64) (keys.Signer, []keys.Signer, error) {
	signer, err := keys.LoadSigner(ctx, cfg.Key, chainID)
	if err != nil {
		return nil, nil, err
	}
	from := map[common.Address]string{}
	var retired []keys.Signer
	for _, src := range cfg.Retired {
		key, err := keys.Load(src, chainID)
		if err != nil {
			return nil, nil, fmt.Errorf("--retired-keystore %s: %w", src.Keystore, err)
		}
		k := keys.NewKeySigner(key, chainID)
		switch a := k.Address(); {
		case a == signer.Address():
			return nil, nil, fmt.Errorf("--retired-keystore %s holds %s, the current ticket key: list only keys this router signed tickets with before", src.Keystore, a)
		case from[a] != "":
			return nil, nil, fmt.Errorf("--retired-keystore %s and %s hold the same key %s: list it once", from[a], src.Keystore, a)
		}
		from[k.Address()] = src.Keystore
		retired = append(retired, k)
	}
	return signer, retired, nil
}

// indexConfig is the indexer's configuration: --confirmations is handed through unchanged, chain/follow's
// depth (the block itself counts), as the keeper's --confirmations is.
func indexConfig(cfg *config, start uint64, contracts book.Contracts) index.Config {
	return index.Config{Contracts: contracts, StartBlock: start, Confirmations: cfg.Confirmations, MaxRange: cfg.LogRange,
		PollInterval: cfg.PollInterval}
}

func run(ctx context.Context, cfg *config, log *zap.Logger) error {
	dep, err := deployments.Load(cfg.Deployment)
	if err != nil {
		return err
	}
	// The address is taken first: a port in use stops the router before it opens its database or reads the
	// chain (connections made meanwhile wait until it serves).
	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		return fmt.Errorf("--listen %s: %w (another process, perhaps another router, holds it: stop it or pick another --listen)", cfg.Listen, err)
	}
	defer ln.Close()
	cl, err := service.Dial(ctx, log, cfg.RPCURLs, chain.Options{CallTimeout: cfg.RPCTimeout}, dep)
	if err != nil {
		return err
	}
	defer cl.Close()
	signer, retired, err := loadSigners(ctx, cfg, dep.ChainID)
	if err != nil {
		return err
	}
	market, err := dep.Address("Marketplace")
	if err != nil {
		return err
	}
	registry, err := dep.Address("ModelRegistry")
	if err != nil {
		return err
	}
	pool, err := dep.Address("ComputePool")
	if err != nil {
		return err
	}
	db, err := store.OpenWith(ctx, cfg.Database, store.Options{CacheMiB: cfg.SQLiteCacheMiB})
	if err != nil {
		return err
	}
	defer db.Close()
	start, err := cl.HeaderByNumber(ctx, new(big.Int).SetUint64(dep.StartBlock))
	if err != nil {
		return fmt.Errorf("read the deployment's start block %d: %w", dep.StartBlock, err)
	}
	if err := db.CheckChain(ctx, dep.StartBlock, start.Hash()); err != nil {
		return err
	}
	log.Info("router starting", zap.Strings("rpc", cl.URLs()), zap.Uint64("chain", dep.ChainID), zap.Stringer("backend", db.Dialect()),
		zap.Stringer("router", signer.Address()))
	for _, k := range retired {
		log.Info("retired ticket key: signs only the closes of the sessions whose tickets it signed, proved in liveness answers for providers to report them", zap.Stringer("key", k.Address()))
	}

	ix, err := index.New(ctx, indexConfig(cfg, dep.StartBlock, book.Contracts{Marketplace: market, ModelRegistry: registry, ComputePool: pool}),
		cl, db, log.Named("index"))
	if err != nil {
		return err
	}
	allow, err := allowance.New(pool, cl, 30*time.Second, cfg.RPCTimeout, time.Now)
	if err != nil {
		return err
	}
	bud, err := budget.New(pool, cl, budget.Config{TTL: cfg.BudgetTTL, Timeout: cfg.RPCTimeout})
	if err != nil {
		return err
	}
	window, err := depositWindow(ctx, pool, cl, cfg)
	if err != nil {
		return err
	}
	set := metrics.NewSet() // this router's metrics, served with the process's own at /metrics
	db.RegisterMetrics(set)
	// Provider endpoints come from the chain: anyone who stakes names one. The prober fetches them only
	// through the outbound guard, and RFCs picking a provider together share a probe sent after each of
	// them arrived, never more of them on its free capacity than it reported (Coalescer).
	guard := netguard.ForChain(dep.ChainID, cfg.AllowPrivate)
	guard.Resolve = cfg.resolve
	perIP := ratelimit.New(cfg.RateIP) // the API's and the metrics' bucket (httpServer); a settlement page takes more of it
	srv := api.New(api.Config{Domain: eip712.NewDomain(dep.ChainID, market), TicketSigner: signer, RetiredSigners: retired, Grace: cfg.Grace, QueueTimeout: cfg.QueueTimeout,
		QueueSize: cfg.QueueSize, DepositWindow: window, AdminToken: cfg.AdminToken, Budget: bud, Endpoints: guard, UserRate: ratelimit.New(cfg.RateUser),
		ChainReads: ratelimit.New(cfg.RateChainReads), ChainReadsTotal: ratelimit.New(cfg.RateChainTotal), RateLiveness: ratelimit.New(cfg.RateLiveness),
		RateIP: perIP, PublicURLs: cfg.PublicURLs},
		ix, allow, &liveness.Coalescer{Sender: &liveness.Prober{Domain: eip712.NewDomain(dep.ChainID, market), Client: guard.Client(liveness.ClientOptions), Timeout: cfg.LivenessTimeout, Now: time.Now}},
		db, health.New(health.Backoff{Base: 5 * time.Second, Max: 5 * time.Minute}, time.Now), set, log.Named("api"))
	if err := ix.Sync(ctx); err != nil {
		log.Warn("initial sync failed; continuing in the background", zap.Error(err))
	}
	if !ix.Snapshot().Routers[srv.Router()] {
		log.Warn("router key does not hold ROUTER_ROLE on the Marketplace: providers will refuse its tickets", zap.Stringer("router", srv.Router()))
	}

	hs := httpServer(cfg, perIP, srv.Handler(), web.ChatConfig{ChainID: dep.ChainID, Marketplace: market.Hex(), ComputePool: pool.Hex()},
		metricset.Handler(set, true))
	if cfg.listening != nil {
		cfg.listening(ln.Addr().String())
	}

	bg, bgCtx := errgroup.WithContext(ctx)
	bg.Go(func() error { return ignoreCanceled(ix.Run(bgCtx)) })
	bg.Go(func() error { srv.Run(bgCtx, time.Second); return nil })
	if cfg.Retention > 0 && len(cfg.Keepers) > 0 {
		pr, err := retention.New(retention.Config{Keepers: cfg.Keepers, FeedURL: cfg.FeedURL, Window: cfg.Retention}, db, allow, log.Named("retention"))
		if err != nil {
			return err
		}
		bg.Go(func() error { pr.Run(bgCtx, min(time.Minute, max(cfg.Retention/4, time.Second))); return nil })
	} else if cfg.Retention > 0 {
		log.Warn("retention: no keeper configured (--keepers or --keeper-url): settled sessions are kept for ever")
	}
	bg.Go(func() error {
		log.Info("transparency page", zap.String("page", "http://"+ln.Addr().String()+"/"), zap.String("chat", "http://"+ln.Addr().String()+"/chat"))
		// At shutdown, in-flight requests (and the sessions they create) finish: every accepted session is
		// committed to the database before its answer is written.
		return service.Serve(bgCtx, hs, ln, cfg.ShutdownTimeout, log)
	})
	err = bg.Wait()
	log.Info("stopped", zap.Error(err))
	return err
}

// httpServer is the router's HTTP server: the API apiH (CORS for the pages), the pages (newMux) and the
// metrics. The API and the metrics are rate-limited per client IP, from one bucket, perIP (rate-ip): a
// scrape writes every series (about half a millisecond), which anyone on the router's listener may ask for.
func httpServer(cfg *config, perIP *ratelimit.Keyed, apiH http.Handler, chat web.ChatConfig, metrics http.Handler) *http.Server {
	apiH = cors.Handler(api.PagePolicy(cfg.CORSOrigins), perIP.PerIP(apiH))
	return service.HTTP{Handler: newMux(apiH, web.NewHandler(web.Config{KeeperURL: cfg.KeeperURL}), web.NewChatHandler(chat)),
		Metrics: perIP.PerIP(metrics), ReadTimeout: 10 * time.Second,
		WriteTimeout: cfg.QueueTimeout + 30*time.Second, MaxConnsPerIP: cfg.MaxConnsPerIP}.Server()
}

// newMux routes the router's API (/v1/…, /healthz), the chat page for wallet users (/chat, /chat/…) and,
// at every other path, the transparency page (whose handler answers a PROTOCOL §9 404 for paths it does
// not serve). /metrics is the service skeleton's. /v1 itself is the API's (its §9 404): unrouted, the mux
// would redirect it to /v1/.
func newMux(apiH, page, chat http.Handler) *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle("/v1", apiH)
	mux.Handle("/v1/", apiH)
	mux.Handle("/healthz", apiH)
	mux.Handle("/chat", chat)
	mux.Handle("/chat/", chat)
	mux.Handle("/", page)
	return mux
}

func ignoreCanceled(err error) error {
	if errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}
