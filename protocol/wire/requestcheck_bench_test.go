package wire_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
)

// BenchmarkRequestCheck compares the provider's per-request check (PROTOCOL §7 step 4) with the cheaper
// alternative issue 13 asked about: "ecrecover" is what the provider does, rebuilding RequestText and
// recovering the session key's signature; "hmac" is a MAC over the same text keyed from the session key and
// the provider's signer key (for example their ECDH secret). protocol/README.md records the ratio and why
// the MAC is not used: the provider holds its key, so it could mint "signed requests" the user never sent,
// and the newest signed request is what bounds a provider's one-sided close.
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
	secret := sha256.Sum256([]byte("ecdh(session key, provider signer)"))
	mac := hmac.New(sha256.New, secret[:])
	mac.Write([]byte(text))
	tag := mac.Sum(nil)
	b.Run("hmac", func(b *testing.B) {
		for b.Loop() {
			t := wire.RequestText(31337, id, 7, 1_767_225_600, "POST", "/v1/chat/completions", body)
			m := hmac.New(sha256.New, secret[:])
			m.Write([]byte(t))
			if !hmac.Equal(m.Sum(nil), tag) {
				b.Fatal("mac mismatch")
			}
		}
	})
}
