package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/spf13/cobra"

	"github.com/laketravis/laketravis/bindings/computepool"
	"github.com/laketravis/laketravis/bindings/mortoken"
	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/client"
	"github.com/laketravis/laketravis/deployments"
	"github.com/laketravis/laketravis/keys"
	"github.com/laketravis/laketravis/protocol/merkle"
	"github.com/laketravis/laketravis/protocol/wire"
)

// Paid usage (PROTOCOL §4): lt deposit, lt withdraw and lt balance.

// poolConn is a dialled chain with the user's key (or address) and the pool and token bound.
type poolConn struct {
	dep               *deployments.Deployment
	c                 *chain.Client
	signer            keys.Signer // nil for a read-only lookup of --user
	user              common.Address
	pool              *computepool.ComputePool
	mor               *mortoken.MORToken
	poolAddr, morAddr common.Address

	// keeperWait bounds how long sendProved waits in all for a keeper behind the pool (0: not at all), by
	// clock (realClock when nil; a test's stand-in moves its own time instead).
	keeperWait time.Duration
	clock      keeperClock
}

// dialPool dials the chain and binds ComputePool and MORToken. With userFlag set (read-only commands) no
// key is loaded.
func (a *app) dialPool(ctx context.Context, userFlag string) (*poolConn, error) {
	dep, c, err := a.dialChain(ctx)
	if err != nil {
		return nil, err
	}
	p := &poolConn{dep: dep, c: c, clock: a.clock}
	fail := func(err error) (*poolConn, error) { c.Close(); return nil, err }
	if userFlag != "" {
		if !common.IsHexAddress(userFlag) {
			return fail(fmt.Errorf("--user %q is not an address", userFlag))
		}
		p.user = common.HexToAddress(userFlag)
	} else {
		if p.signer, err = a.signer(ctx, dep.ChainID); err != nil {
			return fail(err)
		}
		p.user = p.signer.Address()
	}
	if p.poolAddr, err = dep.Address("ComputePool"); err != nil {
		return fail(err)
	}
	if p.morAddr, err = dep.Address("MORToken"); err != nil {
		return fail(err)
	}
	if p.pool, err = computepool.NewComputePool(p.poolAddr, c); err != nil {
		return fail(err)
	}
	if p.mor, err = mortoken.NewMORToken(p.morAddr, c); err != nil {
		return fail(err)
	}
	return p, nil
}

// send builds one transaction, signs it through the user's signer (keystore, raw devnet key or clef),
// sends it and waits for it; it fails on a revert.
func (p *poolConn) send(ctx context.Context, what string, build func(*bind.TransactOpts) (*types.Transaction, error)) (*types.Receipt, error) {
	tx, err := build(keys.Unsigned(ctx, p.user))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, keys.DecodeRevert(err))
	}
	if tx, err = keys.Send(ctx, p.c, p.signer, tx); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	rc, err := keys.Mine(ctx, p.c, tx)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return rc, nil
}

// spendProofTries bounds how many different proofs sendProved takes from the keeper for one transaction.
const spendProofTries = 3

// defaultKeeperWait is how long lt withdraw waits in all, by default, for a keeper behind the pool's
// newest claimable epoch to catch up (--keeper-wait).
const defaultKeeperWait = 30 * time.Second

// keeperPollFirst and keeperPollMax are the first and the longest pause between two requests to a keeper
// that is behind; the pause doubles from one to the next. A pause leaves at least keeperAnswerTime of the
// wait for the request after it: with less left, the wait is over.
const (
	keeperPollFirst  = 500 * time.Millisecond
	keeperPollMax    = 4 * time.Second
	keeperAnswerTime = 500 * time.Millisecond
)

// keeperClock is the time lt withdraw's wait for a keeper behind the pool is measured by (Now) and pauses
// on (Sleep: d, or until ctx is done, then its error). realClock{} runs it; tests replace it, so that no
// test sleeps. The requests and pool reads made while waiting end at the real deadline all the same.
type keeperClock interface {
	Now() time.Time
	Sleep(ctx context.Context, d time.Duration) error
}

// realClock is the wall clock.
type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// sendProved sends (p.send) the transaction build makes of the user's spend and proof in the newest
// claimable spend root, fetched from keeper (0 and no proof without one), and returns the receipt (the
// spend the pool proved is in its event: the keeper's figure is not taken). A newer epoch may become
// claimable between the keeper's answer and the transaction, or the keeper may not have caught up with it
// yet: when the gas estimate reverts InvalidSpendProof (nothing was sent) it fetches the proof again and
// retries with the new answer, at most spendProofTries different answers in all. An answer the same as the
// one that reverted is not sent again: while the keeper's epoch is older than the pool's newest claimable
// one (or it names none), the keeper is behind, and sendProved asks it again after a pause (keeperPollFirst,
// doubling up to keeperPollMax, through p.clock); while it is newer, the user's node (p's pool reads) may be
// behind the chain the keeper read, and sendProved reads the pool again after each pause, sending the same
// answer once more when the pool's newest claimable epoch has become the keeper's. From that first repeated answer on, everything but
// sending runs under one deadline p.keeperWait later: the pauses (by p.clock), and the keeper requests and
// pool reads (their context's real deadline), so a keeper slow to answer does not stretch it. Once it is
// over, when ctx ends, or when the keeper is not behind, it says what the keeper answered against the pool's
// newest claimable epoch (staleProof). The answer is never trusted: the pool verifies it. A transaction
// mined reverted is never retried: it comes back as it is.
func (p *poolConn) sendProved(ctx context.Context, keeper, what string,
	build func(o *bind.TransactOpts, spent *big.Int, proof [][32]byte) (*types.Transaction, error)) (*types.Receipt, error) {
	clock := p.clock
	if clock == nil {
		clock = realClock{}
	}
	var (
		last     *client.SpendArgs
		pool     poolEpoch // as last read
		asks     = keeperAsks{begin: clock.Now(), keeperWait: p.keeperWait}
		pause    = keeperPollFirst
		deadline time.Time // the wait's end by clock; zero until it begins
		waitCtx  = ctx     // once the wait began, ctx with its deadline on the real clock
		// nodeBehind: the pool, as the user's node reads it, was seen behind the keeper's epoch while waiting
		nodeBehind bool
	)
	stop := func(stopped error) error {
		asks.took = clock.Now().Sub(asks.begin)
		return staleProof(what, last, pool, asks, stopped)
	}
	for try := 1; ; try++ {
		args := &client.SpendArgs{Spent: new(big.Int)}
		for keeper != "" {
			got, err := client.SpendProofArgs(waitCtx, keeper, p.user)
			asks.asked++
			if err != nil && !deadline.IsZero() && waitCtx.Err() != nil {
				if ctx.Err() == nil {
					err = fmt.Errorf("the keeper did not answer before --keeper-wait ran out: %w", err)
				}
				return nil, stop(err) // the wait's deadline, or ctx, ended the request
			}
			if err != nil && last != nil {
				err = fmt.Errorf("%s: nothing sent: its gas estimate reverted InvalidSpendProof, and fetching the proof again failed: %w", what, err)
			}
			if err != nil {
				return nil, err
			}
			asks.answered++
			if last == nil || !got.Same(last) {
				args = got
				break
			}
			// The same answer reverts the same way: wait for a keeper that is behind, never send it again.
			if deadline.IsZero() && p.keeperWait > 0 {
				deadline = clock.Now().Add(p.keeperWait)
				var cancel context.CancelFunc
				waitCtx, cancel = context.WithTimeout(ctx, p.keeperWait)
				defer cancel() // once: the wait begins once
			}
			pool = p.claimable(waitCtx)
			if !deadline.IsZero() && waitCtx.Err() != nil {
				return nil, stop(waitCtx.Err())
			}
			if nodeBehind && pool.reached(last) {
				args = got // the user's node now reads the keeper's epoch: the proof it refused may verify
				break
			}
			nodeBehind = nodeBehind || pool.behind(last)
			if !(pool.ahead(last) || pool.behind(last)) || deadline.IsZero() {
				return nil, stop(nil)
			}
			d := min(pause, deadline.Sub(clock.Now())-keeperAnswerTime)
			if d <= 0 {
				return nil, stop(nil)
			}
			asks.waited = true
			if err := clock.Sleep(waitCtx, d); err != nil {
				return nil, stop(err)
			}
			pause = min(2*pause, keeperPollMax)
		}
		rc, err := p.send(ctx, what, func(o *bind.TransactOpts) (*types.Transaction, error) {
			return build(o, args.Spent, args.Proof)
		})
		var rerr *keys.RevertError
		if !errors.As(err, &rerr) || rerr.Name != "InvalidSpendProof" || rerr.Tx != (common.Hash{}) {
			return rc, err
		}
		if keeper == "" {
			return nil, errors.New("a claimable spend root holds your spend: give --keeper <url> to fetch its proof " +
				"(GET /v1/spend/{user}), which " + what + " checks")
		}
		if last = args; try == spendProofTries {
			pool = p.claimable(waitCtx)
			return nil, stop(nil)
		}
	}
}

// poolEpoch is the pool's newest claimable epoch as sendProved read it: known false when the read failed.
type poolEpoch struct {
	known, exists bool
	epoch         uint64
}

// claimable reads the pool's newest claimable epoch.
func (p *poolConn) claimable(ctx context.Context) poolEpoch {
	ce, err := p.pool.ClaimableEpoch(&bind.CallOpts{Context: ctx})
	if err != nil {
		return poolEpoch{}
	}
	return poolEpoch{known: true, exists: ce.Exists, epoch: ce.Epoch.Uint64()}
}

// ahead reports whether the pool has a claimable epoch newer than the one the keeper answered for in a (any,
// when it named none): the keeper is behind and may catch up.
func (pe poolEpoch) ahead(a *client.SpendArgs) bool {
	return pe.known && pe.exists && (a.Epoch == nil || *a.Epoch < pe.epoch)
}

// behind reports whether the pool, as the user's node reads it, has not made the keeper's epoch in a
// claimable: the node may be behind the chain the keeper read, and may catch up.
func (pe poolEpoch) behind(a *client.SpendArgs) bool {
	return pe.known && a.Epoch != nil && (!pe.exists || *a.Epoch > pe.epoch)
}

// reached reports whether the pool's newest claimable epoch is the keeper's epoch in a.
func (pe poolEpoch) reached(a *client.SpendArgs) bool {
	return pe.known && pe.exists && a.Epoch != nil && *a.Epoch == pe.epoch
}

// verdict says, of a keeper's answer a that the pool refused, what the comparison of its epoch with the
// pool's tells and what helps.
func (pe poolEpoch) verdict(a *client.SpendArgs) string {
	switch {
	case !pe.known:
		return "the pool's epoch could not be read to compare: retry later, or give another keeper (--keeper)"
	case pe.ahead(a):
		return "the keeper is behind the pool: retry later, or give another keeper (--keeper)"
	case pe.behind(a):
		return "the keeper is ahead of the pool as your node (--rpc) reads it: your node may be behind: retry later, or give another node (--rpc)"
	default:
		return "the keeper is not behind the pool, yet the pool refuses its proof: the keeper may be wrong or hostile: " +
			"give another keeper (--keeper)"
	}
}

// keeperAsks is what sendProved asked of the keeper, for its error: requests and answers, and, once it
// paused for the keeper to catch up, how long it took from the first request (by its clock).
type keeperAsks struct {
	asked, answered int
	begin           time.Time
	took            time.Duration
	waited          bool
	keeperWait      time.Duration
}

func (k keeperAsks) String() string {
	s := fmt.Sprintf("asked the keeper %d times", k.asked)
	if k.answered != k.asked {
		s += fmt.Sprintf(", %d answered", k.answered)
	}
	if k.waited {
		s += fmt.Sprintf(", over %s in all, waiting up to --keeper-wait %s for it to catch up", k.took.Round(time.Millisecond), k.keeperWait)
	}
	return s
}

// staleProof is sendProved's error once the keeper's proof, last, reverted InvalidSpendProof and asking the
// keeper again (asks) gave the same or another proof that reverted too, or stopped (stopped: why): nothing
// was sent. pool is the pool's newest claimable epoch as last read.
func staleProof(what string, last *client.SpendArgs, pool poolEpoch, asks keeperAsks, stopped error) error {
	keeper := "the keeper named no claimable epoch"
	if last.Epoch != nil {
		keeper = fmt.Sprintf("the keeper answered for epoch %d", *last.Epoch)
	}
	state := "the pool's newest claimable epoch is unknown"
	if pool.known && pool.exists {
		state = fmt.Sprintf("the pool's newest claimable epoch is %d", pool.epoch)
	} else if pool.known {
		state = "the pool has no claimable epoch"
	}
	err := fmt.Errorf("%s: nothing sent: the keeper's proof of your spend does not verify against the pool's newest "+
		"claimable spend root (%s, %s; %s): %s", what, keeper, state, asks, pool.verdict(last))
	if stopped != nil {
		return fmt.Errorf("%w: stopped waiting: %w", err, stopped)
	}
	return err
}

// depositResult is lt deposit's report. Amounts in MOR-wei, decimal strings.
type depositResult struct {
	User    common.Address `json:"user"`
	Amount  string         `json:"amount"`
	Deposit string         `json:"deposit"` // depositOf(user) after
	Permit  bool           `json:"permit"`
	Tx      common.Hash    `json:"tx"`
	GasUsed uint64         `json:"gasUsed,string"`
}

// permitLifetime is how long after the head block's time lt deposit's permit stays valid.
const permitLifetime = 30 * time.Minute

func (a *app) depositCmd() *cobra.Command {
	var approve bool
	cmd := &cobra.Command{
		Use:   "deposit <amount>",
		Short: "Deposit MOR in the ComputePool to pay for sessions beyond your free allowance",
		Long: `Deposits <amount> MOR (a decimal number, e.g. 2.5, or wei with the suffix "wei") in ComputePool.
By default one ERC-2612 permit signature approves and deposits in a single transaction
(depositWithPermit); --approve sends approve and deposit instead. The deposit pays only for sessions
whose RFC says useDeposit (the gateway's and lt's opt-in), and only what the free allowance does not
cover. lt withdraw takes back what was not spent.`,
		Example: "  lt deposit 10\n  lt deposit 1000000000000000000wei --approve",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			amount, err := parseMOR(args[0])
			if err != nil {
				return err
			}
			p, err := a.dialPool(ctx, "")
			if err != nil {
				return err
			}
			defer p.c.Close()
			res := depositResult{User: p.user, Amount: amount.String(), Permit: !approve}
			var rc *types.Receipt
			if approve {
				if _, err := p.send(ctx, "MORToken.approve", func(o *bind.TransactOpts) (*types.Transaction, error) {
					return p.mor.Approve(o, p.poolAddr, amount)
				}); err != nil {
					return err
				}
				rc, err = p.send(ctx, "ComputePool.deposit", func(o *bind.TransactOpts) (*types.Transaction, error) {
					return p.pool.Deposit(o, amount)
				})
			} else {
				// The token checks the deadline against the block's time, which may be far from this
				// machine's clock (a devnet warped ahead, a skewed clock).
				head, err := p.c.HeaderByNumber(ctx, nil)
				if err != nil {
					return err
				}
				deadline := head.Time + uint64(permitLifetime/time.Second)
				v, r, s, perr := keys.SignPermit(ctx, p.signer, p.mor, p.poolAddr, amount, new(big.Int).SetUint64(deadline))
				if perr != nil {
					return perr
				}
				rc, err = p.send(ctx, "ComputePool.depositWithPermit", func(o *bind.TransactOpts) (*types.Transaction, error) {
					return p.pool.DepositWithPermit(o, amount, new(big.Int).SetUint64(deadline), v, r, s)
				})
			}
			if err != nil {
				return err
			}
			res.Tx, res.GasUsed = rc.TxHash, rc.GasUsed
			held, err := p.pool.DepositOf(&bind.CallOpts{Context: ctx}, p.user)
			if err != nil {
				return fmt.Errorf("ComputePool.depositOf: %w", err)
			}
			res.Deposit = held.String()
			return a.emit(res, func(w io.Writer) {
				fmt.Fprintf(w, "deposited %s MOR (tx %s, gas %d); deposit now %s MOR\n", ether(amount), rc.TxHash.Hex(), rc.GasUsed, ether(held))
			})
		},
	}
	cmd.Flags().BoolVar(&approve, "approve", false, "send approve + deposit (two transactions) instead of one permit transaction")
	return cmd
}

// parseMOR parses a decimal MOR amount ("2.5") or a wei amount ("2500000000000000000wei"); it must be > 0.
func parseMOR(s string) (*big.Int, error) {
	s = strings.TrimSpace(s)
	var out *big.Int
	if w, ok := strings.CutSuffix(s, "wei"); ok {
		v, ok := new(big.Int).SetString(w, 10)
		if !ok {
			return nil, fmt.Errorf("amount %q: not a whole number of wei", s)
		}
		out = v
	} else {
		r, ok := new(big.Rat).SetString(s)
		if !ok || strings.ContainsAny(s, "eE/") {
			return nil, fmt.Errorf("amount %q: not a decimal number of MOR", s)
		}
		r.Mul(r, new(big.Rat).SetInt(big.NewInt(1e18)))
		if !r.IsInt() {
			return nil, fmt.Errorf("amount %q: more than 18 decimals", s)
		}
		out = r.Num()
	}
	if out.Sign() <= 0 {
		return nil, fmt.Errorf("amount %q: must be positive", s)
	}
	return out, nil
}

// balanceResult is lt balance's report. Amounts in MOR-wei, decimal strings. What ComputePool.withdraw would
// pay now is min(requested, deposit - heldBack), heldBack being the user's spend in the newest claimable spend
// root (Spent, from the keeper) plus every user's spend in the pending epochs (PendingSpend, from the chain).
type balanceResult struct {
	User            common.Address `json:"user"`
	Block           uint64         `json:"block,string"` // every figure is read at this block
	Day             uint64         `json:"day,string"`
	Allowance       string         `json:"allowance,omitempty"`             // allowance(user, today): free compute today
	AllowanceErr    string         `json:"allowanceError,omitempty"`        // why allowance is omitted: the day's first second
	Deposit         string         `json:"deposit"`                         // depositOf(user): spent or not, until withdrawn
	ClaimableEpoch  *uint64        `json:"claimableEpoch,omitempty,string"` // the pool's newest claimable epoch (none: omitted)
	PendingSpend    string         `json:"pendingSpend"`                    // every user's spend committed by the pending epochs
	Spent           string         `json:"spent,omitempty"`                 // the user's spend in the claimable spend root (keeper)
	HeldBack        string         `json:"heldBack,omitempty"`              // spent + pendingSpend: withdraw does not pay it
	Withdrawable    string         `json:"withdrawable,omitempty"`          // deposit - heldBack (at least 0)
	MaxWithdrawable string         `json:"withdrawableAtMost"`              // deposit - pendingSpend: known without a keeper
	Requested       string         `json:"requested"`                       // pending withdrawal request (0: none)
	ReadyAt         uint64         `json:"readyAt,omitempty,string"`        // when withdraw may execute it (unix seconds)
	Ready           bool           `json:"ready"`                           // the request can be executed now
	SpentEpoch      *uint64        `json:"spentEpoch,omitempty,string"`     // the keeper's proof's epoch
	Keeper          string         `json:"keeper,omitempty"`
	KeeperErr       string         `json:"keeperError,omitempty"`
	now             uint64         // the block's time
}

// balance reads what lt balance reports, every chain figure at the head block; the user's claimable spend
// comes from the keeper (unknown without one) and must be for the pool's claimable epoch.
func (a *app) balance(ctx context.Context, p *poolConn) (*balanceResult, error) {
	head, err := p.c.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, err
	}
	call := &bind.CallOpts{Context: ctx, BlockNumber: head.Number}
	day, err := p.pool.CurrentDay(call)
	if err != nil {
		return nil, fmt.Errorf("ComputePool.currentDay: %w", err)
	}
	// At the day's first second the allowance is not final yet (chain.ErrDayJustStarted): everything else is,
	// so it is reported without one rather than failing (or guessing at a later block's).
	allowance, err := chain.PoolAllowance(&p.pool.ComputePoolCaller, call, p.user, day.Uint64())
	var allowanceErr string
	switch {
	case errors.Is(err, chain.ErrDayJustStarted):
		allowanceErr = err.Error()
	case err != nil:
		return nil, err
	}
	held, err := p.pool.DepositOf(call, p.user)
	if err != nil {
		return nil, fmt.Errorf("ComputePool.depositOf: %w", err)
	}
	request, err := p.pool.PendingWithdrawal(call, p.user)
	if err != nil {
		return nil, fmt.Errorf("ComputePool.pendingWithdrawal: %w", err)
	}
	pendingSpend, claimable, spendRoot, err := pendingSpend(call, p.pool)
	if err != nil {
		return nil, err
	}
	res := &balanceResult{User: p.user, Block: head.Number.Uint64(), Day: day.Uint64(), AllowanceErr: allowanceErr,
		Deposit: held.String(), ClaimableEpoch: claimable, PendingSpend: pendingSpend.String(),
		MaxWithdrawable: floorSub(held, pendingSpend).String(), Requested: request.Amount.String(), now: head.Time}
	if allowance != nil {
		res.Allowance = allowance.String()
	}
	if request.Amount.Sign() != 0 {
		res.ReadyAt, res.Ready = request.ReadyAt, head.Time >= request.ReadyAt
	}
	k := a.str("keeper")
	if k == "" {
		return res, nil
	}
	res.Keeper = k
	spent, epoch, err := p.claimableSpend(call, k, held, claimable, spendRoot)
	if err != nil {
		res.KeeperErr = err.Error()
		return res, nil
	}
	heldBack := new(big.Int).Add(spent, pendingSpend)
	res.Spent, res.SpentEpoch, res.HeldBack, res.Withdrawable = spent.String(), epoch, heldBack.String(), floorSub(held, heldBack).String()
	return res, nil
}

// pendingSpend is what ComputePool.withdraw holds back of every deposit besides the user's own proved spend:
// the spend committed by the pending epochs, totalSpent() minus the newest claimable epoch's cumulative spend
// (all of totalSpent() while none is claimable). It returns the claimable epoch too (nil: none) and its
// spend root.
func pendingSpend(call *bind.CallOpts, pool *computepool.ComputePool) (*big.Int, *uint64, common.Hash, error) {
	total, err := pool.TotalSpent(call)
	if err != nil {
		return nil, nil, common.Hash{}, fmt.Errorf("ComputePool.totalSpent: %w", err)
	}
	ce, err := pool.ClaimableEpoch(call)
	if err != nil {
		return nil, nil, common.Hash{}, fmt.Errorf("ComputePool.claimableEpoch: %w", err)
	}
	if !ce.Exists {
		return total, nil, common.Hash{}, nil
	}
	info, err := pool.SpendInfo(call, ce.Epoch)
	if err != nil {
		return nil, nil, common.Hash{}, fmt.Errorf("ComputePool.spendInfo: %w", err)
	}
	epoch := ce.Epoch.Uint64()
	return floorSub(total, info.CumulativeSpent), &epoch, info.SpendRoot, nil
}

// claimableSpend asks the keeper for the user's spend in the claimable spend root (epoch claimable; nil: none
// is, and nothing is spent; root its spend root; held the user's deposit at call's block). No leaf means 0,
// as withdraw takes it, once the pool confirms it needs none (noLeafNeeded); a proof for another epoch, or
// one that does not link the spend to root, is an error (the keeper is behind or ahead of the chain, or
// lies: withdraw would refuse it, and a lower spend shown would hide a root that moved spend onto the user).
func (p *poolConn) claimableSpend(call *bind.CallOpts, keeper string, held *big.Int, claimable *uint64, root common.Hash) (*big.Int, *uint64, error) {
	ctx, user := call.Context, p.user
	sp, err := client.SpendProof(ctx, keeper, user)
	var werr *wire.Error
	switch {
	case errors.As(err, &werr) && werr.Code == wire.CodeNotFound:
		if claimable != nil && root != (common.Hash{}) && held.Sign() != 0 {
			if err := p.noLeafNeeded(call, held, *claimable); err != nil {
				return nil, nil, err
			}
		}
		return new(big.Int), claimable, nil
	case err != nil:
		return nil, nil, err
	case claimable == nil:
		return new(big.Int), nil, nil // no spend root counts yet, whatever the keeper has
	case !sp.Claimable || sp.Epoch != *claimable:
		return nil, nil, fmt.Errorf("keeper: its proof is for epoch %d (claimable: %t), the pool's newest claimable epoch is %d", sp.Epoch, sp.Claimable, *claimable)
	case root != (common.Hash{}) && !merkle.Verify(root, merkle.LeafHash(user, sp.CumulativeSpent), sp.Proof):
		return nil, nil, fmt.Errorf("keeper: its proof of %s spent does not verify against epoch %d's spend root %s: not shown (withdraw would refuse it)",
			sp.CumulativeSpent.Dec(), *claimable, root)
	}
	return sp.CumulativeSpent.ToBig(), &sp.Epoch, nil
}

// noLeafNeeded checks, for a keeper that answered the user has no leaf in claimable epoch's spend root, that
// the pool takes the user's spend there as 0 with no proof: the user's deposit, held, rose from zero after
// that epoch's deposits were read. It simulates requestWithdrawal(held, 0, []) from the user at call's
// block: a leaf the keeper hid (the root lists every depositor of its read) reverts it InvalidSpendProof,
// and a spend of 0 shown would hide what the root charges the user.
func (p *poolConn) noLeafNeeded(call *bind.CallOpts, held *big.Int, epoch uint64) error {
	from := *call
	from.From = p.user
	var out []any
	err := (&computepool.ComputePoolCallerRaw{Contract: &p.pool.ComputePoolCaller}).Call(&from, &out, "requestWithdrawal", held, new(big.Int), [][32]byte{})
	var rerr *keys.RevertError
	switch {
	case err == nil:
		return nil
	case errors.As(keys.DecodeRevert(err), &rerr) && rerr.Name == "InvalidSpendProof":
		return fmt.Errorf("keeper: it shows no spend of yours in epoch %d, but that epoch's spend root holds a leaf of yours (the pool refuses a spend of 0 with no proof): not shown", epoch)
	default:
		return fmt.Errorf("ComputePool.requestWithdrawal (simulated, to check the keeper's answer of no spend): %w", keys.DecodeRevert(err))
	}
}

// floorSub is max(a-b, 0).
func floorSub(a, b *big.Int) *big.Int {
	d := new(big.Int).Sub(a, b)
	if d.Sign() < 0 {
		d.SetInt64(0)
	}
	return d
}

func (a *app) balanceCmd() *cobra.Command {
	var userFlag string
	cmd := &cobra.Command{
		Use:   "balance",
		Short: "Your free allowance today, your deposit, what is held back from a withdrawal and what you can withdraw",
		Long: `Prints today's free allowance (ComputePool.allowance), your deposit (depositOf), what a withdrawal
holds back of it and your pending withdrawal request with the time it can be executed. ComputePool.withdraw
pays min(requested, deposit - your spend in the newest claimable spend root - every user's spend in the
pending epochs): the pending spend is read from the chain; your claimable spend comes from --keeper
(GET /v1/spend/{user}), so without it only an upper bound of what you can withdraw is shown. At a day's
first second today's allowance is not final yet: it is left out, readable from the next block.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			p, err := a.dialPool(ctx, userFlag)
			if err != nil {
				return err
			}
			defer p.c.Close()
			res, err := a.balance(ctx, p)
			if err != nil {
				return err
			}
			return a.emit(res, func(w io.Writer) { res.print(w) })
		},
	}
	cmd.Flags().StringVar(&userFlag, "user", "", "address to look up (default: the configured key's)")
	cmd.Flags().String("keeper", "", "keeper base URL: your spend in the claimable epoch (GET /v1/spend/{user})")
	return cmd
}

// print writes the human form of lt balance.
func (r *balanceResult) print(w io.Writer) {
	mor := func(s string) string { return ether(mustBig(s)) + " MOR" }
	allowance := fmt.Sprintf("not final yet: block %d is the day's first second; readable from the next block", r.Block)
	if r.Allowance != "" {
		allowance = mor(r.Allowance) + " today"
	}
	fmt.Fprintf(w, "user          %s\nallowance     %s (day %d)\ndeposit       %s\n", r.User.Hex(), allowance, r.Day, mor(r.Deposit))
	pending := mor(r.PendingSpend) + " all depositors spent in epochs not yet claimable"
	switch {
	case r.HeldBack != "":
		claimable := "no epoch claimable yet"
		if r.ClaimableEpoch != nil {
			claimable = fmt.Sprintf("as of claimable epoch %d", *r.ClaimableEpoch)
		}
		fmt.Fprintf(w, "held back     %s: %s you spent (%s) + %s\nwithdrawable  %s now\n", mor(r.HeldBack), mor(r.Spent), claimable,
			pending, mor(r.Withdrawable))
	default:
		why := "no --keeper"
		if r.KeeperErr != "" {
			why = r.KeeperErr
		}
		fmt.Fprintf(w, "held back     at least %s (%s); your own claimable spend unknown: %s\nwithdrawable  at most %s now\n",
			mor(r.PendingSpend), pending, why, mor(r.MaxWithdrawable))
	}
	if r.Requested == "0" {
		fmt.Fprintln(w, "requested     none")
		return
	}
	when := "ready now: lt withdraw --keeper <url> pays it, up to what is withdrawable"
	if !r.Ready {
		when = fmt.Sprintf("can be executed at %s (in %s)", time.Unix(int64(r.ReadyAt), 0).UTC().Format(time.RFC3339),
			time.Duration(r.ReadyAt-r.now)*time.Second)
	}
	fmt.Fprintf(w, "requested     %s, %s\n", mor(r.Requested), when)
}

// withdrawResult is lt withdraw's report. Amounts in MOR-wei, decimal strings.
type withdrawResult struct {
	User      common.Address `json:"user"`
	Action    string         `json:"action"` // requested | withdrawn | cancelled | waiting
	Requested string         `json:"requested,omitempty"`
	ReadyAt   uint64         `json:"readyAt,omitempty,string"`
	Spent     string         `json:"spent,omitempty"`
	Paid      string         `json:"paid,omitempty"`
	Deposit   string         `json:"deposit"`
	Tx        *common.Hash   `json:"tx,omitempty"`
}

func (a *app) withdrawCmd() *cobra.Command {
	var cancel bool
	cmd := &cobra.Command{
		Use:   "withdraw [amount]",
		Short: "Withdraw your deposit: request (then wait withdrawalDelay), then complete with the keeper's proof",
		Long: `Withdrawing takes two steps. Without a pending request, lt withdraw asks to withdraw [amount] MOR
(default: the whole deposit) — requestWithdrawal — and prints when it is ready; routers stop admitting
deposit-paid sessions from then on. The request proves what the deposit paid for in the newest claimable
spend root, fetched from --keeper (GET /v1/spend/{user}); without --keeper it proves nothing, which the pool
accepts only while no claimable spend root holds your spend (lt withdraw then asks for --keeper). Once
withdrawalDelay has passed and inside the pool's daily withdrawal window (the time printed accounts for
both), lt withdraw --keeper <url> fetches the proof again and calls withdraw, which pays the requested
amount up to the deposit minus that spend (at most the spend the request proved plus the rise of the
pool's claimable spend since) and minus the spend of the epochs not yet claimable. A proof the pool refuses
(InvalidSpendProof: a newer epoch became claimable, or the keeper is behind) sends nothing: lt withdraw asks
the keeper again and tries its new answer, at most 3 different answers in all. While the keeper answers the
same proof for an epoch older than the pool's newest claimable one, it is behind: lt withdraw asks it again
after a pause (0.5 s, doubling up to 4 s) and never sends that proof again. While it answers for an epoch
newer than the pool's as your node (--rpc) reads it, your node may be behind: lt withdraw reads the pool
again after each pause and sends the proof once more when your node has that epoch claimable. This wait,
the requests to the keeper included, ends --keeper-wait after the first repeated answer (default 30s; 0: no
wait). Failing, it
says which epoch the keeper answered for, the pool's newest claimable one and what that tells (the keeper is
behind; or not, yet its proof is refused; or it is ahead of your node), and how often it asked the keeper
over how long; nothing was sent. --cancel drops the pending request.`,
		Example: "  lt withdraw 5 --keeper http://127.0.0.1:8547\n  lt withdraw --keeper http://127.0.0.1:8547\n  lt withdraw --cancel",
		Args:    cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			keeperWait := a.v.GetDuration("keeper-wait")
			if keeperWait < 0 {
				return fmt.Errorf("--keeper-wait %s: not a duration to wait", keeperWait)
			}
			p, err := a.dialPool(ctx, "")
			if err != nil {
				return err
			}
			defer p.c.Close()
			p.keeperWait = keeperWait
			call := &bind.CallOpts{Context: ctx}
			pending, err := p.pool.PendingWithdrawal(call, p.user)
			if err != nil {
				return fmt.Errorf("ComputePool.pendingWithdrawal: %w", err)
			}
			held, err := p.pool.DepositOf(call, p.user)
			if err != nil {
				return fmt.Errorf("ComputePool.depositOf: %w", err)
			}
			res := withdrawResult{User: p.user}
			var rc *types.Receipt
			switch {
			case len(args) == 1 && (cancel || pending.Amount.Sign() != 0):
				// An amount names a new request: with one pending (or --cancel) it would be ignored, the
				// pending request's whole amount withdrawn instead of what was typed.
				if pending.Amount.Sign() == 0 {
					return errors.New("--cancel takes no amount: no pending withdrawal request to cancel")
				}
				return fmt.Errorf("a withdrawal request of %s MOR is pending: `lt withdraw --keeper <url>` (no amount) completes it once ready, `lt withdraw --cancel` drops it; request another amount after",
					ether(pending.Amount))
			case cancel:
				if pending.Amount.Sign() == 0 {
					return errors.New("no pending withdrawal request to cancel")
				}
				rc, err = p.send(ctx, "ComputePool.cancelWithdrawal", p.pool.CancelWithdrawal)
				res.Action, res.Requested = "cancelled", pending.Amount.String()
			case pending.Amount.Sign() == 0:
				amount := held
				if len(args) == 1 {
					if amount, err = parseMOR(args[0]); err != nil {
						return err
					}
				}
				if amount.Sign() == 0 {
					return errors.New("nothing deposited: nothing to withdraw")
				}
				// The request proves the spend in the newest claimable spend root, like withdraw: the pool
				// then holds back at most that plus the rise of the claimable spend total since.
				rc, err = p.sendProved(ctx, a.str("keeper"), "ComputePool.requestWithdrawal",
					func(o *bind.TransactOpts, spent *big.Int, proof [][32]byte) (*types.Transaction, error) {
						return p.pool.RequestWithdrawal(o, amount, spent, proof)
					})
				if err == nil {
					if pending, err = p.pool.PendingWithdrawal(call, p.user); err != nil {
						return err
					}
				}
				res.Action, res.Requested, res.ReadyAt = "requested", amount.String(), pending.ReadyAt
			default:
				res.Requested, res.ReadyAt = pending.Amount.String(), pending.ReadyAt
				head, herr := p.c.HeaderByNumber(ctx, nil)
				if herr != nil {
					return herr
				}
				if head.Time < pending.ReadyAt {
					res.Action = "waiting"
					break
				}
				k := a.str("keeper")
				if k == "" {
					return errors.New("the request is ready: give --keeper <url> to fetch the proof of your spend")
				}
				rc, err = p.sendProved(ctx, k, "ComputePool.withdraw",
					func(o *bind.TransactOpts, spent *big.Int, proof [][32]byte) (*types.Transaction, error) {
						return p.pool.Withdraw(o, spent, proof)
					})
				if err == nil {
					// The spend the pool proved (its Withdrawn event), not the keeper's figure: the pool takes
					// it as 0 while no root is claimable, whatever the keeper answered.
					res.Action = "withdrawn"
					res.Paid, res.Spent = withdrawn(rc, p)
				}
			}
			if err != nil {
				return err
			}
			if rc != nil {
				res.Tx = &rc.TxHash
			}
			if held, err = p.pool.DepositOf(call, p.user); err != nil {
				return err
			}
			res.Deposit = held.String()
			return a.emit(res, func(w io.Writer) {
				ready := time.Unix(int64(res.ReadyAt), 0).UTC().Format(time.RFC3339)
				switch res.Action {
				case "cancelled":
					fmt.Fprintf(w, "withdrawal request of %s MOR cancelled\n", ether(mustBig(res.Requested)))
				case "requested":
					fmt.Fprintf(w, "requested %s MOR; ready at %s: run lt withdraw --keeper <url> then\n", ether(mustBig(res.Requested)), ready)
				case "waiting":
					fmt.Fprintf(w, "request of %s MOR not ready yet: ready at %s\n", ether(mustBig(res.Requested)), ready)
				case "withdrawn":
					fmt.Fprintf(w, "withdrew %s MOR (spent %s MOR); deposit now %s MOR\n", ether(mustBig(res.Paid)),
						ether(mustBig(res.Spent)), ether(held))
				}
			})
		},
	}
	cmd.Flags().BoolVar(&cancel, "cancel", false, "cancel the pending withdrawal request")
	cmd.Flags().String("keeper", "", "keeper base URL: the proof of what the deposit paid for (GET /v1/spend/{user})")
	cmd.Flags().Duration("keeper-wait", defaultKeeperWait, "how long to wait in all, requests included, for a keeper behind the pool's newest claimable epoch, or your node behind the keeper's, to catch up, from the keeper's first repeated answer (0: no wait)")
	return cmd
}

// withdrawn reads the amount paid and the spend the pool proved from the receipt's Withdrawn event.
func withdrawn(rc *types.Receipt, p *poolConn) (paid, spent string) {
	for _, l := range rc.Logs {
		if ev, err := p.pool.ParseWithdrawn(*l); err == nil {
			return ev.Amount.String(), ev.CumulativeSpent.String()
		}
	}
	return "0", "0"
}
