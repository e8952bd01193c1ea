// Command demo runs the Lake Travis system on a local anvil chain and shows it working (`make demo`).
//
// This first version shows the emission schedule: it starts anvil, deploys through the real deploy script,
// advances the chain by some days, calls release() and prints each bucket's balance against
// bucketEmittedUntil. It stops everything it started, also on Ctrl-C.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"math/big"
	"os"
	"os/signal"
	"syscall"
	"text/tabwriter"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/params"

	"github.com/laketravis/laketravis/bindings/emissions"
	"github.com/laketravis/laketravis/bindings/mortoken"
	"github.com/laketravis/laketravis/devnet"
)

var bucketNames = [5]string{"capital", "code", "community", "compute", "protection"}

func main() {
	days := flag.Uint64("days", 30, "days to advance the chain before release()")
	interval := flag.Uint64("interval", 86400, "seconds per protocol day")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, *days, *interval); err != nil {
		if errors.Is(err, context.Canceled) {
			fmt.Fprintln(os.Stderr, "demo: interrupted, everything stopped")
			os.Exit(130)
		}
		fmt.Fprintln(os.Stderr, "demo:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, days, interval uint64) error {
	fmt.Println("== Lake Travis demo: emissions on a local anvil chain")
	anvil, err := devnet.StartAnvil(ctx, devnet.AnvilOptions{})
	if err != nil {
		return err
	}
	defer anvil.Close()
	fmt.Printf("anvil      %s (chain %d)\n", anvil.URL, anvil.ChainID)

	dep, err := devnet.Deploy(ctx, anvil.URL, devnet.DeployOptions{Interval: interval})
	if err != nil {
		return err
	}
	client, err := anvil.Client(ctx)
	if err != nil {
		return err
	}
	defer client.Close()
	emAddr, err := dep.Address("Emissions")
	if err != nil {
		return err
	}
	morAddr, err := dep.Address("MORToken")
	if err != nil {
		return err
	}
	fmt.Printf("Emissions  %s\nMORToken   %s\n", emAddr, morAddr)
	em, err := emissions.NewEmissions(emAddr, client)
	if err != nil {
		return err
	}
	mor, err := mortoken.NewMORToken(morAddr, client)
	if err != nil {
		return err
	}

	fmt.Printf("advancing the chain by %d days of %d s …\n", days, interval)
	if err := anvil.IncreaseTime(ctx, days*interval); err != nil {
		return err
	}
	auth, err := bind.NewKeyedTransactorWithChainID(devnet.DevKey(0), new(big.Int).SetUint64(dep.ChainID))
	if err != nil {
		return err
	}
	auth.Context = ctx
	tx, err := em.Release(auth)
	if err != nil {
		return fmt.Errorf("release: %w", err)
	}
	receipt, err := bind.WaitMined(ctx, client, tx)
	if err != nil {
		return err
	}
	if receipt.Status != 1 {
		return fmt.Errorf("release reverted (tx %s)", tx.Hash())
	}
	block, err := client.HeaderByNumber(ctx, receipt.BlockNumber)
	if err != nil {
		return err
	}
	fmt.Printf("release()  tx %s, block %d, gas %d\n\n", tx.Hash(), receipt.BlockNumber, receipt.GasUsed)

	call := &bind.CallOpts{Context: ctx, BlockNumber: receipt.BlockNumber}
	now := new(big.Int).SetUint64(block.Time)
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "bucket\trecipient\tbalance (MOR)\tbucketEmittedUntil (MOR)\tmatch\t")
	ok := true
	for b := uint8(0); b < 5; b++ {
		recipient, err := em.Recipients(call, big.NewInt(int64(b)))
		if err != nil {
			return err
		}
		bal, err := mor.BalanceOf(call, recipient)
		if err != nil {
			return err
		}
		due, err := em.BucketEmittedUntil(call, b, now)
		if err != nil {
			return err
		}
		match := bal.Cmp(due) == 0
		ok = ok && match
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%v\t\n", bucketNames[b], recipient.Hex()[:10]+"…", mor18(bal), mor18(due), match)
	}
	w.Flush()
	total, err := em.EmittedUntil(call, now)
	if err != nil {
		return err
	}
	supply, err := mor.TotalSupply(call)
	if err != nil {
		return err
	}
	fmt.Printf("\ntotal supply %s MOR = emittedUntil(now) %s MOR after %d days\n", mor18(supply), mor18(total), days)
	if !ok || supply.Cmp(total) != 0 {
		return errors.New("bucket balances do not match the emission schedule")
	}
	fmt.Println("== demo finished: every bucket holds exactly its scheduled emission; anvil stopped")
	return nil
}

// mor18 formats wei as MOR with 6 decimals.
func mor18(wei *big.Int) string {
	f := new(big.Float).Quo(new(big.Float).SetInt(wei), big.NewFloat(params.Ether))
	return f.Text('f', 6)
}
