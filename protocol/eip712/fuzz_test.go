package eip712_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/laketravis/laketravis/protocol/eip712"
)

// requireDecodeError fails unless err is one of the decoding sentinels.
func requireDecodeError(t *testing.T, err error) {
	t.Helper()
	if !errors.Is(err, eip712.ErrMalformed) && !errors.Is(err, eip712.ErrTooLarge) {
		t.Fatalf("decode error wraps no sentinel: %v", err)
	}
}

// FuzzDecodeRFC runs arbitrary bodies through the POST /v1/rfc path: strict decoding, signature
// verification, the deadline rule and canonical re-encoding. It must never panic and only ever return
// the documented sentinel errors.
func FuzzDecodeRFC(f *testing.F) {
	_, golden := signedSampleRFC(f)
	seeds := []string{
		golden,
		strings.Replace(golden, `"nonce":"42"`, `"nonce":42`, 1),
		strings.Replace(golden, `"nonce":"42"`, `"nonce":"042"`, 1),
		strings.Replace(golden, `"nonce":"42"`, `"nonce":"42","nonce":"42"`, 1),
		strings.Replace(golden, `"maxSeconds":"600"`, `"maxSeconds":"4294967296"`, 1),
		strings.Replace(golden, `"user":"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"`, `"user":"0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266"`, 1),
		golden[:len(golden)/2],
		golden + "{}",
		`{"rfc":{},"signature":"0x"}`,
		`{}`, `[]`, `null`, ``, `"`, `{"rfc":null}`,
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	d := eip712.NewDomain(testChainID, testMarketplace)
	now := time.Unix(1_767_225_300, 0)

	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := eip712.DecodeSignedRFC(data)
		if err != nil {
			requireDecodeError(t, err)
			if s != nil {
				t.Fatal("value returned with an error")
			}
			return
		}
		if !json.Valid(data) {
			t.Fatalf("accepted invalid JSON %q", data)
		}
		digest, err := s.Verify(d)
		if err != nil && !errors.Is(err, eip712.ErrBadSignature) {
			t.Fatalf("verify error wraps no sentinel: %v", err)
		}
		if digest != d.Digest(&s.RFC) {
			t.Fatal("Verify returned another digest than Digest")
		}
		if err := s.RFC.CheckDeadline(now); err != nil && !errors.Is(err, eip712.ErrExpired) && !errors.Is(err, eip712.ErrMalformed) {
			t.Fatalf("deadline error wraps no sentinel: %v", err)
		}
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		again, err := eip712.DecodeSignedRFC(b)
		if err != nil {
			t.Fatalf("canonical form %s does not decode: %v", b, err)
		}
		if *again != *s {
			t.Fatalf("round trip changed the value: %+v != %+v", again, s)
		}
	})
}

// FuzzDecodeSessionTicket and FuzzDecodeUsageReceipt cover the other two wire envelopes.
func FuzzDecodeSessionTicket(f *testing.F) {
	b, err := json.Marshal(eip712.SignedSessionTicket{Ticket: *sampleTicket()})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte(`{"ticket":{"sessionId":"0x"},"signature":""}`))
	d := eip712.NewDomain(testChainID, testMarketplace)
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := eip712.DecodeSignedSessionTicket(data)
		if err != nil {
			requireDecodeError(t, err)
			return
		}
		if _, _, err := s.Recover(d); err != nil && !errors.Is(err, eip712.ErrBadSignature) {
			t.Fatalf("recover error wraps no sentinel: %v", err)
		}
	})
}

func FuzzDecodeUsageReceipt(f *testing.F) {
	b, err := json.Marshal(eip712.SignedUsageReceipt{Receipt: *sampleReceipt()})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte(`{"receipt":{"seconds":"1"}}`))
	d := eip712.NewDomain(testChainID, testMarketplace)
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := eip712.DecodeSignedUsageReceipt(data)
		if err != nil {
			requireDecodeError(t, err)
			return
		}
		if _, _, err := s.Recover(d); err != nil && !errors.Is(err, eip712.ErrBadSignature) {
			t.Fatalf("recover error wraps no sentinel: %v", err)
		}
	})
}

// FuzzRecover feeds arbitrary signatures to Recover.
func FuzzRecover(f *testing.F) {
	s, _ := signedSampleRFC(f)
	d := eip712.NewDomain(testChainID, testMarketplace)
	digest := d.Digest(&s.RFC)
	f.Add(digest[:], s.Signature[:])
	f.Add(digest[:], s.Signature[:64])
	f.Add([]byte{}, []byte{})
	f.Fuzz(func(t *testing.T, dg, sig []byte) {
		addr, err := eip712.Recover(common.BytesToHash(dg), sig)
		if err != nil {
			if !errors.Is(err, eip712.ErrBadSignature) {
				t.Fatalf("recover error wraps no sentinel: %v", err)
			}
			if addr != (common.Address{}) {
				t.Fatal("address returned with an error")
			}
		}
	})
}
