package settle

import (
	"errors"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/eip712"
)

func TestTicketOfRFC(t *testing.T) {
	d := eip712.NewDomain(31337, common.Address{0xaa})
	rfc := eip712.RFC{User: common.Address{1}, ModelID: common.Hash{2}, MaxPricePerSecond: *uint256.NewInt(100), MaxSeconds: 600,
		Nonce: 1, Deadline: 1_800_000_000, SessionKey: common.Address{3}}
	digest := d.Digest(&rfc)
	provider := common.Address{4}
	good := eip712.SessionTicket{SessionID: eip712.SessionID(digest, provider), User: rfc.User, Provider: provider, ModelID: rfc.ModelID,
		PricePerSecond: *uint256.NewInt(100), MaxSeconds: 600, NotAfter: 1_800_000_700, SessionKey: rfc.SessionKey}
	require.NoError(t, TicketOfRFC(digest, &rfc, &good))
	cases := map[string]struct {
		mod  func(*eip712.SessionTicket)
		code string
	}{
		"cheaper and shorter is fine": {func(t *eip712.SessionTicket) { t.PricePerSecond = *uint256.NewInt(99); t.MaxSeconds = 60 }, ""},
		"other user":                  {func(t *eip712.SessionTicket) { t.User = common.Address{9} }, CodeUserMismatch},
		"other provider, same id":     {func(t *eip712.SessionTicket) { t.Provider = common.Address{9} }, CodeSessionNotOfRFC},
		"other model":                 {func(t *eip712.SessionTicket) { t.ModelID = common.Hash{9} }, CodeModelMismatch},
		"dearer":                      {func(t *eip712.SessionTicket) { t.PricePerSecond = *uint256.NewInt(101) }, CodePriceOverRFC},
		"longer":                      {func(t *eip712.SessionTicket) { t.MaxSeconds = 601 }, CodeMaxSecondsOverRFC},
		"other session key":           {func(t *eip712.SessionTicket) { t.SessionKey = common.Address{9} }, CodeSessionKeyMismatch},
		"deposit without consent":     {func(t *eip712.SessionTicket) { t.UseDeposit = true }, CodeUseDepositMismatch},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			tk := good
			c.mod(&tk)
			err := TicketOfRFC(digest, &rfc, &tk)
			if c.code == "" {
				require.NoError(t, err)
				return
			}
			var m *Mismatch
			require.True(t, errors.As(err, &m), "%v", err)
			require.Equal(t, c.code, m.Code)
		})
	}
}

func TestTimeBounds(t *testing.T) {
	const deadline = 1_800_000_600
	require.Equal(t, uint64(1_800_000_000), Start(1_700_000_000, deadline), "a router cannot date a session before deadline - 10 min")
	require.Equal(t, uint64(1_800_000_100), Start(1_800_000_100, deadline), "an honest createdAt stands")
	require.Equal(t, uint64(5), Start(5, 100), "no underflow")

	// The report's case: opened, closed 3 s later, never 5,326 s.
	require.Equal(t, uint32(4), WallClock(1_800_000_000, 1_800_000_003))
	require.Equal(t, uint32(0), WallClock(10, 9))

	require.Equal(t, uint32(0), ProviderAlone(1000, 5000, 0, false), "no user-signed request: nothing")
	require.Equal(t, uint32(1000+RequestGrace-1000+1), ProviderAlone(1000, 5000, 1000, true))
	require.Equal(t, uint32(51), ProviderAlone(1000, 1050, 1040, true), "never beyond the close")
	require.Equal(t, uint32(0), ProviderAlone(10_000, 20_000, 100, true), "a request older than the session proves nothing")

	require.NoError(t, CheckCloseTime(100, 100, 200))
	require.NoError(t, CheckCloseTime(100, 200+CloseWindow, 200))
	require.Error(t, CheckCloseTime(100, 99, 200))
	require.Error(t, CheckCloseTime(100, 201+CloseWindow, 200))

	last := LastClose(200)
	require.True(t, Closable(last, time.Unix(int64(last), 999_999_999)), "the router dates it second last")
	require.False(t, Closable(last, time.Unix(int64(last)+1, 0)))
	require.True(t, Closable(last, time.Unix(-1, 0)), "no underflow")
}

// TestDay: ComputePool.dayOf's formula, and no day before payoutStart or without an interval.
func TestDay(t *testing.T) {
	for _, c := range []struct {
		start, ivl, t, day uint64
		ok                 bool
	}{
		{1000, 86400, 1000, 0, true},
		{1000, 86400, 87399, 0, true},
		{1000, 86400, 87400, 1, true},
		{1000, 86400, 999, 0, false},
		{1000, 0, 5000, 0, false},
	} {
		day, ok := Day(c.start, c.ivl, c.t)
		require.Equal(t, c.ok, ok, "%+v", c)
		require.Equal(t, c.day, day, "%+v", c)
	}
}

// TestDepositWindow: settlementLag minus one epoch, never more than half the settlementLag (also when the
// epoch is not known), so a router given a shorter epoch than the keepers' issues no longer ticket than the
// keepers count (keeper/ledger CheckWithdrawalDelay counts DepositWindow(lag, 0) for every router).
func TestDepositWindow(t *testing.T) {
	lag := 2 * time.Hour
	require.Equal(t, time.Hour, DepositWindow(lag, 0))
	require.Equal(t, time.Hour, DepositWindow(lag, time.Second))
	require.Equal(t, time.Hour, DepositWindow(lag, 10*time.Minute))
	require.Equal(t, time.Hour, DepositWindow(lag, time.Hour))
	require.Equal(t, time.Hour-time.Second, DepositWindow(lag, time.Hour+time.Second))
	require.Equal(t, 10*time.Minute, DepositWindow(lag, 110*time.Minute))
	require.LessOrEqual(t, DepositWindow(lag, lag), time.Duration(0))
	for e := time.Duration(0); e < lag; e += 7 * time.Minute {
		require.LessOrEqual(t, DepositWindow(lag, e), DepositWindow(lag, 0), "epoch %s", e)
	}
}
