// keeper guard: the guardian's watch over the keeper's commits (keeper/guard), vetoing with --veto.

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
	"syscall"
	"time"

	"github.com/VictoriaMetrics/metrics"
	"github.com/spf13/cobra"
	"github.com/spf13/viper"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/deployments"
	"github.com/laketravis/laketravis/internal/metricset"
	"github.com/laketravis/laketravis/internal/netguard"
	"github.com/laketravis/laketravis/internal/service"
	"github.com/laketravis/laketravis/keeper/guard"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/keeper/txmgr"
	"github.com/laketravis/laketravis/keys"
	"github.com/laketravis/laketravis/protocol/wire"
)

func newGuard() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "guard",
		Short: "Follow the pool's commits, re-check each epoch's batch file and, with --veto, veto a bad root in its dispute window",
		Long: `Follow ComputePool's RootCommitted events from --start-block (default: the deployment's), fetch each
committed epoch's batch file from the commit's uri and run check-batch's checks on it, plus its own: the
file is the one committed (its keccak256 is the commit's batchHash) and the commit's (its epoch and root).
An ok line or an error naming every problem is logged.

With --veto and the guardian's key (--keystore and --password-file, --external-signer, or --raw-key on a
devnet) an epoch whose file shows a problem is vetoed (vetoRoot) while it is still pending, if the pool's
epoch, read again right before sending, still holds the root checked. A file not obtained (unreachable,
or its keccak256 not the commit's batchHash: altered on the way; committed bytes that are not a batch
file are a problem, vetoed at once) is tried again every
--poll-interval; with --veto it is vetoed as withheld once two fetches in a row failed in the last
--withheld-margin of its dispute window (a root nobody can rebuild must not become claimable; an honest
keeper keeps its file reachable, behind https, and commits again after a veto; a fetch that got no answer
counts there only if a --control-url answers, so the guard's own network down vetoes nothing), without
--veto reported at the window's end. A
check the chain did not answer (the file obtained) is the guard's own problem: tried again, reported at
the window's end, never vetoed. Vetoes go through the keeper's transaction manager, stored in
--data-dir/guard.db: a veto not mined within --resubmit-after has its fees bumped by at least 10% (up to
--fee-ceiling-gwei); one that fails or is not mined within --veto-wait is logged and driven on next poll
while the window lasts (the same transaction, replaced, never a second veto, also after a restart); one
that reverted or lost its nonce is followed by a new transaction; the other epochs are still checked. The
veto names the commit checked, its root and claim time (vetoRoot reverts on another). A veto counts as landed only once it is
--confirmations deep: until then the epoch is checked again every poll, and a veto whose block a reorg
removed is sent again while the pool holds the root pending (also by a guard restarted meanwhile). Run one
guard per key, with an absolute --data-dir.
Every batch file obtained is kept in --data-dir/batches: restarted, it checks every epoch still pending
again, from the files it kept (a file obtained before the restart is neither fetched again nor taken for
withheld, and the later epochs are still compared with the earlier files it obtained). What the credits
check needs of the earlier files (each one's session ids and charged user-days) is kept in
--data-dir/guard.db and looked up for the file checked only, so neither the guard's memory nor a restart
grows with the sessions ever credited: a restart needs again only the newest earlier file.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			v := viper.New()
			bindViper(v, cmd.Flags())
			return runGuard(cmd.Context(), v, cmd)
		},
	}
	f := cmd.Flags()
	chainFlags(f, "info")
	f.String("data-dir", "./guard-data", "directory the guard keeps every batch file it obtained in (batches/, read again when restarted), the credits check's history of them and, with --veto, its vetoes' transactions (guard.db)")
	f.Int("fetch-concurrency", 4, "batch files a poll fetches at once, earliest epoch first (each download holds up to --max-batch-bytes in memory)")
	f.Int64("max-kept-bytes", 32<<30, "most bytes of batch files kept in --data-dir/batches (0: no bound); past it a file is checked but not kept (size the volume above it: the vetoes' store shares it)")
	f.String("fee-ceiling-gwei", "200", "with --veto, the highest max fee per gas a veto is signed with, gwei")
	f.Duration("resubmit-after", 30*time.Second, "with --veto, bump a veto's fees when no receipt after this long")
	f.Uint64("start-block", 0, "first block whose commits are read (default: the deployment's start block)")
	f.Bool("veto", false, "veto an epoch whose batch file shows a problem (needs the guardian's key)")
	f.String("keystore", "", "guardian key: encrypted keystore file")
	f.String("password-file", "", "file holding the keystore password")
	f.String("raw-key", "", "guardian key as hex (devnet only)")
	f.String("external-signer", "", "sign the vetoes through clef at this URL (http://127.0.0.1:8550 or its .ipc path)")
	f.String("external-signer-account", "", "the guardian's account at --external-signer (default: the only account it lists)")
	f.Duration("poll-interval", 15*time.Second, "how often new commits are read and unchecked epochs tried again")
	f.Duration("veto-wait", guard.DefaultVetoWait, "how long a veto's receipt is waited for before the guard moves on (sent again next poll)")
	f.StringSlice("control-url", nil, "with --veto, URLs the guard GETs when a batch file's uri gives no answer in a window's last part: the try counts as withheld only if one of them answers (the guard's own network works); default: the --rpc URLs off a devnet")
	f.Duration("withheld-margin", 0, "with --veto, veto an epoch whose batch file was never obtained once its dispute window has this much left (0: a quarter of the window; capped at the window)")
	fetchFlags(f)
	f.String("listen", "", "serve the guard's metrics at /metrics on this address (default: none)")
	service.AddOtherNames(f)
	return cmd
}

// controlURLs returns --control-url (each must be http(s)) or, when it is not given, the http(s) --rpc URLs
// off a devnet (none on a devnet).
func controlURLs(v *viper.Viper, rpcURLs []string, chainID uint64) ([]string, error) {
	control := service.SplitList(v.GetStringSlice("control-url"))
	for _, u := range control {
		if !wire.IsHTTPURL(u) {
			return nil, fmt.Errorf("--control-url %q: not an http(s) URL", u)
		}
	}
	if len(control) > 0 || keys.DevnetChainIDs[chainID] {
		return control, nil
	}
	for _, u := range rpcURLs {
		if wire.IsHTTPURL(u) { // a ws or IPC endpoint cannot answer a GET
			control = append(control, u)
		}
	}
	return control, nil
}

func runGuard(ctx context.Context, v *viper.Viper, cmd *cobra.Command) error {
	urls, err := batchSettings(v, cmd.Flags())
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
	dep, err := deployments.Load(v.GetString("deployment"))
	if err != nil {
		return err
	}
	// The keeper's rule: the guard reads the deposits, roles, signers and fees as of its final blocks, and a
	// verdict read at a block a reorg takes back could veto an honest keeper's epoch.
	if err := checkConfirmations(v.GetUint64("confirmations"), dep.ChainID); err != nil {
		return err
	}
	client, err := service.Dial(ctx, log, urls, chain.Options{CallTimeout: v.GetDuration("rpc-timeout")}, dep)
	if err != nil {
		return err
	}
	defer client.Close()
	poolAddr, err := dep.Address("ComputePool")
	if err != nil {
		return err
	}
	switch {
	case v.GetInt64("max-kept-bytes") < 0:
		return fmt.Errorf("--max-kept-bytes %d: negative (0 for no bound)", v.GetInt64("max-kept-bytes"))
	case v.GetInt("fetch-concurrency") < 1:
		return fmt.Errorf("--fetch-concurrency %d: at least 1", v.GetInt("fetch-concurrency"))
	}
	dataDir := v.GetString("data-dir")
	keep := &ledger.KeptFiles{Dir: filepath.Join(dataDir, "batches"), MaxBytes: v.GetInt64("max-kept-bytes")}
	if err := os.MkdirAll(keep.Dir, 0o700); err != nil {
		return fmt.Errorf("--data-dir: %w", err)
	}
	// guard.db (the keeper's store schema): the credits check's history of the earlier epochs' files and,
	// with --veto, the vetoes' transactions.
	st, err := store.Open(ctx, filepath.Join(dataDir, "guard.db"))
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.BindHistory(ctx, dep.ChainID, poolAddr); err != nil {
		return fmt.Errorf("--data-dir: %w (one --data-dir per deployment)", err)
	}
	set := metrics.NewSet()
	var veto guard.Sender
	if v.GetBool("veto") {
		ceiling, err := feeCeiling(v)
		if err != nil {
			return err
		}
		from, sign, err := keys.LoadTxSigner(ctx, keySource(v), dep.ChainID)
		if err != nil {
			return fmt.Errorf("--veto: %w", err)
		}
		// The vetoes' transactions (txmgr's intents, in guard.db): a guard started again drives on a veto it
		// had sent instead of signing a second one beside it.
		veto, err = txmgr.New(txmgr.Config{ChainID: new(big.Int).SetUint64(dep.ChainID), From: from, Sign: sign,
			Confirmations: max(v.GetUint64("confirmations"), 1), FeeCeiling: ceiling, ResubmitAfter: v.GetDuration("resubmit-after"),
			RPCTimeout: client.CallBudget(), PollInterval: min(v.GetDuration("poll-interval"), time.Second),
			Log: log.Named("txmgr"), Metrics: set}, client, st)
		if err != nil {
			return err
		}
		log = log.With(zap.Stringer("guardian", from))
	}
	checker, err := service.Retry(ctx, log, "checker", func(ctx context.Context) (*ledger.BatchChecker, error) {
		return newBatchChecker(ctx, v, log, dep, client)
	})
	if err != nil {
		return err
	}
	checker.Keep, checker.History = keep, st
	start := dep.StartBlock
	if b := v.GetUint64("start-block"); b != 0 {
		start = b
	}
	control, err := controlURLs(v, urls, dep.ChainID)
	if err != nil {
		return err
	}
	if len(control) == 0 && veto != nil && !keys.DevnetChainIDs[dep.ChainID] {
		log.Warn("no --control-url and no http(s) --rpc to tell the guard's own network from a keeper withholding: " +
			"a fetch that gets no answer counts as withheld even while the guard's own network is down")
	}
	g, err := guard.New(guard.Config{Pool: poolAddr, Backend: client, Checker: checker, Start: start,
		Confirmations: v.GetUint64("confirmations"), MaxRange: v.GetUint64("log-range"),
		Fetch: checker.Fetch,
		Veto:  veto, VetoWait: v.GetDuration("veto-wait"), WithheldMargin: v.GetDuration("withheld-margin"),
		// The control check goes out the way the fetches do (netguard's transport: no proxy from the environment),
		// to the operator's own URLs (private addresses allowed).
		Reachable: guard.Reachable(netguard.ForChain(dep.ChainID, true).Client(netguard.Options{HeaderTimeout: 10 * time.Second}), control, 10*time.Second), FetchConcurrency: v.GetInt("fetch-concurrency"),
		Log: log.Named("guard"), Metrics: set})
	if err != nil {
		return err
	}
	if addr := v.GetString("listen"); addr != "" {
		ln, err := net.Listen("tcp", addr)
		if err != nil {
			return err
		}
		srv := service.HTTP{Handler: metricset.Handler(set, true), ReadTimeout: 10 * time.Second, WriteTimeout: time.Minute}.Server()
		served := make(chan error, 1)
		go func() { served <- service.Serve(ctx, srv, ln, 5*time.Second, log) }()
		defer func() {
			if err := <-served; err != nil && !errors.Is(err, context.Canceled) {
				log.Warn("metrics server", zap.Error(err))
			}
		}()
	}
	log.Info("guard started", zap.Uint64("chainId", dep.ChainID), zap.Stringer("pool", poolAddr), zap.String("kept", keep.Dir),
		zap.Uint64("startBlock", start), zap.Bool("veto", veto != nil))
	err = g.Run(ctx, v.GetDuration("poll-interval"))
	log.Info("guard stopped", zap.NamedError("cause", context.Cause(ctx)))
	return err
}
