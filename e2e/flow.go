package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/laketravis/laketravis/internal/segtest"
	"github.com/laketravis/laketravis/protocol/sse"
	"github.com/laketravis/laketravis/protocol/wire"
)

// ChatResult is one chat completion through the gateway.
type ChatResult struct {
	Session common.Hash // the gateway's X-LT-Session header
	Text    string
}

// chatWhole sends the non-streaming req on a connection of its own and checks that the gateway's answer
// came as a bare Go proxy sends it: with Content-Length, in one write (segtest), so a regression that
// adds a write per answer on the gateway path (issue 15's overhead) fails every test that chats whole.
func (s *Stack) chatWhole(ctx context.Context, req *http.Request) (*ChatResult, error) {
	a, err := segtest.Send(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("e2e: chat: %w", err)
	}
	if a.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("e2e: chat: HTTP %d: %s", a.StatusCode, a.Bytes)
	}
	if err := segtest.CheckWhole(a); err != nil {
		return nil, fmt.Errorf("e2e: chat: the gateway's whole answer: %w", err)
	}
	var c struct {
		Choices []struct {
			Message struct{ Content string } `json:"message"`
		} `json:"choices"`
	}
	if err := json.Unmarshal(a.Bytes, &c); err != nil || len(c.Choices) == 0 {
		return nil, fmt.Errorf("e2e: chat: undecodable answer (%v)", err)
	}
	return &ChatResult{Session: common.HexToHash(a.Header.Get("X-LT-Session")), Text: c.Choices[0].Message.Content}, nil
}

// Chat sends one OpenAI-style POST /v1/chat/completions to the user's gateway, streamed or not, and
// returns the answer's text and the market session that carried it.
func (s *Stack) Chat(ctx context.Context, prompt string, stream bool) (*ChatResult, error) {
	body, _ := json.Marshal(map[string]any{
		"model":    s.Opts.Model,
		"stream":   stream,
		"messages": []map[string]string{{"role": "user", "content": prompt}},
	})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.GatewayURL+"/v1/chat/completions", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	if !stream {
		return s.chatWhole(ctx, req)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("e2e: chat: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(resp.Body)
		return nil, fmt.Errorf("e2e: chat: HTTP %d: %s", resp.StatusCode, b)
	}
	res := &ChatResult{Session: common.HexToHash(resp.Header.Get("X-LT-Session"))}
	var text strings.Builder
	done := false
	rd := sse.NewReader(resp.Body)
	for {
		ev, err := rd.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("e2e: chat stream: %w", err)
		}
		if ev.Done() {
			done = true
			break
		}
		var chunk struct {
			Choices []struct {
				Delta struct{ Content string } `json:"delta"`
			} `json:"choices"`
		}
		if json.Unmarshal(ev.Data, &chunk) == nil && len(chunk.Choices) > 0 {
			text.WriteString(chunk.Choices[0].Delta.Content)
		}
	}
	if !done {
		return nil, errors.New("e2e: chat stream ended without [DONE]")
	}
	res.Text = text.String()
	return res, nil
}

// RouterSession fetches the (first) router's record of a session.
func (s *Stack) RouterSession(ctx context.Context, id common.Hash) (*wire.SessionRecord, error) {
	return s.RouterSessionAt(ctx, s.RouterURL, id)
}

// RouterSessionAt fetches the record of a session at the router at base.
func (s *Stack) RouterSessionAt(ctx context.Context, base string, id common.Hash) (*wire.SessionRecord, error) {
	var rec wire.SessionRecord
	if err := getJSON(ctx, base+"/v1/sessions/"+id.Hex(), &rec); err != nil {
		return nil, err
	}
	return &rec, nil
}

// WaitClosed waits until the (first) router records session id closed (and, unless held, in the
// settlement feed).
func (s *Stack) WaitClosed(ctx context.Context, id common.Hash, limit time.Duration) (*wire.SessionRecord, error) {
	return s.WaitClosedAt(ctx, s.RouterURL, id, limit)
}

// WaitClosedAt is WaitClosed at the router at base.
func (s *Stack) WaitClosedAt(ctx context.Context, base string, id common.Hash, limit time.Duration) (*wire.SessionRecord, error) {
	var last *wire.SessionRecord
	var lastErr error
	err := poll(ctx, limit, 200*time.Millisecond, func() (bool, error) {
		rec, err := s.RouterSessionAt(ctx, base, id)
		if err != nil {
			lastErr = err
			return false, nil
		}
		last, lastErr = rec, nil
		return rec.CloseReason != "" && (rec.Cursor != "" || rec.Held), nil
	})
	if err != nil {
		return last, fmt.Errorf("e2e: session %s not closed at the router %s: %w (last lookup error: %v; last record %+v)", id, base, err, lastErr, last)
	}
	return last, nil
}

// RouterUsed is what the router holds of the user's allowance today (reservations + billed), MOR-wei.
func (s *Stack) RouterUsed(ctx context.Context) (*big.Int, error) {
	var raw map[string]json.RawMessage
	if err := getJSON(ctx, s.RouterURL+"/v1/allowance/"+s.User.Address.Hex(), &raw); err != nil {
		return nil, err
	}
	num := func(k string) *big.Int {
		v, ok := raw[k]
		if !ok {
			return nil
		}
		n, ok := new(big.Int).SetString(strings.Trim(string(v), `"`), 10)
		if !ok {
			return nil
		}
		return n
	}
	if used := num("used"); used != nil {
		return used, nil
	}
	used := new(big.Int)
	for _, k := range []string{"reserved", "spent"} {
		if v := num(k); v != nil {
			used.Add(used, v)
		}
	}
	return used, nil
}

// UserNonce is the user's transaction count on the chain now.
func (s *Stack) UserNonce(ctx context.Context) (uint64, error) {
	return s.Client.NonceAt(ctx, s.User.Address, nil)
}

// Credit splits a session's cost as the keeper must (PROTOCOL §8): provider and builder shares.
func (s *Stack) Credit(rec *wire.SessionRecord) (provider, builder *big.Int, err error) {
	p, b, err := wire.Credit(rec.BilledSeconds, &rec.Ticket.PricePerSecond, s.Opts.BuilderFeeBps)
	if err != nil {
		return nil, nil, err
	}
	return p.ToBig(), b.ToBig(), nil
}

// WaitCommitted waits until the ComputePool's totalCommitted reaches total (the keeper committed the
// epochs holding the sessions), mining an empty block now and then so that chain time follows the clock.
func (s *Stack) WaitCommitted(ctx context.Context, total *big.Int, limit time.Duration) error {
	var last *big.Int
	err := poll(ctx, limit, 500*time.Millisecond, func() (bool, error) {
		t, err := s.Pool.TotalCommitted(&bind.CallOpts{Context: ctx})
		if err != nil {
			return false, err
		}
		last = t
		return t.Cmp(total) >= 0, nil
	})
	if err != nil {
		return fmt.Errorf("e2e: totalCommitted %v never reached %v: %w", last, total, err)
	}
	return nil
}

// KeeperProof is the keeper's claim proof for an account (nil when it has none).
func (s *Stack) KeeperProof(ctx context.Context, account common.Address) (*wire.Proof, error) {
	var p wire.Proof
	err := getJSON(ctx, s.KeeperURL+"/v1/proofs/"+account.Hex(), &p)
	var he *httpError
	if errors.As(err, &he) && he.status == http.StatusNotFound {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &p, nil
}

// WaitClaimable waits out the dispute window: until the keeper serves a proof of at least want for
// account (its epoch is claimable on-chain). It mines a block every poll, since a view of an anvil chain
// sees the time of its latest block.
func (s *Stack) WaitClaimable(ctx context.Context, account common.Address, want *big.Int, limit time.Duration) (*wire.Proof, error) {
	var proof *wire.Proof
	err := poll(ctx, limit, time.Second, func() (bool, error) {
		if err := s.Anvil.IncreaseTime(ctx, 0); err != nil {
			return false, err
		}
		p, err := s.KeeperProof(ctx, account)
		if err != nil || p == nil {
			return false, nil
		}
		proof = p
		return p.CumulativeAmount.ToBig().Cmp(want) >= 0, nil
	})
	if err != nil {
		return proof, fmt.Errorf("e2e: no claimable proof of %v for %s: %w (last %+v)", want, account, err, proof)
	}
	return proof, nil
}

// ClaimProvider claims p's earnings with `provider claim --keeper` and the owner keystore.
func (s *Stack) ClaimProvider(ctx context.Context, p *Provider) error {
	_, err := s.provider(ctx, p.Name, "claim", "--keeper", s.KeeperURL, "--keys-dir", p.KeysDir,
		"--password-file", s.PasswordFile, "--json")
	return err
}

// ClaimBuilder claims the builder's fees with `provider claim --keeper` (any account may use it; a
// raw devnet key here).
func (s *Stack) ClaimBuilder(ctx context.Context) error {
	_, err := s.provider(ctx, "builder", "claim", "--keeper", s.KeeperURL, "--raw-key", s.Builder.PrivateKeyHex(), "--json")
	return err
}

// Epoch is one RootCommitted of the ComputePool with the gas of its transaction.
type Epoch struct {
	Epoch           uint64      `json:"epoch"`
	Root            common.Hash `json:"root"`
	CumulativeTotal string      `json:"cumulativeTotal"`
	Delta           string      `json:"delta"`
	Tx              common.Hash `json:"tx"`
	GasUsed         uint64      `json:"gasUsed"`
}

// Claim is one Claimed of the ComputePool with the gas of its transaction.
type Claim struct {
	Account common.Address `json:"account"`
	Amount  string         `json:"amount"`
	Tx      common.Hash    `json:"tx"`
	GasUsed uint64         `json:"gasUsed"`
	From    common.Address `json:"from"`
}

// Settlement reads every RootCommitted and Claimed of the ComputePool, with gas used.
func (s *Stack) Settlement(ctx context.Context) ([]Epoch, []Claim, error) {
	opts := &bind.FilterOpts{Start: 0, Context: ctx}
	var epochs []Epoch
	it, err := s.Pool.FilterRootCommitted(opts, nil, nil)
	if err != nil {
		return nil, nil, err
	}
	for it.Next() {
		e := it.Event
		r, err := s.Client.TransactionReceipt(ctx, e.Raw.TxHash)
		if err != nil {
			return nil, nil, err
		}
		epochs = append(epochs, Epoch{Epoch: e.Epoch.Uint64(), Root: e.Root, CumulativeTotal: e.CumulativeTotal.String(),
			Delta: e.Delta.String(), Tx: e.Raw.TxHash, GasUsed: r.GasUsed})
	}
	if err := it.Error(); err != nil {
		return nil, nil, err
	}
	var claims []Claim
	ci, err := s.Pool.FilterClaimed(opts, nil, nil)
	if err != nil {
		return nil, nil, err
	}
	for ci.Next() {
		e := ci.Event
		r, err := s.Client.TransactionReceipt(ctx, e.Raw.TxHash)
		if err != nil {
			return nil, nil, err
		}
		tx, _, err := s.Client.TransactionByHash(ctx, e.Raw.TxHash)
		if err != nil {
			return nil, nil, err
		}
		from, _ := senderOf(tx, s.Deployment.ChainID)
		claims = append(claims, Claim{Account: e.Account, Amount: e.Amount.String(), Tx: e.Raw.TxHash, GasUsed: r.GasUsed, From: from})
	}
	return epochs, claims, ci.Error()
}

type httpError struct {
	status int
	body   string
}

func (e *httpError) Error() string { return fmt.Sprintf("HTTP %d: %s", e.status, e.body) }

func getJSON(ctx context.Context, url string, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %w", url, &httpError{resp.StatusCode, string(b)})
	}
	return json.Unmarshal(b, out)
}

// poll calls f every period until it returns true or an error, or limit passes. When it gives up, its
// error says which deadline ended and after how long: its own limit, or the caller's context (a test's
// budget spent before the wait began, e.g. on a stack start that waited for the deploy lock), which
// context.DeadlineExceeded alone does not tell apart.
func poll(ctx context.Context, limit, period time.Duration, f func() (bool, error)) error {
	start := time.Now()
	pctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	for {
		ok, err := f()
		if err != nil {
			return err
		}
		if ok {
			return nil
		}
		select {
		case <-pctx.Done():
			waited := time.Since(start).Round(time.Millisecond)
			if ctx.Err() != nil {
				return fmt.Errorf("the caller's context ended after %s of this wait's %s limit: %w", waited, limit, context.Cause(ctx))
			}
			return fmt.Errorf("not within this wait's %s limit (waited %s): %w", limit, waited, pctx.Err())
		case <-time.After(period):
		}
	}
}

func senderOf(tx *types.Transaction, chainID uint64) (common.Address, error) {
	return types.Sender(types.LatestSignerForChainID(new(big.Int).SetUint64(chainID)), tx)
}
