package api_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/router/api"
)

func seedRFC() []byte {
	k, _ := crypto.HexToECDSA("59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d")
	r := eip712.RFC{User: crypto.PubkeyToAddress(k.PublicKey), ModelID: modelID, MaxPricePerSecond: *uint256.NewInt(5e9),
		MaxSeconds: 60, MinTPS: 10, MaxTTFTMs: 900, Nonce: 7, Deadline: uint64(time.Now().Unix() + 60)}
	sig, _ := domain.Sign(&r, k)
	b, _ := json.Marshal(eip712.SignedRFC{RFC: r, Signature: sig})
	return b
}

// FuzzVerifyRFC: RFC intake decode + verify never panics and fails only with PROTOCOL §9 errors.
func FuzzVerifyRFC(f *testing.F) {
	f.Add(seedRFC())
	f.Add([]byte(`{"rfc":{},"signature":"0x"}`))
	f.Add([]byte(`{}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, body []byte) {
		_, _, err := api.VerifyRFC(domain, body)
		if err == nil {
			return
		}
		var we *wire.Error
		if !errors.As(err, &we) || we.Status < 400 || we.Status >= 500 || we.Code == "" {
			t.Fatalf("unclean error %T %v", err, err)
		}
	})
}

// FuzzDecodeClose: close decoding never panics and fails only with PROTOCOL §9 errors.
func FuzzDecodeClose(f *testing.F) {
	rc := eip712.UsageReceipt{SessionID: common.Hash{1}, Seconds: 3, OutputTokens: 4}
	k, _ := crypto.GenerateKey()
	sig, _ := domain.Sign(&rc, k)
	b, _ := json.Marshal(wire.CloseRequest{Receipt: rc, UserSignature: &sig, ProviderSignature: &sig})
	f.Add(b)
	f.Add([]byte(`{"receipt":{}}`))
	f.Add([]byte(`{"receipt":null,"userSignature":"0x00"}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		req, err := api.DecodeClose(body)
		if err == nil {
			if req.UserSignature == nil && req.ProviderSignature == nil {
				t.Fatal("accepted a close without signatures")
			}
			return
		}
		var we *wire.Error
		if !errors.As(err, &we) || we.Status < 400 || we.Status >= 500 {
			t.Fatalf("unclean error %T %v", err, err)
		}
	})
}
