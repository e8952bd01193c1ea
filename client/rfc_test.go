package client

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/settle"
)

func TestParseModel(t *testing.T) {
	for _, tc := range []struct {
		in string
		ok bool
	}{
		{"llama3:8b", true},
		{"library/llama3:8b-instruct", true},
		{"host:5000/llama3:8b", true},
		{"llama3", false},
		{":8b", false},
		{"llama3:", false},
		{"llama3:8b/x", false},
		{"llama 3:8b", false},
		{"", false},
	} {
		id, err := ParseModel(tc.in)
		if !tc.ok {
			require.ErrorIs(t, err, ErrBadModel, tc.in)
			continue
		}
		require.NoError(t, err, tc.in)
		require.Equal(t, crypto.Keccak256Hash([]byte(tc.in)), id, "modelId = keccak256(bytes(name:tag))")
	}
}

func TestRFCBuildAndSign(t *testing.T) {
	d := testDomain()
	user := testKey(t, userHex)
	now := time.Unix(1_800_000_000, 0)
	p := RFCParams{Model: "llama3:8b", MaxPricePerSecond: uint256.NewInt(2e12), MaxSeconds: 300, MinTPS: 20, MaxTTFTMs: 1500}
	rfc, err := NewRFC(addr(user), p, now)
	require.NoError(t, err)
	require.Equal(t, addr(user), rfc.User)
	require.Equal(t, crypto.Keccak256Hash([]byte("llama3:8b")), rfc.ModelID)
	require.Equal(t, "2000000000000", rfc.MaxPricePerSecond.Dec())
	require.Equal(t, uint32(300), rfc.MaxSeconds)
	require.Equal(t, uint32(20), rfc.MinTPS)
	require.Equal(t, uint32(1500), rfc.MaxTTFTMs)
	require.Equal(t, uint64(now.Unix()+300), rfc.Deadline, "deadline now + 5 min")
	require.NoError(t, rfc.CheckDeadline(now))

	other, err := NewRFC(addr(user), p, now)
	require.NoError(t, err)
	require.NotEqual(t, rfc.Nonce, other.Nonce, "random 64-bit nonces")

	signed, err := SignRFC(d, rfc, user)
	require.NoError(t, err)

	// The signed digest is the EIP-712 digest wallets compute: go-ethereum's generic implementation of
	// the typed-data document gives the same 32 bytes.
	doc, err := d.TypedData(&rfc)
	require.NoError(t, err)
	var td apitypes.TypedData
	require.NoError(t, json.Unmarshal(doc, &td))
	ref, _, err := apitypes.TypedDataAndHash(td)
	require.NoError(t, err)
	require.Equal(t, d.Digest(&rfc).Bytes(), ref)
	signer, err := eip712.Recover(d.Digest(&rfc), signed.Signature[:])
	require.NoError(t, err)
	require.Equal(t, addr(user), signer)

	// The POST /v1/rfc body decodes strictly and verifies as the router would.
	body, err := json.Marshal(signed)
	require.NoError(t, err)
	back, err := eip712.DecodeSignedRFC(body)
	require.NoError(t, err)
	_, err = back.Verify(d)
	require.NoError(t, err)

	// Under another domain (chain or Marketplace) the signature does not verify.
	_, err = back.Verify(eip712.NewDomain(1, marketplace))
	require.ErrorIs(t, err, eip712.ErrWrongSigner)

	_, err = SignRFC(d, rfc, testKey(t, routerHex))
	require.ErrorContains(t, err, "RFC user")
	_, err = NewRFC(addr(user), RFCParams{Model: "llama3:8b", MaxSeconds: 1}, now)
	require.Error(t, err)

	// Paying from the deposit is the user's explicit choice: off unless asked for.
	require.False(t, rfc.UseDeposit)
	p.UseDeposit = true
	paid, err := NewRFC(addr(user), p, now)
	require.NoError(t, err)
	require.True(t, paid.UseDeposit)
}

func TestCheckGrant(t *testing.T) {
	d := testDomain()
	user, router, provider := testKey(t, userHex), testKey(t, routerHex), addr(testKey(t, providerHex))
	rfc, err := NewRFC(addr(user), RFCParams{Model: "llama3:8b", MaxPricePerSecond: uint256.NewInt(100), MaxSeconds: 60}, time.Now())
	require.NoError(t, err)
	notAfter := rfc.Deadline + 60 + 60 // an honest router's: issued by the deadline, maxSeconds and its grace on
	ok := grantFor(t, d, &rfc, router, provider, 100, "http://p", notAfter)
	require.NoError(t, CheckGrant(d, &rfc, ok))

	tooDear := grantFor(t, d, &rfc, router, provider, 101, "http://p", notAfter)
	require.ErrorIs(t, CheckGrant(d, &rfc, tooDear), ErrBadGrant)

	forged := grantFor(t, d, &rfc, user, provider, 100, "http://p", notAfter)
	forged.Router = addr(router)
	require.ErrorIs(t, CheckGrant(d, &rfc, forged), eip712.ErrWrongSigner, "ticket not signed by the answering router")

	otherRFC := rfc
	otherRFC.Nonce++
	wrongID := grantFor(t, d, &otherRFC, router, provider, 100, "http://p", notAfter)
	require.ErrorIs(t, CheckGrant(d, &rfc, wrongID), ErrBadGrant, "session id bound to this RFC's digest")
}

// TestCheckGrantRefusesFarNotAfter: a grant whose ticket lasts past settle.LatestNotAfter (the RFC's
// deadline + its maxSeconds + settle.TicketSlack: no honest router's does) is refused; one at the bound is
// taken. CheckGrant used to take any notAfter, a router's ten years ahead among them, which unbinds how long
// the client reads an answer (notAfter + AnswerGrace) and lets a provider date a lone close weeks later.
func TestCheckGrantRefusesFarNotAfter(t *testing.T) {
	d := testDomain()
	user, router, provider := testKey(t, userHex), testKey(t, routerHex), addr(testKey(t, providerHex))
	now := time.Now()
	rfc, err := NewRFC(addr(user), RFCParams{Model: "llama3:8b", MaxPricePerSecond: uint256.NewInt(100), MaxSeconds: 600}, now)
	require.NoError(t, err)
	last := settle.LatestNotAfter(rfc.Deadline, 600)
	require.Equal(t, rfc.Deadline+600+settle.CloseWindow+600, last)
	require.NoError(t, CheckGrant(d, &rfc, grantFor(t, d, &rfc, router, provider, 100, "http://p", last)))

	for _, notAfter := range []uint64{last + 1, uint64(now.Add(10 * 365 * 24 * time.Hour).Unix()), ^uint64(0)} {
		err := CheckGrant(d, &rfc, grantFor(t, d, &rfc, router, provider, 100, "http://p", notAfter))
		require.ErrorIs(t, err, ErrBadGrant, "notAfter %d", notAfter)
		require.ErrorContains(t, err, "past the RFC's deadline")
	}
}
