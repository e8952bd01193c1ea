// Command devnet starts a local anvil chain, deploys the contracts onto it, sets up a playground (a budget
// today, emissions released, a provider owner and a user funded with MOR and ETH, the user's votes counting
// today, a model registered: devnet.StartPlayground) and keeps it running until Ctrl-C (`make devnet`). The
// deployment is written to deployments/31337.json (--out) for the other tools. Beside it runs the stand-in
// upstream (devnet/standin: the same labelled text for every prompt, not a model) on ollama's address
// (--standin), unless something, ollama say, listens there already. It prints the next steps.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/devnet/standin"
	"github.com/laketravis/laketravis/protocol/amount"
)

func main() {
	o, err := parseFlags(os.Args[1:])
	if errors.Is(err, flag.ErrHelp) {
		return
	} else if err != nil {
		os.Exit(2) // the flag package printed the error and the usage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, o); err != nil {
		fmt.Fprintln(os.Stderr, "devnet:", err)
		os.Exit(1)
	}
}

// options are the command's flags.
type options struct {
	port     int
	interval uint64
	out      string
	standin  string
}

// parseFlags reads the command line args (without the program's name).
func parseFlags(args []string) (options, error) {
	var o options
	fs := flag.NewFlagSet("devnet", flag.ContinueOnError)
	fs.IntVar(&o.port, "port", devnet.PortAnvil, "JSON-RPC port on 127.0.0.1")
	fs.Uint64Var(&o.interval, "interval", 86400, "seconds per protocol day (shorten it to see days pass)")
	fs.StringVar(&o.out, "out", "deployments/31337.json", "where the deployment file goes (relative: to the repository root)")
	fs.StringVar(&o.standin, "standin", defaultStandin, "where the stand-in upstream listens (the same text for every prompt, not a model), unless taken; '' starts none")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("devnet takes no arguments, got %q", fs.Args())
	}
	return o, nil
}

// defaultStandin is ollama's address, which the next steps' provider serve uses as its upstream.
const defaultStandin = "127.0.0.1:11434"

// startStandin starts the stand-in upstream on addr, answering standin.Labelled. It returns the upstream's
// URL for the next steps and a line saying what answers there: the stand-in, or (addr taken, up nil) what
// already listens there; addr "" starts none and names ollama's address.
func startStandin(addr string) (up *standin.Upstream, url, note string, err error) {
	if addr == "" {
		return nil, "http://" + defaultStandin + "/v1", "no stand-in upstream (--standin ''): run ollama or another OpenAI-compatible server on " + defaultStandin, nil
	}
	up, err = standin.Start(addr, standin.Labelled, 20*time.Millisecond)
	if errors.Is(err, syscall.EADDRINUSE) {
		return nil, "http://" + addr + "/v1", addr + " is taken (ollama?): no stand-in upstream started; provider serve uses what listens there", nil
	}
	if err != nil {
		return nil, "", "", fmt.Errorf("stand-in upstream: %w", err)
	}
	return up, up.URL, "stand-in upstream on " + up.URL + ": answers every prompt with the same labelled text; it is not a model (--standin '' starts none)", nil
}

func run(ctx context.Context, o options) error {
	port, interval, rel := o.port, o.interval, o.out
	root, err := devnet.RepoRoot()
	if err != nil {
		return err
	}
	file := rel
	if !filepath.IsAbs(file) {
		file = filepath.Join(root, rel)
	}
	// The deploy script writes only under deployments/; a file elsewhere is written from what it deployed.
	scriptOut := file
	if filepath.Dir(file) != filepath.Join(root, "deployments") {
		scriptOut = ""
	}
	m, err := devnet.StartPlayground(ctx, devnet.PlaygroundAnvil(port),
		devnet.DeployOptions{Interval: interval, OutFile: scriptOut})
	if err != nil {
		return err
	}
	defer m.Close()
	if scriptOut == "" {
		if err := m.WriteDeployment(file); err != nil {
			return err
		}
	}
	up, upstream, note, err := startStandin(o.standin)
	if err != nil {
		return err
	}
	if up != nil {
		defer up.Close()
	}
	dep := m.Deployment
	fmt.Printf("devnet running: RPC_URL=%s chain %d, start block %d\n", m.Anvil.URL, dep.ChainID, dep.StartBlock)
	for name, addr := range dep.Contracts {
		fmt.Printf("  %-14s %s\n", name, addr)
	}
	budget, day, err := m.TodaysBudget(ctx)
	if err != nil {
		return err
	}
	fmt.Printf("deployment file: %s; protocol day %d, compute budget %s; model %s registered\n\n", rel, day, amount.FormatMOR(budget), devnet.PlaygroundModel)
	fmt.Println(note)
	fmt.Println()
	fmt.Println(devnet.NextSteps(m.Anvil.URL, rel, upstream, "llama3.1:8b"))
	fmt.Println("Ctrl-C stops the devnet.")
	<-ctx.Done()
	fmt.Println("\ndevnet: stopping anvil")
	return nil
}
