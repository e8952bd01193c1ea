package eip712_test

import (
	"encoding/json"
	"fmt"
	"math/big"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/eip712"
)

// referenceTypes is PROTOCOL §6 transcribed independently of the package's own field tables.
var referenceTypes = apitypes.Types{
	"EIP712Domain": {
		{Name: "name", Type: "string"}, {Name: "version", Type: "string"},
		{Name: "chainId", Type: "uint256"}, {Name: "verifyingContract", Type: "address"},
	},
	"RFC": {
		{Name: "user", Type: "address"}, {Name: "modelId", Type: "bytes32"},
		{Name: "maxPricePerSecond", Type: "uint256"}, {Name: "maxSeconds", Type: "uint32"},
		{Name: "minTps", Type: "uint32"}, {Name: "maxTtftMs", Type: "uint32"},
		{Name: "nonce", Type: "uint64"}, {Name: "deadline", Type: "uint64"},
		{Name: "sessionKey", Type: "address"}, {Name: "useDeposit", Type: "bool"},
	},
	"SessionTicket": {
		{Name: "sessionId", Type: "bytes32"}, {Name: "user", Type: "address"},
		{Name: "provider", Type: "address"}, {Name: "modelId", Type: "bytes32"},
		{Name: "pricePerSecond", Type: "uint256"}, {Name: "maxSeconds", Type: "uint32"},
		{Name: "notAfter", Type: "uint64"},
		{Name: "sessionKey", Type: "address"}, {Name: "useDeposit", Type: "bool"},
	},
	"UsageReceipt": {
		{Name: "sessionId", Type: "bytes32"}, {Name: "seconds", Type: "uint32"},
		{Name: "inputTokens", Type: "uint32"}, {Name: "outputTokens", Type: "uint32"},
		{Name: "ttftMs", Type: "uint32"},
	},
	"Liveness": {
		{Name: "provider", Type: "address"}, {Name: "challenge", Type: "bytes32"},
		{Name: "timestamp", Type: "uint64"},
	},
	"SignerClaim": {{Name: "provider", Type: "address"}, {Name: "signer", Type: "address"}},
}

func u(v uint64) *big.Int                     { return new(big.Int).SetUint64(v) }
func u256(v *uint256.Int) *big.Int            { return v.ToBig() }
func b32(h common.Hash) []byte                { return h.Bytes() }
func addr(a common.Address) string            { return a.Hex() }
func chainID(id uint64) *math.HexOrDecimal256 { return (*math.HexOrDecimal256)(u(id)) }

// referenceTypedData builds the apitypes form of m field by field, from the Go values, without going
// through the package's JSON.
func referenceTypedData(t testing.TB, id uint64, contract common.Address, m eip712.Message) apitypes.TypedData {
	t.Helper()
	var msg apitypes.TypedDataMessage
	switch v := m.(type) {
	case *eip712.RFC:
		msg = map[string]any{"user": addr(v.User), "modelId": b32(v.ModelID),
			"maxPricePerSecond": u256(&v.MaxPricePerSecond), "maxSeconds": u(uint64(v.MaxSeconds)),
			"minTps": u(uint64(v.MinTPS)), "maxTtftMs": u(uint64(v.MaxTTFTMs)), "nonce": u(v.Nonce),
			"deadline": u(v.Deadline), "sessionKey": addr(v.SessionKey), "useDeposit": v.UseDeposit}
	case *eip712.SessionTicket:
		msg = map[string]any{"sessionId": b32(v.SessionID), "user": addr(v.User), "provider": addr(v.Provider),
			"modelId": b32(v.ModelID), "pricePerSecond": u256(&v.PricePerSecond),
			"maxSeconds": u(uint64(v.MaxSeconds)), "notAfter": u(v.NotAfter), "sessionKey": addr(v.SessionKey),
			"useDeposit": v.UseDeposit}
	case *eip712.UsageReceipt:
		msg = map[string]any{"sessionId": b32(v.SessionID), "seconds": u(uint64(v.Seconds)),
			"inputTokens": u(uint64(v.InputTokens)), "outputTokens": u(uint64(v.OutputTokens)),
			"ttftMs": u(uint64(v.TTFTMs))}
	case *eip712.Liveness:
		msg = map[string]any{"provider": addr(v.Provider), "challenge": b32(v.Challenge), "timestamp": u(v.Timestamp)}
	case *eip712.SignerClaim:
		msg = map[string]any{"provider": addr(v.Provider), "signer": addr(v.Signer)}
	default:
		t.Fatalf("unknown message %T", m)
	}
	return apitypes.TypedData{
		Types:       referenceTypes,
		PrimaryType: m.PrimaryType(),
		Domain: apitypes.TypedDataDomain{Name: "LakeTravis", Version: "2", ChainId: chainID(id),
			VerifyingContract: contract.Hex()},
		Message: msg,
	}
}

// TestDigestMatchesGoEthereum proves the hand-written encoding identical to go-ethereum's generic
// EIP-712 implementation, both for typed data built from the Go values and for the package's own
// eth_signTypedData_v4 document.
func TestDigestMatchesGoEthereum(t *testing.T) {
	domains := []struct {
		id       uint64
		contract common.Address
	}{
		{testChainID, testMarketplace},
		{1, common.HexToAddress("0x47176B2Af9885dC6C4575d4eFd63895f7Aaa4790")},
		{42161, common.Address{}},
		{^uint64(0), common.HexToAddress("0xffffffffffffffffffffffffffffffffffffffff")},
	}
	for _, dom := range domains {
		d := eip712.NewDomain(dom.id, dom.contract)
		ref := referenceTypedData(t, dom.id, dom.contract, sampleRFC())
		sep, err := ref.HashStruct("EIP712Domain", ref.Domain.Map())
		require.NoError(t, err)
		require.Equal(t, common.BytesToHash(sep), d.Separator(), "domain separator, chain %d", dom.id)

		for i, m := range messages(50) {
			name := fmt.Sprintf("chain%d/%d-%s", dom.id, i, m.PrimaryType())

			ref := referenceTypedData(t, dom.id, dom.contract, m)
			want, _, err := apitypes.TypedDataAndHash(ref)
			require.NoError(t, err, name)
			require.Equal(t, common.BytesToHash(want), d.Digest(m), "digest vs go-ethereum, %s", name)

			sh, err := ref.HashStruct(m.PrimaryType(), ref.Message)
			require.NoError(t, err, name)
			require.Equal(t, common.BytesToHash(sh), eip712.StructHash(m), "struct hash, %s", name)
			require.Equal(t, d.Digest(m), d.DigestOfStructHash(eip712.StructHash(m)), name)

			doc, err := d.TypedData(m)
			require.NoError(t, err, name)
			var td apitypes.TypedData
			require.NoError(t, json.Unmarshal(doc, &td), name)
			require.Equal(t, referenceTypes[m.PrimaryType()], td.Types[m.PrimaryType()], "types, %s", name)
			got, _, err := apitypes.TypedDataAndHash(td)
			require.NoError(t, err, "go-ethereum rejects our typed data %s: %s", name, doc)
			require.Equal(t, common.BytesToHash(want), common.BytesToHash(got), "typed-data document, %s", name)
		}
	}
}

// TestDigestKnownVector pins digests, so an accidental change to encoding or domain shows up even if the
// reference implementations were to move with it. The SignerClaim vector is the Marketplace's own too:
// the forge test test_SignerClaimDigest_Vector (contracts/test/market/Marketplace.t.sol) asserts it from
// signerClaimDigest run at this domain's address and chain, so the Go encoding and the contract's agree
// (devnet TestMarketHelpers checks a live deployment too).
func TestDigestKnownVector(t *testing.T) {
	d := eip712.NewDomain(testChainID, testMarketplace)
	for _, v := range []struct {
		msg  eip712.Message
		want string
	}{{sampleRFC(), rfcVectorDigest}, {sampleSignerClaim(), signerClaimVectorDigest}} {
		ref := referenceTypedData(t, testChainID, testMarketplace, v.msg)
		want, _, err := apitypes.TypedDataAndHash(ref)
		require.NoError(t, err)
		require.Equal(t, common.BytesToHash(want), d.Digest(v.msg), v.msg.PrimaryType())
		require.Equal(t, "0x"+v.want, d.Digest(v.msg).Hex(), v.msg.PrimaryType())
	}
}

// rfcVectorDigest is d.Digest(sampleRFC()) on chain 31337 for Marketplace 0x5FbDB...0aa3, as computed by
// go-ethereum's apitypes and confirmed by `cast wallet sign` in TestCastSignatureMatches.
const rfcVectorDigest = "a2adbf05314bb4a351ddbff86c2129bf89abca62efa6b5cdb6b909e5d5ed1ba8"

// signerClaimVectorDigest is Marketplace.signerClaimDigest(anvil account 0, anvil account 1) on chain 31337 at
// 0x5FbDB...0aa3 (SIGNER_CLAIM_VECTOR in Marketplace.t.sol), d.Digest(sampleSignerClaim()).
const signerClaimVectorDigest = "99f15ad79a0b908f991113f8a724e72007ddea5da50048b77b7c06c634df409f"

// TestDigestSensitivity: changing any one field, the chain id or the verifying contract changes the
// digest, and the original signature then recovers to somebody else.
func TestDigestSensitivity(t *testing.T) {
	key := anvilKey(t)
	signer := crypto.PubkeyToAddress(key.PublicKey)
	base := eip712.NewDomain(testChainID, testMarketplace)

	type variant struct {
		name   string
		domain *eip712.Domain
		msg    eip712.Message
	}
	one := common.Address{1}
	variants := func(orig eip712.Message) []variant {
		vs := []variant{
			{"chainId", eip712.NewDomain(testChainID+1, testMarketplace), orig},
			{"verifyingContract", eip712.NewDomain(testChainID, one), orig},
		}
		add := func(name string, mutate func(eip712.Message)) {
			m := clone(orig)
			mutate(m)
			vs = append(vs, variant{name, base, m})
		}
		switch orig.(type) {
		case *eip712.RFC:
			add("user", func(m eip712.Message) { m.(*eip712.RFC).User[19] ^= 1 })
			add("modelId", func(m eip712.Message) { m.(*eip712.RFC).ModelID[0] ^= 1 })
			add("maxPricePerSecond", func(m eip712.Message) {
				p := &m.(*eip712.RFC).MaxPricePerSecond
				p.AddUint64(p, 1)
			})
			add("maxSeconds", func(m eip712.Message) { m.(*eip712.RFC).MaxSeconds++ })
			add("minTps", func(m eip712.Message) { m.(*eip712.RFC).MinTPS++ })
			add("maxTtftMs", func(m eip712.Message) { m.(*eip712.RFC).MaxTTFTMs++ })
			add("nonce", func(m eip712.Message) { m.(*eip712.RFC).Nonce++ })
			add("deadline", func(m eip712.Message) { m.(*eip712.RFC).Deadline++ })
			add("sessionKey", func(m eip712.Message) { m.(*eip712.RFC).SessionKey[19] ^= 1 })
			add("useDeposit", func(m eip712.Message) { m.(*eip712.RFC).UseDeposit = !m.(*eip712.RFC).UseDeposit })
		case *eip712.SessionTicket:
			add("sessionId", func(m eip712.Message) { m.(*eip712.SessionTicket).SessionID[31] ^= 1 })
			add("user", func(m eip712.Message) { m.(*eip712.SessionTicket).User[0] ^= 1 })
			add("provider", func(m eip712.Message) { m.(*eip712.SessionTicket).Provider[0] ^= 1 })
			add("modelId", func(m eip712.Message) { m.(*eip712.SessionTicket).ModelID[5] ^= 1 })
			add("pricePerSecond", func(m eip712.Message) {
				p := &m.(*eip712.SessionTicket).PricePerSecond
				p.SubUint64(p, 1)
			})
			add("maxSeconds", func(m eip712.Message) { m.(*eip712.SessionTicket).MaxSeconds-- })
			add("notAfter", func(m eip712.Message) { m.(*eip712.SessionTicket).NotAfter++ })
			add("sessionKey", func(m eip712.Message) { m.(*eip712.SessionTicket).SessionKey[0] ^= 1 })
			add("useDeposit", func(m eip712.Message) {
				m.(*eip712.SessionTicket).UseDeposit = !m.(*eip712.SessionTicket).UseDeposit
			})
		case *eip712.UsageReceipt:
			add("sessionId", func(m eip712.Message) { m.(*eip712.UsageReceipt).SessionID[0] ^= 0x80 })
			add("seconds", func(m eip712.Message) { m.(*eip712.UsageReceipt).Seconds++ })
			add("inputTokens", func(m eip712.Message) { m.(*eip712.UsageReceipt).InputTokens++ })
			add("outputTokens", func(m eip712.Message) { m.(*eip712.UsageReceipt).OutputTokens++ })
			add("ttftMs", func(m eip712.Message) { m.(*eip712.UsageReceipt).TTFTMs++ })
		case *eip712.Liveness:
			add("provider", func(m eip712.Message) { m.(*eip712.Liveness).Provider[3] ^= 1 })
			add("challenge", func(m eip712.Message) { m.(*eip712.Liveness).Challenge[9] ^= 1 })
			add("timestamp", func(m eip712.Message) { m.(*eip712.Liveness).Timestamp++ })
		case *eip712.SignerClaim:
			add("provider", func(m eip712.Message) { m.(*eip712.SignerClaim).Provider[7] ^= 1 })
			add("signer", func(m eip712.Message) { m.(*eip712.SignerClaim).Signer[19] ^= 1 })
		}
		return vs
	}

	for _, orig := range []eip712.Message{sampleRFC(), sampleTicket(), sampleReceipt(), sampleLiveness(), sampleSignerClaim()} {
		sig, err := base.Sign(orig, key)
		require.NoError(t, err)
		_, err = base.Verify(orig, sig[:], signer)
		require.NoError(t, err, "original %s must verify", orig.PrimaryType())

		for _, v := range variants(orig) {
			t.Run(orig.PrimaryType()+"/"+v.name, func(t *testing.T) {
				require.NotEqual(t, base.Digest(orig), v.domain.Digest(v.msg))
				got, _, err := v.domain.Recover(v.msg, sig[:])
				if err == nil {
					require.NotEqual(t, signer, got)
				}
				_, err = v.domain.Verify(v.msg, sig[:], signer)
				require.ErrorIs(t, err, eip712.ErrBadSignature)
			})
		}
	}
}

// clone returns a deep copy of a message (all message types are plain values).
func clone(m eip712.Message) eip712.Message {
	switch v := m.(type) {
	case *eip712.RFC:
		c := *v
		return &c
	case *eip712.SessionTicket:
		c := *v
		return &c
	case *eip712.UsageReceipt:
		c := *v
		return &c
	case *eip712.Liveness:
		c := *v
		return &c
	case *eip712.SignerClaim:
		c := *v
		return &c
	}
	panic(fmt.Sprintf("unknown message %T", m))
}

func TestTypeStrings(t *testing.T) {
	tests := []struct {
		msg  eip712.Message
		want string
	}{
		{&eip712.RFC{}, "RFC(address user,bytes32 modelId,uint256 maxPricePerSecond,uint32 maxSeconds,uint32 minTps,uint32 maxTtftMs,uint64 nonce,uint64 deadline,address sessionKey,bool useDeposit)"},
		{&eip712.SessionTicket{}, "SessionTicket(bytes32 sessionId,address user,address provider,bytes32 modelId,uint256 pricePerSecond,uint32 maxSeconds,uint64 notAfter,address sessionKey,bool useDeposit)"},
		{&eip712.UsageReceipt{}, "UsageReceipt(bytes32 sessionId,uint32 seconds,uint32 inputTokens,uint32 outputTokens,uint32 ttftMs)"},
		{&eip712.Liveness{}, "Liveness(address provider,bytes32 challenge,uint64 timestamp)"},
		{&eip712.SignerClaim{}, "SignerClaim(address provider,address signer)"},
	}
	for _, tt := range tests {
		t.Run(tt.msg.PrimaryType(), func(t *testing.T) {
			require.Equal(t, tt.want, tt.msg.TypeString())
			s := tt.msg.PrimaryType() + "("
			for i, f := range eip712.Types(tt.msg) {
				if i > 0 {
					s += ","
				}
				s += f.Type + " " + f.Name
			}
			require.Equal(t, tt.want, s+")", "field table and type string disagree")
		})
	}
	require.Equal(t, "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)", eip712.DomainType)
}

func TestDigestDoesNotAllocate(t *testing.T) {
	d := eip712.NewDomain(testChainID, testMarketplace)
	for _, m := range []eip712.Message{sampleRFC(), sampleTicket(), sampleReceipt(), sampleLiveness(), sampleSignerClaim()} {
		d.Digest(m) // warm the pool
		allocs := testing.AllocsPerRun(100, func() { d.Digest(m) })
		require.Zero(t, allocs, "%s digest allocates", m.PrimaryType())
	}
}

// TestDigestConcurrent shares one Domain between goroutines (run with -race).
func TestDigestConcurrent(t *testing.T) {
	d := eip712.NewDomain(testChainID, testMarketplace)
	msgs := messages(20)
	want := make([]common.Hash, len(msgs))
	for i, m := range msgs {
		want[i] = d.Digest(m)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for k := range 200 {
				i := (g*31 + k) % len(msgs)
				if got := d.Digest(msgs[i]); got != want[i] {
					t.Errorf("goroutine %d: digest %d = %s, want %s", g, i, got, want[i])
					return
				}
			}
		})
	}
	wg.Wait()
}
