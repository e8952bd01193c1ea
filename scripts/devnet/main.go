// Command devnet starts a local anvil chain, deploys the contracts onto it and keeps it running until
// Ctrl-C (`make devnet`). The deployment is written to deployments/<chainId>.json for the other tools.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/laketravis/laketravis/devnet"
)

func main() {
	port := flag.Int("port", 8545, "JSON-RPC port on 127.0.0.1")
	interval := flag.Uint64("interval", 86400, "seconds per protocol day (shorten it to see days pass)")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, *port, *interval); err != nil {
		fmt.Fprintln(os.Stderr, "devnet:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, port int, interval uint64) error {
	anvil, err := devnet.StartAnvil(ctx, devnet.AnvilOptions{Port: port})
	if err != nil {
		return err
	}
	defer anvil.Close()
	root, err := devnet.RepoRoot()
	if err != nil {
		return err
	}
	out := filepath.Join(root, "deployments", fmt.Sprintf("%d.json", anvil.ChainID))
	dep, err := devnet.Deploy(ctx, anvil.URL, devnet.DeployOptions{Interval: interval, OutFile: out})
	if err != nil {
		return err
	}
	fmt.Printf("devnet running: RPC_URL=%s chain %d, start block %d\n", anvil.URL, dep.ChainID, dep.StartBlock)
	for name, addr := range dep.Contracts {
		fmt.Printf("  %-12s %s\n", name, addr)
	}
	fmt.Printf("deployment file: deployments/%d.json\nfunded dev key 0: 0x%s (devnet only)\nCtrl-C stops it.\n", dep.ChainID, devnet.DevKeys[0])
	<-ctx.Done()
	fmt.Println("\ndevnet: stopping anvil")
	return nil
}
