package eip712_test

import (
	"slices"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/laketravis/laketravis/protocol/eip712"
)

func BenchmarkDigestRFC(b *testing.B) {
	d := eip712.NewDomain(testChainID, testMarketplace)
	r := sampleRFC()
	b.ReportAllocs()
	for b.Loop() {
		d.Digest(r)
	}
}

func BenchmarkStructHashRFC(b *testing.B) {
	r := sampleRFC()
	b.ReportAllocs()
	for b.Loop() {
		eip712.StructHash(r)
	}
}

func BenchmarkSign(b *testing.B) {
	d := eip712.NewDomain(testChainID, testMarketplace)
	digest := d.Digest(sampleRFC())
	key := anvilKey(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := eip712.Sign(digest, key); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRecover(b *testing.B) {
	s, _ := signedSampleRFC(b)
	digest := eip712.NewDomain(testChainID, testMarketplace).Digest(&s.RFC)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := eip712.Recover(digest, s.Signature[:]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEcrecover is the bare go-ethereum (libsecp256k1) recovery, for comparison with Recover.
func BenchmarkEcrecover(b *testing.B) {
	s, _ := signedSampleRFC(b)
	digest := eip712.NewDomain(testChainID, testMarketplace).Digest(&s.RFC)
	sig := s.Signature
	sig[64] -= 27
	b.ReportAllocs()
	for b.Loop() {
		if _, err := crypto.Ecrecover(digest[:], sig[:]); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeSignedRFC(b *testing.B) {
	_, body := signedSampleRFC(b)
	data := []byte(body)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := eip712.DecodeSignedRFC(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeVerifyRFC is the router's whole stateless per-RFC cost: decode, digest, recover.
func BenchmarkDecodeVerifyRFC(b *testing.B) {
	d := eip712.NewDomain(testChainID, testMarketplace)
	_, body := signedSampleRFC(b)
	data := []byte(body)
	b.ReportAllocs()
	for b.Loop() {
		s, err := eip712.DecodeSignedRFC(data)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Verify(d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeVerifyVsEcrecover alternates the router's stateless per-RFC work (decode, digest,
// recover, compare) with one bare crypto.Ecrecover of the same signature, timing each separately, so
// that both see the same machine load; it reports the ratio of their medians (x_ecrecover) and each
// one's median time.
func BenchmarkDecodeVerifyVsEcrecover(b *testing.B) {
	d := eip712.NewDomain(testChainID, testMarketplace)
	s, body := signedSampleRFC(b)
	data := []byte(body)
	digest := d.Digest(&s.RFC)
	sig := s.Signature
	sig[64] -= 27
	var verify, ecrecover []time.Duration
	b.ReportAllocs()
	for b.Loop() {
		t0 := time.Now()
		if _, err := crypto.Ecrecover(digest[:], sig[:]); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		got, err := eip712.DecodeSignedRFC(data)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := got.Verify(d); err != nil {
			b.Fatal(err)
		}
		verify = append(verify, time.Since(t1))
		ecrecover = append(ecrecover, t1.Sub(t0))
	}
	// Medians: a preemption or a neighbour's burst inflates single calls, not the middle of each series.
	v, e := median(verify), median(ecrecover)
	b.ReportMetric(float64(v)/float64(e), "x_ecrecover")
	b.ReportMetric(float64(v.Nanoseconds()), "verify-ns")
	b.ReportMetric(float64(e.Nanoseconds()), "ecrecover-ns")
}

func median(ds []time.Duration) time.Duration {
	slices.Sort(ds)
	return ds[len(ds)/2]
}
