// Package devnet runs a local anvil chain and deploys the Lake Travis contracts onto it through the real
// deploy script, and Market acts on the deployment (fund, register, bid, commit, move days). Integration
// tests (through devnet/devnettest), `make devnet`, e2e and the demo use it; nothing in production imports
// it.
//
// Raw private keys appear here on purpose: they are anvil's well-known development accounts, valid only on
// a devnet (PROTOCOL §1).
package devnet

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/laketravis/laketravis/keys"
)

// DevKeys are anvil's first development accounts (mnemonic "test test … junk"). Devnet only.
var DevKeys = []string{
	"ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
	"59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
	"5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
	"7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
	"47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
	"8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
	"92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e",
	"4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356",
	"dbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97",
	"2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6",
}

// DevKey returns anvil development key i.
func DevKey(i int) *ecdsa.PrivateKey {
	k, err := crypto.HexToECDSA(DevKeys[i])
	if err != nil {
		panic(err) // constant input
	}
	return k
}

// RepoRoot finds the repository root (the folder holding go.mod) from the working directory upwards.
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("devnet: go.mod not found above the working directory")
		}
		dir = parent
	}
}

// Tool returns the path of a Foundry binary installed by `make setup` (anvil, forge, cast), or an error
// that says how to install it. It prefers the native binary of the platform package over the npm launcher,
// so that signals reach the tool itself and no node process sits in between.
func Tool(root, name string) (string, error) {
	native := filepath.Join(root, "node_modules", "@foundry-rs", name+"-"+runtime.GOOS+"-"+runtime.GOARCH, "bin", name)
	if _, err := os.Stat(native); err == nil {
		return native, nil
	}
	p := filepath.Join(root, "node_modules", ".bin", name)
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("devnet: %s not installed (%s missing): run `make setup`", name, p)
	}
	return p, nil
}

// Anvil is a running anvil process.
type Anvil struct {
	URL     string
	ChainID uint64
	cmd     *exec.Cmd
	states  string // anvil's --cache-path: the states it persists, removed when it exits
	done    chan struct{}
	once    sync.Once
	log     lockedBuffer // anvil's output, written by exec while StartAnvil reads it
}

// lockedBuffer is a bytes.Buffer safe for one writer and concurrent readers.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// AnvilOptions configure StartAnvil.
type AnvilOptions struct {
	ChainID   uint64        // default 31337
	BlockTime time.Duration // 0: a block per transaction (automine)
	// MixedMining, with BlockTime, keeps automine on as well (anvil --mixed-mining): a transaction still
	// mines at once, and an empty block every BlockTime keeps the chain clock moving while nothing is sent.
	MixedMining bool
	Port        int    // 0: a free port, chosen by anvil when it binds
	Timestamp   uint64 // genesis timestamp, 0: now
}

// StartAnvil starts anvil on loopback and waits until it answers JSON-RPC.
func StartAnvil(ctx context.Context, opts AnvilOptions) (*Anvil, error) {
	root, err := RepoRoot()
	if err != nil {
		return nil, err
	}
	bin, err := Tool(root, "anvil")
	if err != nil {
		return nil, err
	}
	if opts.ChainID == 0 {
		opts.ChainID = 31337
	}
	// Port 0 lets anvil bind a port the kernel picks, read back from its "Listening on" line: a port chosen
	// here and freed before anvil binds it could be taken meanwhile by another process (parallel test
	// binaries start many), and the readiness probe below would then find that process's chain.
	args := []string{"--host", "127.0.0.1", "--port", strconv.Itoa(opts.Port), "--chain-id", strconv.FormatUint(opts.ChainID, 10)}
	if opts.BlockTime > 0 {
		args = append(args, "--block-time", strconv.FormatFloat(opts.BlockTime.Seconds(), 'f', -1, 64))
		if opts.MixedMining {
			args = append(args, "--mixed-mining")
		}
	}
	if opts.Timestamp > 0 {
		args = append(args, "--timestamp", strconv.FormatUint(opts.Timestamp, 10))
	}
	// anvil writes the states it no longer holds in memory to disk, one JSON file per block, by default under
	// ~/.foundry/anvil/tmp, and leaves them there when it is killed: a long chain leaves gigabytes behind
	// every run. Each anvil gets a directory of its own, removed when it exits, however it exits.
	states, err := os.MkdirTemp("", "laketravis-anvil-states-")
	if err != nil {
		return nil, fmt.Errorf("devnet: %w", err)
	}
	args = append(args, "--cache-path", states)
	a := &Anvil{ChainID: opts.ChainID, states: states, done: make(chan struct{})}
	a.cmd = exec.Command(bin, args...)
	a.cmd.Stdout, a.cmd.Stderr = &a.log, &a.log
	a.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if err := a.cmd.Start(); err != nil {
		_ = os.RemoveAll(states)
		return nil, fmt.Errorf("devnet: start anvil: %w", err)
	}
	go func() { _ = a.cmd.Wait(); _ = os.RemoveAll(states); close(a.done) }()

	deadline := time.Now().Add(15 * time.Second)
	for {
		if a.URL == "" {
			a.URL = listening(a.log.String())
		}
		if a.URL != "" && answers(ctx, a.URL) {
			return a, nil
		}
		select {
		case <-a.done:
			return nil, fmt.Errorf("devnet: anvil exited: %s", strings.TrimSpace(a.log.String()))
		case <-ctx.Done():
			a.Close()
			return nil, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			a.Close()
			return nil, fmt.Errorf("devnet: anvil did not answer within 15s (listening on %q)", a.URL)
		}
	}
}

// answers says whether the JSON-RPC server at url answers eth_chainId.
func answers(ctx context.Context, url string) bool {
	c, err := rpc.DialContext(ctx, url)
	if err != nil {
		return false
	}
	defer c.Close()
	var id string
	cctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	return c.CallContext(cctx, &id, "eth_chainId") == nil
}

// listening returns the URL of the address in anvil's "Listening on 127.0.0.1:port" line, "" until it
// printed one.
func listening(log string) string {
	_, rest, ok := strings.Cut(log, "Listening on ")
	if !ok {
		return ""
	}
	addr, _, ok := strings.Cut(rest, "\n")
	if !ok {
		return "" // the line is not complete yet
	}
	return "http://" + strings.TrimSpace(addr)
}

// Close stops anvil and waits for it to exit. It is idempotent.
func (a *Anvil) Close() {
	a.once.Do(func() {
		_ = syscall.Kill(-a.cmd.Process.Pid, syscall.SIGTERM)
		select {
		case <-a.done:
		case <-time.After(5 * time.Second):
			_ = syscall.Kill(-a.cmd.Process.Pid, syscall.SIGKILL)
			<-a.done
		}
	})
}

// Client dials the chain.
func (a *Anvil) Client(ctx context.Context) (*ethclient.Client, error) {
	return ethclient.DialContext(ctx, a.URL)
}

// IncreaseTime moves the chain's clock forward by secs and mines a block with the new time.
func (a *Anvil) IncreaseTime(ctx context.Context, secs uint64) error {
	c, err := rpc.DialContext(ctx, a.URL)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := c.CallContext(ctx, nil, "evm_increaseTime", secs); err != nil {
		return fmt.Errorf("devnet: evm_increaseTime: %w", err)
	}
	if err := c.CallContext(ctx, nil, "evm_mine"); err != nil {
		return fmt.Errorf("devnet: evm_mine: %w", err)
	}
	return nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("devnet: find a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// Transactor returns transaction options signing with key on chainID; a transaction's gas limit is the
// node's estimate plus the margin every Lake Travis transaction carries (keys.WithGasMargin).
func Transactor(ctx context.Context, key *ecdsa.PrivateKey, chainID uint64) *bind.TransactOpts {
	opts, err := bind.NewKeyedTransactorWithChainID(key, new(big.Int).SetUint64(chainID))
	if err != nil {
		panic(err) // only fails for a nil chain id
	}
	opts.Context = ctx
	return keys.WithGasMargin(opts)
}

// Mined waits for tx (as returned with err by a binding call) with keys.Mine and fails unless it
// succeeded (a revert names its custom error). Usage: devnet.Mined(ctx, client)(contract.Method(opts, …)).
func Mined(ctx context.Context, b keys.MineBackend) func(*types.Transaction, error) (*types.Receipt, error) {
	return func(tx *types.Transaction, err error) (*types.Receipt, error) {
		if err != nil {
			return nil, err
		}
		return keys.Mine(ctx, b, tx)
	}
}
