package ledger

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"

	"github.com/laketravis/laketravis/protocol/settle"
)

// ErrEpochInWindow: the keeper's epoch does not fit in the time a day leaves outside the pool's withdrawal
// window, so a day could pass without a commit outside it.
var ErrEpochInWindow = errors.New("ledger: the epoch does not fit outside the pool's withdrawal window")

// ErrEpochPastWithdrawalDelay: with the keeper's epoch, a deposit-paid session admitted when its user
// requests a withdrawal may be committed after the pool's shortest delay lets the request be paid, or the
// epoch is not shorter than the pool's settlementLag.
var ErrEpochPastWithdrawalDelay = errors.New("ledger: the epoch may commit a deposit-paid session after its user's withdrawal is paid")

// WithdrawalWindow returns the pool's withdrawal window at each day's start, in seconds (immutable).
func (p *ChainPool) WithdrawalWindow(ctx context.Context) (uint64, error) {
	w, err := p.caller.WithdrawalWindow(&bind.CallOpts{Context: ctx})
	if err != nil {
		return 0, err
	}
	return w.Uint64(), nil
}

// CheckWithdrawalWindow says whether this ledger's epochs leave a commit outside the pool's withdrawal
// window (window seconds at each day's start) every day: ErrEpochInWindow when they do not. The day is the
// calendar's interval, read once for the ledger's life, so a failed read is another error. Inside a window
// a withdrawal stream can keep the deposit read stale, and the keeper then holds deposit-paid sessions back
// until a commit made after the window closes (keeper/README.md "Withdrawal streams"). The first cutoff after
// the close can be up to two epochs after it (a later session's close moves the next cutoff past the held
// sessions' retry, CheckWithdrawalDelay), committed up to two feed graces and the commit's own latency
// (CommitSlack) later, so two epochs plus those no longer than the time outside the window put that commit
// outside the next window; a longer epoch (24 h epochs: every commit in a window again) lets a stream hold
// those sessions back day after day, while their user may withdraw the deposit they were to be charged
// (protocol/README.md "Which deposit an epoch charges").
func (l *Ledger) CheckWithdrawalWindow(ctx context.Context, window uint64) error {
	cal, err := l.calendar(ctx)
	if err != nil {
		return fmt.Errorf("calendar: %w", err)
	}
	return epochFitsOutsideWindow(l.cfg.EpochLength, l.cfg.FeedGrace, cal.Interval, window)
}

func epochFitsOutsideWindow(epoch, grace time.Duration, interval, window uint64) error {
	outside := time.Duration(interval-min(window, interval)) * time.Second
	epoch = ceilSecond(epoch) // whole seconds, as the ledger's windows take it (due)
	if 2*epoch+2*grace+CommitSlack <= outside {
		return nil
	}
	return fmt.Errorf("%w: two epochs of %s plus twice the feed grace (%s) and the commit slack (%s) are longer than the %s a day leaves outside the window (%s of every %s); "+
		"a withdrawal stream could hold deposit-paid sessions back every day: use --epoch-length of at most %s",
		ErrEpochInWindow, epoch, grace, CommitSlack, outside, time.Duration(window)*time.Second, time.Duration(interval)*time.Second,
		(max(outside-2*grace-CommitSlack, 0) / 2).Truncate(time.Second))
}

// MinWithdrawalDelay returns the pool's minWithdrawalDelay: the floor its withdrawal delay can never be set
// below (immutable).
func (p *ChainPool) MinWithdrawalDelay(ctx context.Context) (time.Duration, error) {
	d, err := p.caller.MinWithdrawalDelay(&bind.CallOpts{Context: ctx})
	if err != nil {
		return 0, err
	}
	return time.Duration(d.Uint64()) * time.Second, nil
}

// CheckWithdrawalDelay says whether every deposit-paid session admitted before a withdrawal request is in
// a commit this ledger makes before the request can be paid, and returns the margin: the pool's
// minWithdrawalDelay minus the rule's sum for this ledger's epoch and graces, how much later than the rule
// counts a deposit-paid record may still be committed (the outage a pool tolerates: a router feed, the
// keeper or the chain down; the keeper logs it at start), zero or less when the rule does not hold. It
// takes the pool's settlementLag (lag), its minWithdrawalDelay (minDelay: the delay can be set no lower) and
// its withdrawal window, and returns ErrEpochPastWithdrawalDelay when the session may not be committed in
// time, or when the epoch is not shorter than lag (no router given it could issue a deposit-paid ticket,
// settle.DepositWindow). A session admitted at the request has a
// ticket whose notAfter lies up to half the settlementLag after it (the widest settle.DepositWindow any
// honest router uses, whatever epoch its operator gave it), is closed up to settle.CloseWindow after that,
// credited in the epoch whose cutoff follows the close (at most an epoch later) and committed up to two feed
// graces after the cutoff; a commit falling in a withdrawal window, its deposit read made stale by a
// withdrawal stream, holds the session back (ledger.due): it is tried again an epoch after each commit, or
// with the next window's epoch when a later session is pending, whose window may be the one after the
// retry's (a pending session closed between the retry's window end and the retry makes the cutoff skip it),
// so it is committed up to the window, two epochs and two feed graces after the commit it missed
// (CheckWithdrawalWindow puts a commit outside every window). Unless all of that ends before the delay has
// run, the request may be paid first, the session is deposit_exceeded and its
// provider unpaid (protocol/README.md "Which deposit an epoch charges"). The pool's own bound,
// withdrawalDelay > settlementLag + withdrawalWindow + disputeWindow, counts neither the close window nor
// the feed graces.
func (l *Ledger) CheckWithdrawalDelay(lag, minDelay, window time.Duration) (margin time.Duration, err error) {
	margin = minDelay - latestCommit(ceilSecond(l.cfg.EpochLength), l.cfg.FeedGrace, lag, window)
	return margin, epochFitsWithdrawalDelay(l.cfg.EpochLength, l.cfg.FeedGrace, lag, minDelay, window)
}

// CommitSlack is what the withdrawal-delay rule allows the commits themselves beyond their epochs' feed
// graces (the epoch's own, whose latency, stale reads' waits included, may carry it into a withdrawal
// window, and the first after that window): waiting for a block past the cutoff to be final
// (--confirmations), polling, sending and inclusion. Without it the longest epoch the rule accepts would
// leave a second for all of that (contracts/script/Deploy.s.sol COMMIT_SLACK adds it to the default delay).
const CommitSlack = 5 * time.Minute

// latestCommit is how long after a withdrawal request a deposit-paid session admitted at it may be
// committed, feeds and keeper live (CheckWithdrawalDelay): its ticket, the close window, an epoch and two
// feed graces to its epoch's commit, a withdrawal window that commit may be held through with up to two
// epochs and two graces more to the first commit after it, and CommitSlack for the commits.
func latestCommit(epoch, grace, lag, window time.Duration) time.Duration {
	ticket := settle.DepositWindow(lag, 0) // every honest router's cap, whatever epoch it was given
	return ticket + settle.CloseWindow*time.Second + 3*epoch + 4*grace + window + CommitSlack
}

func epochFitsWithdrawalDelay(epoch, grace, lag, minDelay, window time.Duration) error {
	epoch = ceilSecond(epoch) // whole seconds, as the ledger's windows take it (due)
	closeWindow := settle.CloseWindow * time.Second
	ticket := settle.DepositWindow(lag, 0)
	late := func(e time.Duration) time.Duration { return latestCommit(e, grace, lag, window) }
	if epoch < lag && late(epoch) < minDelay {
		return nil
	}
	why := fmt.Sprintf("an epoch of %s is not shorter than the pool's settlementLag (%s): no router given it can issue a deposit-paid ticket", epoch, lag)
	if epoch < lag {
		why = fmt.Sprintf("a deposit-paid session admitted at a withdrawal request may be committed, with feeds and keeper live, up to %s after it (its ticket %s, "+
			"the close window %s, the epoch %s and two feed graces of %s to its epoch's commit; held through a withdrawal window of %s, up to two epochs and two graces more to the first commit after it; %s for the commits), "+
			"not before the pool's minWithdrawalDelay (%s) lets the request be paid",
			late(epoch), ticket, closeWindow, epoch, grace, window, CommitSlack, minDelay)
	}
	// The longest whole-second epoch below lag whose late() is below minDelay: late(e) is 3e plus the rest,
	// so the last whole second below a third of minDelay - the rest (rounded up to the nanosecond), when that
	// leaves one.
	bound := (minDelay - late(0) + 2) / 3
	longest := min(lag, ceilSecond(bound)) - time.Second
	if longest >= time.Second && late(longest) < minDelay {
		return fmt.Errorf("%w: %s; use --epoch-length of at most %s", ErrEpochPastWithdrawalDelay, why, longest)
	}
	return fmt.Errorf("%w: %s; no --epoch-length fits: the pool's minWithdrawalDelay would have to be longer than %s "+
		"(half its settlementLag %s, the close window, the withdrawal window, three epochs and four feed graces, and the commit slack; the floor is fixed at deployment: redeploy with a longer delay)", ErrEpochPastWithdrawalDelay, why, late(time.Second), lag)
}

// ceilSecond rounds d up to whole seconds: an epoch's length as the ledger's windows take it.
func ceilSecond(d time.Duration) time.Duration { return (d + time.Second - 1).Truncate(time.Second) }
