package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/laketravis/laketravis/protocol/wire"
)

// Paid usage (PROTOCOL §4): what the router charged users' deposits (the deposit_usage table), read and
// written inside the transactions that open and close sessions, like the allowance's usage rows.

// DepositLimit lets CreateSession charge what the allowance does not cover to the user's deposit (the RFC
// says useDeposit and no withdrawal is pending).
type DepositLimit struct {
	// Available is what the router may charge the deposit in period Gen: depositOf(user) minus the spend
	// the user's last withdrawal proved.
	Available *uint256.Int
	Gen       uint64 // the user's paid withdrawals (book.Deposit.Withdrawals)
	// MaxSession is the most one session may charge the deposit: the daily spend cap (router/api); nil: no bound.
	MaxSession *uint256.Int
}

// ErrDepositExhausted: the allowance left and the deposit together do not cover the reservation.
var ErrDepositExhausted = errors.New("store: allowance and deposit exhausted")

const (
	qDepositUsageForUpd = `SELECT used FROM deposit_usage WHERE user_addr = ? AND gen = ?{forUpdate}`
	qDepositUsage       = `SELECT used FROM deposit_usage WHERE user_addr = ? AND gen = ?`
	qInsertDepositUsage = `INSERT INTO deposit_usage (user_addr, gen, used) VALUES (?, ?, '0') ON CONFLICT (user_addr, gen) DO NOTHING`
	qSetDepositUsage    = `UPDATE deposit_usage SET used = ? WHERE user_addr = ? AND gen = ?`
	qSetSessionDeposit  = `UPDATE sessions SET deposit_reserved = ?, deposit_gen = ? WHERE id = ?`
)

// chargeDepositTx puts what the allowance left (allowance - used, none when used is past it) towards
// reserved and charges the rest to the deposit, within d.Available. It returns the allowance's new usage
// and the deposit's part. Errors: ErrDepositExhausted (also for a part above d.MaxSession).
func (s *DB) chargeDepositTx(ctx context.Context, tx *sql.Tx, user string, ns *Session, allowance, used *uint256.Int, d *DepositLimit) (*uint256.Int, *uint256.Int, error) {
	fromAllowance := new(uint256.Int)
	if allowance != nil && allowance.Gt(used) {
		fromAllowance.Sub(allowance, used)
	}
	if fromAllowance.Gt(ns.Reserved) {
		fromAllowance.Set(ns.Reserved)
	}
	fromDeposit := new(uint256.Int).Sub(ns.Reserved, fromAllowance)
	if d.MaxSession != nil && fromDeposit.Gt(d.MaxSession) {
		return nil, nil, ErrDepositExhausted
	}
	charged, err := s.depositUsageTx(ctx, tx, user, d.Gen)
	if err != nil {
		return nil, nil, err
	}
	after, overflow := new(uint256.Int).AddOverflow(charged, fromDeposit)
	if overflow || d.Available == nil || after.Gt(d.Available) {
		return nil, nil, ErrDepositExhausted
	}
	if _, err := s.exec(ctx, tx, qSetDepositUsage, after.Dec(), user, int64(d.Gen)); err != nil {
		return nil, nil, fmt.Errorf("store: deposit usage: %w", err)
	}
	if _, err := s.exec(ctx, tx, qSetSessionDeposit, fromDeposit.Dec(), int64(d.Gen), hexHash(ns.ID)); err != nil {
		return nil, nil, fmt.Errorf("store: session deposit: %w", err)
	}
	return new(uint256.Int).Add(used, fromAllowance), fromDeposit, nil
}

// trueUpDepositTx replaces a closing session's deposit reservation by the deposit's part of what it billed.
func (s *DB) trueUpDepositTx(ctx context.Context, tx *sql.Tx, sess *Session, billedDeposit *uint256.Int) error {
	user := hexAddr(sess.Ticket.User)
	charged, err := s.depositUsageTx(ctx, tx, user, sess.DepositGen)
	if err != nil {
		return err
	}
	if charged.Lt(sess.DepositReserved) {
		charged.Clear()
	} else {
		charged.Sub(charged, sess.DepositReserved)
	}
	charged.Add(charged, billedDeposit)
	if _, err := s.exec(ctx, tx, qSetDepositUsage, charged.Dec(), user, int64(sess.DepositGen)); err != nil {
		return fmt.Errorf("store: deposit usage: %w", err)
	}
	return nil
}

// depositUsageTx reads and locks the user's deposit_usage row for gen, creating it at zero the first time.
func (s *DB) depositUsageTx(ctx context.Context, tx *sql.Tx, user string, gen uint64) (*uint256.Int, error) {
	return s.amountRowTx(ctx, tx, "deposit usage", qDepositUsageForUpd, qInsertDepositUsage, user, int64(gen))
}

// DepositUsed returns what the router charged user's deposit in period gen: the deposit's part of open
// reservations and of billed amounts.
func (s *DB) DepositUsed(ctx context.Context, user common.Address, gen uint64) (*uint256.Int, error) {
	return s.amountRow(ctx, "deposit usage", qDepositUsage, hexAddr(user), int64(gen))
}

// ReservedSplit divides the session's reservation between the allowance and the deposit.
func (sess *Session) ReservedSplit() (allowance, deposit *uint256.Int) {
	dep := new(uint256.Int)
	if sess.DepositReserved != nil {
		dep.Set(sess.DepositReserved)
	}
	fromAllowance := new(uint256.Int)
	if sess.Reserved != nil && sess.Reserved.Gt(dep) {
		fromAllowance.Sub(sess.Reserved, dep)
	}
	return fromAllowance, dep
}

// Split divides what the session costs the user between the allowance and the deposit as this router
// charged them: its reservation while open; once closed, what it billed (wire.Payment.Billed).
func (sess *Session) Split() (allowance, deposit *uint256.Int) {
	fromAllowance, dep := sess.ReservedSplit()
	if sess.State != StateClosed {
		return fromAllowance, dep
	}
	billed := new(uint256.Int).Mul(uint256.NewInt(uint64(sess.BilledSeconds)), &sess.Ticket.PricePerSecond)
	p := (&wire.Payment{Allowance: fromAllowance, Deposit: dep}).Billed(billed)
	return p.Allowance, p.Deposit
}
