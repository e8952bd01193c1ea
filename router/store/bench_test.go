package store_test

import (
	"context"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/router/store"
)

// BenchmarkCreateSession is CreateSession on SQLite (group commit, synchronous=FULL) from 16 concurrent
// callers, as POST /v1/rfc calls it: cpu-µs/session is the process's CPU time per created session, p50-ms
// and p99-ms the callers' latency, the wait for their group's commit included.
func BenchmarkCreateSession(b *testing.B) {
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(b.TempDir(), "router.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	allow := new(uint256.Int).Exp(uint256.NewInt(10), uint256.NewInt(30))
	var next atomic.Int64
	var wg sync.WaitGroup
	lat := make([]time.Duration, b.N+1)
	cpu0 := cpuTime()
	start := time.Now()
	b.ResetTimer()
	for range 16 {
		wg.Go(func() {
			for i := next.Add(1); i <= int64(b.N); i = next.Add(1) {
				d := crypto.Keccak256Hash(big(i))
				user := common.BytesToAddress(big(i % 64))
				id := eip712.SessionID(d, prov)
				p := uint256.NewInt(1e9)
				s := &store.Session{ID: id, RFCDigest: d,
					Ticket: eip712.SessionTicket{SessionID: id, User: user, Provider: prov, ModelID: common.Hash{0xee},
						PricePerSecond: *p, MaxSeconds: 60, NotAfter: 1000},
					TicketSignature: eip712.Signature{1, 2, 3}, Router: common.HexToAddress("0x01"), Endpoint: "http://p",
					Day: 7, Reserved: new(uint256.Int).Mul(p, uint256.NewInt(60)), CreatedAt: 100, ExpiresAt: 1100}
				t0 := time.Now()
				_, _, err := db.CreateSession(ctx, store.NewSession{Session: s, Nonce: uint64(i), Deadline: 500, Allowance: allow})
				lat[i] = time.Since(t0)
				if err != nil {
					b.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	b.StopTimer()
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/float64(b.N), "cpu-µs/session")
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "sessions/s")
	lat = lat[1:]
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1e3, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1e3, "p99-ms")
}

func big(i int64) []byte { return uint256.NewInt(uint64(i)).Bytes() }

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
