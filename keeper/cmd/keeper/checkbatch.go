// keeper check-batch: re-check a committed epoch's batch file against the chain (the guardian's check
// within the dispute window; anyone may run it).

package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/deployments"
	"github.com/laketravis/laketravis/internal/netguard"
	"github.com/laketravis/laketravis/internal/service"
	"github.com/laketravis/laketravis/keeper/guard"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/protocol/eip712"
)

// errBatchProblems: check-batch found a problem (its exit status is then nonzero).
var errBatchProblems = errors.New("the batch file does not check out")

func newCheckBatch() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "check-batch <batch file | http(s) URL>",
		Short: "Re-check a committed epoch's batch file against the chain; exit status 1 on any problem",
		Long: `Re-check a committed epoch's batch file (a path, or the URL a keeper publishes it at: the uri
of its commit, <public-url>/v1/batches/<epoch>/<batchHash>, or <public-url>/v1/batches/<epoch>, the epoch's
latest file) against the chain, as the guardian does within the
dispute window before it lets the root become claimable. Every problem is reported, not only the first:

  committed   the file is the one committed: its keccak256 is the batchHash of the commit of the root
              the pool holds for its epoch now (after a veto and a recommit an epoch has several commit
              events: the live root's counts). A file that is not the one committed (altered on the way
              or another file) is no evidence against the keeper: its other findings are about that file
  deployment  chainId and computePool are the deployment's
  trees       the credit root and cumulativeTotal recomputed from leaves, the spend root and
              cumulativeSpent recomputed from spend (the keeper's own tree code)
  on-chain    the pool's live epoch holds the file's root, cumulativeTotal, spendRoot and
              cumulativeSpent; its depositsReadAt is the stated read, or the previous epoch's when
              that is later (the pool keeps the later of the two: said which)
  funding     no spend leaf charges a user whose deposit last rose from zero after that read, or
              who holds no deposit (the pool would let such a user withdraw what it was charged),
              by the deposits of the newest final block
  sessions    every session record passes the keeper's own record verification (ticket and RFC
              signatures, the ticket following from the RFC, receipts, roles and signers at their times);
              none starts after the epoch's commit (no keeper could have verified it before committing)
  credits     compared with every earlier live epoch's file (each fetched at its commit's uri, taken
              only if its keccak256 is that commit's batchHash): no session credited twice (listed
              twice, or by an earlier epoch); every account's owed (leaves and uncredited) rose since
              the previous epoch by at most what this file's verified sessions give it at full price
              (their cost, or less as the file's shortfalls say, split with the builder); every
              cumulativeAmount at most its owed and never below the previous file's; the keeper's
              charging rule run again: each session's allowance-paid part exactly what its user's
              allowance(user, day) has left in the charging order, its deposit charge within its RFC's
              consent and the deposit as of the read, the allowances list and the spend leaves what
              the charges give

Not checked: budget scaling, a costlier copy of a session that verifies alone, a deposit charge below
what the deposit allows, and the rejected records.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			v := viper.New()
			bindViper(v, cmd.Flags())
			return checkBatch(cmd.Context(), v, cmd, args[0])
		},
	}
	f := cmd.Flags()
	chainFlags(f, "warn")
	fetchFlags(f)
	f.Bool("json", false, "print the outcome as JSON")
	service.AddOtherNames(f)
	return cmd
}

// batchReport is check-batch's --json output.
type batchReport struct {
	Source string              `json:"source"`
	Epoch  uint64              `json:"epoch,string"`
	OK     bool                `json:"ok"`
	Checks []ledger.BatchCheck `json:"checks"`
}

// batchSettings reads the config file into v (readConfig) and returns the RPC URLs, refusing a command
// without --rpc or --deployment.
func batchSettings(v *viper.Viper, fs *pflag.FlagSet) ([]string, error) {
	if err := readConfig(v, fs); err != nil {
		return nil, err
	}
	urls := service.SplitList(v.GetStringSlice("rpc"))
	switch {
	case len(urls) == 0:
		return nil, errors.New("--rpc is required")
	case v.GetString("deployment") == "":
		return nil, errors.New("--deployment is required")
	}
	return urls, nil
}

func checkBatch(ctx context.Context, v *viper.Viper, cmd *cobra.Command, src string) error {
	urls, err := batchSettings(v, cmd.Flags())
	if err != nil {
		return err
	}
	raw, bf, err := loadBatch(ctx, src)
	if err != nil {
		return err
	}
	log, err := service.Logger(v.GetString("log-level"), "json")
	if err != nil {
		return err
	}
	defer func() { _ = log.Sync() }()
	dep, err := deployments.Load(v.GetString("deployment"))
	if err != nil {
		return err
	}
	client, err := service.Dial(ctx, log, urls, chain.Options{CallTimeout: v.GetDuration("rpc-timeout")}, dep)
	if err != nil {
		return err
	}
	defer client.Close()
	checker, err := newBatchChecker(ctx, v, log, dep, client)
	if err != nil {
		return err
	}
	// The commit's time, which no session the file credits can start after: not known when the epoch's commit
	// is not read (the committed check says why).
	committed, ev := checker.CheckCommitted(ctx, raw, bf)
	at, _ := checker.CommitTime(ctx, ev)
	checks := append([]ledger.BatchCheck{committed}, checker.Check(ctx, bf, at)...)
	report := batchReport{Source: src, Epoch: bf.Epoch, OK: true, Checks: checks}
	problems := 0
	for i := range checks {
		problems += len(checks[i].Problems)
	}
	report.OK = problems == 0
	out := cmd.OutOrStdout()
	if v.GetBool("json") {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(&report); err != nil {
			return err
		}
	} else {
		printReport(out, &report)
	}
	if problems > 0 {
		return fmt.Errorf("%w: %d problem(s), epoch %d (%s)", errBatchProblems, problems, bf.Epoch, src)
	}
	return nil
}

// printReport writes the human summary: one line per check, ok or its problems, then its notes.
func printReport(w io.Writer, r *batchReport) {
	fmt.Fprintf(w, "batch file %s, epoch %d\n", r.Source, r.Epoch)
	for _, c := range r.Checks {
		if c.OK() {
			fmt.Fprintf(w, "%-10s ok\n", c.Name)
		} else {
			fmt.Fprintf(w, "%-10s %d problem(s)\n", c.Name, len(c.Problems))
			for _, p := range c.Problems {
				fmt.Fprintf(w, "  - %s\n", p)
			}
		}
		for _, n := range c.Notes {
			fmt.Fprintf(w, "  (%s)\n", n)
		}
	}
	if r.OK {
		fmt.Fprintln(w, "all checks passed")
	}
}

// loadBatch reads a batch file from a path or an http(s) URL (a keeper's wire.BatchPath or wire.EpochBatchPath): its bytes
// and what they hold.
func loadBatch(ctx context.Context, src string) ([]byte, *ledger.BatchFile, error) {
	var data []byte
	if strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://") {
		ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
		defer cancel()
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, src, nil)
		if err != nil {
			return nil, nil, err
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return nil, nil, err
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
			return nil, nil, fmt.Errorf("GET %s: %s: %s", src, resp.Status, strings.TrimSpace(string(body)))
		}
		if data, err = io.ReadAll(resp.Body); err != nil {
			return nil, nil, fmt.Errorf("GET %s: %w", src, err)
		}
	} else {
		var err error
		if data, err = os.ReadFile(src); err != nil {
			return nil, nil, err
		}
	}
	var bf ledger.BatchFile
	if err := json.Unmarshal(data, &bf); err != nil {
		return nil, nil, fmt.Errorf("batch file %s: %w", src, err)
	}
	return data, &bf, nil
}

// fetchFlags adds the flags of batch file downloads from a commit's uri (batchFetcher).
func fetchFlags(f *pflag.FlagSet) {
	f.Duration("fetch-timeout", 2*time.Minute, "timeout of one batch file download from a commit's uri")
	f.Int64("max-batch-bytes", 1<<30, "largest batch file downloaded, bytes")
	f.Bool("allow-private-endpoints", false, "fetch batch files from private, loopback and link-local addresses (https still required; devnets always may)")
}

// batchFetcher downloads batch files from the uri a commit names, which its keeper chose: through netguard's
// client for dep's chain (no redirects; https and public addresses only off a devnet unless
// --allow-private-endpoints), each within --fetch-timeout and --max-batch-bytes.
func batchFetcher(v *viper.Viper, dep *deployments.Deployment) func(ctx context.Context, uri string) ([]byte, error) {
	hc := netguard.ForChain(dep.ChainID, v.GetBool("allow-private-endpoints")).Client(netguard.Options{HeaderTimeout: time.Minute})
	return guard.Fetcher(hc, v.GetDuration("fetch-timeout"), v.GetInt64("max-batch-bytes"))
}

// newBatchChecker returns the checks of check-batch and guard on dep's contracts through client, its
// deposits and signers read from the deployment's start block at --confirmations and --log-range, the
// earlier epochs' batch files fetched at their commits' uris (batchFetcher).
func newBatchChecker(ctx context.Context, v *viper.Viper, log *zap.Logger, dep *deployments.Deployment, client *chain.Client) (*ledger.BatchChecker, error) {
	poolAddr, err := dep.Address("ComputePool")
	if err != nil {
		return nil, err
	}
	marketAddr, err := dep.Address("Marketplace")
	if err != nil {
		return nil, err
	}
	modelsAddr, err := dep.Address("ModelRegistry")
	if err != nil {
		return nil, err
	}
	depth, logRange := v.GetUint64("confirmations"), v.GetUint64("log-range")
	deposits, err := ledger.NewChainDeposits(poolAddr, client, dep.StartBlock, depth, logRange, log.Named("deposits"))
	if err != nil {
		return nil, err
	}
	signers, err := ledger.NewSignerHistory(marketAddr, client, ledger.SignerConfig{Start: dep.StartBlock,
		Confirmations: depth, MaxRange: logRange, Log: log.Named("signers")})
	if err != nil {
		return nil, err
	}
	registry, err := ledger.NewChainRegistry(ctx, marketAddr, modelsAddr, client, signers)
	if err != nil {
		return nil, fmt.Errorf("registry: %w", err)
	}
	return &ledger.BatchChecker{ChainID: dep.ChainID, Pool: poolAddr, Caller: client, Deposits: deposits,
		Verifier: &ledger.Verifier{Domain: eip712.NewDomain(dep.ChainID, marketAddr), Registry: registry},
		Logs:     client, Start: dep.StartBlock, MaxRange: logRange, Fetch: batchFetcher(v, dep)}, nil
}
