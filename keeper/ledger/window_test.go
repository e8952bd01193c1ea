package ledger

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/settle"
)

// TestEpochFitsOutsideWindow: two of a keeper's epochs plus two feed graces and the commit slack must fit in
// the time a day leaves outside the withdrawal window, so that the first commit after a window, whose cutoff
// may be two epochs after its close, lands before the next one (a review's finding: with one epoch, 12 h
// epochs on a 1 h window held a session through window after window).
func TestEpochFitsOutsideWindow(t *testing.T) {
	const day, hour = 86400, 3600
	for _, c := range []struct {
		name          string
		epoch, grace  time.Duration
		window        uint64
		fits          bool
		suggestedMost string
	}{
		{"Arbitrum Sepolia: 1 h epochs, 2 h window", time.Hour, time.Minute, 2 * hour, true, ""},
		{"24 h epochs: every commit in a window again", 24 * time.Hour, time.Minute, 2 * hour, false, "10h56m30s"},
		{"12 h epochs (the review's case, a 1 h window)", 12 * time.Hour, time.Minute, hour, false, "11h26m30s"},
		{"exactly the time outside", 10*time.Hour + 56*time.Minute + 30*time.Second, time.Minute, 2 * hour, true, ""},
		{"one second more", 10*time.Hour + 56*time.Minute + 31*time.Second, time.Minute, 2 * hour, false, "10h56m30s"},
		{"devnet defaults: 1 h window (a 24th), 1 h epochs", time.Hour, time.Minute, hour, true, ""},
		{"devnet defaults, the keeper's devnet epoch (1 min)", time.Minute, time.Minute, hour, true, ""},
		{"a 23 h window (the devnet default before): 1 h epochs", time.Hour, time.Minute, 23 * hour, false, "26m30s"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := epochFitsOutsideWindow(c.epoch, c.grace, day, c.window)
			if c.fits {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, ErrEpochInWindow)
			require.ErrorContains(t, err, "use --epoch-length of at most "+c.suggestedMost)
		})
	}
}

// TestEpochFitsWithdrawalDelay: a deposit-paid session admitted at a withdrawal request (its ticket up to
// half the lag, the widest deposit window any honest router uses whatever epoch it was given, its close up
// to settle.CloseWindow later, then an epoch and two feed graces to its commit, and a withdrawal window it
// may be held through with up to two epochs and two graces more to the first commit after it, and CommitSlack)
// must be committed before the pool's shortest delay lets the request be paid; the epoch must be shorter
// than the settlementLag.
func TestEpochFitsWithdrawalDelay(t *testing.T) {
	const hour = time.Hour
	lag, window := 2*hour, 2*hour // Arbitrum Sepolia: settlementLag 7200, withdrawalWindow 7200
	// 25740 s, with 1 h epochs: the ticket (half the lag), the close window (1 h), the epoch and two graces
	// of 1 min to its epoch's commit, two epochs and two graces from the window it was held through to the
	// next commit, the window and the commit slack (5 min).
	late := lag/2 + hour + 3*hour + 4*time.Minute + window + 5*time.Minute
	for _, c := range []struct {
		name                  string
		epoch, grace          time.Duration
		lag, minDelay, window time.Duration
		suggestedMost         string // "": fits; "none": no epoch fits
		says                  string // and the error says this too
	}{
		{"Arbitrum Sepolia: 24 h delay, 1 h epochs", hour, time.Minute, lag, 24 * hour, window, "", ""},
		{"Arbitrum Sepolia, the longest epoch below the lag", lag - time.Second, time.Minute, lag, 24 * hour, window, "", ""},
		{"an epoch as long as the lag", lag, time.Minute, lag, 24 * hour, window, "1h59m59s", "an epoch of 2h0m0s is not shorter than the pool's settlementLag (2h0m0s)"},
		{"an epoch longer than the lag", 3 * hour, time.Minute, lag, 24 * hour, window, "1h59m59s", ""},
		{"a delay one second longer than the latest commit", hour, time.Minute, lag, late + time.Second, window, "", ""},
		{"a delay as long as the latest commit", hour, time.Minute, lag, late, window, "59m59s", "committed, with feeds and keeper live, up to 7h9m0s after it (its ticket 1h0m0s, the close window 1h0m0s, the epoch 1h0m0s and two feed graces of 1m0s to its epoch's commit; held through a withdrawal window of 2h0m0s, up to two epochs and two graces more to the first commit after it; 5m0s for the commits), not before the pool's minWithdrawalDelay (7h9m0s)"},
		{"a delay one second shorter", hour, time.Minute, lag, late - time.Second, window, "59m59s", ""},
		{"the pool's own floor with a 1 h dispute window (lag + window + dispute + 1 s)", hour, time.Minute, lag, lag + window + hour + time.Second, window, "17m0s", ""},
		{"30 min epochs fit where 1 h ones do not", 30 * time.Minute, time.Minute, lag, late, window, "", ""},
		{"one second more than fits", hour + time.Second, time.Minute, lag, late + time.Second, window, "1h0m0s", ""},
		{"a shorter grace leaves room for a longer epoch", 65 * time.Minute, time.Second, lag, late, window, "1h1m18s", ""},
		{"a sub-second epoch counts as a whole second", hour + time.Millisecond, time.Minute, lag, late + time.Second, window, "1h0m0s", ""},
		{"devnet: 10 min lag, 1 h window, the pool's shortest delay (4261 s), 1 min epochs", time.Minute, time.Minute, 10 * time.Minute, 4261 * time.Second, hour, "none", "would have to be longer than 2h14m3s (half its settlementLag 10m0s"},
		{"devnet: the deploy's default delay (8701 s), 1 min epochs (make devnet's keeper)", time.Minute, time.Minute, 10 * time.Minute, 8701 * time.Second, hour, "", ""},
		{"devnet: the deploy's default delay, 5 s epochs (make demo's keeper)", 5 * time.Second, 5 * time.Second, 10 * time.Minute, 8701 * time.Second, hour, "", ""},
		{"devnet: the deploy's default delay, 7 min epochs", 7 * time.Minute, time.Minute, 10 * time.Minute, 8701 * time.Second, hour, "3m40s", ""},
		{"devnet, 1 h epochs (the keeper's default): longer than the lag", hour, time.Minute, 10 * time.Minute, 8701 * time.Second, hour, "3m40s", "not shorter than the pool's settlementLag (10m0s)"},
		{"Arbitrum Sepolia file with delay 0: the deploy's default (25741 s), 1 h epochs (half the lag: by the second the dispute window leaves)", hour, time.Minute, lag, 25741 * time.Second, window, "", ""},
		{"the deploy's default before (21721 s): 1 h epochs no longer fit", hour, time.Minute, lag, 21721 * time.Second, window, "37m40s", ""},
		{"a nanosecond of delay decides: 1 h fits (a third of it is below a nanosecond)", hour + time.Second, time.Minute, lag, late + time.Nanosecond, window, "1h0m0s", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := epochFitsWithdrawalDelay(c.epoch, c.grace, c.lag, c.minDelay, c.window)
			if c.says != "" {
				require.ErrorContains(t, err, c.says)
			}
			switch c.suggestedMost {
			case "":
				require.NoError(t, err)
			case "none":
				require.ErrorIs(t, err, ErrEpochPastWithdrawalDelay)
				require.ErrorContains(t, err, "no --epoch-length fits")
			default:
				require.ErrorIs(t, err, ErrEpochPastWithdrawalDelay)
				require.ErrorContains(t, err, "use --epoch-length of at most "+c.suggestedMost)
				most, perr := time.ParseDuration(c.suggestedMost)
				require.NoError(t, perr)
				require.NoError(t, epochFitsWithdrawalDelay(most, c.grace, c.lag, c.minDelay, c.window), "the suggested epoch fits")
				require.Error(t, epochFitsWithdrawalDelay(most+time.Second, c.grace, c.lag, c.minDelay, c.window), "and no longer one")
			}
		})
	}
}

// TestWithdrawalDelayMargin: the margin CheckWithdrawalDelay returns (the keeper logs it at start) is the
// pool's minWithdrawalDelay minus the
// rule's sum (a ticket of half the lag, the close window, the epoch in whole seconds, two feed graces, the
// withdrawal window, two epochs and two graces more for a commit held through that window, CommitSlack):
// positive exactly when CheckWithdrawalDelay passes (for epochs below the lag).
func TestWithdrawalDelayMargin(t *testing.T) {
	check := func(epoch, grace, lag, minDelay, window time.Duration) (time.Duration, error) {
		return (&Ledger{cfg: Config{EpochLength: epoch, FeedGrace: grace}}).CheckWithdrawalDelay(lag, minDelay, window)
	}
	margin := func(epoch, grace, lag, minDelay, window time.Duration) time.Duration {
		m, _ := check(epoch, grace, lag, minDelay, window)
		return m
	}
	// The devnet file's pool (the deploy's default delay): make demo's epochs and graces (5 s; make demo's own
	// pool, a 10-minute day, gives 816 s), make devnet's keeper (1 min).
	require.Equal(t, 866*time.Second, margin(5*time.Second, 5*time.Second, 10*time.Minute, 8701*time.Second, time.Hour))
	require.Equal(t, 481*time.Second, margin(time.Minute, time.Minute, 10*time.Minute, 8701*time.Second, time.Hour))
	// The Arbitrum Sepolia file (24 h delay), 1 h epochs: 24 h - 7 h 9 min.
	require.Equal(t, 16*time.Hour+51*time.Minute, margin(time.Hour, time.Minute, 2*time.Hour, 24*time.Hour, 2*time.Hour))
	require.Equal(t, margin(time.Second, time.Minute, 10*time.Minute, 8701*time.Second, time.Hour),
		margin(time.Millisecond, time.Minute, 10*time.Minute, 8701*time.Second, time.Hour), "an epoch counts in whole seconds")
	for _, epoch := range []time.Duration{time.Second, time.Minute, 3*time.Minute + 39*time.Second + 500*time.Millisecond, 3*time.Minute + 40*time.Second, 3*time.Minute + 41*time.Second, 7 * time.Minute} {
		m, err := check(epoch, time.Minute, 10*time.Minute, 8701*time.Second, time.Hour)
		require.Equal(t, m > 0, err == nil, "epoch %s: margin %s, check %v", epoch, m, err)
	}
}

// TestDeployDefaultDelayFitsKeepers: contracts/script/Deploy.s.sol's default withdrawalDelay (0 in a
// parameter file) is the pool's shortest, settlementLag + withdrawalWindow + disputeWindow + 1, plus half the
// lag, CLOSE_WINDOW (settle.CloseWindow, pinned here), KEEPER_GRACES (four feed graces at the keeper's
// default of at most 1 min) and COMMIT_SLACK (CommitSlack, pinned here). With it, any epoch up to a third
// of the lag and any grace up to 1 min passes, however short the dispute window (the ticket is half the
// lag, the three epochs at most a lag; the close window, the graces, the withdrawal window and the slack
// are counted). minWithdrawalDelay is immutable: a default the keepers' check refuses would leave a
// pool no keeper starts on.
func TestDeployDefaultDelayFitsKeepers(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "contracts", "script", "Deploy.s.sol"))
	require.NoError(t, err)
	script := string(raw)
	constant := func(name string) time.Duration {
		m := regexp.MustCompile(`uint256 public constant ` + name + ` = (\d+)( minutes)?;`).FindStringSubmatch(script)
		require.NotNil(t, m, "Deploy.s.sol declares %s", name)
		n, err := strconv.ParseUint(m[1], 10, 32)
		require.NoError(t, err)
		if m[2] != "" {
			return time.Duration(n) * time.Minute
		}
		return time.Duration(n) * time.Second
	}
	closeWindow, graces, slack := constant("CLOSE_WINDOW"), constant("KEEPER_GRACES"), constant("COMMIT_SLACK")
	require.Equal(t, CommitSlack, slack, "Deploy.s.sol's COMMIT_SLACK is ledger.CommitSlack")
	require.Equal(t, settle.CloseWindow*time.Second, closeWindow, "Deploy.s.sol's CLOSE_WINDOW is settle.CloseWindow")
	require.Equal(t, 4*time.Minute, graces, "four feed graces at the keeper's default of at most 1 min")
	require.Regexp(t, `p\.withdrawalDelay = p\.settlementLag \+ p\.settlementLag / 2 \+ p\.withdrawalWindow \+ p\.disputeWindow\s+\+ CLOSE_WINDOW \+ KEEPER_GRACES \+ COMMIT_SLACK \+ 1;`,
		script, "the default delay adds half the lag and both to the pool's shortest")

	for _, p := range []struct{ lag, window, dispute time.Duration }{
		{10 * time.Minute, time.Hour, time.Minute},       // the devnet file
		{2 * time.Hour, 2 * time.Hour, time.Hour},        // the Arbitrum Sepolia file
		{2 * time.Second, time.Second, 0},                // a lag of two seconds, a one-second window
		{24 * time.Hour, 23 * time.Hour, 0},              // long ones
		{7 * time.Second, time.Minute, 30 * time.Second}, // an odd lag
	} {
		delay := p.lag + (p.lag / 2).Truncate(time.Second) + p.window + p.dispute + closeWindow + graces + slack + time.Second
		for epoch := time.Second; epoch <= p.lag/3; epoch += max(time.Second, p.lag/600) {
			for _, grace := range []time.Duration{time.Second, min(epoch, time.Minute), time.Minute} {
				require.NoError(t, epochFitsWithdrawalDelay(epoch, grace, p.lag, delay, p.window),
					"lag %s, window %s, dispute %s: epoch %s, grace %s", p.lag, p.window, p.dispute, epoch, grace)
			}
		}
	}
}
