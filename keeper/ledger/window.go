package ledger

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
)

// ErrEpochInWindow: the keeper's epoch does not fit in the time a day leaves outside the pool's withdrawal
// window, so a day could pass without a commit outside it.
var ErrEpochInWindow = errors.New("ledger: the epoch does not fit outside the pool's withdrawal window")

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
// a withdrawal stream can keep the deposit read stale, and the keeper then holds deposit-paid sessions back until a commit made after the window closes (keeper/README.md
// "Withdrawal streams"). An epoch is committed up to two feed graces after its window ends, so an epoch plus
// two graces no longer than the time outside the window puts a commit there every day; a longer one (24 h
// epochs: every commit in a window again) lets a stream hold those sessions back day after day, while
// their user may withdraw the deposit they were to be charged (protocol/README.md "Which deposit an epoch
// charges").
func (l *Ledger) CheckWithdrawalWindow(ctx context.Context, window uint64) error {
	cal, err := l.calendar(ctx)
	if err != nil {
		return fmt.Errorf("calendar: %w", err)
	}
	return epochFitsOutsideWindow(l.cfg.EpochLength, l.cfg.FeedGrace, cal.Interval, window)
}

func epochFitsOutsideWindow(epoch, grace time.Duration, interval, window uint64) error {
	outside := time.Duration(interval-min(window, interval)) * time.Second
	epoch = (epoch + time.Second - 1).Truncate(time.Second) // whole seconds, rounded up as the ledger does
	if epoch+2*grace <= outside {
		return nil
	}
	return fmt.Errorf("%w: an epoch of %s plus twice the feed grace (%s) is longer than the %s a day leaves outside the window (%s of every %s); "+
		"a withdrawal stream could hold deposit-paid sessions back every day: use --epoch-length of at most %s",
		ErrEpochInWindow, epoch, grace, outside, time.Duration(window)*time.Second, time.Duration(interval)*time.Second,
		max(outside-2*grace, 0))
}
