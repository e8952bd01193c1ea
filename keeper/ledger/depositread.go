// Which deposits an epoch may charge: as of one block time every keeper finds the same, never before a
// withdrawal (ComputePool.commitRoot refuses a spend read before the newest withdrawal).

package ledger

import (
	"context"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/keeper/store"
)

// ErrWithdrawalNotSettled (wrapping ErrDepositsNotFinal): the deposits as of the asked time are final, but
// a block with the time of the newest final withdrawal after it may still come.
var ErrWithdrawalNotSettled = errors.New("ledger: a withdrawal after the asked time not settled yet")

// epochDeposits fills b with the deposit accounts the epoch with cutoff charges, and the time they were read
// as of (b.ReadAt, committed as commitRoot's depositsReadAt): the later of the cutoff minus one second and
// the newest withdrawal in the final blocks, or the second before the newest final block's when no final
// block is past that yet (Deposits.DepositsRead; b.Unsettled: the users whose events that leaves out). Every keeper whose final blocks hold
// the same withdrawals reads the same accounts, however far its final blocks reach; a keeper that missed a
// withdrawal sees the pool's lastWithdrawAt past its read and does not assemble (Assemble), or, if the
// withdrawal came after that check, has its commit refused (StaleDepositsRead); either way it assembles
// again once the withdrawal is final. So no epoch charges MOR paid back before its commit: a withdrawal before the read shows in the
// accounts, one after it makes the commit revert, one after the commit holds back the epoch's spend.
//
// After a read found older than the pool's newest withdrawal (staleRead), the next read waits until that
// withdrawal's block time is final (ErrDepositsNotFinal until then): the epoch is assembled again once, as of
// a read that includes it, not once per poll (with the final block the head and no block past its second,
// the read leaves that second out on every poll: each is counted, nothing written, up to maxStaleReads, so
// an idle chain that mines only on transactions does not stall the epoch). With holdDeposits (withdrawals kept outrunning the read:
// maxStaleReads) the accounts are read as of the cutoff minus one second, whatever was withdrawn since: the
// epoch then charges no deposit the pool would refuse (Assemble holds those sessions back).
func (l *Ledger) epochDeposits(ctx context.Context, cutoff int64, holdDeposits bool, b *DepositBook) error {
	at := uint64(cutoff - 1)
	if !holdDeposits && l.withdrawFloor > at {
		if _, _, _, err := l.deposits.DepositsRead(ctx, l.withdrawFloor, false); err != nil {
			return err
		}
	}
	accounts, readAt, unsettled, err := l.deposits.DepositsRead(ctx, at, !holdDeposits)
	if err != nil {
		return err
	}
	b.Accounts, b.ReadAt, b.Unsettled = accounts, readAt, unsettled
	return nil
}

// unreadSpend rolls back epoch e, not sent yet, when it charges deposits but has no read time stored: it was
// assembled before keeper migration 00007 (read_at 0). Its batch file would say the deposits were read as of
// time 0, which no one can reproduce, and a pool with no withdrawal yet would accept the commit. Assembled
// again, it reads the deposits anew. An epoch sent already is the pool's to judge (a spend read as of 0 is
// refused after any withdrawal, and the epoch is then assembled again); one committed already keeps its
// batch file.
func (l *Ledger) unreadSpend(ctx context.Context, e *EpochRow) (bool, error) {
	if e.State != StateAssembled && e.State != StateBatchWritten {
		return false, nil
	}
	var spend *store.Spend
	if err := l.store.InTx(ctx, func(tx *store.Tx) (err error) {
		spend, err = tx.SpendOf(ctx, e.ID)
		return err
	}); err != nil {
		return false, err
	}
	if spend.ReadAt != 0 || len(spend.Charges) == 0 {
		return false, nil
	}
	l.log.Warn("epoch assembled before its deposit read time was stored (keeper migration 00007): re-assembling",
		zap.Uint64("epoch", e.Number), zap.Int("depositCharges", len(spend.Charges)))
	return true, l.rollback(ctx, e.Number, StateAbandoned)
}

// DepositsRead implements Deposits.
func (d *ChainDeposits) DepositsRead(ctx context.Context, at uint64, withdrawals bool) (map[common.Address]*DepositAccount, uint64, map[common.Address]bool, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	tip, err := d.sync(ctx)
	if err != nil {
		return nil, 0, nil, err
	}
	readAt := at
	for i := len(d.events) - 1; i >= 0 && withdrawals; i-- {
		if d.events[i].kind == evWithdrawn {
			readAt = max(readAt, d.events[i].time)
			break
		}
	}
	if err := d.checkFinal(tip, readAt); err != nil {
		if readAt > at && d.checkFinal(tip, at) == nil {
			return nil, 0, nil, fmt.Errorf("%w: %w", ErrWithdrawalNotSettled, err)
		}
		return nil, 0, nil, err
	}
	// The deposits are those of the newest block at or before readAt. When no final block is past readAt (the
	// final block is the head: --confirmations 1), a later block may still carry the final head's own time
	// (several blocks a second, as on Arbitrum) or, on a chain lagging the keeper's clock, any time up to
	// readAt. The read is then stated and folded as of the second before the final head's: every block after
	// the final ones has a later time, so the read is exact, whatever comes. A withdrawal in the head's second
	// is then after the read (the pool refuses a spend read before it: Assemble waits or holds), and so is a
	// deposit there, which the user needs no proof of (its fundedAt is after the read). A read past the chain's
	// time would also be refused (DepositsReadAfterCommit) for as long as the chain lags the keeper's clock.
	// unsettled: the users with events in the final head's second, which the read leaves out (a later block
	// settles them).
	var unsettled map[common.Address]bool
	if final := tip.Final; final.Time <= readAt {
		readAt = max(final.Time, 1) - 1
		for i := len(d.events) - 1; i >= 0 && d.events[i].time > readAt; i-- {
			if unsettled == nil {
				unsettled = map[common.Address]bool{}
			}
			unsettled[d.events[i].user] = true
		}
	}
	return d.fold(readAt), readAt, unsettled, nil
}
