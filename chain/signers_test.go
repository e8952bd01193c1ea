package chain_test

import (
	"context"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/devnet/devnettest"
	"github.com/laketravis/laketravis/protocol/ids"
	"github.com/laketravis/laketravis/protocol/settle"
)

// TestSignerEvent reads the logs a real Marketplace emits: SignerTopics(p) selects p's registration and
// rotation and no other provider's, SignerTopics() every provider's, and SignerEvent reads each as (its
// provider, the key it set with its block and block time) — the provider is never taken for the signer —
// and every other Marketplace log of the same blocks (stake, roles, params) as no signer event. A removed
// log sets no key; a log with a signer event's id that does not decode is an error, never a key.
func TestSignerEvent(t *testing.T) {
	ctx := context.Background()
	c := devnettest.Start(t)
	market := c.Addr("Marketplace")
	owner, other := devnet.DevKey(3), devnet.DevKey(5)
	p, o := crypto.PubkeyToAddress(owner.PublicKey), crypto.PubkeyToAddress(other.PublicKey)
	k0, k1, ko := devnettest.KeyAddr("k0"), devnettest.KeyAddr("k1"), devnettest.KeyAddr("ko")
	c.RegisterProvider(owner, devnettest.Key("k0"), "http://provider.example", 150)
	c.RegisterProvider(other, devnettest.Key("ko"), "http://other.example", 150)
	r := c.UpdateProvider(owner, devnettest.Key("k1"), "http://provider.example")

	read := func(topics [][]common.Hash) []types.Log {
		t.Helper()
		logs, err := c.Client.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: big.NewInt(0), ToBlock: r.BlockNumber,
			Addresses: []common.Address{market}, Topics: topics})
		require.NoError(t, err)
		for i := range logs { // as the router's indexer and the keeper do where the node leaves it out
			if logs[i].BlockTimestamp == 0 {
				h, err := c.Client.HeaderByNumber(ctx, new(big.Int).SetUint64(logs[i].BlockNumber))
				require.NoError(t, err)
				logs[i].BlockTimestamp = h.Time
			}
		}
		return logs
	}
	type event struct {
		provider common.Address
		set      settle.SignerSet
	}
	decode := func(logs []types.Log) (out []event) {
		t.Helper()
		for _, l := range logs {
			who, set, ok, err := chain.SignerEvent(l)
			require.NoError(t, err)
			if ok {
				out = append(out, event{who, set})
			}
		}
		return out
	}

	mine := read(chain.SignerTopics(p))
	require.Len(t, mine, 2, "p's registration and rotation")
	require.Equal(t, r.BlockNumber.Uint64(), mine[1].BlockNumber)
	require.NotZero(t, mine[0].BlockTimestamp)
	require.Equal(t, []event{
		{p, settle.SignerSet{Signer: k0, Block: mine[0].BlockNumber, Time: mine[0].BlockTimestamp}},
		{p, settle.SignerSet{Signer: k1, Block: mine[1].BlockNumber, Time: mine[1].BlockTimestamp}},
	}, decode(mine))

	every := read(chain.SignerTopics())
	require.Len(t, every, 3)
	all := read(nil) // every Marketplace log up to the rotation
	require.Greater(t, len(all), len(every), "the deployment and registrations emit other Marketplace events")
	require.Equal(t, decode(every), decode(all), "exactly the logs SignerTopics selects are signer events")
	require.Contains(t, decode(all), event{o, settle.SignerSet{Signer: ko, Block: every[1].BlockNumber, Time: every[1].BlockTimestamp}})

	removed := mine[1]
	removed.Removed = true
	_, _, ok, err := chain.SignerEvent(removed)
	require.NoError(t, err)
	require.False(t, ok, "a removed log sets no key")

	for _, broken := range []types.Log{
		{Topics: mine[0].Topics[:2], Data: mine[0].Data},  // the signer topic missing
		{Topics: mine[0].Topics, Data: mine[0].Data[:32]}, // endpoint and stake cut off
	} {
		_, _, ok, err = chain.SignerEvent(broken)
		require.Error(t, err)
		require.False(t, ok)
	}
}

// TestRouterRoleEvent reads the logs a real Marketplace emits: RouterRoleEvent reads a grant and a
// revocation of ROUTER_ROLE as (the account, held or not) — never the role id or the admin who sent it
// taken for the account — and a grant of another role, every other Marketplace log and a removed log as no
// router event; RouterRoleTopics selects exactly the router events. A log with a role event's id that does
// not decode is an error, never an event.
func TestRouterRoleEvent(t *testing.T) {
	ctx := context.Background()
	c := devnettest.Start(t)
	market := c.Addr("Marketplace")
	admin := devnet.DevKey(0)
	r, g := common.HexToAddress("0x7171"), common.HexToAddress("0x7272")
	from := c.Mined(c.Marketplace.GrantRole(c.Opts(admin), ids.RouterRole, r)).BlockNumber
	c.Mined(c.Marketplace.GrantRole(c.Opts(admin), ids.GuardianRole, g))
	c.Mined(c.Marketplace.RevokeRole(c.Opts(admin), ids.GuardianRole, g))
	to := c.Mined(c.Marketplace.RevokeRole(c.Opts(admin), ids.RouterRole, r)).BlockNumber

	read := func(topics [][]common.Hash) []types.Log {
		t.Helper()
		logs, err := c.Client.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: big.NewInt(0), ToBlock: to,
			Addresses: []common.Address{market}, Topics: topics})
		require.NoError(t, err)
		return logs
	}
	type event struct {
		account common.Address
		held    bool
		block   uint64
	}
	decode := func(logs []types.Log) (out []event) {
		t.Helper()
		for _, l := range logs {
			account, held, ok, err := chain.RouterRoleEvent(l)
			require.NoError(t, err)
			if ok {
				out = append(out, event{account, held, l.BlockNumber})
			}
		}
		return out
	}

	all := read(nil) // every Marketplace log: the deployment's grants (account 1's ROUTER_ROLE among them), then these
	mine := read([][]common.Hash{chain.RouterRoleTopics()[0], {ids.RouterRole}, {common.BytesToHash(r.Bytes())}})
	require.Len(t, mine, 2, "r's grant and revocation")
	want := []event{{r, true, from.Uint64()}, {r, false, to.Uint64()}}
	require.Equal(t, want, decode(mine))
	every := decode(read(chain.RouterRoleTopics()))
	require.Equal(t, want, every[len(every)-2:], "the guardian's grant and revocation are not router events")
	require.Contains(t, every, event{crypto.PubkeyToAddress(devnet.DevKey(1).PublicKey), true, every[0].block},
		"the deployment's ROUTER_ROLE grant")
	require.Equal(t, every, decode(all), "exactly the logs RouterRoleTopics selects are router events")
	require.Greater(t, len(all), len(read([][]common.Hash{chain.RouterRoleTopics()[0]})), "other Marketplace events")
	require.Greater(t, len(read([][]common.Hash{chain.RouterRoleTopics()[0]})), len(read(chain.RouterRoleTopics())),
		"other roles' grants and revocations")

	removed := mine[0]
	removed.Removed = true
	_, _, ok, err := chain.RouterRoleEvent(removed)
	require.NoError(t, err)
	require.False(t, ok, "a removed log grants nothing")

	for _, broken := range []types.Log{
		{Topics: mine[0].Topics[:3]}, // the sender missing
		{Topics: mine[1].Topics[:2]}, // the account and the sender missing
	} {
		_, _, ok, err = chain.RouterRoleEvent(broken)
		require.Error(t, err)
		require.False(t, ok)
	}
}
