// Package cleftest runs clef, go-ethereum's external signer, for tests: one account in a fresh keystore,
// clef's HTTP API on a loopback port, and on clef's stdio (--stdio-ui) a UI that approves every request
// (or refuses them, after Deny), gives the keystore password and records each request, so a test can
// assert that a signature went through clef. The binary is built by `make setup` (scripts/clef.sh) into .tools/clef-<ClefVersion>/.
package cleftest

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/laketravis/laketravis/keys"
)

// ClefVersion is the go-ethereum release clef is built from (tools/clef/go.mod pins it): the last one
// that ships cmd/clef.
const ClefVersion = "v1.17.0"

// Binary finds the clef executable: $LT_CLEF_BIN, else .tools/clef-<ClefVersion>/clef in the module root
// above the working directory (what `make setup` builds).
func Binary() (string, error) {
	if b := os.Getenv("LT_CLEF_BIN"); b != "" {
		return b, nil
	}
	dir, err := os.Getwd()
	for ; err == nil; dir = filepath.Dir(dir) {
		if _, serr := os.Stat(filepath.Join(dir, "go.mod")); serr == nil {
			if _, serr := os.Stat(filepath.Join(dir, "tools", "clef")); serr == nil {
				b := filepath.Join(dir, ".tools", "clef-"+ClefVersion, "clef")
				if _, serr := os.Stat(b); serr == nil {
					return b, nil
				}
				break
			}
		}
		if filepath.Dir(dir) == dir {
			break
		}
	}
	return "", errors.New("cleftest: no clef binary: run `make setup` (scripts/clef.sh builds .tools/clef-" + ClefVersion + "/clef) or set LT_CLEF_BIN")
}

// Approval is one request the UI approved: the UI method (ui_approveTx, ui_approveSignData,
// ui_approveListing) and its parameter as clef sent it.
type Approval struct {
	Method string
	Params json.RawMessage
}

// Clef is a running clef.
type Clef struct {
	URL     string         // clef's external API (HTTP)
	Account common.Address // the one account in its keystore

	mu        sync.Mutex
	approvals []Approval
	deny      bool         // refuse transactions and signatures, as a user clicking "reject" does
	log       bytes.Buffer // clef's stderr
}

// Start starts clef for chainID holding key (in a keystore with a password only the UI knows) and
// stops it when t ends.
func Start(t testing.TB, key *ecdsa.PrivateKey, chainID uint64) *Clef {
	t.Helper()
	bin, err := Binary()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	const password = "clef-test-password"
	if _, err := keys.Store(filepath.Join(dir, "keystore"), key, password, keys.Light); err != nil {
		t.Fatal(err)
	}
	c := &Clef{Account: crypto.PubkeyToAddress(key.PublicKey)}
	cmd := exec.Command(bin, "--stdio-ui", "--suppress-bootwarn", "--nousb", "--lightkdf", "--ipcdisable",
		"--keystore", filepath.Join(dir, "keystore"), "--configdir", filepath.Join(dir, "clef"),
		"--chainid", strconv.FormatUint(chainID, 10),
		"--http", "--http.addr", "127.0.0.1", "--http.port", "0",
		"--auditlog", filepath.Join(dir, "audit.log"), "--4bytedb-custom", filepath.Join(dir, "4byte.json"),
		"--loglevel", "3")
	cmd.Stderr = lockedWriter{&c.mu, &c.log}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("cleftest: start %s: %v", bin, err)
	}
	started := make(chan string, 1)
	srv := rpc.NewServer()
	if err := srv.RegisterName("ui", &ui{c: c, password: password, started: started}); err != nil {
		t.Fatal(err)
	}
	go srv.ServeCodec(rpc.NewCodec(stdioConn{stdout, stdin}), 0)
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		srv.Stop()
		if t.Failed() {
			t.Logf("clef's log:\n%s", c.Log())
		}
	})
	select {
	case c.URL = <-started:
	case <-time.After(60 * time.Second):
		t.Fatalf("cleftest: clef did not start in 60 s; its log:\n%s", c.Log())
	}
	return c
}

// Approvals returns the approvals of UI method (e.g. "ui_approveSignData"), oldest first.
func (c *Clef) Approvals(method string) []Approval {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []Approval
	for _, a := range c.approvals {
		if a.Method == method {
			out = append(out, a)
		}
	}
	return out
}

// Calls returns, for each transaction approved so far, what clef told its user the call does (its
// call_info messages joined, e.g. `…invokes the following method: "claim(address: …`), oldest first.
func (c *Clef) Calls() []string {
	var out []string
	for _, a := range c.Approvals("ui_approveTx") {
		var req struct {
			CallInfo []struct{ Message string } `json:"call_info"`
		}
		_ = json.Unmarshal(a.Params, &req) // clef's own request: a malformed one leaves the entry empty
		msg := ""
		for _, ci := range req.CallInfo {
			msg += ci.Message
		}
		out = append(out, msg)
	}
	return out
}

// Deny makes the UI refuse (deny true) or approve again (false) every transaction and signature
// request. A refused request is recorded as "denied " + the UI method, e.g. "denied ui_approveTx".
func (c *Clef) Deny(deny bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.deny = deny
}

// Log returns what clef wrote on stderr so far.
func (c *Clef) Log() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.log.String()
}

// record records a request of UI method and says whether to approve it (Deny refuses transactions and
// signatures).
func (c *Clef) record(method string, params json.RawMessage) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	ok := !c.deny || method == "ui_approveListing"
	if !ok {
		method = "denied " + method
	}
	c.approvals = append(c.approvals, Approval{Method: method, Params: append(json.RawMessage(nil), params...)})
	return ok
}

// ui is clef's UI API (the "ui" namespace clef calls over its stdio): it approves everything.
type ui struct {
	c        *Clef
	password string
	started  chan string
	once     sync.Once
}

// ApproveTx approves the transaction unchanged (unless Deny).
func (u *ui) ApproveTx(_ context.Context, req json.RawMessage) (map[string]any, error) {
	var r struct {
		Transaction json.RawMessage `json:"transaction"`
	}
	if err := json.Unmarshal(req, &r); err != nil {
		return nil, err
	}
	ok := u.c.record("ui_approveTx", req)
	return map[string]any{"transaction": r.Transaction, "approved": ok}, nil
}

// ApproveSignData approves the data (unless Deny).
func (u *ui) ApproveSignData(_ context.Context, req json.RawMessage) (map[string]any, error) {
	return map[string]any{"approved": u.c.record("ui_approveSignData", req)}, nil
}

// ApproveListing approves listing every account.
func (u *ui) ApproveListing(_ context.Context, req json.RawMessage) (map[string]any, error) {
	var r struct {
		Accounts json.RawMessage `json:"accounts"`
	}
	if err := json.Unmarshal(req, &r); err != nil {
		return nil, err
	}
	u.c.record("ui_approveListing", req)
	return map[string]any{"accounts": r.Accounts}, nil
}

// ApproveNewAccount refuses: tests bring their account.
func (u *ui) ApproveNewAccount(context.Context, json.RawMessage) (map[string]any, error) {
	return map[string]any{"approved": false}, nil
}

// OnInputRequired answers the keystore password.
func (u *ui) OnInputRequired(context.Context, json.RawMessage) (map[string]any, error) {
	return map[string]any{"text": u.password}, nil
}

// OnSignerStartup reports clef's HTTP endpoint.
func (u *ui) OnSignerStartup(_ context.Context, info struct {
	Info map[string]any `json:"info"`
}) {
	if url, ok := info.Info["extapi_http"].(string); ok && url != "n/a" {
		u.once.Do(func() { u.started <- url })
	}
}

// ShowError, ShowInfo and OnApprovedTx are notifications.
func (u *ui) ShowError(json.RawMessage)    {}
func (u *ui) ShowInfo(json.RawMessage)     {}
func (u *ui) OnApprovedTx(json.RawMessage) {}

type stdioConn struct {
	io.Reader
	io.WriteCloser
}

func (s stdioConn) Close() error { return s.WriteCloser.Close() }

func (stdioConn) SetWriteDeadline(time.Time) error { return nil }

type lockedWriter struct {
	mu *sync.Mutex
	b  *bytes.Buffer
}

func (w lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

// StartSigner starts clef for chainID with a fresh key and returns it with a keys.Clef signing as its
// account (closed when t ends): what a role given `--external-signer` holds.
func StartSigner(t testing.TB, chainID uint64) (*Clef, *keys.Clef) {
	t.Helper()
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	c := Start(t, key, chainID)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	s, err := keys.DialClef(ctx, c.URL, c.Account.Hex(), chainID)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return c, s
}
