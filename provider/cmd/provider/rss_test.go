package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/devnet/devnettest"
)

// restingServe is a `provider serve` process started from a freshly built binary against a real anvil
// (contracts deployed) and a stand-in upstream, answering /healthz, with nothing in flight.
type restingServe struct {
	cmd *exec.Cmd
	url string
	log *bytes.Buffer
}

// startServe builds the provider binary, starts `provider serve` logging at logLevel and waits until
// /healthz answers and the process has settled. Everything is stopped by tb's cleanups.
func startServe(tb testing.TB, logLevel string) *restingServe {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	tb.Cleanup(cancel)
	dir := tb.TempDir()

	goBin, err := exec.LookPath("go")
	if err != nil {
		goBin = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	bin := filepath.Join(dir, "provider")
	if out, err := exec.CommandContext(ctx, goBin, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		tb.Fatalf("go build: %v\n%s", err, out)
	}

	c := devnettest.StartReleased(tb, devnet.DeployOptions{})
	depFile := c.DeploymentFile()

	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "not used at rest", http.StatusServiceUnavailable)
	}))
	tb.Cleanup(up.Close)

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	addr := ln.Addr().String()
	_ = ln.Close()

	owner := crypto.PubkeyToAddress(devnet.DevKey(1).PublicKey)
	s := &restingServe{url: "http://" + addr, log: &bytes.Buffer{}}
	s.cmd = exec.Command(bin, "serve", "--rpc", c.Anvil.URL, "--deployment", depFile,
		"--keys-dir", filepath.Join(dir, "keys"), "--owner", owner.Hex(),
		"--signer-raw-key", devnet.DevKeys[2], "--upstream", up.URL+"/v1",
		"--model", "llama-3.1-8b:q4=llama3.1:8b@4", "--listen", addr, "--log-level", logLevel)
	s.cmd.Stdout, s.cmd.Stderr = s.log, s.log
	s.cmd.Env = os.Environ()
	if err := s.cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		_ = s.cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { _ = s.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = s.cmd.Process.Kill()
			<-done
		}
	})

	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(s.url + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Now().After(deadline) {
			tb.Fatalf("provider serve did not answer /healthz within 30 s: %v\n%s", err, s.log.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(time.Second) // at rest: start-up done, nothing in flight
	return s
}

// status reads a kB field (VmRSS, VmHWM, …) of /proc/<pid>/status.
func (s *restingServe) status(field string) (int, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), field+":"); ok {
			return strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
		}
	}
	return 0, fmt.Errorf("no %s in /proc/%d/status", field, s.cmd.Process.Pid)
}

// TestServeRSS checks that the resident memory of `provider serve` at rest can be measured, and logs it.
// The number itself is a benchmark's business (BenchmarkServeRSS, issue 5's ≤ 20 MB target).
func TestServeRSS(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("resident memory is read from /proc (linux only)")
	}
	s := startServe(t, "warn")
	rss, err := s.status("VmRSS")
	if err != nil || rss <= 0 {
		t.Fatalf("VmRSS of provider serve: %d kB, %v", rss, err)
	}
	hwm, _ := s.status("VmHWM")
	anon, _ := s.status("RssAnon")
	file, _ := s.status("RssFile")
	t.Logf("provider serve at rest: VmRSS %.1f MB (anonymous %.1f MB, file-backed %.1f MB; peak %.1f MB)",
		float64(rss)/1024, float64(anon)/1024, float64(file)/1024, float64(hwm)/1024)
}

// BenchmarkServeRSS reports the resident memory of `provider serve` at rest (MB-rss) and its peak
// during start-up (MB-hwm). Each iteration reads /proc again; the largest reading is reported.
func BenchmarkServeRSS(b *testing.B) {
	if runtime.GOOS != "linux" {
		b.Skip("resident memory is read from /proc (linux only)")
	}
	s := startServe(b, "warn")
	var rss, hwm int
	for b.Loop() {
		v, err := s.status("VmRSS")
		if err != nil {
			b.Fatal(err)
		}
		rss = max(rss, v)
	}
	hwm, _ = s.status("VmHWM")
	b.ReportMetric(float64(rss)/1024, "MB-rss")
	b.ReportMetric(float64(hwm)/1024, "MB-hwm")
}
