package ledger_test

import (
	"crypto/ecdsa"
	"encoding/json"
	"testing"
	"time"

	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
)

// TestCopyCannotRedateAnHonestClose (session review): router A closes the user's session S1 ten seconds
// before a protocol day ends and S2 on the next day; the user's allowance is 150 s a day at S's price, so
// both are credited in full (100 s each, each on its own day). A second router's feed publishes S1 again,
// byte for byte as A signed it (A's ticket and signature, the user's receipt, the provider's acceptance),
// with only closedAt moved, within every bound (the ticket's window, the wall clock). Moved past the day's
// end, S1 was charged to S2's day, where S2 then got 50 of its 100 s (its provider unpaid for the rest, the
// first day's allowance unused), and two keepers reading the same feeds in other orders committed two
// roots; moved earlier, the copy was kept over A's close. A signs its close (settle.CloseDigest), so A's
// record is kept whatever the copy's dates and whatever the order the keepers read the feeds in: a copy
// unsigned loses (duplicate); one carrying A's signature, or the copier's own, is rejected (bad_close_signature).
// Between copies none signed (a ticket whose key its router no longer holds) the earlier close is kept, by
// both keepers alike: they agree, though the dates are then the copier's to choose within their bounds.
func TestCopyCannotRedateAnHonestClose(t *testing.T) {
	const p = 1e12
	const week, day = 7 * 86400, 86400
	// A day start well inside a past epoch window (payoutStart 0, one-week epochs), so one epoch holds both.
	d1 := uint64(time.Now().Unix()/week-2)*week + 3*day
	routerA, copier := devnet.DevKey(testenv.RouterKey), devnet.DevKey(2)
	for _, tc := range []struct {
		name       string
		signA      bool              // A signs its closes
		copySigner *ecdsa.PrivateKey // signs the copy's close (nil: A's signature is dropped)
		closedAt   uint64            // the copy's
		kept       uint64            // the closedAt credited
		rejected   string            // the copy's rejection
	}{
		{"later", true, nil, d1 + 200, d1 - 10, ledger.RejectDuplicate}, // onto S2's day: A's close is kept
		{"earlier", true, nil, d1 - 50, d1 - 10, ledger.RejectDuplicate},
		{"earlier, with A's signature", true, routerA, d1 - 50, d1 - 10, ledger.RejectBadCloseSignature},
		{"earlier, signed by the copier", true, copier, d1 - 50, d1 - 10, ledger.RejectBadCloseSignature},
		{"earlier, none signed", false, nil, d1 - 50, d1 - 50, ledger.RejectDuplicate}, // within the wall clock: the copy is kept
	} {
		t.Run(tc.name, func(t *testing.T) {
			dbtest.Run(t, true, func(t *testing.T, dsn string) {
				s1 := accepted(t, testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{Nonce: 1, Seconds: 100,
					MaxSeconds: 600, Price: p, Created: d1 - 200, Closed: d1 - 10}))
				s2 := accepted(t, testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{Nonce: 2, Seconds: 100,
					MaxSeconds: 600, Price: p, Created: d1 + 100, Closed: d1 + 300}))
				if tc.signA {
					s1, s2 = closeSigned(t, s1, routerA), closeSigned(t, s2, routerA)
				}
				redated := s1
				redated.ClosedAt, redated.CloseSignature = tc.closedAt, nil
				switch tc.copySigner {
				case routerA: // A's signature of its own close, kept on the copy
					redated.CloseSignature = s1.CloseSignature
				case copier: // the copier's signature of the copy
					redated = closeSigned(t, redated, tc.copySigner)
				}

				fa, fb := testenv.NewFeed(t), testenv.NewFeed(t)
				fa.Add(t, s1, s2)
				fb.Add(t, redated)
				var epochs []*ledger.EpochRow
				var files []*ledger.BatchFile
				for i, feeds := range [][]string{{fa.Server.URL, fb.Server.URL}, {fb.Server.URL, fa.Server.URL}} {
					ctx, st := openStore(t, []string{dsn, freshDSN(t, dsn)}[i])
					l, err := ledger.New(ledger.Config{Feeds: feeds, BatchDir: t.TempDir(), Now: time.Now, EpochLength: week * time.Second,
						Allowances: fixedAllowances{allowance: 150 * p}}, st, statePool{state: &ledger.PoolState{}}, nil, domain, twoRouters{}, nil, nil)
					require.NoError(t, err)
					e := firstEpoch(t, ctx, l)
					full, _, err := wire.Credit(200, uint256.NewInt(p), 0)
					require.NoError(t, err)
					require.Equal(t, full.Dec(), e.Total.Dec(),
						"keeper %d (feeds in order %v): the copy's closedAt moved S1 onto S2's day, which its allowance no longer covers", i, feeds)
					require.Equal(t, map[string]int{tc.rejected: 1}, rejectedCodes(t, ctx, l), "keeper %d", i)
					bf := readBatchFile(t, ctx, l, 0)
					var closes []uint64
					for _, raw := range bf.Sessions {
						var rec wire.SessionRecord
						require.NoError(t, json.Unmarshal(raw, &rec))
						closes = append(closes, rec.ClosedAt)
					}
					require.Equal(t, []uint64{tc.kept, d1 + 300}, closes, "keeper %d: the closes credited", i)
					epochs, files = append(epochs, e), append(files, bf)
				}
				require.Equal(t, epochs[0].Root, epochs[1].Root, "two keepers, the same feeds in another order: another root")
				require.Equal(t, files[0].Sessions, files[1].Sessions, "two keepers, the same feeds in another order: other records")
			})
		})
	}
}

// closeSigned is rec with its close signed by key (settle.CloseDigest), as its router does.
func closeSigned(t *testing.T, rec wire.SessionRecord, key *ecdsa.PrivateKey) wire.SessionRecord {
	c := rec.Close()
	sig, err := settle.SignClose(domain, &c, key)
	require.NoError(t, err)
	rec.CloseSignature = &sig
	return rec
}
