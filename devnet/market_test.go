package devnet_test

import (
	"context"
	"math/big"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/deployments"
	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/devnet/devnettest"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/ids"
	"github.com/laketravis/laketravis/protocol/merkle"
	"github.com/laketravis/laketravis/protocol/wire"
)

// TestMarketCycle runs issue #3's full on-chain cycle on a real anvil through the deploy script and the
// bindings: a provider registers and bids, a builder registers a model, the keeper commits a root built
// with protocol/merkle, claims fail inside the dispute window, then claim and claimMany pay exactly the
// cumulative amounts (an already-paid entry in claimMany is skipped, not reverted).
func TestMarketCycle(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	const day = 86400
	c := devnettest.StartWith(t, devnet.DeployOptions{PayoutStart: uint64(time.Now().Unix()) - 10*day, DisputeWindow: 120})
	dep, anvil := c.Deployment, c.Anvil
	mined := devnet.Mined(ctx, c.Client)
	call := &bind.CallOpts{Context: ctx}
	addr := c.Addr
	em, mor, pool, market, registry := c.Emissions, c.Token, c.Pool, c.Marketplace, c.Models

	as := func(i int) *bind.TransactOpts { return devnet.Transactor(ctx, devnet.DevKey(i), dep.ChainID) }
	account := func(i int) common.Address { return crypto.PubkeyToAddress(devnet.DevKey(i).PublicKey) }
	admin, keeper, owner, signer, builder, capital, other := 0, 2, 3, 4, 6, 5, 7

	// Emissions fund the pool (compute bucket) and the capital bucket.
	_, err := mined(em.Release(as(admin)))
	require.NoError(t, err)
	poolBal, err := mor.BalanceOf(call, addr("ComputePool"))
	require.NoError(t, err)
	require.Positive(t, poolBal.Sign(), "the compute bucket pays the pool")

	// Provider: 1,000 MOR from the capital bucket, register with 200 MOR stake and a separate signer.
	stake := new(big.Int).Mul(big.NewInt(200), big.NewInt(1e18))
	_, err = mined(mor.Transfer(as(capital), account(owner), new(big.Int).Mul(big.NewInt(1000), big.NewInt(1e18))))
	require.NoError(t, err)
	_, err = mined(mor.Approve(as(owner), addr("Marketplace"), stake))
	require.NoError(t, err)
	proof, err := c.Market.SignerProof(devnet.DevKey(signer), account(owner))
	require.NoError(t, err)
	_, err = mined(market.Register(as(owner), "http://127.0.0.1:9000", account(signer), proof, stake))
	require.NoError(t, err)
	matchable, err := market.IsMatchable(call, account(owner))
	require.NoError(t, err)
	require.True(t, matchable)
	signerOf, err := market.SignerOf(call, account(owner))
	require.NoError(t, err)
	require.Equal(t, account(signer), signerOf)

	// Builder claims the name llama3 (commit, then reveal in a later block) with llama3:8b at a 5% fee; the
	// provider bids on it.
	salt := [32]byte{0x5a}
	_, err = mined(registry.CommitName(as(builder), ids.NameCommitment("llama3", account(builder), salt)))
	require.NoError(t, err)
	_, err = mined(registry.Register(as(builder), "llama3", "8b", [32]byte{0xc1}, 500, uint8(wire.KindModel), salt))
	require.NoError(t, err)
	modelID := crypto.Keccak256Hash([]byte("llama3:8b"))
	registered, err := registry.IsRegistered(call, modelID)
	require.NoError(t, err)
	require.True(t, registered)
	// An agent is registered the same way and keeps its kind (PROTOCOL §5).
	// A further tag of an owned name needs no commitment.
	_, err = mined(registry.Register(as(builder), "llama3", "agent", [32]byte{0xa9}, 500, uint8(wire.KindAgent), [32]byte{}))
	require.NoError(t, err)
	entry, err := registry.Model(call, crypto.Keccak256Hash([]byte("llama3:agent")))
	require.NoError(t, err)
	require.Equal(t, wire.KindAgent, wire.ModelKind(entry.Kind))
	price := big.NewInt(1_000_000_000_000) // 1e12 wei/s
	_, err = mined(market.PostBid(as(owner), modelID, price))
	require.NoError(t, err)
	got, err := market.Bid(call, account(owner), modelID)
	require.NoError(t, err)
	require.Equal(t, price, got)

	// The keeper commits epoch 0: 600 s × price, 5% to the builder, plus a third account.
	credit := new(big.Int).Mul(price, big.NewInt(600))
	fee := new(big.Int).Div(new(big.Int).Mul(credit, big.NewInt(500)), big.NewInt(10_000))
	entries := []merkle.Entry{
		{Account: account(owner), Amount: *uint256.MustFromBig(new(big.Int).Sub(credit, fee))},
		{Account: account(builder), Amount: *uint256.MustFromBig(fee)},
		{Account: account(other), Amount: *uint256.NewInt(12345)},
	}
	tree, err := merkle.Build(entries)
	require.NoError(t, err)
	total := new(big.Int).Add(credit, big.NewInt(12345))
	remaining, err := pool.RemainingBudget(call)
	require.NoError(t, err)
	require.True(t, total.Cmp(remaining) <= 0, "epoch fits in today's budget")
	_, err = mined(pool.CommitRoot(as(keeper), big.NewInt(0), tree.Root(), total, [32]byte{}, new(big.Int), new(big.Int), [32]byte{0xba}, "http://keeper/v1/batches/0"))
	require.NoError(t, err)
	// Only the keeper may commit.
	_, err = mined(pool.CommitRoot(as(other), big.NewInt(1), [32]byte{1}, total, [32]byte{}, new(big.Int), new(big.Int), [32]byte{}, ""))
	require.Error(t, err)

	proofOf := func(e merkle.Entry) [][32]byte {
		p, _, err := tree.Proof(e.Account)
		require.NoError(t, err)
		out := make([][32]byte, len(p))
		for i := range p {
			out[i] = p[i]
		}
		return out
	}
	// Inside the dispute window nothing is claimable.
	_, err = mined(pool.Claim(as(owner), account(owner), entries[0].Amount.ToBig(), proofOf(entries[0])))
	require.Error(t, err)

	require.NoError(t, anvil.IncreaseTime(ctx, 121))
	before, err := mor.BalanceOf(call, account(owner))
	require.NoError(t, err)
	_, err = mined(pool.Claim(as(other), account(owner), entries[0].Amount.ToBig(), proofOf(entries[0])))
	require.NoError(t, err, "anyone may push a claim; funds go to the account")
	after, err := mor.BalanceOf(call, account(owner))
	require.NoError(t, err)
	require.Equal(t, entries[0].Amount.ToBig(), new(big.Int).Sub(after, before))

	// claimMany pays the builder and the third account; the provider's entry is already paid: skipped.
	receipt, err := mined(pool.ClaimMany(as(admin),
		[]common.Address{account(builder), account(other), account(owner)},
		[]*big.Int{entries[1].Amount.ToBig(), entries[2].Amount.ToBig(), entries[0].Amount.ToBig()},
		[][][32]byte{proofOf(entries[1]), proofOf(entries[2]), proofOf(entries[0])}))
	require.NoError(t, err)
	skipped := 0
	for _, l := range receipt.Logs {
		if ev, err := pool.ParseClaimSkipped(*l); err == nil {
			require.Equal(t, account(owner), ev.Account)
			skipped++
		}
	}
	require.Equal(t, 1, skipped)
	for _, e := range entries[1:] {
		bal, err := mor.BalanceOf(call, e.Account)
		require.NoError(t, err)
		claimed, err := pool.Claimed(call, e.Account)
		require.NoError(t, err)
		require.Equal(t, e.Amount.ToBig(), claimed)
		require.True(t, bal.Cmp(e.Amount.ToBig()) >= 0)
	}
	totalClaimed, err := pool.TotalClaimed(call)
	require.NoError(t, err)
	require.Equal(t, total, totalClaimed, "every credit paid exactly once")
}

// TestMarketHelpers drives every Market helper on a real anvil and checks its effect through the
// bindings.
func TestMarketHelpers(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	const day = 86400
	m, err := devnet.StartMarket(ctx, devnet.AnvilOptions{}, devnet.DeployOptions{
		PayoutStart: uint64(time.Now().Unix()) - 30*day, Interval: day,
	})
	require.NoError(t, err)
	defer m.Close()
	call := &bind.CallOpts{Context: ctx}
	require.Equal(t, m.Deployment.ChainID, m.ChainID)
	pool, err := m.Addr("ComputePool")
	require.NoError(t, err)

	// The deployment file round-trips.
	file := filepath.Join(t.TempDir(), "deployment.json")
	require.NoError(t, m.WriteDeployment(file))
	loaded, err := deployments.Load(file)
	require.NoError(t, err)
	require.Equal(t, m.Deployment, loaded)

	// Release funds the buckets; FundMOR moves MOR from the capital bucket.
	require.NoError(t, m.Release(ctx))
	poolBal, err := m.Token.BalanceOf(call, pool)
	require.NoError(t, err)
	require.Positive(t, poolBal.Sign())
	require.Equal(t, "1000000000000000000000", devnet.MOR(1000).String())
	owner, signerKey := devnet.DevKey(3), devnet.DevKey(4)
	signer := crypto.PubkeyToAddress(signerKey.PublicKey)
	ownerAddr := crypto.PubkeyToAddress(owner.PublicKey)
	require.NoError(t, m.FundMOR(ctx, ownerAddr, devnet.MOR(300)))
	bal, err := m.Token.BalanceOf(call, ownerAddr)
	require.NoError(t, err)
	require.Equal(t, devnet.MOR(300), bal)

	// ETH: a transfer adds, anvil_setBalance sets.
	fresh := common.HexToAddress("0x00000000000000000000000000000000000f00d1")
	require.NoError(t, m.FundETH(ctx, fresh, big.NewInt(1e18)))
	eth, err := m.Client.BalanceAt(ctx, fresh, nil)
	require.NoError(t, err)
	require.Equal(t, big.NewInt(1e18), eth)
	require.NoError(t, m.SetBalance(ctx, fresh, devnet.MOR(100)))
	eth, err = m.Client.BalanceAt(ctx, fresh, nil)
	require.NoError(t, err)
	require.Equal(t, devnet.MOR(100), eth)

	// A model, a provider and its bid.
	model, err := m.RegisterModel(ctx, devnet.DevKey(6), "llama3", "8b", 500)
	require.NoError(t, err)
	require.Equal(t, crypto.Keccak256Hash([]byte("llama3:8b")), model)
	registered, err := m.Models.IsRegistered(call, model)
	require.NoError(t, err)
	require.True(t, registered)
	require.NoError(t, m.RegisterProvider(ctx, owner, signerKey, "http://127.0.0.1:9000", devnet.MOR(200)))
	matchable, err := m.Marketplace.IsMatchable(call, ownerAddr)
	require.NoError(t, err)
	require.True(t, matchable)
	signerOf, err := m.Marketplace.SignerOf(call, ownerAddr)
	require.NoError(t, err)
	require.Equal(t, signer, signerOf)

	// The Go SignerClaim digest is the contract's, and a rotation with a proof by the new key binds it.
	mkt, err := m.Addr("Marketplace")
	require.NoError(t, err)
	rotatedKey := devnet.DevKey(8)
	rotated := crypto.PubkeyToAddress(rotatedKey.PublicKey)
	want, err := m.Marketplace.SignerClaimDigest(call, ownerAddr, rotated)
	require.NoError(t, err)
	require.Equal(t, common.Hash(want), eip712.NewDomain(m.ChainID, mkt).Digest(&eip712.SignerClaim{Provider: ownerAddr, Signer: rotated}))
	_, err = m.UpdateProvider(ctx, owner, rotatedKey, "http://127.0.0.1:9001")
	require.NoError(t, err)
	signerOf, err = m.Marketplace.SignerOf(call, ownerAddr)
	require.NoError(t, err)
	require.Equal(t, rotated, signerOf)
	// A proof by another key is refused: InvalidSignerProof(signer).
	badProof, err := m.SignerProof(devnet.DevKey(9), ownerAddr)
	require.NoError(t, err)
	_, err = m.Send(ctx, owner, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return m.Marketplace.UpdateProvider(o, "http://127.0.0.1:9001", signer, badProof)
	})
	require.ErrorContains(t, err, "custom error "+hexutil.Encode(crypto.Keccak256([]byte("InvalidSignerProof(address)"))[:4]))
	price := big.NewInt(1_000_000_000_000)
	require.NoError(t, m.PostBid(ctx, owner, model, price))
	got, err := m.Marketplace.Bid(call, ownerAddr, model)
	require.NoError(t, err)
	require.Equal(t, price, got)

	// The keeper commits epoch 0.
	root := common.HexToHash("0xf00d")
	receipt, err := m.CommitRoot(ctx, 0, root, big.NewInt(1000), common.HexToHash("0xba7c"), "http://keeper/v1/batches/0")
	require.NoError(t, err)
	require.NotEmpty(t, receipt.Logs)
	info, err := m.Pool.EpochInfo(call, big.NewInt(0))
	require.NoError(t, err)
	require.Equal(t, [32]byte(root), info.Root)
	require.Equal(t, big.NewInt(1000), info.CumulativeTotal)

	// Snapshot, revert, mine, warp.
	snap, err := m.Snapshot(ctx)
	require.NoError(t, err)
	require.NoError(t, m.FundMOR(ctx, ownerAddr, devnet.MOR(1)))
	require.NoError(t, m.Revert(ctx, snap))
	bal, err = m.Token.BalanceOf(call, ownerAddr)
	require.NoError(t, err)
	require.Equal(t, devnet.MOR(100), bal, "300 funded, 200 staked; the snapshot's transfer is gone")
	require.Error(t, m.Revert(ctx, snap), "a snapshot reverts once")
	head, err := m.Client.HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	require.NoError(t, m.Mine(ctx, 3))
	require.NoError(t, m.Warp(ctx, day))
	after, err := m.Client.HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	require.Equal(t, head.Number.Uint64()+4, after.Number.Uint64())
	require.GreaterOrEqual(t, after.Time, head.Time+day)

	// Day moves: into the next protocol day ten seconds past its start; votes count two day starts on.
	today, err := m.Pool.CurrentDay(call)
	require.NoError(t, err)
	require.NoError(t, m.WarpIntoNextDay(ctx))
	next, err := m.Pool.CurrentDay(call)
	require.NoError(t, err)
	require.Equal(t, today.Uint64()+1, next.Uint64())
	start, err := m.Pool.DayStart(call, next)
	require.NoError(t, err)
	after, err = m.Client.HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	require.Equal(t, start.Uint64()+10, after.Time)
	require.NoError(t, m.WarpUntilVotesCount(ctx))
	later, err := m.Pool.CurrentDay(call)
	require.NoError(t, err)
	require.Equal(t, next.Uint64()+2, later.Uint64())

	// Roles: the admin grants ROUTER_ROLE.
	router := common.HexToAddress("0x00000000000000000000000000000000000f00d2")
	require.NoError(t, m.GrantRouterRole(ctx, router))
	isRouter, err := m.Marketplace.HasRole(call, ids.RouterRole, router)
	require.NoError(t, err)
	require.True(t, isRouter)
}
