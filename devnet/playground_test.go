package devnet_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
)

// The `make devnet` playground is usable at once: today has a budget, emissions are released, the provider
// owner and the user hold MOR and ETH, the model is registered, and the user's votes count today at both
// day-start checkpoints PROTOCOL §4 v2 reads (dayStart(d) and dayStart(d) - interval), so its allowance is
// not zero; the chain clock is the wall clock. Runs for the README's interval and for a short one.
func TestPlaygroundIsUsableToday(t *testing.T) {
	for _, interval := range []uint64{86400, 120} {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		m, err := devnet.StartPlayground(ctx, devnet.AnvilOptions{}, devnet.DeployOptions{Interval: interval})
		require.NoError(t, err, "interval %d", interval)
		opts := &bind.CallOpts{Context: ctx}

		budget, day, err := m.TodaysBudget(ctx)
		require.NoError(t, err)
		require.Positive(t, budget.Sign(), "interval %d: today (day %d) has a budget", interval, day)
		head, err := m.Client.HeaderByNumber(ctx, nil)
		require.NoError(t, err)
		require.GreaterOrEqual(t, head.Time+5, uint64(time.Now().Unix()), "chain clock is not behind the wall clock")

		addr := func(i int) [20]byte { return crypto.PubkeyToAddress(devnet.DevKey(i).PublicKey) }
		for _, c := range []struct {
			account int
			min     *big.Int
		}{{devnet.ProviderOwnerAccount, devnet.PlaygroundProviderMOR}, {devnet.UserAccount, devnet.PlaygroundUserMOR}, {5, big.NewInt(1)}} {
			bal, err := m.Token.BalanceOf(opts, addr(c.account))
			require.NoError(t, err)
			require.GreaterOrEqual(t, bal.Cmp(c.min), 0, "account %d holds %s MOR wei", c.account, bal)
		}
		for _, a := range []int{devnet.ProviderOwnerAccount, devnet.ProviderSignerAccount, devnet.UserAccount} {
			eth, err := m.Client.BalanceAt(ctx, addr(a), nil)
			require.NoError(t, err)
			require.GreaterOrEqual(t, eth.Cmp(big.NewInt(1e18)), 0, "account %d has ETH for gas", a)
		}
		name, tag, _ := strings.Cut(devnet.PlaygroundModel, ":")
		ok, err := m.Models.IsRegistered(opts, devnet.ModelID(name, tag))
		require.NoError(t, err)
		require.True(t, ok, "%s registered", devnet.PlaygroundModel)

		user := addr(devnet.UserAccount)
		dayBig := new(big.Int).SetUint64(day)
		start, err := m.Pool.DayStart(opts, dayBig)
		require.NoError(t, err)
		for _, at := range []uint64{start.Uint64(), start.Uint64() - interval} {
			votes, err := m.Token.GetPastVotes(opts, user, new(big.Int).SetUint64(at))
			require.NoError(t, err)
			require.Equal(t, devnet.PlaygroundUserMOR, votes, "interval %d: user's votes at %d", interval, at)
		}
		allowance, err := m.Pool.Allowance(opts, user, dayBig)
		require.NoError(t, err)
		require.Positive(t, allowance.Sign(), "interval %d: user's allowance today", interval)
		m.Close()
		cancel()
	}
}

// The next steps name the port plan's ports and no two roles share one.
func TestNextStepsUseThePortPlan(t *testing.T) {
	steps := devnet.NextSteps("http://127.0.0.1:8545", "deployments/31337.json", "http://127.0.0.1:11434/v1", "llama3.1:8b")
	ports := map[int]bool{}
	for _, p := range []int{devnet.PortAnvil, devnet.PortRouter, devnet.PortProvider, devnet.PortKeeper, devnet.PortGateway} {
		require.False(t, ports[p], "port %d used twice", p)
		ports[p] = true
	}
	for _, want := range []string{"--listen 127.0.0.1:8080", "--listen 127.0.0.1:8081", "--listen 127.0.0.1:8547",
		"--listen 127.0.0.1:8090", "--router-url http://127.0.0.1:8080", "--endpoint http://127.0.0.1:8081", devnet.PlaygroundModel} {
		require.Contains(t, steps, want)
	}
}

// The gateway step names an API key: OpenAI's SDKs refuse to start without one (the gateway reads none),
// so OPENAI_BASE_URL alone left a newcomer's first client call failing.
func TestNextStepsNameAnAPIKey(t *testing.T) {
	steps := devnet.NextSteps("http://127.0.0.1:8545", "deployments/31337.json", "http://127.0.0.1:11434/v1", "llama3.1:8b")
	require.Contains(t, steps, "OPENAI_BASE_URL=http://127.0.0.1:8090/v1 OPENAI_API_KEY=")
}

// TestPlaygroundClockMovesWhileIdle: the `make devnet` anvil (PlaygroundAnvil) mines empty blocks while
// nobody sends anything, so the chain clock keeps up with the wall clock: with automine alone it stopped at
// the keeper's last commit, and a root's dispute window (claimable after a time already past on the wall
// clock) never ended. Nothing is sent after the set-up; the head must move on its own.
func TestPlaygroundClockMovesWhileIdle(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	m, err := devnet.StartPlayground(ctx, devnet.PlaygroundAnvil(0), devnet.DeployOptions{})
	require.NoError(t, err)
	defer m.Close()
	dw, err := m.Pool.DisputeWindow(&bind.CallOpts{Context: ctx})
	require.NoError(t, err)
	require.Equal(t, uint32(devnet.PlaygroundDisputeWindow), dw, "the dispute window the next steps name")
	first, err := m.Client.HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	deadline := time.Now().Add(30 * time.Second)
	head := first
	for head.Time < first.Time+3 && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond) // polling interval, not an assertion
		head, err = m.Client.HeaderByNumber(ctx, nil)
		require.NoError(t, err)
	}
	require.GreaterOrEqual(t, head.Time, first.Time+3, "the idle chain's clock stood still at block %d (time %d) for 30 s", head.Number, head.Time)
	require.Greater(t, head.Number.Uint64(), first.Number.Uint64())
}

// TestMixedMiningMinesTransactionsAtOnce: with MixedMining a transaction mines at once even when the
// interval between empty blocks is an hour (the playground's e2e steps and the CLIs wait for receipts).
func TestMixedMiningMinesTransactionsAtOnce(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	a, err := devnet.StartAnvil(ctx, devnet.AnvilOptions{BlockTime: time.Hour, MixedMining: true})
	require.NoError(t, err)
	defer a.Close()
	c, err := a.Client(ctx)
	require.NoError(t, err)
	defer c.Close()
	key := devnet.DevKey(0)
	nonce, err := c.PendingNonceAt(ctx, crypto.PubkeyToAddress(key.PublicKey))
	require.NoError(t, err)
	to := crypto.PubkeyToAddress(devnet.DevKey(1).PublicKey)
	tx, err := types.SignNewTx(key, types.LatestSignerForChainID(big.NewInt(31337)), &types.DynamicFeeTx{
		ChainID: big.NewInt(31337), Nonce: nonce, To: &to, Value: big.NewInt(1), Gas: 21000,
		GasTipCap: big.NewInt(1e9), GasFeeCap: big.NewInt(1e11)})
	require.NoError(t, err)
	require.NoError(t, c.SendTransaction(ctx, tx))
	wait, stop := context.WithTimeout(ctx, 20*time.Second) // far below the hour between interval blocks
	defer stop()
	rec, err := bind.WaitMined(wait, c, tx)
	require.NoError(t, err, "the transaction was not mined at once")
	require.Equal(t, types.ReceiptStatusSuccessful, rec.Status)
}

// The next steps' earnings step names the devnet's dispute window: the one the playground deploys with.
func TestNextStepsNameTheDisputeWindow(t *testing.T) {
	root, err := devnet.RepoRoot()
	require.NoError(t, err)
	raw, err := os.ReadFile(filepath.Join(root, "contracts", "script", "params", "31337.json"))
	require.NoError(t, err)
	var params struct {
		Market struct {
			DisputeWindow uint64 `json:"disputeWindow"`
		} `json:"market"`
	}
	require.NoError(t, json.Unmarshal(raw, &params))
	require.Equal(t, params.Market.DisputeWindow, uint64(devnet.PlaygroundDisputeWindow))
	steps := devnet.NextSteps("http://127.0.0.1:8545", "deployments/31337.json", "http://127.0.0.1:11434/v1", "llama3.1:8b")
	require.Contains(t, steps, fmt.Sprintf("the %d s dispute window", params.Market.DisputeWindow))
	require.Contains(t, steps, "provider status --rpc")
	require.Contains(t, steps, "provider claim --rpc")
}
