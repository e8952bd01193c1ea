package ledger_test

import (
	"context"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
)

// rotatedRegistry: the provider's signer is signer before rotatedAt, next from then on (settle.SignerAt),
// and a second ROUTER_ROLE key (twoRouters).
type rotatedRegistry struct {
	twoRouters
	rotatedAt uint64
	next      common.Address
}

func (r rotatedRegistry) IsProviderSigner(_ context.Context, p, s common.Address, at uint64) (bool, error) {
	if at < r.rotatedAt {
		return p == provider && s == crypto.PubkeyToAddress(signer.PublicKey), nil
	}
	return p == provider && s == r.next, nil
}

// TestRotationMidSessionCopyCutsBill (THREATS.md, provider: signer rotation; router: copies of a session):
// the provider rotates its signer mid-session. Its acceptance was signed by the old key at the session's
// first request; its receipt is countersigned by the new key at the close, after the rotation. A ticket
// acceptance counts when signed by the provider's signer at the session's start or at its close, so the
// honest close keeps it. A second ROUTER_ROLE key copies the session: the same ticket re-signed, the user's
// receipt signature alone, closedAt at the session's start (before the rotation), billing 1 s, without the
// acceptance (it names the honest router, TestResignedTicketDoesNotCarryAcceptance). The honest close, whose
// ticket the provider accepted, is kept, read first or last. Judging the acceptance at the close alone
// rejected the honest close (bad_ticket_acceptance) and credited the copy: the provider was paid 1 s of 100.
func TestRotationMidSessionCopyCutsBill(t *testing.T) {
	for _, hostileFirst := range []bool{true, false} {
		t.Run(map[bool]string{true: "copy read first", false: "copy read last"}[hostileFirst], func(t *testing.T) {
			dbtest.Run(t, true, func(t *testing.T, dsn string) { rotationMidSession(t, dsn, hostileFirst) })
		})
	}
}

func rotationMidSession(t *testing.T, dsn string, hostileFirst bool) {
	ctx, st := openStore(t, dsn)
	fa, fb := testenv.NewFeed(t), testenv.NewFeed(t)
	next, err := crypto.GenerateKey()
	require.NoError(t, err)
	now := uint64(time.Now().Unix())
	reg := rotatedRegistry{rotatedAt: now - 60, next: crypto.PubkeyToAddress(next.PublicKey)}
	feeds := []string{fa.Server.URL, fb.Server.URL}
	if hostileFirst {
		feeds[0], feeds[1] = feeds[1], feeds[0]
	}
	l, err := ledger.New(ledger.Config{Feeds: feeds, BatchDir: t.TempDir(), Now: later,
		EpochLength: 24 * time.Hour, Allowances: fixedAllowances{allowance: 1 << 62}}, st, statePool{state: &ledger.PoolState{}},
		nil, domain, reg, nil, nil)
	require.NoError(t, err)

	// Honest: receipt countersigned by the new key, the acceptance the old key signed when the session began.
	honest := testenv.MakeRecordSpec(t, domain, provider, next, model, testenv.Spec{Seconds: 100, MaxSeconds: 600,
		Price: 1e12, Created: now - 130, Closed: now - 5})
	oldAcc, err := settle.SignAcceptance(domain, &honest.Ticket, honest.Router, signer)
	require.NoError(t, err)
	honest.TicketAcceptance = &oldAcc

	hostile := reticketed(t, honest, &honest.Ticket.PricePerSecond)
	hostile.ProviderSignature, hostile.CloseReason = nil, wire.CloseOneSided
	hostile.ClosedAt = settle.Start(hostile.CreatedAt, hostile.RFC.Deadline)
	require.Less(t, hostile.ClosedAt, reg.rotatedAt)
	hostile.BilledSeconds, hostile.TicketAcceptance = 1, nil

	fa.Add(t, honest)
	fb.Add(t, hostile)
	e := firstEpoch(t, ctx, l)
	served, _, err := wire.Credit(100, uint256.NewInt(1e12), 0)
	require.NoError(t, err)
	require.Equal(t, served.Dec(), e.Total.Dec(), "the provider is paid what the user and it signed")
	require.Equal(t, map[string]int{ledger.RejectTicketNotAccepted: 1}, rejectedCodes(t, ctx, l), "the 1 s copy lost by the acceptance")
}
