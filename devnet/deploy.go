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
	"strings"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/laketravis/laketravis/deployments"
)

// BroadcastTimeout bounds the on-chain part of a deploy: from forge's "Script ran successfully." (the
// script's local run, with any compilation, is over) until the deploy script exits. That part (11
// transactions onto an automining anvil) took 0.04–4.3 s, median 0.6 s, in 205 deploys at load 3–10 on
// 2 cores; 30 s is seven times the slowest, and a retry on a fresh anvil still fits in the two minutes
// the test harnesses give a chain start. forge's own --timeout does not bound it: forge keeps waiting for a receipt as long
// as the node still knows the transaction, which is how it hangs when anvil's auto-miner leaves a
// transaction of forge's concurrent batch in its pool (foundry issues 7844, 10122, 10630). scripts/deploy.sh
// sends with --slow (one transaction at a time) so that no batch is left; this bound stays as the backstop.
const BroadcastTimeout = 30 * time.Second

// ErrDeployHung is returned by Deploy when forge did not finish its broadcast within BroadcastTimeout and
// was killed. The chain may hold part of the deployment (contracts, spent nonces, transactions left in its
// pool): deploy again on a fresh chain, as StartMarket does.
var ErrDeployHung = errors.New("devnet: deploy hung")

// Tests replace these: the script Deploy runs (relative to the repository root, or absolute) and the
// broadcast's bound.
var (
	deployScript     = filepath.Join("scripts", "deploy.sh")
	broadcastTimeout = BroadcastTimeout
)

// simulated is what forge prints once the script's local run is over, before it talks to the chain.
const simulated = "Script ran successfully."

var errBroadcastStalled = errors.New("broadcast stalled")

// DeployOptions configure Deploy. Zero values take the parameter file's values.
type DeployOptions struct {
	PayoutStart uint64 // unix seconds; 0 = the parameter file (0 there = deploy time)
	Interval    uint64 // seconds per protocol day
	// DisputeWindow and UnbondingPeriod override the parameter file's market settings (seconds).
	DisputeWindow   uint64
	UnbondingPeriod uint64
	// WithdrawalWindow is the ComputePool's withdrawal window (seconds at each day's start during which
	// withdraw pays); 0 = the parameter file's (0 there: the shortest the pool accepts, a 24th of the interval).
	WithdrawalWindow uint64
	// WithdrawalDelay is the ComputePool's withdrawal delay (seconds); 0 = the parameter file's (0 there: the
	// shortest the pool accepts, settlementLag + withdrawalWindow + disputeWindow + 1, plus half the lag, the
	// close window, four feed graces and a commit's slack, which the keepers' start-up check needs: the deploy script's default).
	WithdrawalDelay uint64
	// OutFile is where the deployment file goes (under <repo>/deployments). Empty: a private file that
	// Deploy removes after reading, so parallel tests do not share one.
	OutFile string
	// Setup, if set, is run by StartPlayground on its set-up day, after the playground's own set-up and
	// before the clock moves to the wall clock: what it registers (a provider's signer) is in force for
	// sessions dated days back.
	Setup func(ctx context.Context, m *Market) error
}

// Deploy runs scripts/deploy.sh against rpcURL with anvil's first development key and returns the
// deployment it wrote. A broadcast that does not finish within BroadcastTimeout is killed and reported
// as ErrDeployHung; the caller owns the chain, so Deploy does not retry (StartMarket does, on a new one).
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
		"DEPLOYER_KEY=0x"+DevKeys[0],
		"DEPLOYMENTS_FILE="+out,
		"DEVNET=1", // always a local anvil, whatever chain id it was started with
	)
	for _, o := range []struct {
		name  string
		value uint64
	}{
		{"PAYOUT_START", opts.PayoutStart}, {"INTERVAL", opts.Interval}, {"DISPUTE_WINDOW", opts.DisputeWindow},
		{"UNBONDING_PERIOD", opts.UnbondingPeriod}, {"WITHDRAWAL_WINDOW", opts.WithdrawalWindow},
		{"WITHDRAWAL_DELAY", opts.WithdrawalDelay},
	} {
		if o.value != 0 {
			env = append(env, o.name+"="+strconv.FormatUint(o.value, 10))
		}
	}
	if _, err := runDeployScript(ctx, root, rpcURL, env); err != nil {
		return nil, err
	}
	return deployments.Load(out)
}

// runDeployScript runs the deploy script against rpcURL with env and returns its output (also on failure).
// Deploys on the machine take turns (lockFile): forge rewrites its compilation cache on every run, and a
// concurrent forge reading it half-written recompiles everything into out/ under the others' feet. Once
// forge has printed simulated, the rest must end within broadcastTimeout, or the script's process group is
// killed and the error wraps ErrDeployHung. The lock is released on every return.
func runDeployScript(ctx context.Context, root, rpcURL string, env []string) (string, error) {
	unlock, err := lockFile(ctx, filepath.Join(root, "deployments", ".deploy.lock"), "deploying onto "+rpcURL)
	if err != nil {
		return "", err
	}
	defer unlock()
	script := deployScript
	if !filepath.IsAbs(script) {
		script = filepath.Join(root, script)
	}
	actx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	out := &scriptLog{marker: simulated, reached: make(chan struct{})}
	cmd := exec.CommandContext(actx, script)
	cmd.Env = append(env[:len(env):len(env)], "RPC_URL="+rpcURL)
	cmd.Stdout, cmd.Stderr = out, out
	// The script runs forge in its own process group: on cancellation kill the whole group, and stop waiting
	// for the output pipes shortly after, so a stuck child can never hang the caller.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		if err := syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL); !errors.Is(err, syscall.ESRCH) {
			return err
		}
		return os.ErrProcessDone
	}
	cmd.WaitDelay = 5 * time.Second
	started := time.Now()
	if err := cmd.Start(); err != nil {
		return "", fmt.Errorf("devnet: start the deploy script: %w", err)
	}
	bound, exited, watched := broadcastTimeout, make(chan struct{}), make(chan struct{})
	go func() {
		defer close(watched)
		select {
		case <-out.reached:
		case <-exited:
			return
		}
		timer := time.NewTimer(bound)
		defer timer.Stop()
		select {
		case <-timer.C:
			cancel(errBroadcastStalled)
		case <-exited:
		}
	}()
	err = cmd.Wait()
	close(exited)
	<-watched
	logs := out.String()
	switch {
	case err == nil:
		return logs, nil
	case errors.Is(context.Cause(actx), errBroadcastStalled):
		return logs, fmt.Errorf("%w: forge script did not finish within %s of its simulation (broadcasting to %s); "+
			"killed it; %s; last output:\n%s", ErrDeployHung, bound, rpcURL, poolStatus(ctx, rpcURL), Tail(logs, 12))
	case ctx.Err() != nil:
		return logs, fmt.Errorf("devnet: deploy script stopped after %s with its caller (%w); last output:\n%s",
			time.Since(started).Round(time.Millisecond), ctx.Err(), Tail(logs, 12))
	default:
		return logs, fmt.Errorf("devnet: deploy script failed: %w\n%s", err, logs)
	}
}

// scriptLog collects a script's output and closes reached once marker has appeared in it. Each write is
// scanned with the marker's length less one bytes before it (a marker split across writes), never the
// whole output again.
type scriptLog struct {
	lockedBuffer
	marker  string
	reached chan struct{}
	found   bool
	carry   []byte // the output's last len(marker)-1 bytes, until found
}

func (l *scriptLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	n, err := l.b.Write(p)
	if !l.found {
		l.carry = append(l.carry, p[:n]...)
		if bytes.Contains(l.carry, []byte(l.marker)) {
			l.found, l.carry = true, nil
			close(l.reached)
		} else if k := len(l.marker) - 1; len(l.carry) > k {
			l.carry = append(l.carry[:0], l.carry[len(l.carry)-k:]...)
		}
	}
	return n, err
}

// Tail is the last n lines of s: what an error quotes of a process's output.
func Tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// poolStatus says how many transactions anvil at url holds unmined, which tells a stranded transaction
// (forge waits for its receipt forever) from a forge stuck elsewhere.
func poolStatus(ctx context.Context, url string) string {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	c, err := rpc.DialContext(ctx, url)
	if err != nil {
		return fmt.Sprintf("anvil's pool unknown (%v)", err)
	}
	defer c.Close()
	var st struct{ Pending, Queued hexutil.Uint64 }
	if err := c.CallContext(ctx, &st, "txpool_status"); err != nil {
		return fmt.Sprintf("anvil's pool unknown (txpool_status: %v)", err)
	}
	s := fmt.Sprintf("anvil's pool holds %d pending and %d queued transactions", st.Pending, st.Queued)
	if st.Pending+st.Queued > 0 {
		s += " that forge waits for (anvil's auto-miner left them: foundry issues 10122, 10630)"
	}
	return s
}

// lockFile takes an exclusive advisory lock on path (shared by every process on the machine), waiting until
// it is free or ctx ends, and writes into the file who holds it (pid, since when, what), so that a waiter
// whose ctx ends says whom it waited for. The returned function releases it.
func lockFile(ctx context.Context, path, what string) (func(), error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("devnet: %w", err)
	}
	fd := int(f.Fd())
	start := time.Now()
	for {
		err := syscall.Flock(fd, syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			note := fmt.Sprintf("pid=%d since=%s %s\n", os.Getpid(), time.Now().UTC().Format(time.RFC3339Nano), what)
			if err := f.Truncate(0); err == nil {
				_, _ = f.WriteAt([]byte(note), 0)
			}
			return func() { _ = f.Truncate(0); _ = syscall.Flock(fd, syscall.LOCK_UN); f.Close() }, nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			f.Close()
			return nil, fmt.Errorf("devnet: lock %s: %w", path, err)
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, fmt.Errorf("devnet: waited %s for the lock %s, %s: %w",
				time.Since(start).Round(time.Millisecond), path, lockHolder(path), ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// lockHolder describes the holder of the lock on path from what lockFile wrote into it.
func lockHolder(path string) string {
	raw, _ := os.ReadFile(path)
	f := strings.Fields(string(raw))
	if len(f) < 2 || !strings.HasPrefix(f[0], "pid=") || !strings.HasPrefix(f[1], "since=") {
		return "whose holder wrote nothing into it"
	}
	since, err := time.Parse(time.RFC3339Nano, strings.TrimPrefix(f[1], "since="))
	if err != nil {
		return "whose holder wrote " + strconv.Quote(strings.TrimSpace(string(raw)))
	}
	return fmt.Sprintf("held by pid %s for %s (since %s): %s", strings.TrimPrefix(f[0], "pid="),
		time.Since(since).Round(time.Millisecond), since.Format(time.TimeOnly+" MST"), strings.Join(f[2:], " "))
}
