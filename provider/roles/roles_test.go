package roles

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

type countingLookup struct {
	routers map[common.Address]bool
	calls   atomic.Int32
	fail    bool
}

func (l *countingLookup) IsRouter(_ context.Context, a common.Address) (bool, error) {
	l.calls.Add(1)
	if l.fail {
		return false, errors.New("rpc down")
	}
	return l.routers[a], nil
}

func TestCache(t *testing.T) {
	router, other := common.HexToAddress("0x01"), common.HexToAddress("0x02")
	l := &countingLookup{routers: map[common.Address]bool{router: true}}
	c := NewCache(l, time.Minute, time.Second)
	now := time.Unix(1000, 0)
	c.now = func() time.Time { return now }
	ctx := context.Background()

	steps := []struct {
		name      string
		addr      common.Address
		advance   time.Duration
		want      bool
		wantCalls int32
	}{
		{"first lookup asks the chain", router, 0, true, 1},
		{"positive answer cached", router, 30 * time.Second, true, 1},
		{"negative answer asks", other, 0, false, 2},
		{"negative answer cached", other, 500 * time.Millisecond, false, 2},
		{"negative expires sooner", other, time.Second, false, 3},
		{"positive expires", router, time.Minute, true, 4},
	}
	for _, s := range steps {
		now = now.Add(s.advance)
		got, err := c.IsRouter(ctx, s.addr)
		if err != nil || got != s.want || l.calls.Load() != s.wantCalls {
			t.Fatalf("%s: got %v, %v, %d calls; want %v, %d calls", s.name, got, err, l.calls.Load(), s.want, s.wantCalls)
		}
	}
	l.fail = true
	now = now.Add(time.Hour)
	if _, err := c.IsRouter(ctx, router); err == nil {
		t.Fatal("errors must not be cached as answers")
	}
}
