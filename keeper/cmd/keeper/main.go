// Command keeper runs a Lake Travis keeper: it settles the routers' closed sessions on the ComputePool
// every epoch and serves the batch files and claim proofs (keeper/README.md).
//
// Configuration comes from flags, environment variables LT_KEEPER_<KEY> (dashes become underscores:
// LT_KEEPER_RPC) and an optional config file (--config, YAML/TOML/JSON with the same keys), in that
// order of precedence. --rpc and --raw-key also answer to --rpc-urls and --private-key, the names the
// keeper gave the chain's URLs before and the router its key (service.OtherNames).
package main

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/VictoriaMetrics/metrics"
	"github.com/holiman/uint256"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/chain/follow"
	"github.com/laketravis/laketravis/deployments"
	"github.com/laketravis/laketravis/internal/metricset"
	"github.com/laketravis/laketravis/internal/netguard"
	"github.com/laketravis/laketravis/internal/ratelimit"
	"github.com/laketravis/laketravis/internal/service"
	"github.com/laketravis/laketravis/keeper/api"
	"github.com/laketravis/laketravis/keeper/crashpoint"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/keeper/txmgr"
	"github.com/laketravis/laketravis/keys"
	"github.com/laketravis/laketravis/protocol/eip712"
)

func main() {
	if err := newRoot().Execute(); err != nil {
		fmt.Fprintln(os.Stderr, "keeper:", err)
		os.Exit(1)
	}
}

func newRoot() *cobra.Command {
	cmd, _ := newCommand()
	return cmd
}

// newCommand returns the root command and the viper instance its flags are bound to.
func newCommand() (*cobra.Command, *viper.Viper) {
	v := viper.New()
	cmd := &cobra.Command{
		Use:           "keeper",
		Short:         "Settle Lake Travis sessions on-chain every epoch and serve batch files and claim proofs",
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return run(cmd.Context(), v, cmd.Flags())
		},
	}
	f := cmd.Flags()
	chainFlags(f, "info")
	f.String("keystore", "", "keeper key: encrypted keystore file")
	f.String("password-file", "", "file holding the keystore password")
	f.String("raw-key", "", "keeper key as hex (devnet only)")
	f.String("external-signer", "", "sign the keeper's transactions through clef at this URL (http://127.0.0.1:8550 or its .ipc path) instead of a keystore")
	f.String("external-signer-account", "", "the keeper's account at --external-signer (default: the only account it lists)")
	f.StringSlice("routers", nil, "router base URLs whose settlement feeds are read")
	f.Duration("epoch-length", time.Hour, "epoch window: each epoch credits the sessions closed in one window this long")
	f.Duration("feed-grace", 0, "how long after a window ends its sessions may still arrive through a feed (default: the epoch length, at most 1m)")
	f.Duration("record-retention", 7*24*time.Hour, "drop settled sessions (rows and records) from the database this long after their epoch is claimable (batch files keep the records, the ids stay to refuse duplicates); 0 keeps them")
	f.String("data-dir", "./keeper-data", "directory for the SQLite database and the batch files")
	f.String("database", "", "database: a SQLite path or postgres://… (default <data-dir>/keeper.db)")
	f.String("fee-ceiling-gwei", "200", "highest max fee per gas the keeper signs, gwei")
	f.Duration("resubmit-after", 30*time.Second, "bump fees when no receipt after this long")
	f.Duration("poll-interval", 2*time.Second, "pipeline and feed poll period")
	f.String("public-url", "", "public base URL of this keeper (batch file uri = <public-url>/v1/batches/<epoch>/<batchHash>)")
	f.String("listen", "127.0.0.1:8547", "HTTP listen address")
	f.Bool("claims", false, "pay accounts with claimMany after each epoch becomes claimable")
	f.String("claim-threshold", "0", "batched claims: least unclaimed amount paid, wei")
	f.Int("claim-batch", 200, "batched claims: most accounts per claimMany")
	f.Float64("rate-ip", 50, "requests per second one client IP address may make (0: no limit)")
	f.Int("rate-ip-burst", 100, "burst of rate-ip")
	f.Int("max-conns-per-ip", 0, service.MaxConnsPerIPUsage)
	service.AddOtherNames(f)
	bindViper(v, f)
	cmd.AddCommand(newCheckBatch(), newGuard())
	return cmd, v
}

// chainFlags adds the settings the keeper and its check-batch command both read the chain with: the config
// file, the RPC URLs, the deployment, the confirmation depth, the RPC timeout, the log range and the log level
// (default logLevel).
func chainFlags(f *pflag.FlagSet, logLevel string) {
	f.String("config", "", "config file (yaml, toml or json) with the keys below")
	f.StringSlice("rpc", nil, "JSON-RPC URLs, tried in order on failure")
	f.String("deployment", "", "deployment file (deployments/<chainId>.json)")
	f.Uint64("confirmations", 3, follow.FlagUsage+"; a keeper transaction or deposit event counts as final at this depth")
	f.Duration("rpc-timeout", 10*time.Second, "timeout of each RPC attempt (a failed call is tried on the next --rpc, in up to 3 rounds)")
	f.Uint64("log-range", 10_000, "blocks per eth_getLogs call of the deposits and signer (provider keys, router role) followers (lower it for RPC endpoints that cap the range)")
	f.String("log-level", logLevel, "debug, info, warn or error")
}

// bindViper binds v to the flags f and to the environment variables LT_KEEPER_<KEY>.
func bindViper(v *viper.Viper, f *pflag.FlagSet) {
	_ = v.BindPFlags(f)
	v.SetEnvPrefix(envPrefix)
	v.SetEnvKeyReplacer(strings.NewReplacer("-", "_"))
	v.AutomaticEnv()
}

// readConfig reads the config file --config names into v and settles the other names of the settings of fs,
// the command's flags (service.SettleOtherNames).
func readConfig(v *viper.Viper, fs *pflag.FlagSet) error {
	if f := v.GetString("config"); f != "" {
		v.SetConfigFile(f)
		if err := v.ReadInConfig(); err != nil {
			return fmt.Errorf("config %s: %w", f, err)
		}
	}
	return service.SettleOtherNames(v, fs, envPrefix)
}

// envPrefix starts the keeper's environment variables.
const envPrefix = "LT_KEEPER"

// httpServer is the keeper's HTTP server of its API a, rate-limited per client IP (api.Server.RateLimited):
// batch files are the largest answers (one line per account of an epoch), a minute to write one.
func httpServer(v *viper.Viper, a *api.Server) service.HTTP {
	return service.HTTP{Handler: a.RateLimited(ratelimit.New(service.Rate(v, "rate-ip"))),
		ReadTimeout: 10 * time.Second, WriteTimeout: time.Minute, MaxConnsPerIP: v.GetInt("max-conns-per-ip")}
}

// settings are the keeper's start-up settings, read and checked before anything starts.
type settings struct {
	rpcURLs            []string
	depFile, publicURL string
	feeCeiling         *big.Int // wei, positive
	claimThreshold     uint256.Int
}

// startup reads the config file --config names into v, settles the other names of the settings of fs, the
// command's flags (service.SettleOtherNames), and returns the start-up settings: those the keeper cannot
// start without, and those whose bad value it refuses before it starts anything (the error names the flag).
func startup(v *viper.Viper, fs *pflag.FlagSet) (settings, error) {
	if err := readConfig(v, fs); err != nil {
		return settings{}, err
	}
	s := settings{rpcURLs: service.SplitList(v.GetStringSlice("rpc")),
		depFile: v.GetString("deployment"), publicURL: v.GetString("public-url")}
	switch {
	case len(s.rpcURLs) == 0:
		return settings{}, errors.New("--rpc is required")
	case s.depFile == "":
		return settings{}, errors.New("--deployment is required")
	case s.publicURL == "":
		return settings{}, errors.New("--public-url is required (it goes on-chain in every commit)")
	}
	var err error
	if s.feeCeiling, err = feeCeiling(v); err != nil {
		return settings{}, err
	}
	for _, u := range service.SplitList(v.GetStringSlice("routers")) {
		if err := service.BaseURL("routers", u); err != nil {
			return settings{}, err
		}
	}
	if err := s.claimThreshold.SetFromDecimal(v.GetString("claim-threshold")); err != nil {
		return settings{}, fmt.Errorf("--claim-threshold %q is not an amount of wei (a decimal integer, 0 to 2^256-1): %w",
			v.GetString("claim-threshold"), err)
	}
	return s, nil
}

// feeCeiling is --fee-ceiling-gwei in wei: positive, or an error naming the flag.
func feeCeiling(v *viper.Viper) (*big.Int, error) {
	ceiling := v.GetString("fee-ceiling-gwei")
	var wei *big.Int
	if gwei, ok := new(big.Float).SetString(ceiling); ok && !gwei.IsInf() {
		wei, _ = new(big.Float).Mul(gwei, big.NewFloat(1e9)).Int(nil)
	}
	if wei == nil || wei.Sign() <= 0 {
		return nil, fmt.Errorf("--fee-ceiling-gwei %q is not a positive number of gwei (at least 1 wei)", ceiling)
	}
	return wei, nil
}

// keySource is where the keeper's key comes from, by v's settings.
func keySource(v *viper.Viper) keys.Source {
	return keys.Source{Keystore: v.GetString("keystore"), PasswordFile: v.GetString("password-file"),
		RawKey: v.GetString("raw-key"), External: v.GetString("external-signer"), Account: v.GetString("external-signer-account")}
}

func run(ctx context.Context, v *viper.Viper, fs *pflag.FlagSet) error {
	cfg, err := startup(v, fs)
	if err != nil {
		return err
	}
	log, err := service.Logger(v.GetString("log-level"), "json")
	if err != nil {
		return err
	}
	defer func() { _ = log.Sync() }()

	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	dep, err := deployments.Load(cfg.depFile)
	if err != nil {
		return err
	}
	if err := checkConfirmations(v.GetUint64("confirmations"), dep.ChainID); err != nil {
		return err
	}
	if err := checkPublicURL(cfg.publicURL, dep.ChainID); err != nil {
		return err
	}
	client, err := service.Dial(ctx, log, cfg.rpcURLs, chain.Options{CallTimeout: v.GetDuration("rpc-timeout")}, dep)
	if err != nil {
		return err
	}
	defer client.Close()
	chainID := new(big.Int).SetUint64(dep.ChainID)
	from, sign, err := keys.LoadTxSigner(ctx, keySource(v), dep.ChainID)
	if err != nil {
		return err
	}
	if point := armCrashpoint(); point != "" {
		log.Warn("crash test build: the keeper kills itself at a crash point", zap.String("point", point))
	}
	poolAddr, err := dep.Address("ComputePool")
	if err != nil {
		return err
	}
	marketAddr, err := dep.Address("Marketplace")
	if err != nil {
		return err
	}
	modelsAddr, err := dep.Address("ModelRegistry")
	if err != nil {
		return err
	}

	dataDir := v.GetString("data-dir")
	if err := os.MkdirAll(dataDir, 0o755); err != nil {
		return err
	}
	dsn := v.GetString("database")
	if dsn == "" {
		dsn = filepath.Join(dataDir, "keeper.db")
	}
	st, err := store.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer st.Close()

	set := metrics.NewSet() // this keeper's metrics, served with the process's own at /metrics

	depth := v.GetUint64("confirmations") // chain/follow's depth, as the router's --confirmations
	mgr, err := txmgr.New(txmgr.Config{
		ChainID: chainID, From: from, Sign: sign, Hook: crashpoint.Hit, Confirmations: depth, FeeCeiling: cfg.feeCeiling,
		ResubmitAfter: v.GetDuration("resubmit-after"), RPCTimeout: client.CallBudget(), // each call's retries included
		PollInterval: min(v.GetDuration("poll-interval"), time.Second), Log: log,
		Metrics: set,
	}, client, st)
	if err != nil {
		return err
	}

	pool, err := ledger.NewChainPool(poolAddr, client)
	if err != nil {
		return err
	}
	deposits, err := ledger.NewChainDeposits(poolAddr, client, dep.StartBlock, depth, v.GetUint64("log-range"), log.Named("deposits"))
	if err != nil {
		return err
	}
	signers, err := ledger.NewSignerHistory(marketAddr, client, ledger.SignerConfig{Start: dep.StartBlock,
		Confirmations: depth, MaxRange: v.GetUint64("log-range"), Log: log.Named("signers")})
	if err != nil {
		return err
	}
	registry, err := service.Retry(ctx, log, "registry", func(ctx context.Context) (*ledger.ChainRegistry, error) {
		return ledger.NewChainRegistry(ctx, marketAddr, modelsAddr, client, signers)
	})
	if err != nil {
		return fmt.Errorf("registry: %w", err)
	}
	led, err := ledger.New(ledger.Config{
		Feeds: service.SplitList(v.GetStringSlice("routers")), EpochLength: v.GetDuration("epoch-length"), FeedGrace: v.GetDuration("feed-grace"),
		RecordRetention: v.GetDuration("record-retention"),
		BatchDir:        filepath.Join(dataDir, "batches"), PublicURL: cfg.publicURL, PollInterval: v.GetDuration("poll-interval"),
		ClaimsEnabled: v.GetBool("claims"), ClaimThreshold: cfg.claimThreshold, MaxClaimBatch: v.GetInt("claim-batch"), Deposits: deposits,
	}, st, pool, mgr, eip712.NewDomain(dep.ChainID, marketAddr), registry, log, set)
	if err != nil {
		return err
	}

	// Epochs that leave no commit outside a day's withdrawal window let a withdrawal stream hold deposit-paid
	// sessions back day after day: refused, except on a devnet, where it only warns (its default window, a
	// 24th of the day, leaves 23 h: any epoch up to half of 23 h less two feed graces and the commit slack
	// passes without this warning).
	window, err := pool.WithdrawalWindow(ctx)
	if err != nil {
		return fmt.Errorf("read the pool's withdrawal window: %w", err)
	}
	if err := warnOnADevnet(led.CheckWithdrawalWindow(ctx, window), ledger.ErrEpochInWindow, dep.ChainID, log, "epoch length (accepted on a devnet)"); err != nil {
		return err
	}
	// An epoch that could commit a deposit-paid session admitted at a withdrawal request after the pool's
	// shortest delay lets the request be paid: refused the same way (the deploy's default delay, 8,701 s on a
	// devnet, passes any epoch up to a third of the lag: make demo's and make devnet's keepers start without
	// this warning; a devnet keeper with an epoch past 3 min 40 s, the binary's 1 h default too, or a pool
	// deployed with the shortest delay it accepts, gets one warning).
	lag, err := chain.SettlementLag(ctx, poolAddr, client)
	if err != nil {
		return err
	}
	minDelay, err := pool.MinWithdrawalDelay(ctx)
	if err != nil {
		return fmt.Errorf("read the pool's minWithdrawalDelay: %w", err)
	}
	margin, delayErr := led.CheckWithdrawalDelay(lag, minDelay, time.Duration(window)*time.Second)
	if err := warnOnADevnet(delayErr, ledger.ErrEpochPastWithdrawalDelay, dep.ChainID, log, "epoch length and withdrawal delay (accepted on a devnet)"); err != nil {
		return err
	}
	if delayErr == nil {
		log.Info("withdrawal delay margin: a deposit-paid record may reach this keeper up to this much after its epoch's feed graces "+
			"(a router feed, this keeper or the chain down, a commit's latency) and still be charged before a withdrawal requested at its session's start can be paid",
			zap.Duration("margin", margin), zap.Duration("minWithdrawalDelay", minDelay))
	}

	// A database that did not commit the pool's epochs (a fresh --data-dir on a live pool) is refused before
	// anything is served or sent: it could never commit again, and the error says what to do.
	if err := led.CheckChain(ctx); err != nil {
		return err
	}

	ln, err := net.Listen("tcp", v.GetString("listen"))
	if err != nil {
		return err
	}
	srv := httpServer(v, api.New(led, metricset.Handler(set, true), log)).Server()
	served := make(chan error, 1)
	srvCtx, stopServing := context.WithCancelCause(context.WithoutCancel(ctx))
	defer stopServing(nil)
	go func() { served <- service.Serve(srvCtx, srv, ln, 10*time.Second, log) }()
	log.Info("keeper started", zap.String("listen", ln.Addr().String()), zap.Stringer("keeper", mgr.From()),
		zap.Strings("rpc", client.URLs()), zap.Strings("routers", v.GetStringSlice("routers")),
		zap.Uint64("chainId", dep.ChainID), zap.Bool("postgres", st.Postgres()))

	err = led.Run(ctx)
	cause := context.Cause(ctx) // the signal: service.Serve logs the shutdown with its cause
	if cause == nil && err != nil {
		cause = fmt.Errorf("ledger: %w", err)
	}
	stopServing(cause)
	if serr := <-served; serr != nil {
		log.Warn("http server", zap.Error(serr))
	}
	log.Info("stopped", zap.Error(err))
	return err
}

// warnOnADevnet returns err, but for one that is sentinel on a devnet (chainID), which it logs as a warning
// (msg) and drops: the start-up checks a devnet's defaults may fail.
func warnOnADevnet(err, sentinel error, chainID uint64, log *zap.Logger, msg string) error {
	if err == nil || !errors.Is(err, sentinel) || !keys.DevnetChainIDs[chainID] {
		return err
	}
	log.Warn(msg, zap.Error(err))
	return nil
}

// errTooFewConfirmations: --confirmations below 2 off a devnet.
var errTooFewConfirmations = errors.New("--confirmations must be at least 2 off a devnet")

// errPublicURLRefused: --public-url is one the guardians' fetch refuses.
var errPublicURLRefused = errors.New("--public-url is refused by the guardians' fetch")

// checkPublicURL refuses a public URL that keeper guard's fetch (netguard, for chainID, no private
// endpoints) refuses: plain http or a private, loopback or link-local address off a devnet. Every batch
// file uri is built on it, and a guard that cannot obtain an epoch's file vetoes it as withheld, so such a
// keeper would have every epoch vetoed.
func checkPublicURL(raw string, chainID uint64) error {
	if err := netguard.ForChain(chainID, false).CheckURL(raw); err != nil {
		return fmt.Errorf("%w: %s: %v; batch files must be served at a public https URL, or guards veto every epoch as withheld",
			errPublicURLRefused, raw, err)
	}
	return nil
}

// checkConfirmations refuses a depth below 2 on a chain that is not a devnet. With 1 the newest block is
// final, and the keeper's deposit read may be as of its own time (keeper/ledger DepositsRead); on a chain
// that puts several blocks in one second (Arbitrum) a later block of that second may carry a withdrawal the
// read missed and the pool does not count as after it (StaleDepositsRead compares depositsReadAt <
// lastWithdrawAt), so a commit could charge a deposit already paid back. With 2 or more a final block past
// the read is required, and the read is exact. A devnet may use 1: anvil mines only on transactions.
func checkConfirmations(depth, chainID uint64) error {
	if depth < 2 && !keys.DevnetChainIDs[chainID] {
		return fmt.Errorf("%w (chain %d, --confirmations %d): with 1 the newest block counts as final, and a later block in the same second could carry a withdrawal the deposit read missed; use 2 or more (default 3)",
			errTooFewConfirmations, chainID, depth)
	}
	return nil
}
