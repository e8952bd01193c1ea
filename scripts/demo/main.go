// Command demo runs the whole Lake Travis system on a local anvil chain and shows it working (`make demo`).
//
// It starts everything with package e2e (anvil and the contracts, the router, the keeper, a provider in
// front of a stand-in OpenAI upstream, the user's gateway), then a user chats through the gateway, the
// session closes, the keeper settles the epoch, the dispute window passes and the provider and the model
// builder claim. Then a user with no MOR votes pays from a deposit (lt deposit, lt chat --use-deposit), the
// provider claims it and the user withdraws the rest (lt withdraw), the amounts reconciling to the wei
// (e2e.DemoDeposit). Last, the guardian's check (keeper check-batch) passes every committed epoch's batch
// file (e2e.CheckBatches). It prints a summary and writes it to demo-summary.json. Everything it started stops on
// exit and on Ctrl-C.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math/big"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/laketravis/laketravis/e2e"
)

func main() {
	var o e2e.Options
	flag.Uint64Var(&o.Interval, "interval", 600, "seconds per protocol day")
	flag.Uint64Var(&o.DaysBack, "days-back", 5, "payoutStart this many protocol days ago (the chain starts 2.5 days ago, so emissions released then fund the user and stakes; more than 3)")
	flag.Uint64Var(&o.DisputeWindow, "dispute-window", 10, "seconds a committed root waits before it is claimable")
	flag.DurationVar(&o.EpochLength, "epoch", 5*time.Second, "keeper epoch length")
	flag.DurationVar(&o.GatewayIdleTimeout, "idle-timeout", 3*time.Second, "the gateway closes a session idle this long")
	flag.DurationVar(&o.TokenDelay, "token-delay", 50*time.Millisecond, "stand-in upstream: time per generated token")
	flag.StringVar(&o.Model, "model", "llama3:8b", "model name:tag")
	flag.BoolVar(&o.IPFS, "ipfs", true, "publish the model's generated weights to IPFS and have the provider pull and verify them before bidding (kubo, built by make setup)")
	price := flag.String("price", "1000000000000000", "provider's bid, MOR-wei per second")
	out := flag.String("out", "demo-summary.json", "summary file")
	logDir := flag.String("logs", "", "folder for the process logs (default: a new temporary folder, kept)")
	flag.Parse()
	p, ok := new(big.Int).SetString(*price, 10)
	if !ok || p.Sign() <= 0 {
		fmt.Fprintln(os.Stderr, "demo: --price must be a positive integer (MOR-wei per second)")
		os.Exit(2)
	}
	o.Prices = []*big.Int{p}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, o, *logDir, *out); err != nil {
		if errors.Is(err, context.Canceled) {
			fmt.Fprintln(os.Stderr, "demo: interrupted, everything stopped")
			os.Exit(130)
		}
		fmt.Fprintln(os.Stderr, "demo:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, o e2e.Options, logDir, out string) error {
	if logDir == "" {
		d, err := os.MkdirTemp("", "laketravis-demo-logs-")
		if err != nil {
			return err
		}
		logDir = d
	}
	o.LogDir, o.Progress = logDir, os.Stdout
	defer e2e.RemoveBinaries()
	start := time.Now()
	fmt.Println("== Lake Travis demo: the whole market on a local anvil chain")
	fmt.Printf("   process logs: %s\n", logDir)
	s, err := e2e.Start(ctx, o)
	if err != nil {
		return err
	}
	defer func() {
		fmt.Println("== stopping everything")
		s.Close()
	}()
	fmt.Printf("== running (%s). The transparency page: %s/\n", time.Since(start).Round(time.Second), s.RouterURL)

	fmt.Println("== a user chats through the gateway (OpenAI POST /v1/chat/completions, streamed)")
	sum, err := s.Demo(ctx, []string{"What is Lake Travis?", "And how do I pay for it?"}, os.Stdout)
	if err != nil {
		if ctx.Err() == nil {
			fmt.Fprintln(os.Stderr, "demo failed; the end of each log:")
			s.DumpLogs(os.Stderr, 30)
		}
		return err
	}
	fmt.Println("== paid usage: a user with no MOR votes deposits, chats with --use-deposit, the provider claims, the user withdraws the rest")
	if sum.Deposit, err = s.DemoDeposit(ctx, os.Stdout); err != nil {
		if ctx.Err() == nil {
			fmt.Fprintln(os.Stderr, "demo failed; the end of each log:")
			s.DumpLogs(os.Stderr, 30)
		}
		return err
	}
	fmt.Println("== the guardian re-checks every committed epoch's batch file against the chain (keeper check-batch)")
	if _, err := s.CheckBatches(ctx, os.Stdout); err != nil {
		return err
	}
	sum.Timings["total"] = time.Since(start).Round(time.Second).String()
	sum.Print(os.Stdout)
	raw, err := json.MarshalIndent(sum, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, append(raw, '\n'), 0o644); err != nil {
		return err
	}
	abs, _ := filepath.Abs(out)
	fmt.Printf("\nwritten to %s (total %s)\n", abs, sum.Timings["total"])
	return nil
}
