package market

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"math/big"
	"testing"
	"time"

	ethereum "github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/bindings/modelregistry"
	"github.com/laketravis/laketravis/deployments"
	"github.com/laketravis/laketravis/keys"
	"github.com/laketravis/laketravis/protocol/wire"
)

// simNode is go-ethereum's simulated backend (a geth node: eth_call and eth_estimateGas run at "latest" by
// default, with block.number the latest block's) that mines a block as soon as a transaction is sent to
// it. seen, when set, sees every transaction's call data before it is estimated or sent (a front-runner
// watching the node).
type simNode struct {
	simulated.Client
	sim  *simulated.Backend
	seen func(when string, data []byte)
}

func (n *simNode) EstimateGasAtBlock(ctx context.Context, msg ethereum.CallMsg, b *big.Int) (uint64, error) {
	if n.seen != nil {
		n.seen("estimate", msg.Data)
	}
	return n.Client.(interface {
		EstimateGasAtBlock(context.Context, ethereum.CallMsg, *big.Int) (uint64, error)
	}).EstimateGasAtBlock(ctx, msg, b)
}

func (n *simNode) EstimateGas(ctx context.Context, msg ethereum.CallMsg) (uint64, error) {
	return n.EstimateGasAtBlock(ctx, msg, nil)
}

func (n *simNode) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	if n.seen != nil {
		n.seen("send", tx.Data())
	}
	if err := n.Client.SendTransaction(ctx, tx); err != nil {
		return err
	}
	n.sim.Commit()
	return nil
}

const simChainID = 1337

// newSimMarket deploys a ModelRegistry (no name fee) on a fresh simNode funding the given keys, and returns
// the market on it.
func newSimMarket(t *testing.T, funded ...*ecdsa.PrivateKey) (*Market, *simNode) {
	t.Helper()
	alloc := types.GenesisAlloc{}
	for _, k := range funded {
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = types.Account{Balance: new(big.Int).Lsh(big.NewInt(1), 100)}
	}
	sim := simulated.NewBackend(alloc)
	t.Cleanup(func() { _ = sim.Close() })
	node := &simNode{Client: sim.Client(), sim: sim}
	auth, err := bind.NewKeyedTransactorWithChainID(funded[0], big.NewInt(simChainID))
	require.NoError(t, err)
	addr, _, _, err := modelregistry.DeployModelRegistry(auth, node, common.Address{}, big.NewInt(0))
	require.NoError(t, err)
	m, err := New(node, &deployments.Deployment{ChainID: simChainID, Contracts: map[string]common.Address{
		"Marketplace": {1}, "ModelRegistry": addr, "ComputePool": {2}, "MORToken": {3}}})
	require.NoError(t, err)
	// Short waits: a test that fails waits commitWait, not minutes.
	poll, wait := commitPoll, commitWait
	commitPoll, commitWait = 10*time.Millisecond, 3*time.Second
	t.Cleanup(func() { commitPoll, commitWait = poll, wait })
	return m, node
}

// registerNew registers llama:8b, a new name, from key and checks the outcome: the actions want (a commitName
// refused at its estimate is not sent, so has no result), the reveal last and mined in a later block than any
// commitName, and the sender owns the name.
func registerNew(t *testing.T, m *Market, key *ecdsa.PrivateKey, want ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	s := &Sender{Signer: keys.NewKeySigner(key, simChainID)}
	out, err := m.RegisterModel(ctx, s, "llama", "8b", common.Hash{1}, 100, wire.KindModel)
	require.NoError(t, err)
	var actions []string
	for _, r := range out {
		actions = append(actions, r.Action)
	}
	require.Equal(t, want, actions)
	if len(out) == 2 {
		require.Greater(t, out[1].Block, out[0].Block)
	}
	owner, err := m.reg.NameOwner(call(ctx), "llama")
	require.NoError(t, err)
	require.Equal(t, s.From(), owner)
}

// On a geth node, a reveal estimated at "latest" right after its commitment's receipt runs with the
// commitment's own block number and reverts CommitmentTooNew: RegisterModel reads the commitment and estimates
// the reveal at the pending block, so a new name registers whether the node mines a block only per
// transaction (no later block ever comes by itself) or also on a timer.
func TestRegisterModelOnGethSimulated(t *testing.T) {
	for _, periodic := range []bool{false, true} {
		t.Run(map[bool]string{false: "block_per_tx", true: "block_per_tx_and_every_second"}[periodic], func(t *testing.T) {
			key, _ := crypto.GenerateKey()
			m, node := newSimMarket(t, key)
			if periodic {
				stop := make(chan struct{})
				done := make(chan struct{})
				t.Cleanup(func() { close(stop); <-done })
				go func() {
					defer close(done)
					tick := time.NewTicker(time.Second)
					defer tick.Stop()
					for {
						select {
						case <-stop:
							return
						case <-tick.C:
							node.sim.Commit()
						}
					}
				}()
			}
			registerNew(t, m, key, "commitName", "registerModel")
		})
	}
}

// A front-runner who copies the builder's commitName (seen when it is estimated, or when it is sent) and
// records the same commitment first makes the builder's commitName revert CommitmentExists (at the estimate,
// or mined). The commitment binds the builder, so it is the builder's all the same: RegisterModel goes on to
// the reveal with the same salt (one commitName, never a new one) and the builder owns the name.
func TestRegisterModelCommitmentCopiedFirst(t *testing.T) {
	regABI, err := modelregistry.ModelRegistryMetaData.GetAbi()
	require.NoError(t, err)
	commitName := regABI.Methods["commitName"]
	for when, want := range map[string][]string{"estimate": {"registerModel"}, "send": {"commitName", "registerModel"}} {
		t.Run("at_"+when, func(t *testing.T) {
			key, _ := crypto.GenerateKey()
			attacker, _ := crypto.GenerateKey()
			m, node := newSimMarket(t, key, attacker)
			reg, err := modelregistry.NewModelRegistry(m.RegistryAddr, node.Client)
			require.NoError(t, err)
			auth, err := bind.NewKeyedTransactorWithChainID(attacker, big.NewInt(simChainID))
			require.NoError(t, err)
			copied := false
			node.seen = func(w string, data []byte) {
				if copied || w != when || !bytes.HasPrefix(data, commitName.ID) {
					return
				}
				args, err := commitName.Inputs.Unpack(data[4:])
				require.NoError(t, err)
				_, err = reg.CommitName(auth, args[0].([32]byte))
				require.NoError(t, err)
				node.sim.Commit()
				copied = true
			}
			registerNew(t, m, key, want...)
			require.True(t, copied)
		})
	}
}
