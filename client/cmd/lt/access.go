package main

import (
	"fmt"
	"io"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/spf13/cobra"

	"github.com/laketravis/laketravis/bindings/computepool"
	"github.com/laketravis/laketravis/bindings/mortoken"
	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/keys"
)

// delegateResult is lt delegate's report. Amounts in wei, decimal strings.
type delegateResult struct {
	User             common.Address `json:"user"`
	AlreadyDelegated bool           `json:"alreadyDelegated"`
	Tx               *common.Hash   `json:"tx,omitempty"`
	Gas              uint64         `json:"gas,omitempty,string"`
	MaxCostWei       string         `json:"maxCostWei,omitempty"`
	GasUsed          uint64         `json:"gasUsed,omitempty,string"`
	CostWei          string         `json:"costWei,omitempty"`
	Votes            string         `json:"votes"`
	DryRun           bool           `json:"dryRun,omitempty"`
}

func (a *app) delegateCmd() *cobra.Command {
	var dryRun bool
	cmd := &cobra.Command{
		Use:   "delegate",
		Short: "Self-delegate your MOR votes once (MORToken.delegate(you)) so your holdings count for access",
		Long: `Access to the compute budget follows your MOR votes at the start of each protocol day
(ERC20Votes: a balance counts only once delegated). This sends the one transaction a user ever makes:
MORToken.delegate(yourself). It prints the most the transaction can cost before sending it, then waits
for the receipt. If you have already delegated to yourself it does nothing. Your allowance counts from
the next protocol day on.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			dep, c, err := a.dialChain(ctx)
			if err != nil {
				return err
			}
			defer c.Close()
			w, err := a.signer(ctx, dep.ChainID)
			if err != nil {
				return err
			}
			user := w.Address()
			morAddr, err := dep.Address("MORToken")
			if err != nil {
				return err
			}
			mor, err := mortoken.NewMORToken(morAddr, c)
			if err != nil {
				return err
			}
			call := &bind.CallOpts{Context: ctx}
			res := delegateResult{User: user}
			cur, err := mor.Delegates(call, user)
			if err != nil {
				return fmt.Errorf("MORToken.delegates: %w", err)
			}
			if cur == user {
				res.AlreadyDelegated = true
			} else {
				tx, err := mor.Delegate(keys.Unsigned(ctx, user), user)
				if err != nil {
					return fmt.Errorf("prepare MORToken.delegate: %w", keys.DecodeRevert(err))
				}
				maxCost := new(big.Int).Mul(new(big.Int).SetUint64(tx.Gas()), tx.GasFeeCap())
				res.Gas, res.MaxCostWei = tx.Gas(), maxCost.String()
				if !a.jsonOut() {
					fmt.Fprintf(a.out, "MORToken.delegate(%s): gas %d, at most %s wei (%s ETH)\n", user.Hex(), tx.Gas(), maxCost, ether(maxCost))
				}
				if dryRun {
					res.DryRun = true
				} else {
					if tx, err = keys.Send(ctx, c, w, tx); err != nil {
						return fmt.Errorf("MORToken.delegate: %w", err)
					}
					h := tx.Hash()
					res.Tx = &h
					if !a.jsonOut() {
						fmt.Fprintf(a.out, "sent %s, waiting for the receipt…\n", h.Hex())
					}
					rc, err := keys.Mine(ctx, c, tx)
					if err != nil {
						return fmt.Errorf("MORToken.delegate: %w", err)
					}
					cost := new(big.Int).Mul(new(big.Int).SetUint64(rc.GasUsed), rc.EffectiveGasPrice)
					res.GasUsed, res.CostWei = rc.GasUsed, cost.String()
				}
			}
			votes, err := mor.GetVotes(call, user)
			if err != nil {
				return fmt.Errorf("MORToken.getVotes: %w", err)
			}
			res.Votes = votes.String()
			return a.emit(res, func(w io.Writer) {
				switch {
				case res.AlreadyDelegated:
					fmt.Fprintf(w, "%s already delegates to itself: nothing to do (votes %s MOR)\n", user.Hex(), ether(votes))
				case res.DryRun:
					fmt.Fprintln(w, "dry run: not sent")
				default:
					fmt.Fprintf(w, "delegated: gas used %d, cost %s ETH; votes now %s MOR (counted from the next protocol day)\n",
						res.GasUsed, ether(mustBig(res.CostWei)), ether(votes))
				}
			})
		},
	}
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "print the cost and stop")
	return cmd
}

// allowanceResult is lt allowance's report. Amounts in MOR-wei, decimal strings.
type allowanceResult struct {
	User      common.Address `json:"user"`
	Day       uint64         `json:"day,string"`
	Allowance string         `json:"allowance"` // ComputePool.allowance(user, day)
	Budget    string         `json:"budget"`    // ComputePool.budget(day)
	Votes     string         `json:"votes"`     // current votes (today's allowance uses the day-start checkpoint)
	Delegate  common.Address `json:"delegate"`
	Used      string         `json:"used,omitempty"`      // reserved by open sessions + billed by closed ones (router)
	Reserved  string         `json:"reserved,omitempty"`  // open sessions' part of used, when the router splits it
	Spent     string         `json:"spent,omitempty"`     // closed sessions' part of used, when the router splits it
	Available string         `json:"available,omitempty"` // allowance - used
	Router    string         `json:"router,omitempty"`
	RouterErr string         `json:"routerError,omitempty"`
}

func (a *app) allowanceCmd() *cobra.Command {
	var userFlag string
	cmd := &cobra.Command{
		Use:   "allowance",
		Short: "Today's share of the compute budget (on-chain) and what the router holds of it (reserved, spent)",
		Long: `Prints ComputePool.allowance(user, currentDay) — budget(day) × your votes / total supply at the
start of the day — and, when a router is configured, the amounts its open sessions reserve and its closed
sessions spent (GET /v1/allowance/{user}). Unused allowance does not carry over to the next day.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			dep, c, err := a.dialChain(ctx)
			if err != nil {
				return err
			}
			defer c.Close()
			var user common.Address
			if userFlag != "" {
				if !common.IsHexAddress(userFlag) {
					return fmt.Errorf("--user %q is not an address", userFlag)
				}
				user = common.HexToAddress(userFlag)
			} else {
				w, err := a.signer(ctx, dep.ChainID)
				if err != nil {
					return fmt.Errorf("%w (or give --user)", err)
				}
				user = w.Address()
			}
			poolAddr, err := dep.Address("ComputePool")
			if err != nil {
				return err
			}
			morAddr, err := dep.Address("MORToken")
			if err != nil {
				return err
			}
			pool, err := computepool.NewComputePool(poolAddr, c)
			if err != nil {
				return err
			}
			mor, err := mortoken.NewMORToken(morAddr, c)
			if err != nil {
				return err
			}
			// Every figure at one block: an unpinned call may see another block (or, on anvil, the
			// wall clock), so currentDay and allowance(day) could disagree at a day's start.
			head, err := c.HeaderByNumber(ctx, nil)
			if err != nil {
				return err
			}
			call := &bind.CallOpts{Context: ctx, BlockNumber: head.Number}
			day, err := pool.CurrentDay(call)
			if err != nil {
				return fmt.Errorf("ComputePool.currentDay: %w", err)
			}
			allowance, err := chain.PoolAllowance(&pool.ComputePoolCaller, call, user, day.Uint64())
			if err != nil {
				return err
			}
			budget, err := pool.Budget(call, day)
			if err != nil {
				return fmt.Errorf("ComputePool.budget: %w", err)
			}
			votes, err := mor.GetVotes(call, user)
			if err != nil {
				return fmt.Errorf("MORToken.getVotes: %w", err)
			}
			delegate, err := mor.Delegates(call, user)
			if err != nil {
				return fmt.Errorf("MORToken.delegates: %w", err)
			}
			res := allowanceResult{User: user, Day: day.Uint64(), Allowance: allowance.String(), Budget: budget.String(),
				Votes: votes.String(), Delegate: delegate}
			if urls := a.list("router"); len(urls) > 0 {
				rc := a.routerClient(urls)
				ra, err := rc.Allowance(ctx, user)
				res.Router = rc.URL() // the router that answered
				if err != nil {
					res.RouterErr = err.Error()
				} else {
					res.Used = ra.Used.Dec()
					if ra.Reserved != nil {
						res.Reserved = ra.Reserved.Dec()
					}
					if ra.Spent != nil {
						res.Spent = ra.Spent.Dec()
					}
					avail := uint256.MustFromBig(allowance)
					if avail.Lt(ra.Used) {
						avail.Clear()
					} else {
						avail.Sub(avail, ra.Used)
					}
					res.Available = avail.Dec()
				}
			}
			return a.emit(res, func(w io.Writer) {
				fmt.Fprintf(w, "user       %s\nday        %d\nallowance  %s MOR  (budget %s MOR)\nvotes      %s MOR",
					user.Hex(), res.Day, ether(allowance), ether(budget), ether(votes))
				if delegate != user {
					fmt.Fprintf(w, "  — not self-delegated: run lt delegate")
				}
				fmt.Fprintln(w)
				switch {
				case res.RouterErr != "":
					fmt.Fprintf(w, "router     %s: %s\n", res.Router, res.RouterErr)
				case res.Router != "":
					fmt.Fprintf(w, "used       %s MOR (reserved by open sessions + spent by closed ones)\navailable  %s MOR\n",
						ether(mustBig(res.Used)), ether(mustBig(res.Available)))
				}
			})
		},
	}
	cmd.Flags().StringVar(&userFlag, "user", "", "address to look up (default: the configured key's)")
	return cmd
}

// ether renders wei as a decimal number of whole units (18 decimals), trailing zeros trimmed.
func ether(wei *big.Int) string {
	if wei == nil {
		return "0"
	}
	s := new(big.Rat).SetFrac(wei, big.NewInt(1e18)).FloatString(18)
	for len(s) > 1 && s[len(s)-1] == '0' {
		s = s[:len(s)-1]
	}
	if s[len(s)-1] == '.' {
		s = s[:len(s)-1]
	}
	return s
}

func mustBig(s string) *big.Int {
	v, ok := new(big.Int).SetString(s, 10)
	if !ok {
		return new(big.Int)
	}
	return v
}
