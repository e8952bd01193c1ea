// Which deposits an epoch may charge: as of its cutoff, never more than the chain still holds.

package ledger

import (
	"context"
	"fmt"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
)

// FinalDeposits is a Deposits source that also answers as of the newest final block (ChainDeposits).
// Without it, the ledger asks DepositsAt its own clock's time.
type FinalDeposits interface {
	// DepositsFinal returns DepositsAt(at) and, read in the same pass, every user's account as of the
	// newest final block and that block's time.
	DepositsFinal(ctx context.Context, at uint64) (atAt, final map[common.Address]*DepositAccount, finalTime uint64, err error)
}

// SettlementLagger is a Pool that reads the pool's settlementLag (ChainPool). Without it, no session is
// refused a deposit for being settled late.
type SettlementLagger interface {
	SettlementLag(ctx context.Context) (uint64, error)
}

// epochDeposits fills b with the deposit accounts the epoch with cutoff charges: each user's depositOf is
// the smaller of its values at the newest block before the cutoff and at the newest final block (a user who
// withdrew after the cutoff is charged at most what it still holds: its withdrawal was paid against the
// spend committed then, so a charge beyond it would be paid from other users' deposits); a withdrawal
// request pending at either block holds the deposit from the earlier one on; users who deposited after the
// cutoff are listed with nothing to spend (the spend tree then has their leaf). ReadAt is the final block's
// time and Lag the pool's settlementLag (DepositBook.source).
func (l *Ledger) epochDeposits(ctx context.Context, cutoff int64, b *DepositBook) error {
	// The newest block before the cutoff: the same for every keeper, once final (ChainDeposits).
	var atCutoff, latest map[common.Address]*DepositAccount
	var err error
	if f, ok := l.deposits.(FinalDeposits); ok {
		atCutoff, latest, b.ReadAt, err = f.DepositsFinal(ctx, uint64(cutoff-1))
	} else {
		if atCutoff, err = l.deposits.DepositsAt(ctx, uint64(cutoff-1)); err != nil {
			return err
		}
		b.ReadAt = uint64(l.cfg.Now().Unix())
		latest, err = l.deposits.DepositsAt(ctx, b.ReadAt)
	}
	if err != nil {
		return err
	}
	if b.Lag, err = l.settlementLag(ctx); err != nil {
		return fmt.Errorf("settlementLag: %w", err)
	}
	b.Accounts = make(map[common.Address]*DepositAccount, len(latest))
	for u, now := range latest {
		acc := &DepositAccount{RequestedAt: now.RequestedAt}
		if then := atCutoff[u]; then != nil {
			acc.Deposit = then.Deposit
			if now.Deposit.Lt(&acc.Deposit) {
				acc.Deposit = now.Deposit
			}
			if then.RequestedAt != 0 {
				acc.RequestedAt = then.RequestedAt
			}
		}
		b.Accounts[u] = acc
	}
	return nil
}

// DepositsFinal implements FinalDeposits.
func (d *ChainDeposits) DepositsFinal(ctx context.Context, at uint64) (atAt, final map[common.Address]*DepositAccount, finalTime uint64, err error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	tip, err := d.sync(ctx)
	if err != nil {
		return nil, nil, 0, err
	}
	if err := d.checkFinal(tip, at); err != nil {
		return nil, nil, 0, err
	}
	return d.fold(at), d.fold(tip.Final.Time), tip.Final.Time, nil
}

// settlementLag returns the pool's settlementLag (0 when the pool cannot say), read once: it is fixed at
// deployment.
func (l *Ledger) settlementLag(ctx context.Context) (uint64, error) {
	p, ok := l.pool.(SettlementLagger)
	if !ok {
		return 0, nil
	}
	l.mu.Lock()
	lag := l.lag
	l.mu.Unlock()
	if lag != 0 {
		return lag, nil
	}
	lag, err := p.SettlementLag(ctx)
	if err != nil {
		return 0, err
	}
	l.mu.Lock()
	l.lag = lag
	l.mu.Unlock()
	return lag, nil
}

// SettlementLag implements SettlementLagger: the pool's settlementLag, fixed at deployment.
func (p *ChainPool) SettlementLag(ctx context.Context) (uint64, error) {
	v, err := p.caller.SettlementLag(&bind.CallOpts{Context: ctx})
	if err != nil {
		return 0, err
	}
	return v.Uint64(), nil
}
