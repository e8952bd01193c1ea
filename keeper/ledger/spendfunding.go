// A check for whoever re-checks a committed epoch from its batch file (the guardian): no leaf charges a user
// funded after the epoch's deposit read.

package ledger

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/common"
)

// ErrChargedAfterRead: a batch file's spend tree charges a user whose deposit rose from zero after the
// deposits were read. ComputePool asks no spend proof of such a user (its fundedAt is after the epoch's
// depositsReadAt), so it would withdraw what the leaf charges it while the spend stays in totalSpent, paid
// from the other depositors: the root is to be vetoed.
var ErrChargedAfterRead = errors.New("ledger: spend charged to a user funded after the deposit read")

// CheckSpendFunding returns ErrChargedAfterRead (wrapped, naming them) when a leaf of bf's spend tree with a
// nonzero spend belongs to a user whose deposit last rose from zero after bf.DepositsReadAt, or that never
// deposited, by accounts (each user's account as the chain holds it now: ComputePool's fundedAt changes
// only when the deposit rises from zero, and a user with a nonzero spend never withdraws down to zero). A
// charge on a user that had withdrawn to zero before the read is not caught: that needs its previous leaf. The honest keeper never builds such a tree: it charges only the accounts of its read, and the
// leaves it carries over were charged at earlier reads, never later than this one (the read it states is at
// least the previous epoch's).
func CheckSpendFunding(bf *BatchFile, accounts map[common.Address]*DepositAccount) error {
	var bad []string
	for _, lf := range bf.Spend {
		if lf.Amount.IsZero() {
			continue
		}
		switch acc := accounts[lf.User]; {
		case acc == nil || acc.FundedAt == 0:
			bad = append(bad, fmt.Sprintf("%s (spend %s, no deposit)", lf.User.Hex(), lf.Amount.Dec()))
		case acc.FundedAt > bf.DepositsReadAt:
			bad = append(bad, fmt.Sprintf("%s (spend %s, funded at %d)", lf.User.Hex(), lf.Amount.Dec(), acc.FundedAt))
		}
	}
	if len(bad) > 0 {
		return fmt.Errorf("%w: epoch %d, deposits read at %d: %s", ErrChargedAfterRead, bf.Epoch, bf.DepositsReadAt,
			strings.Join(bad, ", "))
	}
	return nil
}

// CheckSpendFunding runs CheckSpendFunding on bf against the accounts as of the newest final block.
func (d *ChainDeposits) CheckSpendFunding(ctx context.Context, bf *BatchFile) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	tip, err := d.sync(ctx)
	if err != nil {
		return err
	}
	return CheckSpendFunding(bf, d.fold(tip.Final.Time))
}
