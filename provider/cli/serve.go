package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/spf13/cobra"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/internal/cors"
	"github.com/laketravis/laketravis/internal/ratelimit"
	"github.com/laketravis/laketravis/internal/service"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/ids"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/bidfloor"
	"github.com/laketravis/laketravis/provider/credit"
	"github.com/laketravis/laketravis/provider/models"
	"github.com/laketravis/laketravis/provider/roles"
	"github.com/laketravis/laketravis/provider/server"
	"github.com/laketravis/laketravis/provider/spendcap"
)

func (a *app) serveCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve an OpenAI-compatible API for Lake Travis sessions in front of an upstream server",
		Long: `Runs the provider's inference endpoint (protocol/README.md "Provider"): /v1/chat/completions,
/v1/completions, /v1/embeddings and /v1/models for sessions with a router-signed ticket, /v1/liveness
for routers, /v1/sessions/{id}/close for receipts, /healthz and /metrics.

Models map a registered name:tag to the upstream's model name, with --model name:tag=upstream[@concurrency]
(repeatable) or in the config file:

  models:
    - name: llama-3.1-8b:q4
      upstream: llama3.1:8b
      max_concurrency: 4

Each session's close is reported to the router that issued its ticket (--router-url). A report is written
to <state-dir>/close-reports (fsync'd, one 0600 file per session) before it is first sent, and moved to
close-reports/closed once the router took it, refused it for good or would no longer accept it (an hour after
the ticket's notAfter), where it keeps the session closed across restarts until that hour is over; until
then it is tried again, pauses doubling up to 30 s. A crash, kill or restart loses no close: the next
serve resumes every report left there. The sessions still open are journaled in <state-dir>/open-sessions
(the changed ones appended in the background every second): after a crash the next serve closes each
one-sided, billing its usage up to the last write. One serve at a time may use a state dir.

Every setting also reads from LT_PROVIDER_<FLAG> (dashes as underscores).`,
		Example: `  provider serve --rpc http://127.0.0.1:8545 --owner 0x… --upstream http://127.0.0.1:11434/v1 \
    --model llama-3.1-8b:q4=llama3.1:8b --router-url http://127.0.0.1:8080 --password-file signer.pw`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx, stop := signal.NotifyContext(cmd.Context(), syscall.SIGINT, syscall.SIGTERM)
			defer stop()
			return a.serve(ctx)
		},
	}
	f := cmd.Flags()
	f.String("listen", ":8081", "address to listen on (the router takes 8080, the keeper 8547, the lt gateway 8090; port 0: a free port); the address bound is printed on stdout")
	f.String("upstream", "", "OpenAI-compatible base URL of the inference server, with /v1 (ollama: http://127.0.0.1:11434/v1)")
	f.String("upstream-api-key", "", "bearer token for the upstream, if it needs one")
	f.StringSlice("model", nil, "served model: name:tag=upstream-name[@max-concurrency] (repeatable)")
	f.Int("concurrency", server.DefaultConcurrency, "default concurrent requests per model")
	f.Int("session-concurrency", server.DefaultSessionConcurrency, "requests one session may have in flight at once, past which a 429 session_busy, before the request is metered (0: no limit): a session pays for the union of its requests' time, so without a bound one session could hold every slot of its model for the price of one")
	f.StringSlice("router-url", nil, "router base URLs to report session closes to (comma-separated or repeated): each close goes to the router whose key signed its ticket")
	f.String("state-dir", defaultStateDir(), "where serve keeps what must survive a crash: the close reports its routers have not taken yet (close-reports/), the open sessions and what it admitted of each user's credit (open-sessions/), 0700")
	f.Duration("idle-timeout", 5*time.Minute, "close sessions idle this long (one-sided receipt)")
	f.Duration("drain", 30*time.Second, "at shutdown, how long requests in flight may take to finish, and then the close reports not yet taken by their router (those left stay in --state-dir for the next start)")
	f.String("signer", "", "signer address (default: the only key in <keys-dir>/signer)")
	signerKeyFlags(f, "sign liveness answers and receipts through clef at this URL instead of the signer keystore: one approval per signature, too slow for routers' liveness rounds under load (keys/README.md)")
	f.Duration("acceptance-wait", time.Second, "with --external-signer, how long a session's first answer may wait for the signer's acceptance of its ticket (signed in the background, overlapping the upstream's work) so that answer carries it: a signer answering by rule (clef with rules, a remote signer) is waited for, a person approving is not; a slower signer's acceptance goes out on the session's later answers (0: do not wait). At most "+server.MaxAcceptanceWait.String()+": the wait holds the answer and is session time the user pays and time to first token the router observes")
	f.Duration("epoch-length", 0, "the shortest --epoch-length among the routers you serve (a router without one uses half the settlementLag): a deposit-paid ticket lasting longer than the pool's settlementLag minus this, or than half the settlementLag, is refused when first presented, as routers cap theirs (0: half the settlementLag, the longest any honest router issues and what the keepers count; a longer epoch than a router's refuses its honest tickets)")
	f.Duration("role-cache-ttl", 5*time.Minute, "how long a router's ROUTER_ROLE is trusted before it is checked again")
	f.Duration("bid-floor-window", time.Hour, "a ticket priced below this provider's bid for its model is refused (a router that did not price it at the bid: keepers credit the ticket's price); a bid raised stays the floor at its old price for this long, for tickets issued before the raise")
	f.Bool("require-verified", false, "serve only models pulled and verified against the registry (provider model pull); without it, models pulled here are verified all the same and others served from the upstream as they are")
	f.String("log-level", "info", "debug, info, warn or error")
	f.String("log-format", "json", "json or console")
	f.Int("procs", 1, "processors running the server's Go code at once (GOMAXPROCS; 0: every core): one relays thousands of requests a second with about half the CPU and less latency per request than many (internal/service LimitProcs); raise it if serve keeps a core busy")
	f.Float64("rate-ip", 100, "requests per second one client IP address may make, before any signature is checked (0: no limit)")
	f.Int("rate-ip-burst", 200, "burst of rate-ip")
	f.Float64("rate-user", 50, "requests per second one session user may make, after the signature is checked (0: no limit)")
	f.Int("rate-user-burst", 100, "burst of rate-user")
	f.Float64("rate-liveness", 50, "liveness answers per second one client IP address may have, each a signature anyone may ask for (0: no limit): a router probes once per session it may start here, so keep it above the sessions a second one router starts; with --external-signer, what the signer sustains")
	f.Int("rate-liveness-burst", 200, "burst of rate-liveness")
	f.Float64("rate-chain-reads", 2, "tickets one client IP address may have their router's role read from the chain for, per second (an eth_call each: a router key the role cache does not know, as every forged ticket's; a known router's tickets are free, also when its entry is stale); 0: no limit")
	f.Int("rate-chain-reads-burst", 30, "burst of rate-chain-reads")
	f.Float64("rate-chain-reads-total", 20, "the same reads from every client address together, per second (addresses are cheap: an IPv6 /48 is 65,536 of rate-chain-reads' keys); also the size of each ticket's router's own bucket for the allowance and deposit reads of its users' first requests; 0: no limit")
	f.Int("rate-chain-reads-total-burst", 100, "burst of rate-chain-reads-total")
	f.Int("max-conns-per-ip", 0, service.MaxConnsPerIPUsage)
	f.StringSlice("cors-origins", []string{cors.Any}, "origins (scheme://host[:port], or *) whose pages may call the endpoints a chat page needs (chat completions, close); \"\" turns CORS off. Default *: every request is authenticated by a session-key signature, no cookie or network position is trusted, and any router's chat page must reach any provider")
	service.AddOtherNames(f) // --signer-private-key, the other name of --signer-raw-key
	return cmd
}

// modelConfig is one entry of the config file's models list.
type modelConfig struct {
	Name           string `mapstructure:"name"`
	Upstream       string `mapstructure:"upstream"`
	MaxConcurrency int    `mapstructure:"max_concurrency"`
}

func (a *app) models() ([]server.Model, error) {
	def := a.v.GetInt("concurrency")
	var out []server.Model
	for _, spec := range a.v.GetStringSlice("model") {
		name, up, ok := strings.Cut(spec, "=")
		if !ok || !strings.Contains(name, ":") {
			return nil, fmt.Errorf("--model %q: use name:tag=upstream-name[@max-concurrency]", spec)
		}
		n := def
		if i := strings.LastIndexByte(up, '@'); i >= 0 {
			v, err := strconv.Atoi(up[i+1:])
			if err != nil || v <= 0 {
				return nil, fmt.Errorf("--model %q: bad concurrency after @", spec)
			}
			up, n = up[:i], v
		}
		out = append(out, server.Model{Name: name, Upstream: up, MaxConcurrency: n})
	}
	if len(out) == 0 && a.v.IsSet("models") {
		var cfg []modelConfig
		if err := a.v.UnmarshalKey("models", &cfg); err != nil {
			return nil, fmt.Errorf("config models: %w", err)
		}
		for _, m := range cfg {
			if m.MaxConcurrency == 0 {
				m.MaxConcurrency = def
			}
			out = append(out, server.Model{Name: m.Name, Upstream: m.Upstream, MaxConcurrency: m.MaxConcurrency})
		}
	}
	if len(out) == 0 {
		return nil, errors.New("no models: pass --model name:tag=upstream-name (or models: in the config file)")
	}
	return out, nil
}

func (a *app) logger() (*zap.Logger, error) {
	return service.Logger(a.v.GetString("log-level"), a.v.GetString("log-format"))
}

// readyModels verifies the served models before serving (PROTOCOL §5: a provider verifies pulled weights
// against the registry before serving, and refuses content that does not match): each one pulled or
// published here (in --models-dir's manifest) must still reproduce the registry's content hash; it is
// pinned and announced (seeding) and its content hash returned. With all (--require-verified) every served
// model must be such a one; without, a model not in the manifest is served from the upstream as it is
// (there are no weights here to verify). Any model that does not verify stops serve.
func (a *app) readyModels(ctx context.Context, c *conn, served []server.Model, all bool, log *zap.Logger) ([]common.Hash, error) {
	st, err := a.store()
	if err != nil {
		return nil, err
	}
	var out []common.Hash
	for _, m := range served {
		e, err := st.Ready(ctx, registry{c.market}, m.Name)
		if !all && errors.Is(err, models.ErrNotPulled) {
			log.Info("model not pulled here: served from the upstream unverified (--require-verified refuses it)", zap.String("model", m.Name))
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("model %s (pulled weights are verified before serving): %w", m.Name, err)
		}
		if err := st.Seed(ctx, e.CID); err != nil {
			log.Warn("model verified and pinned but not announced (the node has no content routing?)", zap.String("model", m.Name), zap.Error(err))
		}
		log.Info("model verified and seeded", zap.String("model", m.Name), zap.String("cid", e.CID), zap.String("path", e.Path), zap.Int64("bytes", e.Bytes))
		if len(out) < wire.MaxSeeding && !slices.Contains(out, e.ContentHash) {
			out = append(out, e.ContentHash)
		}
	}
	return out, nil
}

func (a *app) serve(ctx context.Context) error {
	defer service.LimitProcs(a.v.GetInt("procs"))()
	log, err := a.logger()
	if err != nil {
		return err
	}
	defer func() { _ = log.Sync() }()
	upstream := a.v.GetString("upstream")
	if upstream == "" {
		return errors.New("no upstream: pass --upstream <OpenAI-compatible base URL>, e.g. http://127.0.0.1:11434/v1 for ollama")
	}
	models, err := a.models()
	if err != nil {
		return err
	}
	if _, err := a.acceptanceWait(); err != nil {
		return err
	}
	if a.v.GetString("state-dir") == "" {
		return errors.New("--state-dir is empty: close reports need a directory that outlives the process")
	}
	for _, u := range a.routerURLs() {
		if err := service.BaseURL("router-url", u); err != nil {
			return err
		}
	}
	owner, err := a.keyAddress(RoleOwner, "owner")
	if err != nil {
		return fmt.Errorf("%w (serve needs only the owner's address, not its key)", err)
	}
	c, err := a.connect(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	signerKeys, err := a.loadSignerKey(ctx, c.market.ChainID())
	if err != nil {
		return err
	}
	signer := signerKeys.Address()
	// A router's key proves a router at discovery with the same Liveness message this serve signs for any
	// caller's challenge: a signer that is a router's key would let anyone prove that router at any URL.
	if isRouter, err := c.market.IsRouter(ctx, signer); err != nil {
		return err
	} else if isRouter {
		return fmt.Errorf("the signer key %s holds ROUTER_ROLE: a router's key must not sign as a provider (serve signs a liveness answer for anyone's challenge, which would prove that router's key at any URL to other providers): register another signer key", signer)
	}
	if reg, err := c.market.SignerOf(ctx, owner); err != nil {
		return err
	} else if reg != signer {
		log.Warn("the signer key is not the provider's registered signer: routers will reject its liveness proofs until `provider register` (or updateProvider) names it",
			zap.Stringer("provider", owner), zap.Stringer("registered", reg), zap.Stringer("signer", signer))
	}
	seeding, err := a.readyModels(ctx, c, models, a.v.GetBool("require-verified"), log)
	if err != nil {
		return err
	}
	origins := service.SplitList(a.v.GetStringSlice("cors-origins"))
	if err := cors.CheckOrigins(origins); err != nil {
		return fmt.Errorf("--cors-origins: %w", err)
	}
	cfg := server.Config{
		Domain:         eip712.NewDomain(c.market.ChainID(), c.market.MarketplaceAddr),
		Provider:       owner,
		Signer:         signerKeys,
		Routers:        roles.NewCache(c.market, a.v.GetDuration("role-cache-ttl"), 0),
		UpstreamURL:    upstream,
		UpstreamAPIKey: a.v.GetString("upstream-api-key"),
		Models:         models,
		Seeding:        seeding,
		RouterURLs:     a.routerURLs(),
		ReportDir:      filepath.Join(a.v.GetString("state-dir"), "close-reports"),
		JournalDir:     filepath.Join(a.v.GetString("state-dir"), "open-sessions"),
		IdleTimeout:    a.v.GetDuration("idle-timeout"),
		CORSOrigins:    origins,
		Logger:         log,
	}
	if err := a.bounds(&cfg); err != nil {
		return err
	}
	floor := bidfloor.New(bidfloor.MarketBids{Market: c.market, Owner: owner}, modelIDs(models), a.v.GetDuration("bid-floor-window"))
	if err := floor.Refresh(ctx); err != nil {
		return fmt.Errorf("read this provider's bids: %w", err)
	}
	cfg.PriceFloor = floor
	if cfg.Credit, err = credit.NewPool(c.market.PoolAddr, c.client, creditReadTimeout); err != nil {
		return err
	}
	if cfg.DepositWindow, err = a.depositWindow(ctx, c); err != nil {
		return err
	}
	spendCap, err := spendcap.NewPool(c.market.PoolAddr, c.client, creditReadTimeout)
	if err != nil {
		return err
	}
	if err := spendCap.Refresh(ctx); err != nil {
		// Serving starts all the same (the chain briefly unreachable, or payoutStart ahead): the loop below
		// reads it again, and until a read succeeds provider/server refuses deposit-paid tickets (503).
		log.Warn("daily spend cap not read: deposit-paid tickets are refused (503, retry) until a read succeeds", zap.Duration("refresh", spendcap.Refresh), zap.Error(err))
	}
	cfg.SpendCap = spendCap
	go service.Every(ctx, bidFloorRefresh, floor.Refresh, func(err error) {
		log.Warn("bids not read again: the floors read before stay", zap.Error(err))
	})
	go service.Every(ctx, spendcap.Refresh, spendCap.Refresh, func(err error) {
		log.Warn("daily spend cap not read again: the one read before stays", zap.Error(err))
	})
	srv, err := server.New(cfg)
	if err != nil {
		return err
	}
	if len(a.routerURLs()) == 0 {
		log.Warn("no --router-url: session closes are not reported to a router (users can still close there)")
	}
	ln, err := net.Listen("tcp", a.v.GetString("listen"))
	if err != nil {
		return fmt.Errorf("listen on %s: %w (choose another --listen)", a.v.GetString("listen"), err)
	}
	fmt.Fprintf(a.io.Out, "listening on %s\n", ln.Addr())
	if err := srv.Run(ctx, ln, a.v.GetDuration("drain")); err != nil {
		return err
	}
	log.Info("stopped")
	return nil
}

// creditReadTimeout bounds each ComputePool read of the ticket credit check (provider/credit).
const creditReadTimeout = 10 * time.Second

// bidFloorRefresh is how often serve reads its own bids again (the daily spend cap: spendcap.Refresh), through
// service.Every: a bid lowered is the floor within it, so a ticket at the new price is refused for at most
// this long after the change.
const bidFloorRefresh = 15 * time.Second

// modelIDs is the model ids of models.
func modelIDs(models []server.Model) []common.Hash {
	out := make([]common.Hash, len(models))
	for i, m := range models {
		out[i] = ids.ModelID(m.Name)
	}
	return out
}

// bounds is what serve's flags let one client hold: requests per second per address and per session user,
// liveness answers per address, connections per address, requests in flight per session; and how long a session's first answer waits for
// its ticket acceptance.
func (a *app) bounds(c *server.Config) error {
	wait, err := a.acceptanceWait()
	if err != nil {
		return err
	}
	c.AcceptanceWait = wait
	c.RateIP = ratelimit.New(service.Rate(a.v, "rate-ip"))
	c.RateUser = ratelimit.New(service.Rate(a.v, "rate-user"))
	c.RateLiveness = ratelimit.New(service.Rate(a.v, "rate-liveness"))
	c.ChainReads = ratelimit.New(service.Rate(a.v, "rate-chain-reads"))
	c.ChainReadsTotal = ratelimit.New(service.Rate(a.v, "rate-chain-reads-total"))
	// Each router's tickets get a bucket of that size of their own for their users' allowance reads.
	c.CreditReads = ratelimit.New(service.Rate(a.v, "rate-chain-reads-total"))
	c.MaxConnsPerIP = a.v.GetInt("max-conns-per-ip")
	if c.SessionConcurrency = a.v.GetInt("session-concurrency"); c.SessionConcurrency <= 0 {
		c.SessionConcurrency = -1 // no limit
	}
	return nil
}

// depositWindow reads the pool's settlementLag and returns depositWindow of it and --epoch-length.
func (a *app) depositWindow(ctx context.Context, c *conn) (time.Duration, error) {
	lag, err := chain.SettlementLag(ctx, c.market.PoolAddr, c.client)
	if err != nil {
		return 0, err
	}
	return depositWindow(lag, a.v.GetDuration("epoch-length"))
}

// depositWindow is how long a useDeposit ticket may last when first presented (server.Config.DepositWindow):
// settle.DepositWindow of the pool's settlementLag and the keepers' epoch, as routers cap theirs; without
// the epoch (0) half the settlementLag, the longest any honest router's window is (whatever epoch its
// operator gave it) and what the keepers count. An epoch leaving no window is an error: the check would be
// off.
func depositWindow(lag, epoch time.Duration) (time.Duration, error) {
	w := settle.DepositWindow(lag, max(epoch, 0))
	if w <= 0 {
		return 0, fmt.Errorf("--epoch-length %s is not below the pool's settlementLag %s: no deposit-paid ticket could be checked (give the keepers' epoch length)", epoch, lag)
	}
	return w, nil
}

// acceptanceWait is --acceptance-wait, refused outside 0 to server.MaxAcceptanceWait (serve checks it
// before it touches a key or the chain).
func (a *app) acceptanceWait() (time.Duration, error) {
	w := a.v.GetDuration("acceptance-wait")
	if w < 0 || w > server.MaxAcceptanceWait {
		return 0, fmt.Errorf("--acceptance-wait %s is out of range: 0 (do not wait) to %s (what a session's first answer can afford: the wait is session time the user pays and time to first token the router observes)",
			w, server.MaxAcceptanceWait)
	}
	return w, nil
}

func defaultStateDir() string { return filepath.Join(filepath.Dir(defaultKeysDir()), "state") }

// routerURLs is --router-url as a list (repeated flags, a comma-separated string or a config list).
func (a *app) routerURLs() []string {
	var out []string
	for _, s := range a.v.GetStringSlice("router-url") {
		for _, u := range strings.Split(s, ",") {
			if u = strings.TrimSpace(u); u != "" {
				out = append(out, u)
			}
		}
	}
	return out
}
