package e2e

import (
	"context"
	"fmt"
	"io"
	"math/big"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/laketravis/laketravis/protocol/amount"
)

// Summary is what the demo flow did, as printed by Print and written to demo-summary.json.
type Summary struct {
	Model           string           `json:"model"`
	BuilderFeeBps   uint16           `json:"builderFeeBps"`
	User            common.Address   `json:"user"`
	Provider        common.Address   `json:"provider"` // owner of the provider that served
	Builder         common.Address   `json:"builder"`
	Sessions        []SessionSummary `json:"sessions"`
	SecondsBilled   uint64           `json:"secondsBilled"`
	Cost            string           `json:"cost"` // Σ seconds × price, MOR-wei
	CreditProvider  string           `json:"creditProvider"`
	CreditBuilder   string           `json:"creditBuilder"`
	ClaimedProvider string           `json:"claimedProvider"`
	ClaimedBuilder  string           `json:"claimedBuilder"`
	Epochs          []Epoch          `json:"epochs"`
	Claims          []Claim          `json:"claims"`
	GasCommit       uint64           `json:"gasCommit"`
	GasClaims       uint64           `json:"gasClaims"`
	GasPerSession   uint64           `json:"gasPerSession"` // (commits + claims) / sessions
	// The user's allowance as the router holds it before the chat and after the close: the difference is
	// exactly the billed amount.
	AllowanceUsedBefore string `json:"allowanceUsedBefore"`
	AllowanceUsedAfter  string `json:"allowanceUsedAfter"`
	// The user's on-chain nonce before the first chat (after lt delegate) and after the claims: the user
	// sent UserTransactions (0) transactions on the session path.
	UserNonceBefore  uint64            `json:"userNonceBefore"`
	UserNonceAfter   uint64            `json:"userNonceAfter"`
	UserTransactions uint64            `json:"userTransactionsOnSessionPath"`
	TransparencyPage string            `json:"transparencyPage"`
	Timings          map[string]string `json:"timings"`
	// Deposit is the paid-usage part (DemoDeposit), when run.
	Deposit *DepositSummary `json:"deposit,omitempty"`
}

// SessionSummary is one market session of the demo.
type SessionSummary struct {
	SessionID      common.Hash    `json:"sessionId"`
	Provider       common.Address `json:"provider"`
	CloseReason    string         `json:"closeReason"`
	BilledSeconds  uint32         `json:"billedSeconds"`
	PricePerSecond string         `json:"pricePerSecond"`
	InputTokens    uint32         `json:"inputTokens"`
	OutputTokens   uint32         `json:"outputTokens"`
	CreditProvider string         `json:"creditProvider"`
	CreditBuilder  string         `json:"creditBuilder"`
}

// Demo runs the user's story on a started stack: chats through the gateway (streamed), waits until the
// gateway closes the idle session with a signed receipt and the provider countersigns it, until the keeper
// commits the epoch and its dispute window is over; then the provider (the first of the stack) and the
// builder claim with `provider claim`. Progress lines go to out (nil: none).
func (s *Stack) Demo(ctx context.Context, prompts []string, out io.Writer) (*Summary, error) {
	if out == nil {
		out = io.Discard
	}
	step := func(format string, args ...any) { fmt.Fprintf(out, "  · "+format+"\n", args...) }
	t0 := time.Now()
	timings := map[string]string{}
	mark := func(name string) { timings[name] = time.Since(t0).Round(100 * time.Millisecond).String() }

	nonceBefore, err := s.UserNonce(ctx)
	if err != nil {
		return nil, err
	}
	usedBefore, err := s.RouterUsed(ctx)
	if err != nil {
		return nil, err
	}
	var ids []common.Hash
	for _, prompt := range prompts {
		res, err := s.Chat(ctx, prompt, true)
		if err != nil {
			return nil, err
		}
		step("user> %s", prompt)
		step("%s> %s   [session %s]", s.Opts.Model, res.Text, short(res.Session))
		if len(ids) == 0 || ids[len(ids)-1] != res.Session {
			ids = append(ids, res.Session)
		}
	}
	mark("chat")
	step("the gateway closes the idle session (signed usage receipt, countersigned by the provider)")
	sum := &Summary{Model: s.Opts.Model, BuilderFeeBps: s.Opts.BuilderFeeBps, User: s.User.Address,
		Provider: s.Providers[0].Owner.Address, Builder: s.Builder.Address, Timings: timings,
		TransparencyPage: s.RouterURL + "/"}
	cost, creditP, creditB := new(big.Int), new(big.Int), new(big.Int)
	for _, id := range ids {
		rec, err := s.WaitClosed(ctx, id, 30*time.Second+2*s.Opts.GatewayIdleTimeout)
		if err != nil {
			return nil, err
		}
		p, b, err := s.Credit(rec)
		if err != nil {
			return nil, err
		}
		ss := SessionSummary{SessionID: id, Provider: rec.Ticket.Provider, CloseReason: rec.CloseReason,
			BilledSeconds: rec.BilledSeconds, PricePerSecond: rec.Ticket.PricePerSecond.Dec(),
			CreditProvider: p.String(), CreditBuilder: b.String()}
		if rec.Receipt != nil {
			ss.InputTokens, ss.OutputTokens = rec.Receipt.InputTokens, rec.Receipt.OutputTokens
		}
		sum.Sessions = append(sum.Sessions, ss)
		sum.SecondsBilled += uint64(rec.BilledSeconds)
		creditP.Add(creditP, p)
		creditB.Add(creditB, b)
		cost.Add(cost, new(big.Int).Add(p, b))
		step("session %s closed (%s): %d s billed at %s/s", short(id), rec.CloseReason, rec.BilledSeconds, amount.FormatMOR(bigOf(ss.PricePerSecond)))
	}
	mark("closed")
	sum.Cost, sum.CreditProvider, sum.CreditBuilder = cost.String(), creditP.String(), creditB.String()
	usedAfter, err := s.RouterUsed(ctx)
	if err != nil {
		return nil, err
	}
	sum.AllowanceUsedBefore, sum.AllowanceUsedAfter = usedBefore.String(), usedAfter.String()

	step("waiting for the keeper to settle the epoch (RootCommitted)")
	if err := s.WaitCommitted(ctx, cost, 60*time.Second+3*s.Opts.EpochLength); err != nil {
		return nil, err
	}
	mark("committed")
	step("root committed; waiting out the %d s dispute window", s.Opts.DisputeWindow)
	limit := time.Duration(s.Opts.DisputeWindow)*time.Second + 60*time.Second
	if _, err := s.WaitClaimable(ctx, sum.Provider, creditP, limit); err != nil {
		return nil, err
	}
	if _, err := s.WaitClaimable(ctx, s.Builder.Address, creditB, limit); err != nil {
		return nil, err
	}
	mark("claimable")
	step("provider claims (provider claim --keeper)")
	if err := s.ClaimProvider(ctx, s.Providers[0]); err != nil {
		return nil, err
	}
	step("builder claims (provider claim --keeper, builder key)")
	if err := s.ClaimBuilder(ctx); err != nil {
		return nil, err
	}
	mark("claimed")

	if sum.Epochs, sum.Claims, err = s.Settlement(ctx); err != nil {
		return nil, err
	}
	claimedP, claimedB := new(big.Int), new(big.Int)
	for _, e := range sum.Epochs {
		sum.GasCommit += e.GasUsed
	}
	for _, c := range sum.Claims {
		sum.GasClaims += c.GasUsed
		a, _ := new(big.Int).SetString(c.Amount, 10)
		switch c.Account {
		case sum.Provider:
			claimedP.Add(claimedP, a)
		case sum.Builder:
			claimedB.Add(claimedB, a)
		}
	}
	sum.ClaimedProvider, sum.ClaimedBuilder = claimedP.String(), claimedB.String()
	if n := uint64(len(sum.Sessions)); n > 0 {
		sum.GasPerSession = (sum.GasCommit + sum.GasClaims) / n
	}
	if sum.UserNonceAfter, err = s.UserNonce(ctx); err != nil {
		return nil, err
	}
	sum.UserNonceBefore = nonceBefore
	sum.UserTransactions = sum.UserNonceAfter - nonceBefore
	return sum, nil
}

// Print writes the summary for a person.
func (sum *Summary) Print(w io.Writer) {
	fmt.Fprintf(w, "\n== Lake Travis demo summary\n")
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "model\t%s (builder fee %d bps)\n", sum.Model, sum.BuilderFeeBps)
	fmt.Fprintf(tw, "user\t%s\n", sum.User.Hex())
	fmt.Fprintf(tw, "provider owner\t%s\n", sum.Provider.Hex())
	fmt.Fprintf(tw, "model builder\t%s\n", sum.Builder.Hex())
	fmt.Fprintf(tw, "sessions\t%d\n", len(sum.Sessions))
	for _, ss := range sum.Sessions {
		fmt.Fprintf(tw, "  %s\t%s, %d s × %s/s, %d in / %d out tokens\n", short(ss.SessionID), ss.CloseReason,
			ss.BilledSeconds, amount.FormatMOR(bigOf(ss.PricePerSecond)), ss.InputTokens, ss.OutputTokens)
	}
	fmt.Fprintf(tw, "seconds billed\t%d\n", sum.SecondsBilled)
	fmt.Fprintf(tw, "cost (seconds × price)\t%s\n", amount.FormatMOR(bigOf(sum.Cost)))
	fmt.Fprintf(tw, "credit: provider\t%s\n", amount.FormatMOR(bigOf(sum.CreditProvider)))
	fmt.Fprintf(tw, "credit: builder\t%s\n", amount.FormatMOR(bigOf(sum.CreditBuilder)))
	fmt.Fprintf(tw, "claimed: provider\t%s\n", amount.FormatMOR(bigOf(sum.ClaimedProvider)))
	fmt.Fprintf(tw, "claimed: builder\t%s\n", amount.FormatMOR(bigOf(sum.ClaimedBuilder)))
	fmt.Fprintf(tw, "user's allowance used\t%s → %s (router)\n", amount.FormatMOR(bigOf(sum.AllowanceUsedBefore)), amount.FormatMOR(bigOf(sum.AllowanceUsedAfter)))
	fmt.Fprintf(tw, "user's transactions on the session path\t%d (nonce %d before the chat, %d after the claims)\n",
		sum.UserTransactions, sum.UserNonceBefore, sum.UserNonceAfter)
	var ep []string
	for _, e := range sum.Epochs {
		ep = append(ep, fmt.Sprintf("epoch %d: %d gas", e.Epoch, e.GasUsed))
	}
	fmt.Fprintf(tw, "commitRoot\t%s\n", strings.Join(ep, ", "))
	var cl []string
	for _, c := range sum.Claims {
		cl = append(cl, fmt.Sprintf("%s %s, %d gas", c.Account.Hex()[:10]+"…", amount.FormatMOR(bigOf(c.Amount)), c.GasUsed))
	}
	fmt.Fprintf(tw, "claims\t%s\n", strings.Join(cl, ", "))
	fmt.Fprintf(tw, "gas on-chain per session\t%d ((%d commit + %d claims) / %d sessions)\n", sum.GasPerSession, sum.GasCommit, sum.GasClaims, len(sum.Sessions))
	if sum.GasPerSession > 0 {
		// The nearest existing system opens and closes every session on-chain: 750,000–990,000 gas
		// (openSession 438,817–507,241 + closeSession 308,167–478,618). Ours is one commit per epoch, however
		// many sessions it holds, plus one claim per account for any number of epochs.
		fmt.Fprintf(tw, "  vs. on-chain sessions\t%.1f–%.1f× less than 750,000–990,000 gas per session (user: 0 transactions)\n",
			750_000/float64(sum.GasPerSession), 990_000/float64(sum.GasPerSession))
	}
	fmt.Fprintf(tw, "timings\tchat %s, closed %s, committed %s, claimable %s, claimed %s\n", sum.Timings["chat"],
		sum.Timings["closed"], sum.Timings["committed"], sum.Timings["claimable"], sum.Timings["claimed"])
	fmt.Fprintf(tw, "transparency page\t%s\n", sum.TransparencyPage)
	tw.Flush()
	if sum.Deposit != nil {
		sum.Deposit.Print(w)
	}
}

func bigOf(dec string) *big.Int {
	n, ok := new(big.Int).SetString(dec, 10)
	if !ok {
		return new(big.Int)
	}
	return n
}

func short(h common.Hash) string { s := h.Hex(); return s[:10] + "…" }
