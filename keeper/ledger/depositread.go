// Which deposits an epoch may charge: as of one block time every keeper finds the same, never before a
// withdrawal (ComputePool.commitRoot refuses a spend read before the newest withdrawal).

package ledger

import (
	"context"

	"github.com/ethereum/go-ethereum/common"
)

// epochDeposits fills b with the deposit accounts the epoch with cutoff charges, and the time they were read
// as of (b.ReadAt, committed as commitRoot's depositsReadAt): the later of the cutoff minus one second and
// the newest withdrawal in the final blocks (Deposits.DepositsRead). Every keeper whose final blocks hold
// the same withdrawals reads the same accounts, however far its final blocks reach; a keeper that missed a
// withdrawal commits a spend the pool refuses (StaleDepositsRead), and assembles again once the withdrawal
// is final. So no epoch charges MOR paid back before its commit: a withdrawal before the read shows in the
// accounts, one after it makes the commit revert, one after the commit holds back the epoch's spend.
func (l *Ledger) epochDeposits(ctx context.Context, cutoff int64, b *DepositBook) error {
	accounts, readAt, err := l.deposits.DepositsRead(ctx, uint64(cutoff-1))
	if err != nil {
		return err
	}
	b.Accounts, b.ReadAt = accounts, readAt
	return nil
}

// DepositsRead implements Deposits.
func (d *ChainDeposits) DepositsRead(ctx context.Context, at uint64) (map[common.Address]*DepositAccount, uint64, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	tip, err := d.sync(ctx)
	if err != nil {
		return nil, 0, err
	}
	readAt := at
	for i := len(d.events) - 1; i >= 0; i-- {
		if d.events[i].kind == evWithdrawn {
			readAt = max(readAt, d.events[i].time)
			break
		}
	}
	if err := d.checkFinal(tip, readAt); err != nil {
		return nil, 0, err
	}
	return d.fold(readAt), readAt, nil
}
