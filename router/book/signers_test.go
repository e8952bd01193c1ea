package book_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/bindings/marketplace"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/router/book"
)

var marketAddr = common.HexToAddress("0x9001")

// signerLog is a Marketplace ProviderRegistered or ProviderUpdated log of provider binding signer, in block
// (whose time is at).
func signerLog(t *testing.T, name string, provider, signer common.Address, block, at uint64, args ...any) *types.Log {
	t.Helper()
	a, err := marketplace.MarketplaceMetaData.GetAbi()
	require.NoError(t, err)
	ev, ok := a.Events[name]
	require.True(t, ok, "no Marketplace event %s", name)
	data, err := ev.Inputs.NonIndexed().Pack(args...)
	require.NoError(t, err)
	return &types.Log{Address: marketAddr, Topics: []common.Hash{ev.ID, common.BytesToHash(provider.Bytes()), common.BytesToHash(signer.Bytes())},
		Data: data, BlockNumber: block, BlockTimestamp: at}
}

// TestSignerHistoryFold: the book keeps each provider's signer events in chain order with their block
// times (an endpoint change keeping the key adds nothing), so settle.SignerAt answers at a session's start
// and at its close as keepers do: the key registered, then the rotated-to key from the rotation's block
// time on; a snapshot taken before a later rotation keeps its own view.
func TestSignerHistoryFold(t *testing.T) {
	p, other := common.HexToAddress("0xa1"), common.HexToAddress("0xa2")
	k0, k1, k2, ko := common.HexToAddress("0xc0"), common.HexToAddress("0xc1"), common.HexToAddress("0xc2"), common.HexToAddress("0xcf")
	st, err := book.NewState(book.Contracts{Marketplace: marketAddr})
	require.NoError(t, err)
	reg := signerLog(t, "ProviderRegistered", p, k0, 10, 1000, "http://p", big.NewInt(5))
	require.True(t, st.NeedsTime(reg))
	require.NoError(t, st.Apply(reg))
	require.NoError(t, st.Apply(signerLog(t, "ProviderRegistered", other, ko, 11, 1010, "http://o", big.NewInt(5))))
	require.NoError(t, st.Apply(signerLog(t, "ProviderUpdated", p, k0, 12, 1020, "http://p2"))) // endpoint only
	require.NoError(t, st.Apply(signerLog(t, "ProviderUpdated", p, k1, 20, 2000, "http://p2")))
	before := st.Snapshot(20)
	require.NoError(t, st.Apply(signerLog(t, "ProviderUpdated", p, k2, 30, 3000, "http://p2")))
	snap := st.Snapshot(30)

	require.Equal(t, []settle.SignerSet{{Signer: k0, Block: 10, Time: 1000}, {Signer: k1, Block: 20, Time: 2000}, {Signer: k2, Block: 30, Time: 3000}},
		snap.Signers[p])
	require.Equal(t, []settle.SignerSet{{Signer: ko, Block: 11, Time: 1010}}, snap.Signers[other])
	at := func(s *book.Snapshot, t uint64) common.Address {
		k, ok := settle.SignerAt(s.Signers[p], t)
		if !ok {
			return common.Address{}
		}
		return k
	}
	require.Equal(t, common.Address{}, at(snap, 999), "no signer before the registration")
	require.Equal(t, k0, at(snap, 1999), "a session started before the rotation: the old key")
	require.Equal(t, k1, at(snap, 2000), "from the rotation's block time on: the new key")
	require.Equal(t, k1, at(snap, 2999))
	require.Equal(t, k2, at(snap, 5000), "a close after the second rotation")
	require.Equal(t, k1, at(before, 5000), "an older snapshot: what it had read")
	require.Len(t, before.Signers[p], 2)
}
