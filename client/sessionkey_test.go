package client

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
)

// TestOpenUsesEphemeralSessionKey: Client.Open authorises a fresh key in the RFC; the wallet key signs
// the RFC only, while requests and the receipt are signed by the session key, which differs per session.
func TestOpenUsesEphemeralSessionKey(t *testing.T) {
	d := testDomain()
	user, router, provider := testKey(t, userHex), testKey(t, routerHex), addr(testKey(t, providerHex))
	var rfcs []eip712.RFC
	rs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		srfc, err := eip712.DecodeSignedRFC(body)
		require.NoError(t, err)
		_, err = srfc.Verify(d)
		require.NoError(t, err, "the RFC is signed by the user's wallet key")
		rfcs = append(rfcs, srfc.RFC)
		wire.WriteJSON(w, 200, grantFor(t, d, &srfc.RFC, router, provider, 100, "http://127.0.0.1:9/", uint64(time.Now().Unix())+600))
	}))
	defer rs.Close()
	c := &Client{Router: NewRouterClient(rs.URL, nil), Domain: d, Key: user}
	p := RFCParams{Model: "llama3:8b", MaxPricePerSecond: uint256.NewInt(100), MaxSeconds: 60}

	s1, err := c.Open(t.Context(), p)
	require.NoError(t, err)
	s2, err := c.Open(t.Context(), p)
	require.NoError(t, err)
	require.Len(t, rfcs, 2)
	for _, r := range rfcs {
		require.NotEqual(t, common.Address{}, r.SessionKey, "the RFC authorises a session key")
		require.NotEqual(t, addr(user), r.SessionKey)
	}
	require.NotEqual(t, rfcs[0].SessionKey, rfcs[1].SessionKey, "one ephemeral key per session")

	req, _ := http.NewRequest("POST", "http://127.0.0.1:9/v1/chat/completions", bytes.NewReader([]byte("{}")))
	require.NoError(t, s1.Authorize(req, []byte("{}")))
	v := verifyAsProvider(t, d, req, []byte("{}"))
	require.Equal(t, rfcs[0].SessionKey, v.user, "requests are signed by the session key, not the wallet")

	rc := eip712.UsageReceipt{SessionID: s1.ID(), Seconds: 3}
	sig, err := s1.SignReceipt(rc)
	require.NoError(t, err)
	_, err = d.Verify(&rc, sig[:], rfcs[0].SessionKey)
	require.NoError(t, err, "the receipt is signed by the session key")

	// lt rfc / lt close: the saved state carries the session key, so another process can close.
	st := s2.State()
	require.NotEmpty(t, st.SessionKey)
	r, err := ResumeSession(d, user, st, SessionOptions{})
	require.NoError(t, err)
	sig, err = r.SignReceipt(eip712.UsageReceipt{SessionID: s2.ID()})
	require.NoError(t, err)
	_, err = d.Verify(&eip712.UsageReceipt{SessionID: s2.ID()}, sig[:], rfcs[1].SessionKey)
	require.NoError(t, err)

	// A router that swaps the session key in the ticket is caught before any request is signed.
	swapped := grantFor(t, d, &rfcs[0], router, provider, 100, "http://p", 2_000_000_000)
	swapped.Ticket.SessionKey = addr(user)
	swapped.TicketSignature, _ = d.Sign(&swapped.Ticket, router)
	require.ErrorIs(t, CheckGrant(d, &rfcs[0], swapped), ErrBadGrant)

	// UserKeySigns keeps the wallet key signing (zero session key).
	c.UserKeySigns = true
	s3, err := c.Open(t.Context(), p)
	require.NoError(t, err)
	require.Equal(t, common.Address{}, rfcs[2].SessionKey)
	req, _ = http.NewRequest("GET", "http://127.0.0.1:9/v1/models", nil)
	require.NoError(t, s3.Authorize(req, nil))
	require.Equal(t, addr(user), verifyAsProvider(t, d, req, nil).user)
}
