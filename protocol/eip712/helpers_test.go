package eip712_test

import (
	"crypto/ecdsa"
	"math/rand/v2"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"

	"github.com/laketravis/laketravis/protocol/eip712"
)

// Anvil's first dev account (public, well known: never use it outside a devnet).
const (
	anvilKeyHex  = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"
	anvilAddress = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"
)

// sampleSessionKey is anvil's third dev account, the samples' session key.
const sampleSessionKey = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"

var (
	testMarketplace = common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3")
	testChainID     = uint64(31337)
)

func anvilKey(t testing.TB) *ecdsa.PrivateKey {
	t.Helper()
	k, err := crypto.HexToECDSA(anvilKeyHex)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// sampleRFC is a fixed, fully populated RFC.
func sampleRFC() *eip712.RFC {
	return &eip712.RFC{
		User:              common.HexToAddress(anvilAddress),
		ModelID:           crypto.Keccak256Hash([]byte("llama3:8b")),
		MaxPricePerSecond: *uint256.NewInt(1_500_000_000_000_000),
		MaxSeconds:        600,
		MinTPS:            20,
		MaxTTFTMs:         1500,
		Nonce:             42,
		Deadline:          1_767_225_600,
		SessionKey:        common.HexToAddress(sampleSessionKey),
		UseDeposit:        true,
	}
}

func sampleTicket() *eip712.SessionTicket {
	return &eip712.SessionTicket{
		SessionID:      crypto.Keccak256Hash([]byte("session")),
		User:           common.HexToAddress(anvilAddress),
		Provider:       common.HexToAddress("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"),
		ModelID:        crypto.Keccak256Hash([]byte("llama3:8b")),
		PricePerSecond: *uint256.NewInt(1_000_000_000_000_000),
		MaxSeconds:     600,
		NotAfter:       1_767_226_200,
		SessionKey:     common.HexToAddress(sampleSessionKey),
		UseDeposit:     true,
	}
}

func sampleReceipt() *eip712.UsageReceipt {
	return &eip712.UsageReceipt{
		SessionID:    crypto.Keccak256Hash([]byte("session")),
		Seconds:      312,
		InputTokens:  1200,
		OutputTokens: 9000,
		TTFTMs:       350,
	}
}

func sampleLiveness() *eip712.Liveness {
	return &eip712.Liveness{
		Provider:  common.HexToAddress("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"),
		Challenge: crypto.Keccak256Hash([]byte("challenge")),
		Timestamp: 1_767_225_000,
	}
}

// sampleSignerClaim names anvil's first dev account as the provider and its second as the signer.
func sampleSignerClaim() *eip712.SignerClaim {
	return &eip712.SignerClaim{
		Provider: common.HexToAddress(anvilAddress),
		Signer:   common.HexToAddress("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"),
	}
}

// maxRFC has every field at its type's maximum.
func maxRFC() *eip712.RFC {
	var maxU256 uint256.Int
	maxU256.SetAllOne()
	return &eip712.RFC{
		User:              common.HexToAddress("0xffffffffffffffffffffffffffffffffffffffff"),
		ModelID:           common.HexToHash("0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"),
		MaxPricePerSecond: maxU256,
		MaxSeconds:        ^uint32(0),
		MinTPS:            ^uint32(0),
		MaxTTFTMs:         ^uint32(0),
		Nonce:             ^uint64(0),
		Deadline:          ^uint64(0),
		SessionKey:        common.HexToAddress("0xffffffffffffffffffffffffffffffffffffffff"),
		UseDeposit:        true,
	}
}

// randomizer draws field values biased towards the edges (0, max, small, random).
type randomizer struct{ r *rand.Rand }

func newRandomizer(seed uint64) randomizer { return randomizer{rand.New(rand.NewPCG(seed, 0x1a4e))} }

func (g randomizer) u64() uint64 {
	switch g.r.IntN(4) {
	case 0:
		return 0
	case 1:
		return ^uint64(0)
	case 2:
		return g.r.Uint64N(1000)
	}
	return g.r.Uint64()
}

func (g randomizer) u32() uint32 { return uint32(g.u64()) }

func (g randomizer) u256() uint256.Int {
	var z uint256.Int
	switch g.r.IntN(4) {
	case 0:
	case 1:
		z.SetAllOne()
	case 2:
		z.SetUint64(g.r.Uint64N(1e6))
	default:
		z = uint256.Int{g.r.Uint64(), g.r.Uint64(), g.r.Uint64(), g.r.Uint64() >> g.r.UintN(64)}
	}
	return z
}

func (g randomizer) addr() (a common.Address) {
	for i := range a {
		a[i] = byte(g.r.UintN(256))
	}
	return a
}

func (g randomizer) hash() (h common.Hash) {
	for i := range h {
		h[i] = byte(g.r.UintN(256))
	}
	return h
}

func (g randomizer) rfc() *eip712.RFC {
	return &eip712.RFC{User: g.addr(), ModelID: g.hash(), MaxPricePerSecond: g.u256(), MaxSeconds: g.u32(),
		MinTPS: g.u32(), MaxTTFTMs: g.u32(), Nonce: g.u64(), Deadline: g.u64(), SessionKey: g.addr(), UseDeposit: g.r.IntN(2) == 1}
}

func (g randomizer) ticket() *eip712.SessionTicket {
	return &eip712.SessionTicket{SessionID: g.hash(), User: g.addr(), Provider: g.addr(), ModelID: g.hash(),
		PricePerSecond: g.u256(), MaxSeconds: g.u32(), NotAfter: g.u64(), SessionKey: g.addr(), UseDeposit: g.r.IntN(2) == 1}
}

func (g randomizer) receipt() *eip712.UsageReceipt {
	return &eip712.UsageReceipt{SessionID: g.hash(), Seconds: g.u32(), InputTokens: g.u32(),
		OutputTokens: g.u32(), TTFTMs: g.u32()}
}

func (g randomizer) liveness() *eip712.Liveness {
	return &eip712.Liveness{Provider: g.addr(), Challenge: g.hash(), Timestamp: g.u64()}
}

// messages returns samples, extremes and n random messages of every type.
func messages(n int) []eip712.Message {
	out := []eip712.Message{
		sampleRFC(), sampleTicket(), sampleReceipt(), sampleLiveness(), sampleSignerClaim(), maxRFC(),
		&eip712.RFC{}, &eip712.SessionTicket{}, &eip712.UsageReceipt{}, &eip712.Liveness{}, &eip712.SignerClaim{},
	}
	g := newRandomizer(1)
	for range n {
		out = append(out, g.rfc(), g.ticket(), g.receipt(), g.liveness(), &eip712.SignerClaim{Provider: g.addr(), Signer: g.addr()})
	}
	return out
}
