package queue

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/holiman/uint256"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// waitAll starts a waiter per priority (in order) and returns the order in which they are woken.
func TestOrderByVotesThenArrival(t *testing.T) {
	q := New(10)
	prios := []uint64{5, 50, 5, 500, 50}
	var mu sync.Mutex
	var order []int
	var wg sync.WaitGroup
	for i, p := range prios {
		place := q.NewPlace(uint256.NewInt(p))
		wg.Add(1)
		go func() {
			defer wg.Done()
			assert.NoError(t, q.Wait(context.Background(), place)) // assert: FailNow belongs to the test's goroutine
			mu.Lock()
			order = append(order, i)
			mu.Unlock()
		}()
		require.Eventually(t, func() bool { return q.Len() == i+1 }, time.Second, time.Millisecond)
	}
	for range prios {
		n := len(order)
		require.True(t, q.Signal())
		require.Eventually(t, func() bool { mu.Lock(); defer mu.Unlock(); return len(order) == n+1 }, time.Second, time.Millisecond)
	}
	wg.Wait()
	require.Equal(t, []int{3, 1, 4, 0, 2}, order)
	require.False(t, q.Signal())
}

func TestBoundedEvictionAndTimeout(t *testing.T) {
	q := New(2)
	errs := make(chan error, 3)
	low := q.NewPlace(uint256.NewInt(1))
	mid := q.NewPlace(uint256.NewInt(2))
	go func() { errs <- q.Wait(context.Background(), low) }()
	go func() { errs <- q.Wait(context.Background(), mid) }()
	require.Eventually(t, func() bool { return q.Len() == 2 }, time.Second, time.Millisecond)

	// Full: an equal-or-lower newcomer is refused, a higher one evicts the lowest.
	require.ErrorIs(t, q.Wait(context.Background(), q.NewPlace(uint256.NewInt(1))), ErrFull)
	high := q.NewPlace(uint256.NewInt(3))
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	go func() { errs <- q.Wait(ctx, high) }()
	require.ErrorIs(t, <-errs, ErrEvicted)
	// The high waiter times out and leaves the queue.
	err := <-errs
	require.True(t, errors.Is(err, context.DeadlineExceeded), "got %v", err)
	require.Equal(t, 1, q.Len())
	require.True(t, q.Signal())
	require.NoError(t, <-errs)
}
