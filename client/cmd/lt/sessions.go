package main

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/laketravis/laketravis/client"
	"github.com/laketravis/laketravis/client/gateway"
	"github.com/laketravis/laketravis/internal/atomicfile"
	"github.com/laketravis/laketravis/internal/ratelimit"
	"github.com/laketravis/laketravis/internal/service"
	"github.com/laketravis/laketravis/protocol/amount"
	"github.com/laketravis/laketravis/protocol/wire"
)

// defaultMaxPrice is lt's default --max-price: ten times the 0.001MOR/s bid of the provider README, so a
// chat against it succeeds out of the box.
const defaultMaxPrice = "0.01MOR/s"

// rfcFlags adds the RFC parameters to fs.
func rfcFlags(fs *pflag.FlagSet, withModel bool) {
	if withModel {
		fs.String("model", "", "model name:tag, e.g. llama3:8b (required)")
	}
	fs.String("max-price", defaultMaxPrice, "highest price accepted per second: 0.01MOR/s, 1e16wei/s or plain wei (the provider CLI's notation)")
	fs.Uint32("max-seconds", 600, "session length asked for, seconds")
	fs.Uint32("min-tps", 0, "minimum observed tokens per second of the provider (0: any)")
	fs.Uint32("max-ttft-ms", 0, "maximum observed time to first token of the provider, ms (0: any)")
	fs.Bool("use-deposit", false, "pay what today's free allowance does not cover from your MOR deposit (lt deposit); off: the router refuses it")
}

func (a *app) rfcParams(needModel bool) (client.RFCParams, error) {
	wei, err := amount.Parse(a.str("max-price"))
	if err != nil {
		return client.RFCParams{}, fmt.Errorf("--max-price: %w (write it as 0.001MOR/s, 1e15wei/s or plain wei)", err)
	}
	price, _ := uint256.FromBig(wei) // amount.Parse refuses what does not fit in 256 bits
	p := client.RFCParams{Model: a.str("model"), MaxPricePerSecond: price, MaxSeconds: a.v.GetUint32("max-seconds"),
		MinTPS: a.v.GetUint32("min-tps"), MaxTTFTMs: a.v.GetUint32("max-ttft-ms"), UseDeposit: a.v.GetBool("use-deposit")}
	if needModel {
		if p.Model == "" {
			return p, errors.New("--model name:tag is required")
		}
		if _, err := client.ParseModel(p.Model); err != nil {
			return p, err
		}
	}
	return p, nil
}

// rfcClient is rfcParams with the market client that opens the session.
func (a *app) rfcClient(ctx context.Context, needModel bool) (client.RFCParams, *client.Client, error) {
	p, err := a.rfcParams(needModel)
	if err != nil {
		return p, nil, err
	}
	c, err := a.marketClient(ctx)
	return p, c, err
}

// explain adds to a router's refusal what the user can change so that the request succeeds.
func explain(err error, p client.RFCParams) error {
	var e *wire.Error
	if !errors.As(err, &e) {
		return err
	}
	price := amount.FormatMOR(p.MaxPricePerSecond.ToBig()) + "/s"
	switch e.Code {
	case wire.CodeNoProvider:
		// The example is ten times the price asked: naming the default back to someone already at it says nothing.
		higher := strings.ReplaceAll(amount.FormatMOR(new(big.Int).Mul(p.MaxPricePerSecond.ToBig(), big.NewInt(10))), " ", "")
		return fmt.Errorf("%w\n(no provider for %s answered at or below --max-price %s: check a provider is serving it and registered on this router's chain (the router's GET /v1/providers), or raise --max-price above its bid, e.g. --max-price %s/s)", err, p.Model, price, higher)
	case wire.CodeAllowanceExhausted:
		if p.UseDeposit {
			return err
		}
		return fmt.Errorf("%w\n(today's allowance does not cover --max-seconds %d at the provider's price: lower --max-seconds, pay the rest from a deposit with --use-deposit (lt deposit), or check `lt allowance`; MOR delegated with `lt delegate` counts from a later protocol day)", err, p.MaxSeconds)
	case wire.CodeDepositExhausted:
		if spendCapBelowASecond(e) {
			// The router shortens a session that may pay from the deposit to cap ÷ price seconds (router/api
			// credit.grant): it refuses only a cap below one second's price, which neither a larger deposit nor
			// a shorter session lifts.
			return fmt.Errorf("%w\n(the ComputePool's daily spend cap bounds the whole cost of a session that may pay from the deposit, however much it holds, "+
				"and it does not cover one second at the provider's price: a cheaper model may fit, or without --use-deposit today's allowance alone may cover the session)", err)
		}
		return fmt.Errorf("%w\n(today's allowance and your unreserved deposit do not cover a second at the provider's price: deposit more with lt deposit, see lt balance)", err)
	case wire.CodeWithdrawalPending:
		return fmt.Errorf("%w\n(a router admits no deposit-paid session while a withdrawal is pending: complete it with lt withdraw, or cancel it)", err)
	case wire.CodeNotFound, wire.CodeMethodNotAllowed:
		return fmt.Errorf("%w\n(is --router a router's base URL? a provider's or a keeper's has no POST /v1/rfc)", err)
	case wire.CodeUnknownModel:
		return fmt.Errorf("%w\n(no model %s is registered: the router's GET /v1/models lists the registered ones)", err, p.Model)
	}
	return err
}

// spendCapBelowASecond reports whether a deposit_exhausted refusal says the daily spend cap is below one
// second's price (the router's message, router/api credit.grant), not that the allowance and deposit ran short.
func spendCapBelowASecond(e *wire.Error) bool {
	return strings.HasPrefix(e.Message, "the daily spend cap ")
}

// paidText says what a session cost from each source, when the router said ("" otherwise).
func paidText(p *wire.Payment) string {
	if p == nil {
		return ""
	}
	return fmt.Sprintf("; paid %s from the allowance, %s from the deposit", amount.FormatMOR(p.Allowance.ToBig()), amount.FormatMOR(p.Deposit.ToBig()))
}

// sessionView is how a session is printed.
type sessionView struct {
	SessionID      string        `json:"sessionId"`
	Provider       string        `json:"provider"`
	Endpoint       string        `json:"endpoint"`
	PricePerSecond string        `json:"pricePerSecond"`
	MaxSeconds     uint32        `json:"maxSeconds"`
	NotAfter       int64         `json:"notAfter"`
	Router         string        `json:"router"`
	StateFile      string        `json:"stateFile,omitempty"`
	Usage          client.Usage  `json:"usage"`
	Payment        *wire.Payment `json:"payment,omitempty"` // the router's reservation, per source
}

func viewOf(s *client.Session) sessionView {
	g := s.Grant()
	return sessionView{SessionID: s.ID().Hex(), Provider: g.Provider.Hex(), Endpoint: s.Endpoint(),
		PricePerSecond: g.Ticket.PricePerSecond.Dec(), MaxSeconds: s.MaxSeconds(), NotAfter: s.NotAfter().Unix(),
		Router: g.Router.Hex(), Usage: s.Usage(), Payment: g.Payment}
}

var sessionFile = regexp.MustCompile(`^0x[0-9a-fA-F]{64}$`)

// saveSession remembers s for lt close.
func (a *app) saveSession(s *client.Session) (string, error) {
	return a.saveState(s.ID(), s.State())
}

// saveState writes a session's state to <state-dir>/<id>.json (0600), atomically: a crash mid-write leaves
// the file as it was (none, or a whole earlier state), never a truncated one lt close cannot read.
func (a *app) saveState(id common.Hash, st client.State) (string, error) {
	dir := a.str("state-dir")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	raw, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, strings.ToLower(id.Hex())+".json")
	return path, atomicfile.WriteFile(path, raw, 0o600)
}

func (a *app) rfcCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rfc --model name:tag",
		Short: "Sign a Request For Compute, send it to the router and print the session granted",
		Long: `Signs an RFC (EIP-712, PROTOCOL §6) for the model with your key and sends it to the router, which
reserves price × maxSeconds of today's allowance and answers with a session ticket for the cheapest live
provider. The session is remembered in --state-dir so that lt close can close it later. No transaction.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			p, c, err := a.rfcClient(cmd.Context(), true)
			if err != nil {
				return err
			}
			s, err := c.Open(cmd.Context(), p)
			if err != nil {
				return explain(err, p)
			}
			v := viewOf(s)
			if v.StateFile, err = a.saveSession(s); err != nil {
				fmt.Fprintf(a.errOut, "warning: could not remember the session: %v\n", err)
			}
			price := s.Grant().Ticket.PricePerSecond
			return a.emit(v, func(w io.Writer) {
				fmt.Fprintf(w, "session   %s\nprovider  %s at %s\nprice     %s/s (%s wei/s), up to %d s, until %s\n",
					v.SessionID, v.Provider, v.Endpoint, amount.FormatMOR(price.ToBig()), v.PricePerSecond, v.MaxSeconds,
					time.Unix(v.NotAfter, 0).Format(time.RFC3339))
				if v.Payment != nil {
					fmt.Fprintf(w, "reserved  %s from the allowance, %s from the deposit\n", amount.FormatMOR(v.Payment.Allowance.ToBig()), amount.FormatMOR(v.Payment.Deposit.ToBig()))
				}
				fmt.Fprintf(w, "close it with: %s\n", closeCommand(cmd, v.SessionID))
			})
		},
	}
	rfcFlags(cmd.Flags(), true)
	return cmd
}

func (a *app) chatCmd() *cobra.Command {
	var system string
	cmd := &cobra.Command{
		Use:   `chat --model name:tag "prompt"`,
		Short: "Send one prompt through a new session, stream the answer to the terminal, then close the session",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			p, c, err := a.rfcClient(cmd.Context(), true)
			if err != nil {
				return err
			}
			s, err := c.Open(ctx, p)
			if err != nil {
				return explain(err, p)
			}
			msgs := []map[string]string{}
			if system != "" {
				msgs = append(msgs, map[string]string{"role": "system", "content": system})
			}
			msgs = append(msgs, map[string]string{"role": "user", "content": args[0]})
			body, _ := json.Marshal(map[string]any{"model": p.Model, "stream": true, "messages": msgs})
			// Remembered until it is closed (as lt rfc does), from before the answer streams: should the
			// process die mid-answer, or the close fail (provider and router both unreachable), lt close
			// --session closes it later with the session's key, which nothing else holds.
			state, err := a.saveSession(s)
			if err != nil {
				fmt.Fprintf(a.errOut, "warning: could not remember the session: %v\n", err)
				state = ""
			}
			text, chatErr := a.streamChat(ctx, s, body)
			// Saved again with what the answer used.
			if again, err := a.saveSession(s); err == nil {
				state = again
			} else {
				fmt.Fprintf(a.errOut, "warning: could not remember what the session used: %v\n", err)
			}
			// Close whatever happened: the receipt covers what was used.
			res, closeErr := s.Close(context.WithoutCancel(ctx))
			if closeErr != nil && state != "" {
				closeErr = fmt.Errorf("closing the session failed: %w; it is saved in %s: close it later with %s",
					closeErr, state, closeCommand(cmd, s.ID().Hex()))
			} else if closeErr != nil {
				closeErr = fmt.Errorf("closing the session failed: %w", closeErr)
			} else if state != "" {
				_ = os.Remove(state)
			}
			if chatErr != nil {
				if closeErr != nil {
					fmt.Fprintf(a.errOut, "%v\n", closeErr)
				}
				return chatErr
			}
			if closeErr != nil {
				return fmt.Errorf("the answer arrived but %w", closeErr)
			}
			out := struct {
				Session sessionView         `json:"session"`
				Content string              `json:"content"`
				Close   *client.CloseResult `json:"close"`
			}{viewOf(s), text, res}
			return a.emit(out, func(w io.Writer) {
				fmt.Fprintln(w)
				fmt.Fprintf(a.errOut, "— session %s closed via %s: %d s, %d in / %d out tokens, first token %d ms%s\n",
					res.SessionID.Hex(), res.Via, res.Receipt.Seconds, res.Receipt.InputTokens, res.Receipt.OutputTokens, res.Receipt.TTFTMs, paidText(res.Payment))
			})
		},
	}
	rfcFlags(cmd.Flags(), true)
	cmd.Flags().StringVar(&system, "system", "", "system prompt")
	return cmd
}

// streamChat streams the answer's text to the terminal (not with --json) and returns it.
func (a *app) streamChat(ctx context.Context, s *client.Session, body []byte) (string, error) {
	st, err := s.StreamChatCompletion(ctx, body)
	if err != nil {
		return "", err
	}
	defer st.Close()
	var sb strings.Builder
	for {
		ev, err := st.Next()
		if errors.Is(err, io.EOF) {
			return sb.String(), nil
		}
		if err != nil {
			return sb.String(), err
		}
		if ev.Done() {
			continue
		}
		var chunk struct {
			Choices []struct {
				Delta struct {
					Content string `json:"content"`
				} `json:"delta"`
				Message struct {
					Content string `json:"content"`
				} `json:"message"`
			} `json:"choices"`
		}
		if json.Unmarshal(ev.Data, &chunk) != nil {
			continue
		}
		for _, c := range chunk.Choices {
			t := c.Delta.Content + c.Message.Content
			sb.WriteString(t)
			if !a.jsonOut() {
				fmt.Fprint(a.out, t)
			}
		}
	}
}

// onlySavedSession is the id of the one session saved in dir (lt rfc saves each it opens), or an error
// saying --session is needed: none saved, or several (named).
func onlySavedSession(dir string) (string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("--session is required (the saved sessions in %s cannot be read: %w)", dir, err)
	}
	var ids []string
	for _, e := range entries {
		if id, ok := strings.CutSuffix(e.Name(), ".json"); ok && sessionFile.MatchString(id) {
			ids = append(ids, id)
		}
	}
	switch len(ids) {
	case 1:
		return ids[0], nil
	case 0:
		return "", fmt.Errorf("--session is required: no session is saved in %s (lt rfc saves the sessions it opens)", dir)
	}
	return "", fmt.Errorf("--session is required: %d sessions are saved in %s: %s", len(ids), dir, strings.Join(ids, ", "))
}

func (a *app) closeCmd() *cobra.Command {
	var id string
	cmd := &cobra.Command{
		Use:   "close [--session 0x…]",
		Short: "Close a session opened with lt rfc: sign the usage receipt, close at the provider (else the router)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if id == "" {
				var err error
				if id, err = onlySavedSession(a.str("state-dir")); err != nil {
					return err
				}
				fmt.Fprintf(a.errOut, "closing the one saved session, %s\n", id)
			}
			if !sessionFile.MatchString(id) {
				return errors.New("--session must be a session id, 0x and 64 hex digits")
			}
			path := filepath.Join(a.str("state-dir"), strings.ToLower(id)+".json")
			raw, err := os.ReadFile(path)
			if err != nil {
				return fmt.Errorf("no saved session %s in %s (sessions opened with lt rfc are saved there): %w", id, a.str("state-dir"), err)
			}
			var st client.State
			if err := json.Unmarshal(raw, &st); err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			dep, err := a.deployment()
			if err != nil {
				return err
			}
			d, err := a.domain(dep)
			if err != nil {
				return err
			}
			// A session with its own key closes with it: the wallet (keystore or clef) is not asked.
			var key *ecdsa.PrivateKey
			if st.SessionKey == "" {
				if key, err = a.key(dep.ChainID); err != nil {
					return err
				}
			}
			// The router that issued the ticket first, then the configured ones. A session saved without
			// its router's address has no router of its own in the list: the first configured one's
			// unknown_session (another router's session) is not the close's answer either, the next is asked.
			routers := a.list("router")
			if st.RouterURL != "" {
				routers = append([]string{st.RouterURL}, routers...)
			}
			var rc *client.RouterClient
			if len(routers) > 0 {
				rc = a.routerClient(routers)
				if st.RouterURL == "" {
					rc = rc.SessionRouterUnknown()
				}
			}
			s, err := client.ResumeSession(d, key, st, client.SessionOptions{Router: rc})
			if err != nil {
				return err
			}
			res, err := s.Close(cmd.Context())
			if err != nil {
				return err
			}
			_ = os.Remove(path)
			return a.emit(res, func(w io.Writer) {
				if res.Unused {
					// The provider's unknown_session is the expected answer: it never accepted the ticket.
					fmt.Fprintf(w, "session %s was never used (no request sent): closed at the router with 0 s, nothing billed%s\n",
						res.SessionID.Hex(), paidText(res.Payment))
					return
				}
				fmt.Fprintf(w, "session %s closed via %s: %d s, %d in / %d out tokens%s\n",
					res.SessionID.Hex(), res.Via, res.Receipt.Seconds, res.Receipt.InputTokens, res.Receipt.OutputTokens, paidText(res.Payment))
				if res.ProviderError != "" {
					fmt.Fprintf(w, "(the provider's close was not taken: %s)\n", res.ProviderError)
				}
			})
		},
	}
	cmd.Flags().StringVar(&id, "session", "", "session id (may be left out when one session is saved)")
	return cmd
}

func (a *app) gatewayCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "gateway --listen 127.0.0.1:8090",
		Short: "Serve the OpenAI API locally (chat and legacy completions, embeddings, models) on top of market sessions",
		Long: `Runs a local OpenAI-compatible server: point any OpenAI client at http://<listen>/v1 with a model
name:tag from GET /v1/models. The gateway signs RFCs, reuses one live session per model, authenticates
every request to the provider, closes idle sessions with signed usage receipts and fails over to another
provider when one dies before answering. Endpoints: POST /v1/chat/completions, /v1/completions,
/v1/embeddings; GET /v1/models. Your key signs one message per session (the RFC); a session key signs
the requests and the receipt. Ctrl-C closes every session before exiting.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			defer service.LimitProcs(a.v.GetInt("procs"))()
			p, c, err := a.rfcClient(cmd.Context(), false)
			if err != nil {
				return err
			}
			log := consoleLogger(a.errOut)
			g, err := gateway.New(gateway.Config{Client: c, RFC: p, IdleTimeout: a.v.GetDuration("idle-timeout"),
				SessionConcurrency: a.v.GetInt("session-concurrency"), Logger: log})
			if err != nil {
				return err
			}
			allowRemote, _ := cmd.Flags().GetBool("allow-remote")
			if err := gateway.CheckListen(a.str("listen"), allowRemote); err != nil {
				return err
			}
			ln, err := net.Listen("tcp", a.str("listen"))
			if err != nil {
				return err
			}
			srv := gatewayServer(g, a.v.GetFloat64("rate-ip")) // flag, LT_CLIENT_RATE_IP or the config file, like every key
			log.Info("gateway listening", zap.String("url", "http://"+ln.Addr().String()+"/v1"), zap.String("user", c.User().Hex()),
				zap.String("router", c.Router.URL()))
			runCtx, stopRun := context.WithCancel(ctx)
			defer stopRun()
			runDone := make(chan struct{})
			go func() { g.Run(runCtx); close(runDone) }()
			// Until ctx ends (Ctrl-C, SIGTERM); the shutdown is logged as the services' (service.Serve).
			err = service.Serve(ctx, srv, ln, 20*time.Second, log)
			log.Info("shutting down: waiting for every open session to close (its receipt signed and sent)")
			stopRun()
			<-runDone // Run closes every session when ctx ends
			closed := g.Closed()
			log.Info("stopped", zap.Int("closed", len(closed)))
			if a.jsonOut() {
				_ = a.emit(map[string]any{"closed": closed}, nil)
			} else {
				for _, r := range closed {
					fmt.Fprintf(a.out, "closed %s via %s: %d s%s\n", r.SessionID.Hex(), r.Via, r.Receipt.Seconds, paidText(r.Payment))
				}
			}
			return err
		},
	}
	rfcFlags(cmd.Flags(), false)
	cmd.Flags().String("listen", "127.0.0.1:8090", "address to serve the OpenAI API on (the router takes 8080, a provider 8081; loopback only unless --allow-remote)")
	cmd.Flags().Bool("allow-remote", false, "serve on a non-loopback address: anyone who reaches it spends your allowance with your key")
	cmd.Flags().Float64("rate-ip", 20, "requests per second one client IP address may make (0: no limit)")
	cmd.Flags().Duration("idle-timeout", gateway.DefaultIdleTimeout, "close sessions idle this long")
	cmd.Flags().Int("session-concurrency", gateway.DefaultSessionConcurrency, "a model's requests sent to its provider at once, the others waiting for one to end: at most the provider's bound of one session's requests in flight (provider serve --session-concurrency, default 2), past which it refuses them session_busy and the gateway sends them again (bounded)")
	cmd.Flags().Int("procs", 1, "processors running the gateway's Go code at once (GOMAXPROCS; 0: every core): one serves a user's requests with about half the CPU and less latency per request than many")
	return cmd
}

// consoleLogger is the gateway's log on w: zap (the services' logger too), human-readable, info and up.
func consoleLogger(w io.Writer) *zap.Logger {
	return zap.New(zapcore.NewCore(zapcore.NewConsoleEncoder(zap.NewDevelopmentEncoderConfig()), zapcore.AddSync(w), zap.InfoLevel))
}

// gatewayServer is the gateway's HTTP server: g's API, rateIP requests a second per client IP address (0:
// no limit). Answers stream: no write timeout (each is bounded by its session).
func gatewayServer(g *gateway.Gateway, rateIP float64) *http.Server {
	return service.HTTP{Handler: ratelimit.New(ratelimit.Rate{PerSecond: rateIP}).PerIP(g.Handler()), ReadTimeout: time.Minute}.Server()
}

// closeCommand is the lt close command line that closes session id, with the settings lt close needs (the
// deployment, where the session is saved, the config file) that this command took from its command line:
// pasted as printed, it runs. It used to be the bare `lt close --session 0x…`, which then failed for want
// of a deployment file (TestRfcPrintsACloseThatRuns).
func closeCommand(cmd *cobra.Command, id string) string {
	line := "lt close --session " + id
	for _, name := range []string{"config", "deployment", "state-dir"} {
		if f := cmd.Flag(name); f != nil && f.Changed {
			line += " --" + name + " " + shellQuote(f.Value.String())
		}
	}
	return line
}

// shellQuote is s as one shell word: as it is when it holds nothing a shell reads specially, else in single quotes.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./:@%+=,-") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
