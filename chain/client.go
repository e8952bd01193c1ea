// Package chain is the JSON-RPC client every Lake Travis service uses to reach the chain: several RPC URLs
// with failover, and a timeout on every call. It implements go-ethereum's bind.ContractBackend and
// bind.DeployBackend, so abigen bindings and transactors work on top of it unchanged.
//
// Failover rule: a call goes to the endpoint that answered last; when that endpoint fails transiently — at
// the transport level (connection refused, timeout, HTTP 5xx or 429) or with a node's transient error
// (JSON-RPC -32005 "limit exceeded", -32603 "internal error") — the same call is tried on the next one, in
// order. When every endpoint failed, the round is repeated after a short backoff (100 ms, doubling), up to
// Options.Rounds rounds: public RPC endpoints drop a share of calls, and one dropped read must not fail a
// keeper's whole settlement step. Any other answer from a node — "execution reverted", "not found" — is
// returned as it is: another node, or the same one later, would say the same — except a node behind, which
// answers "not found" for blocks the others have: a follower that meets one moves the client on
// (SkipEndpoint, chain/follow's ErrBehind). Sending a signed transaction twice is harmless (same hash), so
// SendTransaction is retried too, and treats "already known" as success.
//
// PoolAllowance is the one reading of ComputePool.allowance that the router and lt share: it turns the
// pool's DayNotStarted revert (a day's first second) into ErrDayJustStarted. SignerTopics and SignerEvent
// are the one reading of the Marketplace events that set a provider's signer key, which the router's book
// and head reads and the keeper's signer history share; RouterRoleTopics and RouterRoleEvent the same for
// its grants and revocations of ROUTER_ROLE.
package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
)

// DefaultCallTimeout bounds each RPC attempt when Options.CallTimeout is zero.
const DefaultCallTimeout = 10 * time.Second

// DefaultRounds is how many times a call goes through the endpoint list when Options.Rounds is zero.
const DefaultRounds = 3

// firstBackoff is the pause before the second round; it doubles for each later round (backoff).
const firstBackoff = 100 * time.Millisecond

// backoff is the pause before round (1 for the second round).
func backoff(round int) time.Duration { return firstBackoff << (round - 1) }

// ErrNoEndpoints is returned by Dial when no URL is given.
var ErrNoEndpoints = errors.New("chain: no RPC URL configured")

// Options configure Dial.
type Options struct {
	CallTimeout time.Duration // per attempt; DefaultCallTimeout if zero
	Rounds      int           // rounds over the endpoint list before a call fails; DefaultRounds if zero
}

// Client is a failover JSON-RPC client. It is safe for concurrent use.
type Client struct {
	urls    []string
	clients []*ethclient.Client
	rpcs    []*rpc.Client
	current atomic.Int32 // index of the endpoint calls go to first: the last to answer with a result (or the next after a skip)
	timeout time.Duration
	rounds  int
}

var (
	_ bind.ContractBackend         = (*Client)(nil)
	_ bind.DeployBackend           = (*Client)(nil)
	_ bind.PendingContractCaller   = (*Client)(nil)
	_ bind.BlockHashContractCaller = (*Client)(nil)
)

// Dial connects lazily to every URL (no request is made until the first call).
func Dial(ctx context.Context, urls []string, opts Options) (*Client, error) {
	if len(urls) == 0 {
		return nil, ErrNoEndpoints
	}
	c := &Client{urls: urls, timeout: opts.CallTimeout, rounds: opts.Rounds}
	if c.timeout <= 0 {
		c.timeout = DefaultCallTimeout
	}
	if c.rounds <= 0 {
		c.rounds = DefaultRounds
	}
	for _, u := range urls {
		r, err := rpc.DialOptions(ctx, u)
		if err != nil {
			c.Close()
			return nil, fmt.Errorf("chain: dial %s: %w", RedactURL(u), RedactErr(err, u))
		}
		c.rpcs = append(c.rpcs, r)
		c.clients = append(c.clients, ethclient.NewClient(r))
	}
	return c, nil
}

// CallBudget is the longest a call can take before it fails: every round tries every endpoint for up to
// the per-attempt timeout, with the backoffs between rounds. A caller bounding a whole call (the keeper's
// transaction manager) uses it so its bound does not cut the retries short.
func (c *Client) CallBudget() time.Duration {
	budget := time.Duration(c.rounds*len(c.urls)) * c.timeout
	for round := 1; round < c.rounds; round++ {
		budget += backoff(round)
	}
	return budget
}

// Close closes every connection.
func (c *Client) Close() {
	for _, r := range c.rpcs {
		r.Close()
	}
}

// URLs returns the configured endpoints with any credentials in them redacted, for logs.
func (c *Client) URLs() []string {
	out := make([]string, len(c.urls))
	for i, u := range c.urls {
		out[i] = RedactURL(u)
	}
	return out
}

// Endpoint is the index, among the URLs, of the endpoint calls go to first now.
func (c *Client) Endpoint() int { return int(c.current.Load()) }

// SkipEndpoint moves calls off endpoint i, to the next one, if i is still the endpoint calls go to first:
// for a caller that found i behind the blocks it read before (follow.ErrBehind after a failover to a lagging
// node, which answers "not found" for them and is otherwise kept for as long as it answers; i from
// HeaderByNumberAt, the endpoint that gave that answer). Callers sharing the client that find the same do
// not move it twice; a no-op with one URL. The next endpoint may be down: the next call then fails over
// from it as from any failing endpoint, after its timeout.
func (c *Client) SkipEndpoint(i int) {
	if n := len(c.clients); n > 1 {
		c.current.CompareAndSwap(int32(i), int32((i+1)%n))
	}
}

// do runs f against the current endpoint, failing over and retrying in rounds on transient errors.
func do[T any](ctx context.Context, c *Client, f func(context.Context, *ethclient.Client) (T, error)) (T, error) {
	v, _, err := doAt(ctx, c, f)
	return v, err
}

// doAt is do, also returning the index of the endpoint whose answer it returns (-1: none answered).
func doAt[T any](ctx context.Context, c *Client, f func(context.Context, *ethclient.Client) (T, error)) (T, int, error) {
	var zero T
	var errs []error
	for round := range c.rounds {
		if round > 0 {
			select {
			case <-ctx.Done():
				return zero, -1, ctx.Err()
			case <-time.After(backoff(round)):
			}
		}
		start := int(c.current.Load())
		for i := range c.clients {
			idx := (start + i) % len(c.clients)
			actx, cancel := context.WithTimeout(ctx, c.timeout)
			v, err := f(actx, c.clients[idx])
			cancel()
			if err == nil || !retryable(err) {
				if err == nil && idx != start {
					c.current.Store(int32(idx))
				}
				return v, idx, RedactErr(err, c.urls[idx])
			}
			if ctx.Err() != nil {
				return zero, -1, ctx.Err()
			}
			errs = append(errs, fmt.Errorf("%s: %w", RedactURL(c.urls[idx]), RedactErr(err, c.urls[idx])))
		}
	}
	return zero, -1, fmt.Errorf("chain: every endpoint failed (%d rounds): %w", c.rounds, errors.Join(errs...))
}

// JSON-RPC error codes a node returns for its own transient trouble rather than about the call.
const (
	codeInternal      = -32603
	codeLimitExceeded = -32005
)

// retryable reports whether err is transient (a transport failure, or a node's transient error: try again,
// on another node first) rather than a node's answer about the call.
func retryable(err error) bool {
	if errors.Is(err, ethereum.NotFound) {
		return false
	}
	var rpcErr rpc.Error
	if errors.As(err, &rpcErr) {
		var dataErr rpc.DataError
		if errors.As(err, &dataErr) && dataErr.ErrorData() != nil {
			return false // an error with data (revert data) is about the call
		}
		code := rpcErr.ErrorCode()
		return code == codeInternal || code == codeLimitExceeded
	}
	var httpErr rpc.HTTPError
	if errors.As(err, &httpErr) {
		return httpErr.StatusCode >= 500 || httpErr.StatusCode == 429
	}
	return true // connection errors, timeouts, malformed responses
}

// RedactURL is u's scheme and host only: provider URLs often embed an API key in the path, query or
// userinfo, which logs and errors must not show.
func RedactURL(u string) string {
	p, err := url.Parse(u)
	if err != nil || p.Host == "" {
		return "(an RPC URL that does not parse)"
	}
	return p.Scheme + "://" + p.Host
}

// RedactErr is err with the secret parts of the endpoint URL u (what RedactURL leaves out: userinfo, path,
// query, fragment) taken out of its text: a transport error (*url.Error) repeats the whole URL, and chain
// errors reach logs and, through the services' 502 answers, anyone. errors.Is and errors.As still see err.
func RedactErr(err error, u string) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	clean := strings.ReplaceAll(msg, u, RedactURL(u))
	if p, perr := url.Parse(u); perr == nil {
		for _, secret := range []string{p.User.String(), p.EscapedPath(), p.Path, p.RawQuery, p.EscapedFragment()} {
			if len(secret) > 1 {
				clean = strings.ReplaceAll(clean, secret, "…")
			}
		}
	}
	if clean == msg {
		return err
	}
	return &redactedError{msg: clean, err: err}
}

type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

// ChainID returns the chain id.
func (c *Client) ChainID(ctx context.Context) (*big.Int, error) {
	return do(ctx, c, func(ctx context.Context, e *ethclient.Client) (*big.Int, error) { return e.ChainID(ctx) })
}

// BlockNumber returns the latest block number.
func (c *Client) BlockNumber(ctx context.Context) (uint64, error) {
	return do(ctx, c, func(ctx context.Context, e *ethclient.Client) (uint64, error) { return e.BlockNumber(ctx) })
}

// BlockByHash implements ethereum.ChainReader.
func (c *Client) BlockByHash(ctx context.Context, h common.Hash) (*types.Block, error) {
	return do(ctx, c, func(ctx context.Context, e *ethclient.Client) (*types.Block, error) { return e.BlockByHash(ctx, h) })
}

// BlockByNumber implements ethereum.ChainReader.
func (c *Client) BlockByNumber(ctx context.Context, n *big.Int) (*types.Block, error) {
	return do(ctx, c, func(ctx context.Context, e *ethclient.Client) (*types.Block, error) { return e.BlockByNumber(ctx, n) })
}

// HeaderByHash implements ethereum.ChainReader.
func (c *Client) HeaderByHash(ctx context.Context, h common.Hash) (*types.Header, error) {
	return do(ctx, c, func(ctx context.Context, e *ethclient.Client) (*types.Header, error) { return e.HeaderByHash(ctx, h) })
}

// HeaderByNumber implements ethereum.ChainReader and bind.ContractTransactor.
func (c *Client) HeaderByNumber(ctx context.Context, n *big.Int) (*types.Header, error) {
	return do(ctx, c, func(ctx context.Context, e *ethclient.Client) (*types.Header, error) { return e.HeaderByNumber(ctx, n) })
}

// HeaderByNumberAt is HeaderByNumber, also returning the index of the endpoint that gave the answer (-1 when
// none did), for a caller that moves the client off a node behind (SkipEndpoint). chain/follow reads block
// hashes through it: a type embedding a *Client that overrides HeaderByNumber must override it too.
func (c *Client) HeaderByNumberAt(ctx context.Context, n *big.Int) (*types.Header, int, error) {
	return doAt(ctx, c, func(ctx context.Context, e *ethclient.Client) (*types.Header, error) { return e.HeaderByNumber(ctx, n) })
}

// TransactionCount implements ethereum.ChainReader.
func (c *Client) TransactionCount(ctx context.Context, h common.Hash) (uint, error) {
	return do(ctx, c, func(ctx context.Context, e *ethclient.Client) (uint, error) { return e.TransactionCount(ctx, h) })
}

// TransactionInBlock implements ethereum.ChainReader.
func (c *Client) TransactionInBlock(ctx context.Context, h common.Hash, i uint) (*types.Transaction, error) {
	return do(ctx, c, func(ctx context.Context, e *ethclient.Client) (*types.Transaction, error) {
		return e.TransactionInBlock(ctx, h, i)
	})
}

// SubscribeNewHead is not offered: services poll over HTTP (ErrNotificationsUnsupported).
func (c *Client) SubscribeNewHead(context.Context, chan<- *types.Header) (ethereum.Subscription, error) {
	return nil, rpc.ErrNotificationsUnsupported
}

// TransactionByHash implements ethereum.TransactionReader.
func (c *Client) TransactionByHash(ctx context.Context, h common.Hash) (*types.Transaction, bool, error) {
	type res struct {
		tx      *types.Transaction
		pending bool
	}
	r, err := do(ctx, c, func(ctx context.Context, e *ethclient.Client) (res, error) {
		tx, p, err := e.TransactionByHash(ctx, h)
		return res{tx, p}, err
	})
	return r.tx, r.pending, err
}

// TransactionReceipt implements ethereum.TransactionReader and bind.DeployBackend.
func (c *Client) TransactionReceipt(ctx context.Context, h common.Hash) (*types.Receipt, error) {
	return do(ctx, c, func(ctx context.Context, e *ethclient.Client) (*types.Receipt, error) {
		return e.TransactionReceipt(ctx, h)
	})
}

// BalanceAt returns the ether balance of account at block n (nil: latest).
func (c *Client) BalanceAt(ctx context.Context, account common.Address, n *big.Int) (*big.Int, error) {
	return do(ctx, c, func(ctx context.Context, e *ethclient.Client) (*big.Int, error) { return e.BalanceAt(ctx, account, n) })
}

// NonceAt returns the nonce of account at block n (nil: latest).
func (c *Client) NonceAt(ctx context.Context, account common.Address, n *big.Int) (uint64, error) {
	return do(ctx, c, func(ctx context.Context, e *ethclient.Client) (uint64, error) { return e.NonceAt(ctx, account, n) })
}

// CodeAt implements bind.ContractCaller.
func (c *Client) CodeAt(ctx context.Context, a common.Address, n *big.Int) ([]byte, error) {
	return do(ctx, c, func(ctx context.Context, e *ethclient.Client) ([]byte, error) { return e.CodeAt(ctx, a, n) })
}

// CallContract implements bind.ContractCaller.
func (c *Client) CallContract(ctx context.Context, msg ethereum.CallMsg, n *big.Int) ([]byte, error) {
	return do(ctx, c, func(ctx context.Context, e *ethclient.Client) ([]byte, error) { return e.CallContract(ctx, msg, n) })
}

// CodeAtHash returns a's code as of the block with hash h (EIP-1898): a node that does not have that block
// answers an error, never another block's state.
func (c *Client) CodeAtHash(ctx context.Context, a common.Address, h common.Hash) ([]byte, error) {
	return do(ctx, c, func(ctx context.Context, e *ethclient.Client) ([]byte, error) { return e.CodeAtHash(ctx, a, h) })
}

// CallContractAtHash executes a call as of the block with hash h (EIP-1898; bind.CallOpts.BlockHash): pinned
// to that one block whichever node answers, where a call by number is answered by each node for the block
// it has at that number (a node on another branch, or a lagging one, for another block). A node that does
// not have the block answers an error.
func (c *Client) CallContractAtHash(ctx context.Context, msg ethereum.CallMsg, h common.Hash) ([]byte, error) {
	return do(ctx, c, func(ctx context.Context, e *ethclient.Client) ([]byte, error) {
		return e.CallContractAtHash(ctx, msg, h)
	})
}

// PendingCallContract executes a call against the pending state (bind.PendingContractCaller).
func (c *Client) PendingCallContract(ctx context.Context, msg ethereum.CallMsg) ([]byte, error) {
	return do(ctx, c, func(ctx context.Context, e *ethclient.Client) ([]byte, error) { return e.PendingCallContract(ctx, msg) })
}

// PendingCodeAt implements bind.ContractTransactor.
func (c *Client) PendingCodeAt(ctx context.Context, a common.Address) ([]byte, error) {
	return do(ctx, c, func(ctx context.Context, e *ethclient.Client) ([]byte, error) { return e.PendingCodeAt(ctx, a) })
}

// PendingNonceAt implements bind.ContractTransactor.
func (c *Client) PendingNonceAt(ctx context.Context, a common.Address) (uint64, error) {
	return do(ctx, c, func(ctx context.Context, e *ethclient.Client) (uint64, error) { return e.PendingNonceAt(ctx, a) })
}

// SuggestGasPrice implements bind.ContractTransactor.
func (c *Client) SuggestGasPrice(ctx context.Context) (*big.Int, error) {
	return do(ctx, c, func(ctx context.Context, e *ethclient.Client) (*big.Int, error) { return e.SuggestGasPrice(ctx) })
}

// SuggestGasTipCap implements bind.ContractTransactor.
func (c *Client) SuggestGasTipCap(ctx context.Context) (*big.Int, error) {
	return do(ctx, c, func(ctx context.Context, e *ethclient.Client) (*big.Int, error) { return e.SuggestGasTipCap(ctx) })
}

// EstimateGas implements bind.ContractTransactor.
func (c *Client) EstimateGas(ctx context.Context, msg ethereum.CallMsg) (uint64, error) {
	return do(ctx, c, func(ctx context.Context, e *ethclient.Client) (uint64, error) { return e.EstimateGas(ctx, msg) })
}

// EstimateGasAtBlock estimates the gas msg needs at block n (nil: latest; rpc.PendingBlockNumber: pending).
func (c *Client) EstimateGasAtBlock(ctx context.Context, msg ethereum.CallMsg, n *big.Int) (uint64, error) {
	return do(ctx, c, func(ctx context.Context, e *ethclient.Client) (uint64, error) {
		return e.EstimateGasAtBlock(ctx, msg, n)
	})
}

// SendTransaction implements bind.ContractTransactor. A node that already has the transaction (because an
// earlier attempt reached it before timing out) counts as success.
func (c *Client) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	_, err := do(ctx, c, func(ctx context.Context, e *ethclient.Client) (struct{}, error) {
		err := e.SendTransaction(ctx, tx)
		if err != nil && isAlreadyKnown(err) {
			err = nil
		}
		return struct{}{}, err
	})
	return err
}

func isAlreadyKnown(err error) bool {
	msg := strings.ToLower(err.Error())
	return strings.Contains(msg, "already known") || strings.Contains(msg, "known transaction") ||
		strings.Contains(msg, "already imported")
}

// FilterLogs implements bind.ContractFilterer.
func (c *Client) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	return do(ctx, c, func(ctx context.Context, e *ethclient.Client) ([]types.Log, error) { return e.FilterLogs(ctx, q) })
}

// FilterLogsAt is FilterLogs, also returning the index of the endpoint whose answer it returns (-1: none
// answered), for follow.Logs, which reads a range's logs and its last block's header from one node: a type
// embedding a *Client that overrides FilterLogs must override it too.
func (c *Client) FilterLogsAt(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, int, error) {
	return doAt(ctx, c, func(ctx context.Context, e *ethclient.Client) ([]types.Log, error) { return e.FilterLogs(ctx, q) })
}

// SubscribeFilterLogs is not offered: services poll FilterLogs (ErrNotificationsUnsupported).
func (c *Client) SubscribeFilterLogs(context.Context, ethereum.FilterQuery, chan<- types.Log) (ethereum.Subscription, error) {
	return nil, rpc.ErrNotificationsUnsupported
}

// RPC runs a raw JSON-RPC call (for methods without a typed wrapper) with the same failover.
func (c *Client) RPC(ctx context.Context, result any, method string, args ...any) error {
	_, err := do(ctx, c, func(ctx context.Context, e *ethclient.Client) (struct{}, error) {
		return struct{}{}, e.Client().CallContext(ctx, result, method, args...)
	})
	return err
}
