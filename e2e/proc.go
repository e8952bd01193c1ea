package e2e

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/laketravis/laketravis/devnet"
)

// stopGrace is how long a process may take to exit after SIGTERM before it gets SIGKILL.
const stopGrace = 10 * time.Second

// Proc is a running child process of the stack, in a process group of its own, its output in LogPath.
type Proc struct {
	Name    string
	LogPath string
	cmd     *exec.Cmd
	done    chan struct{}
	once    sync.Once
	err     error // exit status, valid once done is closed
}

// startProc runs bin with args in its own process group, stdout and stderr appended to <logDir>/<name>.log,
// env (KEY=value) added to this process's environment.
func startProc(logDir, name, bin string, env []string, args ...string) (*Proc, error) {
	logPath := filepath.Join(logDir, name+".log")
	f, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(f, "$ %s %s\n", filepath.Base(bin), strings.Join(args, " "))
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = f, f
	if len(env) > 0 {
		fmt.Fprintf(f, "(environment: %s)\n", strings.Join(env, " "))
		cmd.Env = append(os.Environ(), env...)
	}
	// Pdeathsig: if this process dies without running Close (SIGKILL, a panic), the child dies too.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		f.Close()
		return nil, fmt.Errorf("e2e: start %s: %w", name, err)
	}
	p := &Proc{Name: name, LogPath: logPath, cmd: cmd, done: make(chan struct{})}
	go func() {
		p.err = cmd.Wait()
		f.Close()
		close(p.done)
	}()
	return p, nil
}

// Pid is the process id (also its process group id).
func (p *Proc) Pid() int { return p.cmd.Process.Pid }

// Done is closed when the process has ended.
func (p *Proc) Done() <-chan struct{} { return p.done }

// ExitErr is the process's exit status as exec.Cmd.Wait returned it (nil: exit 0; an *exec.ExitError
// otherwise). Valid once Done is closed.
func (p *Proc) ExitErr() error {
	<-p.done
	return p.err
}

// Exited reports whether the process has ended.
func (p *Proc) Exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// Stop sends SIGTERM to the process group, waits up to stopGrace, then sends SIGKILL. Idempotent.
func (p *Proc) Stop() {
	p.once.Do(func() {
		_ = syscall.Kill(-p.Pid(), syscall.SIGTERM)
		select {
		case <-p.done:
		case <-time.After(stopGrace):
			_ = syscall.Kill(-p.Pid(), syscall.SIGKILL)
			<-p.done
		}
	})
}

// Kill sends SIGKILL to the process group at once (a crash, for the failover test) and waits for it.
func (p *Proc) Kill() {
	p.once.Do(func() {
		_ = syscall.Kill(-p.Pid(), syscall.SIGKILL)
		<-p.done
	})
}

// Log returns the process's log so far.
func (p *Proc) Log() string {
	b, _ := os.ReadFile(p.LogPath)
	return string(b)
}

// waitHealthy polls url until it answers 200, the process exits or ctx ends.
func waitHealthy(ctx context.Context, p *Proc, url string, limit time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case <-p.done:
			return fmt.Errorf("e2e: %s exited before %s answered (%v); log %s:\n%s", p.Name, url, p.err, p.LogPath, devnet.Tail(p.Log(), 40))
		case <-ctx.Done():
			return fmt.Errorf("e2e: %s: %s not healthy within %s: %w; log %s:\n%s", p.Name, url, limit, ctx.Err(), p.LogPath, devnet.Tail(p.Log(), 40))
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// runTool runs a command to completion (a CLI step), appending its output to <logDir>/<name>.log, and
// returns its standard output. A failure carries the command's output.
func runTool(ctx context.Context, logDir, name, bin string, args ...string) ([]byte, error) {
	f, err := os.OpenFile(filepath.Join(logDir, name+".log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fmt.Fprintf(f, "$ %s %s\n", filepath.Base(bin), strings.Join(args, " "))
	cmd := exec.CommandContext(ctx, bin, args...)
	var stdout strings.Builder
	var stderr strings.Builder
	cmd.Stdout = io.MultiWriter(&stdout, f)
	cmd.Stderr = io.MultiWriter(&stderr, f)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("e2e: %s %s: %w\n%s%s", filepath.Base(bin), strings.Join(args, " "), err, stdout.String(), stderr.String())
	}
	return []byte(stdout.String()), nil
}

// handedOut holds every port freeAddr returned in this process: a port is chosen some time before its
// process binds it (a provider's endpoint goes on-chain first), and the kernel may offer a released port
// again in between, so freeAddr never returns one twice.
var handedOut struct {
	sync.Mutex
	ports map[int]bool
}

// freeAddr returns a free loopback address, never the same twice in this process. Another program could
// still take it before the caller binds it; the caller's process then fails to listen and says so.
func freeAddr() (string, error) {
	handedOut.Lock()
	defer handedOut.Unlock()
	if handedOut.ports == nil {
		handedOut.ports = map[int]bool{}
	}
	for range 100 {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return "", err
		}
		port := l.Addr().(*net.TCPAddr).Port
		l.Close()
		if !handedOut.ports[port] {
			handedOut.ports[port] = true
			return fmt.Sprintf("127.0.0.1:%d", port), nil
		}
	}
	return "", errors.New("e2e: no fresh loopback port")
}

// buildCache holds the binaries built in this process: one `go build` per repository root.
var buildCache struct {
	sync.Mutex
	dirs map[string]string
}

// binaries are the commands Start runs, by name.
var binaries = []string{"router/cmd/router", "keeper/cmd/keeper", "provider/cmd/provider", "client/cmd/lt"}

// buildBinaries builds every command of binaries once into a temporary folder (kept for the life of the
// process: several stacks in one test binary share it) and returns the folder.
func buildBinaries(ctx context.Context, root string) (string, error) {
	buildCache.Lock()
	defer buildCache.Unlock()
	if d, ok := buildCache.dirs[root]; ok {
		return d, nil
	}
	dir, err := os.MkdirTemp("", "laketravis-bin-")
	if err != nil {
		return "", err
	}
	// The crashpoints tag lets the keeper arm LT_KEEPER_CRASH_AT (keeper/cmd/keeper): the crash tests need
	// it, and no release build has it.
	args := []string{"build", "-tags", "crashpoints", "-o", dir + string(os.PathSeparator)}
	for _, b := range binaries {
		args = append(args, "./"+b)
	}
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		return "", fmt.Errorf("e2e: go build: %w\n%s", err, out)
	}
	if buildCache.dirs == nil {
		buildCache.dirs = map[string]string{}
	}
	buildCache.dirs[root] = dir
	return dir, nil
}

var errStopped = errors.New("e2e: the stack is closed")

// RemoveBinaries deletes the binaries built by Start in this process (call it once at exit).
func RemoveBinaries() {
	buildCache.Lock()
	defer buildCache.Unlock()
	for root, d := range buildCache.dirs {
		os.RemoveAll(d)
		delete(buildCache.dirs, root)
	}
}
