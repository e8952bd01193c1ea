package book_test

import (
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/bindings/modelregistry"
	"github.com/laketravis/laketravis/router/book"
)

var registryAddr = common.HexToAddress("0x9002")

func registryLog(t *testing.T, name string, indexed []common.Hash, args ...any) *types.Log {
	t.Helper()
	a, err := modelregistry.ModelRegistryMetaData.GetAbi()
	require.NoError(t, err)
	ev, ok := a.Events[name]
	require.True(t, ok, "no ModelRegistry event %s", name)
	data, err := ev.Inputs.NonIndexed().Pack(args...)
	require.NoError(t, err)
	return &types.Log{Address: registryAddr, Topics: append([]common.Hash{ev.ID}, indexed...), Data: data}
}

// TestBuilderFeeFold: the book shows the fee in force, an announced increase as pending until its time
// (then in force), and a decrease at once, replacing a pending increase.
func TestBuilderFeeFold(t *testing.T) {
	id, builder := common.Hash{7}, common.HexToAddress("0xb1")
	st, err := book.NewState(book.Contracts{ModelRegistry: registryAddr})
	require.NoError(t, err)
	require.NoError(t, st.Apply(registryLog(t, "ModelRegistered", []common.Hash{id, common.BytesToHash(builder.Bytes())},
		"m", "t", [32]byte{1}, uint16(500), uint8(0))))
	model := func(at uint64) book.Model { return st.Snapshot(1).Models[id].At(at) }
	require.EqualValues(t, 500, model(0).FeeBps)

	require.NoError(t, st.Apply(registryLog(t, "BuilderFeeSet", []common.Hash{id}, uint16(500), uint16(2000), uint64(5000))))
	m := model(4999)
	require.EqualValues(t, 500, m.FeeBps, "an announced increase is not in force before its time")
	require.EqualValues(t, 2000, m.PendingFeeBps)
	require.EqualValues(t, 5000, m.PendingFrom)
	m = model(5000)
	require.EqualValues(t, 2000, m.FeeBps)
	require.Zero(t, m.PendingFrom)

	require.NoError(t, st.Apply(registryLog(t, "BuilderFeeSet", []common.Hash{id}, uint16(500), uint16(100), uint64(4000))))
	m = model(6000)
	require.EqualValues(t, 100, m.FeeBps, "a decrease replaces the pending increase")
	require.Zero(t, m.PendingFrom)
}
