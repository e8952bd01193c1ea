package e2e

import (
	"io"
	"math/big"
	"time"
)

// Options configure Start. Zero values take the defaults in brackets.
type Options struct {
	// Interval is the protocol day in seconds [600]. Short so that a demo's day changes are quick.
	Interval uint64
	// DaysBack puts payoutStart this many days before now [5]: the ComputePool's budget on day d is 1% of
	// what the compute bucket accrued before d, so day 0 has none. The chain starts 2.5 days before now, so
	// the emissions released at the start (which fund the user and the stakes) are DaysBack - 2.5 days'.
	DaysBack uint64
	// DisputeWindow is the time a committed root waits before it is claimable, seconds [10].
	DisputeWindow uint64
	// EpochLength is the keeper's epoch [5s].
	EpochLength time.Duration
	// Model is the market model, name:tag ["llama3:8b"].
	Model string
	// BuilderFeeBps is the model builder's share [500 = 5%].
	BuilderFeeBps uint16
	// Prices start one provider per entry, bidding that price in MOR-wei per second [one at 1e15].
	Prices []*big.Int
	// Stake of each provider, in the provider CLI's notation ["200MOR"].
	Stake string
	// UserMOR is what the user is given, whole MOR [5000].
	UserMOR int64
	// TokenDelay is the stand-in upstream's time per token [50ms]; negative: none.
	TokenDelay time.Duration
	// GatewayIdleTimeout closes the gateway's idle sessions [3s].
	GatewayIdleTimeout time.Duration
	// MaxSeconds is the session length the gateway asks for [300].
	MaxSeconds uint32
	// NoKeeper starts the stack without its keeper: the caller runs one with RunKeeper (the keeper's
	// crash-safety test, which kills and restarts it). KeeperURL is still where it is to listen.
	NoKeeper bool
	// RouterDatabase is the router's database: a postgres:// DSN, which every replica shares, or empty for
	// a SQLite file in the stack's folder (then RouterReplicas must be 1).
	RouterDatabase string
	// RouterReplicas runs this many router processes with one key on RouterDatabase [1].
	RouterReplicas int
	// MoreRouters starts this many further independent routers, each with a key of its own (granted
	// ROUTER_ROLE by the admin) and a SQLite database of its own.
	MoreRouters int
	// RouterArgs are extra flags for every router process (e.g. rate limits for a test whose one user
	// loads the router on purpose).
	RouterArgs []string
	// ServeArgs are extra flags for every `provider serve` (e.g. a short --idle-timeout).
	ServeArgs []string
	// ExtraRouters are router URLs the test serves itself (a hostile router): added to every provider's
	// --router-url and to the keeper's --routers, never to the gateway's list.
	ExtraRouters []string
	// DeadRouterFirst puts the URL of a router that is not running first in the gateway's router list.
	DeadRouterFirst bool
	// LogDir receives one log file per process. Empty: a folder inside the stack's temporary folder,
	// removed by Close (call DumpLogs before to see them).
	LogDir string
	// Progress receives one line per step (nil: silent).
	Progress io.Writer
	// IPFS publishes the model's (generated) weights from the builder's kubo node and has every provider
	// pull and verify them from a private loopback swarm before bidding, then serve with
	// --require-verified (e2e/ipfs.go). Needs kubo (`make setup`).
	IPFS bool
}

func (o *Options) defaults() {
	if o.Interval == 0 {
		o.Interval = 600
	}
	if o.DaysBack == 0 {
		o.DaysBack = 5
	}
	if o.DisputeWindow == 0 {
		o.DisputeWindow = 10
	}
	if o.EpochLength == 0 {
		o.EpochLength = 5 * time.Second
	}
	if o.Model == "" {
		o.Model = "llama3:8b"
	}
	if o.BuilderFeeBps == 0 {
		o.BuilderFeeBps = 500
	}
	if len(o.Prices) == 0 {
		o.Prices = []*big.Int{big.NewInt(1e15)}
	}
	if o.Stake == "" {
		o.Stake = "200MOR"
	}
	if o.UserMOR == 0 {
		o.UserMOR = 5000
	}
	if o.TokenDelay == 0 {
		o.TokenDelay = 50 * time.Millisecond
	}
	if o.GatewayIdleTimeout == 0 {
		o.GatewayIdleTimeout = 3 * time.Second
	}
	if o.MaxSeconds == 0 {
		o.MaxSeconds = 300
	}
	if o.RouterReplicas == 0 {
		o.RouterReplicas = 1
	}
}
