package wire_test

import (
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
)

// BenchmarkRequestCheck compares the provider's two per-request checks (PROTOCOL §7 step 4): "ecrecover"
// rebuilds RequestText and recovers the session key's signature (a signed request); "hmac" checks the MAC
// fast path's X-LT-MAC over the same text under the session's MAC key (MACKey.Check, kept per session as
// the provider keeps it). protocol/README.md "Session authentication" says why the MAC only admits
// requests and the evidence stays ECDSA.
func BenchmarkRequestCheck(b *testing.B) {
	key, _ := crypto.GenerateKey()
	id := common.Hash{1}
	body := []byte(`{"model":"llama3:8b","stream":true,"messages":[{"role":"user","content":"Say hello"}]}`)
	text := wire.RequestText(31337, id, 7, 1_767_225_600, "POST", "/v1/chat/completions", body)
	sig, _ := eip712.Sign(wire.RequestDigest(text), key)
	want := crypto.PubkeyToAddress(key.PublicKey)
	b.Run("ecrecover", func(b *testing.B) {
		for b.Loop() {
			t := wire.RequestText(31337, id, 7, 1_767_225_600, "POST", "/v1/chat/completions", body)
			got, err := eip712.Recover(wire.RequestDigest(t), sig[:])
			if err != nil || got != want {
				b.Fatal("recover failed")
			}
		}
	})
	provider, _ := crypto.GenerateKey()
	secret, err := wire.SessionMACKey(provider, &key.PublicKey, id)
	if err != nil {
		b.Fatal(err)
	}
	tag := wire.RequestMAC(secret, text)
	tagHex := hexutil.Encode(tag[:])
	mk := wire.NewMACKey(secret)
	b.Run("hmac", func(b *testing.B) {
		for b.Loop() {
			t := wire.RequestText(31337, id, 7, 1_767_225_600, "POST", "/v1/chat/completions", body)
			if !mk.Check(t, tagHex) {
				b.Fatal("mac mismatch")
			}
		}
	})
}
