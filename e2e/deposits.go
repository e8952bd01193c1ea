package e2e

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"

	"github.com/laketravis/laketravis/protocol/amount"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
)

// Paid usage (PROTOCOL §4 "Paid usage", issue 16): a user who holds no MOR votes (a zero allowance) pays
// from a deposit, with the user's own commands: lt deposit, lt chat --use-deposit, lt withdraw.

// NewDepositor funds a fresh account (derived from label) with mor MOR and ETH and imports its key into a
// keystore; it never delegates, so its allowance is zero.
func (s *Stack) NewDepositor(ctx context.Context, label string, mor int64) (Account, error) {
	a := newAccount(label)
	if err := s.fund(ctx, a.Address, mor); err != nil {
		return a, err
	}
	var err error
	a.Keystore, err = s.importKey(ctx, a, label, filepath.Join(s.Dir, label+"-keystore"))
	return a, err
}

// LTAs runs one lt command as a (its keystore) against the stack, with --json, and decodes its output into
// out (when not nil).
func (s *Stack) LTAs(ctx context.Context, a Account, logName string, out any, args ...string) error {
	args = append(args, "--keystore", a.Keystore, "--password-file", s.PasswordFile, "--json")
	raw, err := s.lt(ctx, logName, args...)
	if err != nil {
		return err
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(raw, out); err != nil {
		return fmt.Errorf("e2e: lt %s: undecodable output %q: %w", args[0], raw, err)
	}
	return nil
}

// LTChat is `lt chat --json`'s output.
type LTChat struct {
	Session struct {
		SessionID  common.Hash   `json:"sessionId"`
		MaxSeconds uint32        `json:"maxSeconds"`
		Payment    *wire.Payment `json:"payment"`
	} `json:"session"`
	Content string `json:"content"`
	Close   struct {
		Receipt eip712.UsageReceipt `json:"receipt"`
		Payment *wire.Payment       `json:"payment"`
	} `json:"close"`
}

// ChatAs has a chat through `lt chat` (one session, closed at the end), paying beyond the allowance from
// the deposit when useDeposit.
func (s *Stack) ChatAs(ctx context.Context, a Account, logName, prompt string, useDeposit bool, maxSeconds uint32) (*LTChat, error) {
	args := []string{"chat", "--model", s.Opts.Model, "--max-seconds", fmt.Sprint(maxSeconds)}
	if useDeposit {
		args = append(args, "--use-deposit")
	}
	var out LTChat
	return &out, s.LTAs(ctx, a, logName, &out, append(args, prompt)...)
}

// DepositSummary is the paid-usage part of the demo. Amounts in MOR-wei.
type DepositSummary struct {
	User           common.Address `json:"user"`
	AllowanceToday string         `json:"allowanceToday"` // 0: the user holds no votes
	Deposited      string         `json:"deposited"`
	DepositGas     uint64         `json:"depositGas"` // lt deposit: one permit transaction
	// RefusedWithoutConsent is the router's answer to a chat without --use-deposit (allowance_exhausted).
	RefusedWithoutConsent string            `json:"refusedWithoutConsent"`
	Session               SessionSummary    `json:"session"`
	Reserved              *wire.Payment     `json:"reserved"` // the router's reservation, per source
	Paid                  *wire.Payment     `json:"paid"`     // the bill, per source (lt chat's close)
	Spent                 string            `json:"spent"`    // the user's leaf in the keeper's spend tree
	ProviderClaimed       string            `json:"providerClaimed"`
	BuilderClaimed        string            `json:"builderClaimed"`
	Withdrawn             string            `json:"withdrawn"`
	Left                  string            `json:"left"` // depositOf after the withdrawal minus the spend: 0
	BalanceBefore         string            `json:"balanceBefore"`
	BalanceAfter          string            `json:"balanceAfter"`
	Timings               map[string]string `json:"timings"`
}

// DemoDeposit runs the paid-usage story on a started stack whose Demo has run (the provider and builder
// have claimed once): a new user with no MOR votes deposits 1 MOR with lt deposit, is refused a session
// without --use-deposit, chats with it (the deposit pays), the keeper settles the session from the spend
// tree, the provider and builder claim, and the user withdraws the rest (lt withdraw: the request, the
// chain moved past withdrawalDelay, then the withdrawal with the keeper's proof). It checks that the
// amounts reconcile to the wei: deposited = spent + withdrawn + left, spent = the session's cost = what
// the provider and builder were paid for it, and the user's MOR fell by exactly the spend.
func (s *Stack) DemoDeposit(ctx context.Context, out io.Writer) (*DepositSummary, error) {
	if out == nil {
		out = io.Discard
	}
	step := func(format string, args ...any) { fmt.Fprintf(out, "  · "+format+"\n", args...) }
	t0 := time.Now()
	sum := &DepositSummary{Timings: map[string]string{}}
	mark := func(name string) { sum.Timings[name] = time.Since(t0).Round(100 * time.Millisecond).String() }
	call := &bind.CallOpts{Context: ctx}

	payer, err := s.NewDepositor(ctx, "payer", 10)
	if err != nil {
		return nil, err
	}
	sum.User = payer.Address
	day, err := s.Pool.CurrentDay(call)
	if err != nil {
		return nil, err
	}
	allowance, err := s.Pool.Allowance(call, payer.Address, day)
	if err != nil {
		return nil, err
	}
	if allowance.Sign() != 0 {
		return nil, fmt.Errorf("e2e: the payer's allowance is %s, not 0", allowance)
	}
	sum.AllowanceToday = allowance.String()
	before, err := s.Token.BalanceOf(call, payer.Address)
	if err != nil {
		return nil, err
	}
	sum.BalanceBefore = before.String()
	step("user %s holds 10 MOR and no votes: its allowance today is 0", payer.Address.Hex())

	var dep struct {
		Deposit string `json:"deposit"`
		GasUsed uint64 `json:"gasUsed,string"`
	}
	if err := s.LTAs(ctx, payer, "payer", &dep, "deposit", "1"); err != nil {
		return nil, err
	}
	deposited := bigOf(dep.Deposit)
	sum.Deposited, sum.DepositGas = deposited.String(), dep.GasUsed
	step("lt deposit 1: one permit transaction (%d gas); deposit %s", dep.GasUsed, amount.FormatMOR(deposited))
	if err := s.waitRouterDeposit(ctx, deposited); err != nil {
		return nil, err
	}

	_, err = s.ChatAs(ctx, payer, "payer", "Who pays for this?", false, 60)
	if err == nil || !strings.Contains(err.Error(), wire.CodeAllowanceExhausted) {
		return nil, fmt.Errorf("e2e: a chat without --use-deposit must be refused %s, got %v", wire.CodeAllowanceExhausted, err)
	}
	sum.RefusedWithoutConsent = wire.CodeAllowanceExhausted
	step("lt chat without --use-deposit: refused (%s): the deposit is never used without consent", wire.CodeAllowanceExhausted)

	committed, err := s.Pool.TotalCommitted(call)
	if err != nil {
		return nil, err
	}
	chat, err := s.ChatAs(ctx, payer, "payer", "Who pays for this?", true, 60)
	if err != nil {
		return nil, err
	}
	sum.Reserved, sum.Paid = chat.Session.Payment, chat.Close.Payment
	step("lt chat --use-deposit: %q   [session %s]", chat.Content, short(chat.Session.SessionID))
	rec, err := s.WaitClosed(ctx, chat.Session.SessionID, 30*time.Second)
	if err != nil {
		return nil, err
	}
	creditP, creditB, err := s.Credit(rec)
	if err != nil {
		return nil, err
	}
	cost := new(big.Int).Add(creditP, creditB)
	sum.Session = SessionSummary{SessionID: rec.SessionID, Provider: rec.Ticket.Provider, CloseReason: rec.CloseReason,
		BilledSeconds: rec.BilledSeconds, PricePerSecond: rec.Ticket.PricePerSecond.Dec(), CreditProvider: creditP.String(), CreditBuilder: creditB.String()}
	if rec.Receipt != nil {
		sum.Session.InputTokens, sum.Session.OutputTokens = rec.Receipt.InputTokens, rec.Receipt.OutputTokens
	}
	if sum.Paid == nil || sum.Paid.Deposit.ToBig().Cmp(cost) != 0 || !sum.Paid.Allowance.IsZero() {
		return nil, fmt.Errorf("e2e: the router says it charged %+v, want %s from the deposit", sum.Paid, cost)
	}
	step("closed: %d s × %s/s = %s, reserved %s and paid %s from the deposit (router)", rec.BilledSeconds,
		amount.FormatMOR(rec.Ticket.PricePerSecond.ToBig()), amount.FormatMOR(cost), amount.FormatMOR(sum.Reserved.Deposit.ToBig()), amount.FormatMOR(sum.Paid.Deposit.ToBig()))
	mark("chat")

	step("waiting for the keeper to settle it (credit root and spend root in one commitRoot)")
	if err := s.WaitCommitted(ctx, new(big.Int).Add(committed, cost), 60*time.Second+3*s.Opts.EpochLength); err != nil {
		return nil, err
	}
	mark("committed")
	claimed := func(a common.Address) (*big.Int, error) { return s.Pool.Claimed(call, a) }
	p0, err := claimed(s.Providers[0].Owner.Address)
	if err != nil {
		return nil, err
	}
	b0, err := claimed(s.Builder.Address)
	if err != nil {
		return nil, err
	}
	limit := time.Duration(s.Opts.DisputeWindow)*time.Second + 60*time.Second
	if _, err := s.WaitClaimable(ctx, s.Providers[0].Owner.Address, new(big.Int).Add(p0, creditP), limit); err != nil {
		return nil, err
	}
	if err := s.ClaimProvider(ctx, s.Providers[0]); err != nil {
		return nil, err
	}
	if err := s.ClaimBuilder(ctx); err != nil {
		return nil, err
	}
	p1, err := claimed(s.Providers[0].Owner.Address)
	if err != nil {
		return nil, err
	}
	b1, err := claimed(s.Builder.Address)
	if err != nil {
		return nil, err
	}
	sum.ProviderClaimed, sum.BuilderClaimed = new(big.Int).Sub(p1, p0).String(), new(big.Int).Sub(b1, b0).String()
	step("provider claimed %s, builder %s for it (provider claim)", amount.FormatMOR(bigOf(sum.ProviderClaimed)), amount.FormatMOR(bigOf(sum.BuilderClaimed)))
	mark("claimed")

	var req struct {
		ReadyAt uint64 `json:"readyAt,string"`
	}
	if err := s.LTAs(ctx, payer, "payer", &req, "withdraw", "--keeper", s.KeeperURL); err != nil {
		return nil, err
	}
	head, err := s.Client.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, err
	}
	step("lt withdraw --keeper: requested the whole deposit, proving its claimable spend; payable after withdrawalDelay (the chain is moved %d s on)", req.ReadyAt-min(req.ReadyAt, head.Time))
	if req.ReadyAt > head.Time {
		if err := s.Warp(ctx, req.ReadyAt-head.Time); err != nil {
			return nil, err
		}
	}
	var wd struct {
		Action  string `json:"action"`
		Spent   string `json:"spent"`
		Paid    string `json:"paid"`
		Deposit string `json:"deposit"`
	}
	if err := s.LTAs(ctx, payer, "payer", &wd, "withdraw", "--keeper", s.KeeperURL); err != nil {
		return nil, err
	}
	if wd.Action != "withdrawn" {
		return nil, fmt.Errorf("e2e: lt withdraw --keeper: %s, not withdrawn", wd.Action)
	}
	spent, paid, held := bigOf(wd.Spent), bigOf(wd.Paid), bigOf(wd.Deposit)
	left := new(big.Int).Sub(held, spent)
	sum.Spent, sum.Withdrawn, sum.Left = spent.String(), paid.String(), left.String()
	after, err := s.Token.BalanceOf(call, payer.Address)
	if err != nil {
		return nil, err
	}
	sum.BalanceAfter = after.String()
	step("lt withdraw --keeper: the keeper's proof of a %s spend; withdrew %s", amount.FormatMOR(spent), amount.FormatMOR(paid))
	mark("withdrawn")
	return sum, sum.reconcile(cost, deposited)
}

// reconcile checks the paid-usage amounts to the wei.
func (sum *DepositSummary) reconcile(cost, deposited *big.Int) error {
	spent, withdrawn, left := bigOf(sum.Spent), bigOf(sum.Withdrawn), bigOf(sum.Left)
	claimed := new(big.Int).Add(bigOf(sum.ProviderClaimed), bigOf(sum.BuilderClaimed))
	fell := new(big.Int).Sub(bigOf(sum.BalanceBefore), bigOf(sum.BalanceAfter))
	var errs []error
	check := func(what string, got, want *big.Int) {
		if got.Cmp(want) != 0 {
			errs = append(errs, fmt.Errorf("%s: %s, want %s", what, got, want))
		}
	}
	check("spent (keeper's spend leaf) vs the session's cost", spent, cost)
	check("claimed by provider and builder for it vs its cost", claimed, cost)
	check("deposited vs spent + withdrawn + left", deposited, new(big.Int).Add(new(big.Int).Add(spent, withdrawn), left))
	check("left after withdrawing everything", left, new(big.Int))
	check("the user's MOR fell by", fell, spent)
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("e2e: the paid usage does not reconcile: %w", err)
	}
	return nil
}

// waitRouterDeposit waits until the router has indexed a deposit of at least want in total.
func (s *Stack) waitRouterDeposit(ctx context.Context, want *big.Int) error {
	return poll(ctx, 30*time.Second, 200*time.Millisecond, func() (bool, error) {
		var d struct {
			Held string `json:"held"`
		}
		if err := getJSON(ctx, s.RouterURL+"/v1/deposits", &d); err != nil {
			return false, err
		}
		return bigOf(d.Held).Cmp(want) >= 0, nil
	})
}

// Print writes the paid-usage part for a person.
func (sum *DepositSummary) Print(w io.Writer) {
	fmt.Fprintf(w, "\n== paid usage: a user with no MOR votes pays from a deposit\n")
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	m := func(dec string) string { return amount.FormatMOR(bigOf(dec)) }
	fmt.Fprintf(tw, "user\t%s (allowance today %s)\n", sum.User.Hex(), m(sum.AllowanceToday))
	fmt.Fprintf(tw, "deposited\t%s (lt deposit: one permit transaction, %d gas)\n", m(sum.Deposited), sum.DepositGas)
	fmt.Fprintf(tw, "without --use-deposit\trefused: %s\n", sum.RefusedWithoutConsent)
	ss := sum.Session
	fmt.Fprintf(tw, "session\t%s, %s, %d s × %s/s, %d in / %d out tokens\n", short(ss.SessionID), ss.CloseReason, ss.BilledSeconds,
		amount.FormatMOR(bigOf(ss.PricePerSecond)), ss.InputTokens, ss.OutputTokens)
	fmt.Fprintf(tw, "router: reserved / paid\tallowance %s / %s, deposit %s / %s\n", m(sum.Reserved.Allowance.Dec()), m(sum.Paid.Allowance.Dec()),
		m(sum.Reserved.Deposit.Dec()), m(sum.Paid.Deposit.Dec()))
	fmt.Fprintf(tw, "spent (keeper's spend tree)\t%s\n", m(sum.Spent))
	fmt.Fprintf(tw, "claimed for it\tprovider %s, builder %s\n", m(sum.ProviderClaimed), m(sum.BuilderClaimed))
	fmt.Fprintf(tw, "withdrawn\t%s (lt withdraw, with the keeper's proof)\n", m(sum.Withdrawn))
	fmt.Fprintf(tw, "deposited = spent + withdrawn + left\t%s = %s + %s + %s wei\n", sum.Deposited, sum.Spent, sum.Withdrawn, sum.Left)
	fmt.Fprintf(tw, "user's MOR\t%s → %s (fell by the spend)\n", m(sum.BalanceBefore), m(sum.BalanceAfter))
	fmt.Fprintf(tw, "timings\tchat %s, committed %s, claimed %s, withdrawn %s\n", sum.Timings["chat"], sum.Timings["committed"],
		sum.Timings["claimed"], sum.Timings["withdrawn"])
	tw.Flush()
}
