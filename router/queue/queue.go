// Package queue holds RFCs that found every matching provider busy (PROTOCOL §7 step 2): a bounded
// priority queue ordered by the user's MOR votes (Yellowstone priority: more stake, earlier service),
// first come first served among equals. Waiters are woken one at a time, highest priority first, when
// capacity may have freed; a waiter that still finds no capacity waits again with its original place.
package queue

import (
	"container/heap"
	"context"
	"errors"
	"sync"

	"github.com/holiman/uint256"
)

var (
	// ErrFull: the queue is full of waiters with at least this priority.
	ErrFull = errors.New("queue: full")
	// ErrEvicted: a higher-priority RFC took this waiter's place in a full queue.
	ErrEvicted = errors.New("queue: evicted by a higher-priority request")
)

// Place is a waiter's position: its priority and arrival order. Reuse it across Wait calls to keep the
// original place.
type Place struct {
	Priority uint256.Int
	seq      uint64
}

type waiter struct {
	place *Place
	ch    chan error // receives nil (your turn) or ErrEvicted
	index int
}

type waiters []*waiter

func (w waiters) Len() int { return len(w) }
func (w waiters) Less(i, j int) bool {
	if c := w[i].place.Priority.Cmp(&w[j].place.Priority); c != 0 {
		return c > 0
	}
	return w[i].place.seq < w[j].place.seq
}
func (w waiters) Swap(i, j int) { w[i], w[j] = w[j], w[i]; w[i].index = i; w[j].index = j }
func (w *waiters) Push(x any)   { x.(*waiter).index = len(*w); *w = append(*w, x.(*waiter)) }
func (w *waiters) Pop() any     { old := *w; x := old[len(old)-1]; *w = old[:len(old)-1]; return x }
func (w waiters) lowest() (int, bool) { // index of the lowest-priority waiter
	if len(w) == 0 {
		return 0, false
	}
	lo := 0
	for i := 1; i < len(w); i++ {
		if w.Less(lo, i) {
			lo = i
		}
	}
	return lo, true
}

// Queue is safe for concurrent use.
type Queue struct {
	max int
	mu  sync.Mutex
	w   waiters
	seq uint64
}

// New returns a queue holding at most max waiters.
func New(max int) *Queue { return &Queue{max: max} }

// NewPlace returns a place with the given priority, ordered after every earlier place.
func (q *Queue) NewPlace(priority *uint256.Int) *Place {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.seq++
	return &Place{Priority: *priority, seq: q.seq}
}

// Len is the number of waiters.
func (q *Queue) Len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.w)
}

// Wait blocks until it is p's turn (nil), the queue rejects or evicts it (ErrFull, ErrEvicted) or ctx ends
// (ctx.Err()).
func (q *Queue) Wait(ctx context.Context, p *Place) error {
	w := &waiter{place: p, ch: make(chan error, 1)}
	q.mu.Lock()
	if len(q.w) >= q.max {
		lo, ok := q.w.lowest()
		if !ok || !(q.w[lo].place.Priority.Lt(&p.Priority) || (q.w[lo].place.Priority.Eq(&p.Priority) && q.w[lo].place.seq > p.seq)) {
			q.mu.Unlock()
			return ErrFull
		}
		ev := heap.Remove(&q.w, lo).(*waiter)
		ev.ch <- ErrEvicted
	}
	heap.Push(&q.w, w)
	q.mu.Unlock()

	select {
	case err := <-w.ch:
		return err
	case <-ctx.Done():
		q.mu.Lock()
		defer q.mu.Unlock()
		select {
		case err := <-w.ch: // woken concurrently: pass the turn on
			if err == nil {
				q.signalLocked()
			}
		default:
			heap.Remove(&q.w, w.index)
		}
		return ctx.Err()
	}
}

// Signal wakes the highest-priority waiter, if any, and reports whether it did.
func (q *Queue) Signal() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.signalLocked()
}

func (q *Queue) signalLocked() bool {
	if len(q.w) == 0 {
		return false
	}
	w := heap.Pop(&q.w).(*waiter)
	w.ch <- nil
	return true
}
