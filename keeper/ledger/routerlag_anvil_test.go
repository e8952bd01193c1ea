package ledger_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
	rapi "github.com/laketravis/laketravis/router/api"
	"github.com/laketravis/laketravis/router/book"
	"github.com/laketravis/laketravis/router/health"
	"github.com/laketravis/laketravis/router/index"
	rstore "github.com/laketravis/laketravis/router/store"
)

// TestRouterCloseInConfirmationLagCreditedAnvil (THREATS.md, provider: signer rotation; review finding
// "router signer-history lag"), with the real router (index at --confirmations 3, close handler, store)
// and the keeper's real verifier on one chain: the provider rotates K1 → K2 50 s into a session, in a block
// the router's book has not confirmed, while its serve still countersigns with K1. The router used to
// take that close (200; its book alone still said K1) and the keeper rejected the record whole
// (bad_provider_signature: K2 was the signer at the close): the session, 40 s the user signed for, was
// credited to no one, the provider's later close 409. Now the router refuses K1's close
// (bad_provider_signature, which provider serve tries again) and keeps K2's pending (503, tried again)
// until its book has confirmed the rotation; K2's close (with K1's acceptance of the session it started)
// is then taken, dated at its first arrival, and credited.
func TestRouterCloseInConfirmationLagCreditedAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	env := testenv.New(t, ctx, testenv.Options{})
	log := zaptest.NewLogger(t)
	db, err := rstore.Open(ctx, filepath.Join(t.TempDir(), "router.db"))
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	ix, err := index.New(ctx, index.Config{Contracts: book.Contracts{Marketplace: env.MarketAddr, ModelRegistry: env.Addr("ModelRegistry")},
		StartBlock: env.Deployment.StartBlock, Confirmations: 3}, env.Client, db, log)
	require.NoError(t, err)
	env.Mine(3)
	require.NoError(t, ix.Sync(ctx))

	rcpt, k2 := rotateSigner(t, ctx, env, "K2 lag")
	rotatedAt := blockTimeOf(t, ctx, env, rcpt)
	require.NoError(t, ix.Sync(ctx))
	require.Less(t, ix.Snapshot().Block, rcpt.BlockNumber.Uint64(), "the rotation is not confirmed: the book lags it")

	rec := testenv.MakeRecordSpec(t, env.Domain, env.Provider, env.Signer, env.ModelID,
		testenv.Spec{Nonce: 1, Seconds: 40, MaxSeconds: 600, Price: 1e12, Created: rotatedAt - 50, Closed: rotatedAt + 5})
	_, _, err = db.CreateSession(ctx, rstore.NewSession{Session: &rstore.Session{ID: rec.SessionID, RFCDigest: env.Domain.Digest(rec.RFC),
		RFC: eip712.SignedRFC{RFC: *rec.RFC, Signature: *rec.RFCSignature}, Ticket: rec.Ticket, TicketSignature: rec.TicketSignature,
		Router: rec.Router, Endpoint: "https://provider.example", Reserved: uint256.NewInt(600 * 1e12), CreatedAt: rec.CreatedAt,
		ExpiresAt: rec.Ticket.NotAfter + 60}, Nonce: 1, Deadline: rec.RFC.Deadline, Allowance: uint256.NewInt(1e18)})
	require.NoError(t, err)
	srv := rapi.New(rapi.Config{Domain: env.Domain, RouterKey: devnet.DevKey(testenv.RouterKey),
		Now: func() time.Time { return time.Unix(int64(rec.ClosedAt), 0) }}, ix, nil, nil, db, health.New(health.Backoff{}, time.Now), nil, log)
	hs := httptest.NewServer(srv.Handler())
	defer hs.Close()
	acc, err := settle.SignAcceptance(env.Domain, &rec.Ticket, rec.Router, env.Signer) // K1 accepted the session at its start
	require.NoError(t, err)
	v := chainVerifier(t, ctx, env, 1)
	closeWith := func(key *ecdsa.PrivateKey) (int, []byte) {
		ps, err := env.Domain.Sign(rec.Receipt, key)
		require.NoError(t, err)
		body, err := json.Marshal(wire.CloseRequest{Receipt: *rec.Receipt, UserSignature: rec.UserSignature, ProviderSignature: &ps, TicketAcceptance: &acc})
		require.NoError(t, err)
		resp, err := http.Post(hs.URL+"/v1/sessions/"+rec.SessionID.Hex()+"/close", "application/json", bytes.NewReader(body))
		require.NoError(t, err)
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		if resp.StatusCode == http.StatusOK {
			var taken wire.SessionRecord
			require.NoError(t, json.Unmarshal(b, &taken))
			s, _, err := verifyFinal(t, ctx, env, v, taken)
			require.NoError(t, err, "the router took a close keepers do not credit: the session is lost")
			require.Equal(t, uint32(40), s.Seconds)
		}
		return resp.StatusCode, b
	}

	code, b := closeWith(env.Signer)
	require.Equal(t, http.StatusUnauthorized, code, string(b))
	require.Contains(t, string(b), wire.CodeBadProviderSignature)
	code, b = closeWith(k2)
	require.Equal(t, http.StatusServiceUnavailable, code, "K2 before the book confirmed it: kept pending: %s", b)

	env.Mine(3)
	require.NoError(t, ix.Sync(ctx))
	code, b = closeWith(k2)
	require.Equal(t, http.StatusOK, code, string(b))
	code, b = closeWith(env.Signer)
	require.Equal(t, http.StatusConflict, code, "closed once: %s", b)
}
