package e2e

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/laketravis/laketravis/internal/h1"
)

// bareProxyEnv makes the test binary a bare reverse proxy (TestMain): the floor of a loopback HTTP hop
// in Go, against which BenchmarkGatewayOverhead's gateway and provider hops are read.
const bareProxyEnv = "LT_E2E_BARE_PROXY_TO"

// runBareProxy serves on a free loopback port, prints its URL on stdout and forwards every request to
// target + the request's path: the body read whole, sent with the provider's transport (internal/h1 over
// kept-alive connections), the answer read whole and written with its Content-Type and Content-Length.
// Nothing else: no authentication, metering, logging or body scan. It runs until stdin closes.
func runBareProxy(target string) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	hc := &http.Client{Transport: h1.Over(&http.Transport{MaxIdleConnsPerHost: 16, DisableCompression: true})}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		up, _ := http.NewRequestWithContext(r.Context(), r.Method, target+r.URL.Path, bytes.NewReader(body))
		up.Header = http.Header{"Content-Type": r.Header["Content-Type"]}
		resp, err := hc.Do(up)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		raw, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		w.Header()["Content-Type"] = resp.Header["Content-Type"]
		w.Header()["Content-Length"] = []string{strconv.Itoa(len(raw))}
		w.WriteHeader(resp.StatusCode)
		_, _ = w.Write(raw)
	}), ReadHeaderTimeout: time.Minute}
	go func() { _ = srv.Serve(ln) }()
	fmt.Println("http://" + ln.Addr().String())
	_, _ = io.Copy(io.Discard, os.Stdin)
	return 0
}

// startBareProxy runs this test binary as a bare proxy to target in a process of its own (as the gateway
// and the provider are) and returns its base URL.
func startBareProxy(tb testing.TB, target string) string {
	tb.Helper()
	exe, err := os.Executable()
	if err != nil {
		tb.Fatal(err)
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), bareProxyEnv+"="+target)
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		tb.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		tb.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		stdin.Close()
		_ = cmd.Wait()
	})
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		tb.Fatalf("bare proxy: %v", err)
	}
	return strings.TrimSpace(line)
}
