package devnet

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	"github.com/laketravis/laketravis/deployments"
)

// DeployOptions configure Deploy. Zero values take the parameter file's values.
type DeployOptions struct {
	PayoutStart uint64 // unix seconds; 0 = the parameter file (0 there = deploy time)
	Interval    uint64 // seconds per protocol day
	// DisputeWindow and UnbondingPeriod override the parameter file's market settings (seconds).
	DisputeWindow   uint64
	UnbondingPeriod uint64
	// WithdrawalWindow is the ComputePool's withdrawal window (seconds at each day's start during which
	// withdraw pays); 0 = the parameter file's (0 there: the longest the pool accepts).
	WithdrawalWindow uint64
	// OutFile is where the deployment file goes (under <repo>/deployments). Empty: a private file that
	// Deploy removes after reading, so parallel tests do not share one.
	OutFile string
	// Setup, if set, is run by StartPlayground on its set-up day, after the playground's own set-up and
	// before the clock moves to the wall clock: what it registers (a provider's signer) is in force for
	// sessions dated days back.
	Setup func(ctx context.Context, m *Market) error
}

// Deploy runs scripts/deploy.sh against rpcURL with anvil's first development key and returns the
// deployment it wrote.
func Deploy(ctx context.Context, rpcURL string, opts DeployOptions) (*deployments.Deployment, error) {
	root, err := RepoRoot()
	if err != nil {
		return nil, err
	}
	out := opts.OutFile
	keep := out != ""
	if !keep {
		f, err := os.CreateTemp(filepath.Join(root, "deployments"), ".deploy-*.json")
		if err != nil {
			return nil, fmt.Errorf("devnet: %w", err)
		}
		out = f.Name()
		f.Close()
		defer os.Remove(out)
	}
	env := append(os.Environ(),
		"RPC_URL="+rpcURL,
		"DEPLOYER_KEY=0x"+DevKeys[0],
		"DEPLOYMENTS_FILE="+out,
		"DEVNET=1", // always a local anvil, whatever chain id it was started with
	)
	if opts.PayoutStart != 0 {
		env = append(env, "PAYOUT_START="+strconv.FormatUint(opts.PayoutStart, 10))
	}
	if opts.Interval != 0 {
		env = append(env, "INTERVAL="+strconv.FormatUint(opts.Interval, 10))
	}
	if opts.DisputeWindow != 0 {
		env = append(env, "DISPUTE_WINDOW="+strconv.FormatUint(opts.DisputeWindow, 10))
	}
	if opts.UnbondingPeriod != 0 {
		env = append(env, "UNBONDING_PERIOD="+strconv.FormatUint(opts.UnbondingPeriod, 10))
	}
	if opts.WithdrawalWindow != 0 {
		env = append(env, "WITHDRAWAL_WINDOW="+strconv.FormatUint(opts.WithdrawalWindow, 10))
	}
	// forge rewrites its compilation cache on every run; a concurrent forge reading it half-written
	// recompiles everything into out/ under the others' feet. Deploys from parallel tests take turns.
	unlock, err := lockFile(ctx, filepath.Join(root, "deployments", ".deploy.lock"))
	if err != nil {
		return nil, err
	}
	defer unlock()
	cmd := exec.CommandContext(ctx, filepath.Join(root, "scripts", "deploy.sh"))
	cmd.Env = env
	var logs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
	// The script runs forge in its own process group: on cancellation kill the whole group, and stop waiting
	// for the output pipes shortly after, so a stuck child can never hang the caller.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("devnet: deploy script failed: %w\n%s", err, logs.String())
	}
	return deployments.Load(out)
}

// lockFile takes an exclusive advisory lock on path (shared by every process on the machine), waiting until
// it is free or ctx ends. The returned function releases it.
func lockFile(ctx context.Context, path string) (func(), error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("devnet: %w", err)
	}
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return func() { _ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN); f.Close() }, nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			f.Close()
			return nil, fmt.Errorf("devnet: lock %s: %w", path, err)
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}
