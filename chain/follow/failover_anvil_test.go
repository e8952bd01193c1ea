package follow_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/chain/follow"
	"github.com/laketravis/laketravis/devnet"
)

// TestFollowsOnPastANodeBehindAnvil: two anvils with the same blocks up to 4, one mining on to 8; a
// follower reads 1..8 through a chain.Client over both, on the node ahead. When the node ahead drops the
// follower's read of block 8, the node behind answers it not found (ErrBehind) and the client stays on the
// node ahead: the skip is of the endpoint that answered. When the node ahead drops another call, the client
// fails over to the node behind (and stays there: it answers), whose "not found" for block 8 is ErrBehind,
// nothing rolled back; the follower moves the client off it (SkipEndpoint), so the next pass reads from the
// node ahead, and the blocks mined there next. Before, the client stayed on the node behind and the
// follower waited for as long as that node stayed behind, though the other node had every block.
func TestFollowsOnPastANodeBehindAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	genesis := uint64(time.Now().Unix()) - 3600
	start := func() *devnet.Anvil {
		a, err := devnet.StartAnvil(ctx, devnet.AnvilOptions{Timestamp: genesis})
		require.NoError(t, err)
		t.Cleanup(a.Close)
		return a
	}
	// mine mines blocks from..to on a, block n at genesis + n: the same blocks on each anvil.
	mine := func(a *devnet.Anvil, from, to uint64) {
		r, err := rpc.DialContext(ctx, a.URL)
		require.NoError(t, err)
		defer r.Close()
		for n := from; n <= to; n++ {
			require.NoError(t, r.CallContext(ctx, nil, "evm_mine", genesis+n))
		}
	}
	behind, ahead := start(), start()
	mine(behind, 1, 4)
	mine(ahead, 1, 8)
	same := func(a *devnet.Anvil) common.Hash {
		e, err := a.Client(ctx)
		require.NoError(t, err)
		defer e.Close()
		h, err := e.HeaderByNumber(ctx, big.NewInt(4))
		require.NoError(t, err)
		return h.Hash()
	}
	require.Equal(t, same(ahead), same(behind), "the same block 4")

	target, err := url.Parse(ahead.URL)
	require.NoError(t, err)
	upstream := httputil.NewSingleHostReverseProxy(target)
	var drop atomic.Bool       // the node ahead fails its next call
	var dropBlock8 atomic.Bool // the node ahead fails its next read of block 8
	flaky := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		require.NoError(t, err)
		if drop.CompareAndSwap(true, false) ||
			bytes.Contains(body, []byte(`"eth_getBlockByNumber","params":["0x8"`)) && dropBlock8.CompareAndSwap(true, false) {
			http.Error(w, "dropped", http.StatusBadGateway)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		upstream.ServeHTTP(w, r)
	}))
	defer flaky.Close()
	c, err := chain.Dial(ctx, []string{flaky.URL, behind.URL}, chain.Options{CallTimeout: 5 * time.Second})
	require.NoError(t, err)
	defer c.Close()

	f := follow.New(c, follow.Config{Start: 1, MaxRange: 3}, nil)
	var ranges [][2]uint64
	sync := func() error {
		_, err := f.Sync(ctx, func(_ context.Context, from uint64, to *types.Header) error {
			ranges = append(ranges, [2]uint64{from, to.Number.Uint64()})
			return nil
		}, func(context.Context, follow.Reorg) error { return errors.New("not a reorg") })
		return err
	}
	require.NoError(t, sync())
	require.Equal(t, [][2]uint64{{1, 3}, {4, 6}, {7, 8}}, ranges)

	// The node ahead drops the read of block 8 and the node behind answers it not found: the client is not
	// moved onto the node behind (the skip is of the endpoint that answered), and the next pass goes on.
	dropBlock8.Store(true)
	require.ErrorIs(t, sync(), follow.ErrBehind)
	require.False(t, dropBlock8.Load(), "the node ahead dropped the read of block 8")
	require.Equal(t, 0, c.Endpoint(), "still on the node ahead")
	require.NoError(t, sync())

	drop.Store(true) // the head read fails over to the node behind: head 4, block 8 read
	require.ErrorIs(t, sync(), follow.ErrBehind, "the node behind has no block 8")
	require.False(t, drop.Load(), "the node ahead dropped a call")
	require.Equal(t, 0, c.Endpoint(), "moved off the node behind")
	mine(ahead, 9, 10)
	require.NoError(t, sync())
	require.Equal(t, [][2]uint64{{1, 3}, {4, 6}, {7, 8}, {9, 10}}, ranges, "read on from the node ahead")
}
