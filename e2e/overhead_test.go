package e2e

import (
	"bytes"
	"context"
	"io"
	"math/big"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"

	"github.com/laketravis/laketravis/client"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
)

// BenchmarkGatewayOverhead is issue 15's overhead figure: the same non-streaming chat completion sent
// sequentially over loopback to the stand-in upstream directly, through `provider serve` with a session of
// the client library (what `lt chat` does), and through the user's gateway (`lt gateway`) and `provider
// serve`, the real binaries of the stack, in interleaved rounds (the order rotates every round, so load
// from elsewhere on the machine falls on all legs alike). It reports each path's median and the medians'
// differences: added-gateway-p50-µs is the figure the issue bounds (≤ 500 µs), added-provider-p50-µs the
// provider's share of it; overhead-ratio-p50 is the gateway path's median over the direct one. Every leg
// uses warm keep-alive connections; the upstream answers at once (no token delay). The gateway
// authenticates with the per-session MAC fast path (protocol/README.md "Session authentication"), the
// client library leg signs every request as `lt chat` does; a sixth leg is the client library with the
// fast path, straight to the provider, so added-provider-p50-µs minus added-provider-mac-p50-µs
// (mac-gain-p50-µs) is what the fast path saves, measured in the same rounds. Two more legs time the
// per-request cryptography the fast path takes off the request's path, in this process: signing a
// request digest (the client's share) and recovering its signer (the provider's). The last two legs are
// the floor: the same direct request through one and through two bare Go reverse proxies (bareproxy_test.go:
// the provider's transport, no authentication, metering or logging), each a process of its own as the
// gateway and the provider are; added-bare-2hop-p50-µs is what two more loopback HTTP hops cost on the
// machine in the same rounds, the part of added-gateway-p50-µs no handler work can remove.
func BenchmarkGatewayOverhead(b *testing.B) {
	// One user on loopback sends hundreds of requests a second: the flood limits would refuse them.
	b.Setenv("LT_PROVIDER_RATE_USER", "0")
	b.Setenv("LT_PROVIDER_RATE_IP", "0")
	b.Setenv("LT_CLIENT_RATE_IP", "0")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	s, err := Start(ctx, Options{Interval: 86400, TokenDelay: -1, GatewayIdleTimeout: time.Hour, MaxSeconds: 3600,
		Prices: []*big.Int{big.NewInt(1e14)}})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()

	hc := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4, DisableCompression: true}}
	defer hc.CloseIdleConnections()
	msgs := `"messages":[{"role":"user","content":"Say hello in one short sentence."}]`
	directBody := []byte(`{"model":"stand-in",` + msgs + `}`)
	marketBody := []byte(`{"model":"` + s.Opts.Model + `",` + msgs + `}`)
	post := func(url string, body []byte) {
		resp, err := hc.Post(url, "application/json", bytes.NewReader(body))
		if err != nil {
			b.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			b.Fatalf("%s: HTTP %d", url, resp.StatusCode)
		}
	}
	c := &client.Client{Router: client.NewRouterClient(s.RouterURL, nil), Domain: s.Domain, Key: s.User.Key, HTTP: hc}
	sess, err := c.Open(ctx, client.RFCParams{Model: s.Opts.Model, MaxPricePerSecond: uint256.MustFromBig(s.Opts.Prices[0]), MaxSeconds: 3600})
	if err != nil {
		b.Fatal(err)
	}
	defer func() { _, _ = sess.Close(context.Background()) }()
	cm := *c // the same client with the fast path, as the gateway uses it
	cm.MAC = true
	sessMAC, err := cm.Open(ctx, client.RFCParams{Model: s.Opts.Model, MaxPricePerSecond: uint256.MustFromBig(s.Opts.Prices[0]), MaxSeconds: 3600})
	if err != nil {
		b.Fatal(err)
	}
	defer func() { _, _ = sessMAC.Close(context.Background()) }()
	key, err := crypto.GenerateKey()
	if err != nil {
		b.Fatal(err)
	}
	digest := wire.RequestDigest(wire.RequestText(s.Domain.ChainID(), sess.ID(), 1, 1, http.MethodPost, client.PathChat, marketBody))
	sig, err := eip712.Sign(digest, key)
	if err != nil {
		b.Fatal(err)
	}
	// The floor: the same request through one and two bare Go proxies in processes of their own.
	bare1 := startBareProxy(b, s.Upstream.URL)
	bare2 := startBareProxy(b, bare1)
	paths := [8]func(){
		func() { post(s.Upstream.URL+"/chat/completions", directBody) },
		func() {
			if _, err := sess.ChatCompletion(ctx, marketBody); err != nil {
				b.Fatal(err)
			}
		},
		func() { post(s.GatewayURL+"/v1/chat/completions", marketBody) },
		func() { _, _ = eip712.Sign(digest, key) },
		func() { _, _ = eip712.Recover(digest, sig[:]) },
		func() {
			if _, err := sessMAC.ChatCompletion(ctx, marketBody); err != nil {
				b.Fatal(err)
			}
		},
		func() { post(bare1+"/chat/completions", directBody) },
		func() { post(bare2+"/chat/completions", directBody) },
	}
	for range 200 { // warm every connection, pool and session
		for _, p := range paths {
			p()
		}
	}
	var took [len(paths)][]time.Duration
	for i := 0; b.Loop(); i++ {
		for k := range paths {
			j := (i + k) % len(paths)
			start := time.Now()
			paths[j]()
			took[j] = append(took[j], time.Since(start))
		}
	}
	b.StopTimer()
	median := func(v []time.Duration) float64 {
		slices.Sort(v)
		return float64(v[len(v)/2].Nanoseconds()) / 1e3
	}
	direct, provider, gw, sign, recovery := median(took[0]), median(took[1]), median(took[2]), median(took[3]), median(took[4])
	b.ReportMetric(direct, "direct-p50-µs")
	b.ReportMetric(provider, "provider-p50-µs")
	b.ReportMetric(gw, "gateway-p50-µs")
	b.ReportMetric(provider-direct, "added-provider-p50-µs")
	b.ReportMetric(gw-direct, "added-gateway-p50-µs")
	b.ReportMetric(gw/direct, "overhead-ratio-p50")
	b.ReportMetric(sign, "sign-p50-µs")
	b.ReportMetric(recovery, "recover-p50-µs")
	providerMAC := median(took[5])
	b.ReportMetric(providerMAC-direct, "added-provider-mac-p50-µs")
	b.ReportMetric(provider-providerMAC, "mac-gain-p50-µs")
	hop1, hop2 := median(took[6]), median(took[7])
	b.ReportMetric(hop1-direct, "added-bare-1hop-p50-µs")
	b.ReportMetric(hop2-direct, "added-bare-2hop-p50-µs")
	b.Logf("median of %d interleaved rounds: direct %.0f µs, provider %.0f µs (+%.0f signed, +%.0f MAC: %.0f µs saved), "+
		"gateway+provider (MAC) %.0f µs (+%.0f, target +500); the fast path takes one signature (%.0f µs) and one recovery (%.0f µs) "+
		"off the request's path; the floor, two bare Go proxies in processes of their own: +%.0f (one: +%.0f)",
		len(took[0]), direct, provider, provider-direct, providerMAC-direct, provider-providerMAC, gw, gw-direct, sign, recovery,
		hop2-direct, hop1-direct)
}
