package wire

import (
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"
)

// TestSessionMACKey: the client (session key, provider's announced key) and the provider (its MAC key,
// the session key's public key) derive the same K; another session, another provider key or another
// session key gives another K, and a MAC under one K does not verify under another.
func TestSessionMACKey(t *testing.T) {
	sessKey, _ := crypto.GenerateKey()
	provKey, _ := crypto.GenerateKey()
	otherKey, _ := crypto.GenerateKey()
	id := common.HexToHash("0x01")
	announced, err := ParseMACKey(EncodeMACKey(&provKey.PublicKey))
	require.NoError(t, err)
	client, err := SessionMACKey(sessKey, announced, id)
	require.NoError(t, err)
	provider, err := SessionMACKey(provKey, &sessKey.PublicKey, id)
	require.NoError(t, err)
	require.Equal(t, client, provider)

	for _, other := range []func() ([32]byte, error){
		func() ([32]byte, error) { return SessionMACKey(sessKey, &provKey.PublicKey, common.HexToHash("0x02")) },
		func() ([32]byte, error) { return SessionMACKey(sessKey, &otherKey.PublicKey, id) },
		func() ([32]byte, error) { return SessionMACKey(otherKey, &provKey.PublicKey, id) },
	} {
		k, err := other()
		require.NoError(t, err)
		require.NotEqual(t, client, k)
	}
	text := RequestText(31337, id, 7, 1_800_000_000, "POST", "/v1/chat/completions", []byte(`{}`))
	mac := RequestMAC(client, text)
	macHex := "0x" + common.Bytes2Hex(mac[:])
	require.True(t, NewMACKey(provider).Check(text, macHex))
	require.False(t, NewMACKey(provider).Check(text+"x", macHex))
	k, _ := SessionMACKey(otherKey, &provKey.PublicKey, id)
	require.False(t, NewMACKey(k).Check(text, macHex))
	require.False(t, NewMACKey(provider).Check(text, macHex[:len(macHex)-2]))

	_, err = ParseMACKey("0x02" + common.Bytes2Hex(make([]byte, 32)))
	require.Error(t, err, "not a point on the curve")
}

// TestMACKeyReusesState: a MACKey computes the same MAC as RequestMAC for every text, however often its
// kept HMAC states are reused and whichever text came before (a state left with a previous text's bytes,
// or a key mix-up between keys, would show here), and checks only the MAC of its own key and text.
func TestMACKeyReusesState(t *testing.T) {
	keyA, keyB := [32]byte{1}, [32]byte{2}
	a, b := NewMACKey(keyA), NewMACKey(keyB)
	require.Equal(t, keyA, a.Key())
	id := common.HexToHash("0x01")
	for i := range 50 {
		text := RequestText(31337, id, uint64(i+1), 1_800_000_000, "POST", "/v1/chat/completions", []byte(strings.Repeat("x", i*37)))
		require.Equal(t, RequestMAC(keyA, text), a.Sum(text), i)
		require.Equal(t, RequestMAC(keyB, text), b.Sum(text), i)
		mac := RequestMAC(keyA, text)
		macHex := "0x" + common.Bytes2Hex(mac[:])
		require.True(t, a.Check(text, macHex), i)
		require.False(t, b.Check(text, macHex), i)
		require.False(t, a.Check(text+"x", macHex), i)
		require.False(t, a.Check(text, macHex[:len(macHex)-2]), i)
		require.False(t, a.Check(text, "0X"+macHex[2:]), i)
	}
}

func TestEvidenceRoundTrip(t *testing.T) {
	r := SignedRequest{Seq: 1796232947429427, Time: 1_800_000_000, Method: "POST", Path: "/v1/chat/completions.x",
		BodyHash: crypto.Keccak256Hash([]byte("body"))}
	r.Signature[0], r.Signature[64] = 9, 27
	got, err := ParseEvidence(EncodeEvidence(&r))
	require.NoError(t, err)
	require.Equal(t, r, *got)
	for _, bad := range []string{"", "1.2.POST.0x00.0x00./p", "x" + EncodeEvidence(&r), EncodeEvidence(&r)[:100]} {
		_, err := ParseEvidence(bad)
		require.Error(t, err, bad)
	}
}
