// Package booktest builds contract logs for tests of the book's fold and of what reads it.
package booktest

import (
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/bindings/computepool"
)

// PoolLog is a ComputePool log at pool of event name: the indexed topics, then the data of the other
// arguments.
func PoolLog(t testing.TB, pool common.Address, name string, indexed []common.Hash, args ...any) *types.Log {
	t.Helper()
	a, err := computepool.ComputePoolMetaData.GetAbi()
	require.NoError(t, err)
	ev, ok := a.Events[name]
	require.True(t, ok, "no ComputePool event %s", name)
	data, err := ev.Inputs.NonIndexed().Pack(args...)
	require.NoError(t, err)
	return &types.Log{Address: pool, Topics: append([]common.Hash{ev.ID}, indexed...), Data: data}
}

// User is an address as an indexed topic.
func User(a common.Address) common.Hash { return common.BytesToHash(a.Bytes()) }
