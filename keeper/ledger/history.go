package ledger

import (
	"context"

	"github.com/ethereum/go-ethereum/common"

	"github.com/laketravis/laketravis/keeper/store"
)

// History is what the credits check keeps of the earlier live epochs' batch files (BatchChecker.History):
// per epoch the root its file was read for and whether the epoch was claimable then (HistoryMark), the
// session ids the file lists and the charged of each user-day its allowances list. The check asks it only
// about the file it checks (LookupHistory), so a database behind it (store.Store: the guard's guard.db)
// bounds the guard's memory and lets a restarted guard go on without reading every earlier file again.
type History interface {
	HistoryMarks(ctx context.Context) (map[uint64]store.HistoryMark, error)
	// PutHistory replaces epoch e's mark and rows, all or nothing.
	PutHistory(ctx context.Context, e uint64, mark store.HistoryMark, ids []common.Hash, charged []store.DayCharged) error
	// MarkHistory sets epoch e's mark, leaving its rows.
	MarkHistory(ctx context.Context, e uint64, mark store.HistoryMark) error
	// LookupHistory returns, of the epochs before n, the first listing each of ids and the newest one's
	// charged of each of days.
	LookupHistory(ctx context.Context, n uint64, ids []common.Hash, days []UserDay) (map[common.Hash]uint64, map[UserDay]string, error)
}

var _ History = (*store.Store)(nil)

// MemoryHistory is a History in memory (the checker's default: a one-off check-batch).
type MemoryHistory struct {
	marks   map[uint64]store.HistoryMark
	ids     map[uint64][]common.Hash
	charged map[uint64][]store.DayCharged
}

// HistoryMarks implements History.
func (m *MemoryHistory) HistoryMarks(context.Context) (map[uint64]store.HistoryMark, error) {
	out := make(map[uint64]store.HistoryMark, len(m.marks))
	for e, mk := range m.marks {
		out[e] = mk
	}
	return out, nil
}

// PutHistory implements History.
func (m *MemoryHistory) PutHistory(_ context.Context, e uint64, mark store.HistoryMark, ids []common.Hash, charged []store.DayCharged) error {
	if m.marks == nil {
		m.marks, m.ids, m.charged = map[uint64]store.HistoryMark{}, map[uint64][]common.Hash{}, map[uint64][]store.DayCharged{}
	}
	m.marks[e], m.ids[e], m.charged[e] = mark, ids, charged
	return nil
}

// MarkHistory implements History.
func (m *MemoryHistory) MarkHistory(_ context.Context, e uint64, mark store.HistoryMark) error {
	if m.marks == nil {
		m.marks = map[uint64]store.HistoryMark{}
	}
	m.marks[e] = mark
	return nil
}

// LookupHistory implements History (reading every earlier epoch's rows).
func (m *MemoryHistory) LookupHistory(_ context.Context, n uint64, ids []common.Hash, days []UserDay) (map[common.Hash]uint64, map[UserDay]string, error) {
	want := make(map[common.Hash]bool, len(ids))
	for _, id := range ids {
		want[id] = true
	}
	wantDay := make(map[UserDay]bool, len(days))
	for _, k := range days {
		wantDay[k] = true
	}
	credited, charged, newest := map[common.Hash]uint64{}, map[UserDay]string{}, map[UserDay]uint64{}
	for e, list := range m.ids {
		if e >= n {
			continue
		}
		for _, id := range list {
			if first, ok := credited[id]; want[id] && (!ok || e < first) {
				credited[id] = e
			}
		}
	}
	for e, list := range m.charged {
		if e >= n {
			continue
		}
		for _, c := range list {
			if at, ok := newest[c.UserDay]; wantDay[c.UserDay] && (!ok || e > at) {
				newest[c.UserDay], charged[c.UserDay] = e, c.Charged
			}
		}
	}
	return credited, charged, nil
}
