// The batch file: its format and its deterministic, atomic writing.

package ledger

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/internal/atomicfile"
	"github.com/laketravis/laketravis/keeper/crashpoint"
	"github.com/laketravis/laketravis/keeper/store"
)

// BatchFile is the published batch file of an epoch (PROTOCOL §8): enough to recompute the root.
type BatchFile struct {
	Version         int               `json:"version"`
	ChainID         uint64            `json:"chainId,string"`
	ComputePool     common.Address    `json:"computePool"`
	Epoch           uint64            `json:"epoch,string"`
	Day             uint64            `json:"day,string"`
	Cutoff          int64             `json:"cutoff,string"` // the epoch credits the sessions closed before it (plus late ones)
	Root            common.Hash       `json:"root"`
	CumulativeTotal string            `json:"cumulativeTotal"`
	Delta           string            `json:"delta"`
	Factor          BatchFactor       `json:"factor"`
	Sessions        []json.RawMessage `json:"sessions"` // in the charging order (closedAt, sessionId)
	Leaves          []Leaf            `json:"leaves"`
	// Uncredited are the accounts owed something that no leaf credits yet (budget scaling carried all of it
	// forward, or rounded its share to 0), each with cumulativeAmount 0 and its owed, in address order: with
	// Leaves, every account's owed, so the next epoch's file can be compared with this one (check-batch's
	// credits check). Not in the tree.
	Uncredited []Leaf `json:"uncredited"`
	// Rejected: the records refused since the previous epoch's assembly, each with its code and the
	// record as the router served it (PROTOCOL §8 v2: the batch file lists what was not credited too),
	// bounded: a long record as its head, length and hash (store.InsertRejected), and at most
	// maxFeedRejected rows of one feed.
	Rejected []Rejected `json:"rejected"`
	// Shortfalls are the sessions credited less than they cost (their user's allowance ran out; they are
	// rejected records too, listed as such by the next batch file); every other session is credited
	// seconds × price. Allowances are the user-days the sessions were charged to: allowance(user, day) and
	// what every epoch so far, this one included, charged to it.
	Shortfalls []store.Shortfall `json:"shortfalls"`
	Allowances []AllowanceUse    `json:"allowances"`
	// The deposit spend committed with the root (protocol/README.md "Deposit spend"): spendRoot is the
	// StandardMerkleTree of spend's (user, cumulativeSpent), every depositor, listed only once something was
	// ever spent (else spendRoot is zero); cumulativeSpent is their sum. DepositCharges are the epoch's
	// sessions that deposits paid for, and how much each (the rest of each credit came from the allowance).
	// DepositsReadAt is the block time the deposits were read as of (commitRoot's depositsReadAt): the later of
	// the cutoff minus one second and the newest withdrawal.
	DepositsReadAt  uint64                `json:"depositsReadAt,string"`
	SpendRoot       common.Hash           `json:"spendRoot"`
	CumulativeSpent string                `json:"cumulativeSpent"`
	Spend           []store.SpendLeaf     `json:"spend"`
	DepositCharges  []store.DepositCharge `json:"depositCharges"`
}

// AllowanceUse is one user-day in a batch file.
type AllowanceUse struct {
	User      common.Address `json:"user"`
	Day       uint64         `json:"day,string"`
	Allowance string         `json:"allowance"`
	Charged   string         `json:"charged"`
}

// BatchFactor is the pro-rata factor numerator/denominator: 1 when equal. Outstanding is what the epoch
// would have paid unscaled (this epoch's sessions plus the remainder carried forward); CarriedForward is
// what it leaves for later epochs.
type BatchFactor struct {
	Numerator      string `json:"numerator"`
	Denominator    string `json:"denominator"`
	Outstanding    string `json:"outstanding"`
	CarriedForward string `json:"carriedForward"`
}

// writeBatch writes the epoch's batch file (deterministically: written again after a crash it has the
// same bytes, so the same hash), then records its path and keccak256 and moves to batch_written.
func (l *Ledger) writeBatch(ctx context.Context, e *EpochRow) error {
	cal, err := l.calendar(ctx)
	if err != nil {
		return err
	}
	var bf BatchFile
	err = l.store.InTx(ctx, func(tx *store.Tx) error {
		records, err := tx.Records(ctx, e.FirstSeq, e.LastSeq)
		if err != nil {
			return err
		}
		if int64(len(records)) != e.Sessions {
			return fmt.Errorf("ledger: epoch %d credits %d sessions but %d records are stored for seq %d..%d",
				e.Number, e.Sessions, len(records), e.FirstSeq, e.LastSeq)
		}
		leaves, err := tx.Leaves(ctx, e.ID)
		if err != nil {
			return err
		}
		var rejAfter int64
		var prev *EpochRow
		if e.Number > 0 {
			if prev, err = tx.LiveEpoch(ctx, e.Number-1); err != nil {
				return fmt.Errorf("ledger: epoch %d before %d: %w", e.Number-1, e.Number, err)
			}
			rejAfter = prev.RejectedLast
		}
		rejected, err := tx.RejectedRange(ctx, rejAfter, e.RejectedLast)
		if err != nil {
			return err
		}
		shortfalls, err := tx.Shortfalls(ctx, e.ID)
		if err != nil {
			return err
		}
		// One epoch is in flight at a time: the user-days' charges are still what this epoch left.
		sessions, _, err := tx.Credits(ctx, e.FirstSeq, e.LastSeq, e.Sessions)
		if err != nil {
			return err
		}
		keys := userDays(sessions, cal.After(prev))
		slices.SortFunc(keys, func(a, b UserDay) int {
			if c := bytes.Compare(a.User[:], b.User[:]); c != 0 {
				return c
			}
			return cmp.Compare(a.Day, b.Day)
		})
		days, err := tx.DayCharges(ctx, keys)
		if err != nil {
			return err
		}
		uses := make([]AllowanceUse, 0, len(keys))
		for _, k := range keys {
			if dc := days[k]; dc != nil {
				uses = append(uses, AllowanceUse{User: k.User, Day: k.Day, Allowance: dc.Allowance.Dec(), Charged: dc.Charged.Dec()})
			}
		}
		spend, err := tx.SpendOf(ctx, e.ID)
		if err != nil {
			return err
		}
		spendLeaves := []store.SpendLeaf{}
		if !spend.Total.IsZero() {
			spendLeaves = spend.Leaves
		}
		// One epoch is in flight at a time: the accounts are still what this epoch's assembly left.
		accounts, err := tx.Accounts(ctx)
		if err != nil {
			return err
		}
		uncredited := []Leaf{}
		for _, a := range Book(accounts).sortedAccounts() {
			if acc := accounts[a]; acc.Credited.IsZero() && !acc.Owed.IsZero() {
				uncredited = append(uncredited, Leaf{Account: a, Amount: new(uint256.Int), Owed: &acc.Owed})
			}
		}
		var carried uint256.Int
		carried.Sub(&e.OwedTotal, &e.Delta)
		bf = BatchFile{Version: 2, ChainID: l.chainID, ComputePool: l.pool.Address(), Epoch: e.Number, Day: e.Day,
			Cutoff: e.Cutoff, Root: e.Root, Shortfalls: shortfalls, Allowances: uses, CumulativeTotal: e.Total.Dec(), Delta: e.Delta.Dec(),
			Factor:   BatchFactor{Numerator: e.FactorN.Dec(), Denominator: e.FactorD.Dec(), Outstanding: e.OwedTotal.Dec(), CarriedForward: carried.Dec()},
			Sessions: records, Leaves: leaves, Uncredited: uncredited, Rejected: rejected,
			DepositsReadAt: spend.ReadAt, SpendRoot: spend.Root, CumulativeSpent: spend.Total.Dec(), Spend: spendLeaves, DepositCharges: spend.Charges}
		if bf.DepositCharges == nil {
			bf.DepositCharges = []store.DepositCharge{}
		}
		if bf.Sessions == nil {
			bf.Sessions = []json.RawMessage{}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := os.MkdirAll(l.cfg.BatchDir, 0o755); err != nil {
		return err
	}
	path := filepath.Join(l.cfg.BatchDir, fmt.Sprintf("epoch-%d-%d.json", e.Number, e.ID))
	hash, err := writeFileAtomic(path, &bf)
	if err != nil {
		return err
	}
	crashpoint.Hit(crashpoint.BatchFileWritten)
	if err := l.moved(StateBatchWritten, l.store.MarkBatchWritten(ctx, e.ID, hash, path)); err != nil {
		return err
	}
	crashpoint.Hit(crashpoint.BatchStateStored)
	l.log.Info("batch file written", zap.Uint64("epoch", e.Number), zap.String("file", path), zap.Stringer("batchHash", hash))
	return nil
}

// writeFileAtomic writes v as JSON to path (atomicfile.Write, 0600), returning the keccak256 of the bytes.
func writeFileAtomic(path string, v any) (common.Hash, error) {
	h := crypto.NewKeccakState()
	err := atomicfile.Write(path, 0o600, func(f io.Writer) error {
		w := bufio.NewWriterSize(f, 1<<20)
		if err := json.NewEncoder(multiWriter{w, h}).Encode(v); err != nil {
			return err
		}
		return w.Flush()
	})
	if err != nil {
		return common.Hash{}, err
	}
	var out common.Hash
	_, _ = h.Read(out[:])
	return out, nil
}

type multiWriter struct {
	a *bufio.Writer
	b crypto.KeccakState
}

func (m multiWriter) Write(p []byte) (int, error) {
	m.b.Write(p)
	return m.a.Write(p)
}
