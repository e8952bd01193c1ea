package eip712_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/eip712"
)

// highS turns a valid low-S signature into its malleable twin (n - s, flipped parity), which
// secp256k1 itself accepts for the same signer.
func highS(sig eip712.Signature) eip712.Signature {
	n := crypto.S256().Params().N
	s := new(big.Int).SetBytes(sig[32:64])
	s.Sub(n, s)
	s.FillBytes(sig[32:64])
	sig[64] = 27 + 28 - sig[64] // flip the parity: 27 <-> 28
	return sig
}

func TestRecover(t *testing.T) {
	key := anvilKey(t)
	signer := crypto.PubkeyToAddress(key.PublicKey)
	digest := eip712.NewDomain(testChainID, testMarketplace).Digest(sampleRFC())
	sig, err := eip712.Sign(digest, key)
	require.NoError(t, err)
	require.Contains(t, []byte{27, 28}, sig[64], "Sign must produce V in {27, 28}")

	with := func(f func(s []byte) []byte) []byte {
		s := append([]byte(nil), sig[:]...)
		return f(s)
	}
	n := crypto.S256().Params().N
	offCurveR := func() []byte {
		// find an R that is below n but is not the x-coordinate of a curve point
		for x := int64(1); ; x++ {
			s := with(func(s []byte) []byte { big.NewInt(x).FillBytes(s[:32]); return s })
			s[64] -= 27
			if _, err := crypto.Ecrecover(digest[:], s); err != nil {
				s[64] += 27
				return s
			}
		}
	}()

	tests := []struct {
		name    string
		sig     []byte
		wantErr error // nil: recovers to signer
	}{
		{"V 27/28", sig[:], nil},
		{"V 0/1", with(func(s []byte) []byte { s[64] -= 27; return s }), nil},
		{"V 2", with(func(s []byte) []byte { s[64] = 2; return s }), eip712.ErrSignatureV},
		{"V 26", with(func(s []byte) []byte { s[64] = 26; return s }), eip712.ErrSignatureV},
		{"V 29", with(func(s []byte) []byte { s[64] = 29; return s }), eip712.ErrSignatureV},
		{"V 37 (EIP-155 style)", with(func(s []byte) []byte { s[64] = 37; return s }), eip712.ErrSignatureV},
		{"empty", nil, eip712.ErrSignatureLength},
		{"64 bytes (EIP-2098 compact)", sig[:64], eip712.ErrSignatureLength},
		{"66 bytes", append(sig[:], 0), eip712.ErrSignatureLength},
		{"high S", func() []byte { h := highS(sig); return h[:] }(), eip712.ErrSignatureHighS},
		{"S = n/2 + 1", with(func(s []byte) []byte {
			h := new(big.Int).Rsh(n, 1)
			h.Add(h, big.NewInt(1)).FillBytes(s[32:64])
			return s
		}), eip712.ErrSignatureHighS},
		{"R zero", with(func(s []byte) []byte { clear(s[:32]); return s }), eip712.ErrSignatureValues},
		{"S zero", with(func(s []byte) []byte { clear(s[32:64]); return s }), eip712.ErrSignatureValues},
		{"R = n", with(func(s []byte) []byte { n.FillBytes(s[:32]); return s }), eip712.ErrSignatureValues},
		{"R all ones", with(func(s []byte) []byte {
			for i := range 32 {
				s[i] = 0xff
			}
			return s
		}), eip712.ErrSignatureValues},
		{"R not on curve", offCurveR, eip712.ErrBadSignature},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := eip712.Recover(digest, tt.sig)
			if tt.wantErr == nil {
				require.NoError(t, err)
				require.Equal(t, signer, got)
				return
			}
			require.ErrorIs(t, err, tt.wantErr)
			require.ErrorIs(t, err, eip712.ErrBadSignature, "every signature error is a bad_signature")
			require.Equal(t, common.Address{}, got)
		})
	}

	t.Run("high-S twin is really the same signer to raw ecrecover", func(t *testing.T) {
		h := highS(sig)
		h[64] -= 27
		pub, err := crypto.Ecrecover(digest[:], h[:])
		require.NoError(t, err, "libsecp256k1 accepts the twin; only the explicit check rejects it")
		pk, err := crypto.UnmarshalPubkey(pub)
		require.NoError(t, err)
		require.Equal(t, signer, crypto.PubkeyToAddress(*pk))
	})
}

func TestSignNilKey(t *testing.T) {
	_, err := eip712.Sign(common.Hash{}, nil)
	require.Error(t, err)
}

func TestDomainVerify(t *testing.T) {
	d := eip712.NewDomain(testChainID, testMarketplace)
	key := anvilKey(t)
	other, err := crypto.GenerateKey()
	require.NoError(t, err)

	rfc := sampleRFC()
	good, err := d.Sign(rfc, key)
	require.NoError(t, err)
	bad, err := d.Sign(rfc, other)
	require.NoError(t, err)

	digest, err := (&eip712.SignedRFC{RFC: *rfc, Signature: good}).Verify(d)
	require.NoError(t, err)
	require.Equal(t, d.Digest(rfc), digest)

	_, err = (&eip712.SignedRFC{RFC: *rfc, Signature: bad}).Verify(d)
	require.ErrorIs(t, err, eip712.ErrWrongSigner)
	require.ErrorIs(t, err, eip712.ErrBadSignature)

	ticket := eip712.SignedSessionTicket{Ticket: *sampleTicket()}
	ticket.Signature, err = d.Sign(&ticket.Ticket, other)
	require.NoError(t, err)
	router, _, err := ticket.Recover(d)
	require.NoError(t, err)
	require.Equal(t, crypto.PubkeyToAddress(other.PublicKey), router)
	_, err = ticket.Verify(d, crypto.PubkeyToAddress(key.PublicKey))
	require.ErrorIs(t, err, eip712.ErrWrongSigner)
}

// TestSessionID checks SessionID against go-ethereum's ABI encoder: keccak256(abi.encode(bytes32, address)).
func TestSessionID(t *testing.T) {
	bytes32T, err := abi.NewType("bytes32", "", nil)
	require.NoError(t, err)
	addressT, err := abi.NewType("address", "", nil)
	require.NoError(t, err)
	args := abi.Arguments{{Type: bytes32T}, {Type: addressT}}

	g := newRandomizer(7)
	for range 50 {
		digest, provider := g.hash(), g.addr()
		enc, err := args.Pack([32]byte(digest), provider)
		require.NoError(t, err)
		require.Equal(t, crypto.Keccak256Hash(enc), eip712.SessionID(digest, provider))
	}

	d := eip712.NewDomain(testChainID, testMarketplace)
	rfcDigest := d.Digest(sampleRFC())
	p1, p2 := common.Address{1}, common.Address{2}
	require.Equal(t, eip712.SessionID(rfcDigest, p1), eip712.SessionID(d.Digest(sampleRFC()), p1), "retry is idempotent")
	require.NotEqual(t, eip712.SessionID(rfcDigest, p1), eip712.SessionID(rfcDigest, p2))
}
