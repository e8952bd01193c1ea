package chain

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/laketravis/laketravis/bindings/computepool"
)

// ErrDayJustStarted means the block read is the first second of the protocol day: its day-start vote
// checkpoints are not final yet (another transaction may still land in that second), so ComputePool reverts
// DayNotStarted rather than answer. The next block answers, and from then on the value never changes.
var ErrDayJustStarted = errors.New("the protocol day has just begun: today's allowance is readable from the next block")

// dayNotStarted is the selector of ComputePool's DayNotStarted(uint256,uint256) revert, hex without 0x, from
// the binding's ABI.
var dayNotStarted = func() string {
	parsed, err := computepool.ComputePoolMetaData.GetAbi()
	if err != nil {
		panic(fmt.Sprintf("chain: ComputePool ABI: %v", err))
	}
	e, ok := parsed.Errors["DayNotStarted"]
	if !ok {
		panic("chain: ComputePool ABI has no DayNotStarted error")
	}
	return hex.EncodeToString(e.ID[:4])
}()

// PoolAllowance calls ComputePool.allowance(user, day) at call's block. The pool's DayNotStarted revert
// (the block is day's first second) comes back as an error wrapping ErrDayJustStarted; the router and lt
// both read the allowance through here, so they agree on it.
func PoolAllowance(pool *computepool.ComputePoolCaller, call *bind.CallOpts, user common.Address, day uint64) (*big.Int, error) {
	v, err := pool.Allowance(call, user, new(big.Int).SetUint64(day))
	if isDayNotStarted(err) {
		return nil, fmt.Errorf("%w (day %d)", ErrDayJustStarted, day)
	}
	if err != nil {
		return nil, fmt.Errorf("ComputePool.allowance(%s, %d): %w", user, day, err)
	}
	return v, nil
}

// isDayNotStarted reports whether err is ComputePool's DayNotStarted revert: its selector in the revert
// data, or in the message of a node that puts the data there.
func isDayNotStarted(err error) bool {
	if err == nil {
		return false
	}
	var de rpc.DataError
	if errors.As(err, &de) {
		if s, ok := de.ErrorData().(string); ok && strings.HasPrefix(strings.ToLower(s), "0x"+dayNotStarted) {
			return true
		}
	}
	return strings.Contains(strings.ToLower(err.Error()), dayNotStarted)
}

// SettlementLag reads the settlementLag of the ComputePool at pool (PROTOCOL §4: the longest session plus
// one epoch): what settle.DepositWindow bounds a useDeposit ticket by.
func SettlementLag(ctx context.Context, pool common.Address, cl bind.ContractCaller) (time.Duration, error) {
	caller, err := computepool.NewComputePoolCaller(pool, cl)
	if err != nil {
		return 0, err
	}
	lag, err := caller.SettlementLag(&bind.CallOpts{Context: ctx})
	if err != nil {
		return 0, fmt.Errorf("read ComputePool.settlementLag: %w", err)
	}
	return time.Duration(lag.Int64()) * time.Second, nil
}
