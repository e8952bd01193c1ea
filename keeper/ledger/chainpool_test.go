package ledger_test

import (
	"context"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/keeper/ledger"
)

// dayStartNode answers every call as a node does at a protocol day's first second: ComputePool.allowance
// reverts DayNotStarted (selector 0xdefb45dc) with its data.
type dayStartNode struct{}

func (dayStartNode) CodeAt(context.Context, common.Address, *big.Int) ([]byte, error) {
	return []byte{1}, nil
}

func (dayStartNode) CallContract(context.Context, ethereum.CallMsg, *big.Int) ([]byte, error) {
	return nil, revert{"execution reverted: custom error 0xdefb45dc", "0xdefb45dc" + strings.Repeat("0", 128)}
}

type revert struct{ msg, data string }

func (e revert) Error() string  { return e.msg }
func (e revert) ErrorCode() int { return 3 }
func (e revert) ErrorData() any { return e.data }

// TestChainPoolAllowanceAtDayStart: the keeper reads allowances through chain.PoolAllowance, so a day's
// first second is chain.ErrDayJustStarted (the assembly is tried again), the same error the router and lt
// get, not an anonymous revert.
func TestChainPoolAllowanceAtDayStart(t *testing.T) {
	p, err := ledger.NewChainPool(common.HexToAddress("0x01"), dayStartNode{})
	require.NoError(t, err)
	_, err = p.Allowance(context.Background(), common.HexToAddress("0x02"), 7)
	require.ErrorIs(t, err, chain.ErrDayJustStarted)
	require.ErrorContains(t, err, "day 7")
}
