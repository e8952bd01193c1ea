package devnet

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
)

// The playground's accounts (anvil's development keys; see the parameter file for the roles of 0–2, 5–7, 9).
const (
	RouterAccount         = 1 // ROUTER_ROLE
	KeeperAccount         = keeperAccount
	ProviderOwnerAccount  = 3 // funded with MOR for a stake; registers and bids through the provider CLI
	ProviderSignerAccount = 4
	UserAccount           = 8 // funded with MOR and delegated: its votes count today
)

// PlaygroundModel is the model the playground registers (name:tag), as the READMEs use it.
const PlaygroundModel = "llama-3.1-8b:q4"

// Playground amounts: enough for the README's 100 MOR stake, and a user share of the supply that makes a
// chat at the README's prices fit today's allowance.
var (
	PlaygroundProviderMOR = MOR(1_000)
	PlaygroundUserMOR     = MOR(2_000)
	PlaygroundETH         = new(big.Int).Mul(big.NewInt(100), big.NewInt(1e18))
)

// PlaygroundBlockTime is how often the playground's anvil mines an empty block while idle (PlaygroundAnvil).
const PlaygroundBlockTime = time.Second

// PlaygroundAnvil is the anvil `make devnet` runs on port (0: a free one): chain 31337, a transaction mined
// at once and an empty block every PlaygroundBlockTime besides (mixed mining), so that the chain clock
// follows the wall clock while nobody sends anything. With automine alone the clock stops at the keeper's
// last commit and a root's dispute window never ends: earned credit never becomes claimable.
func PlaygroundAnvil(port int) AnvilOptions {
	return AnvilOptions{Port: port, ChainID: 31337, BlockTime: PlaygroundBlockTime, MixedMining: true}
}

// PlaygroundDays is how many protocol days before "now" StartPlayground puts payoutStart: the set-up runs on
// day 1 and "now" is day PlaygroundDays, at least one full interval after the set-up, so both day-start
// checkpoints of today's allowance (PROTOCOL §4 v2: dayStart(d) and dayStart(d) - interval) see the
// delegated votes.
const PlaygroundDays = 3

// StartPlayground starts anvil with its clock PlaygroundDays and a half intervals in the past, deploys with
// payoutStart at that time, and sets up a market a newcomer can use at once (Playground), then moves the
// chain clock to the wall clock (later when a short interval needs it): today has a budget and the user's
// votes count. deploy.Interval 0 means the parameter file's 86,400 s; deploy.PayoutStart is ignored.
func StartPlayground(ctx context.Context, anvil AnvilOptions, deploy DeployOptions) (*Market, error) {
	interval := deploy.Interval
	if interval == 0 {
		interval = 86400
		deploy.Interval = interval
	}
	now := uint64(time.Now().Unix())
	anvil.Timestamp = now - PlaygroundDays*interval - interval/2
	deploy.PayoutStart = anvil.Timestamp + 1
	m, err := StartMarket(ctx, anvil, deploy)
	if err != nil {
		return nil, err
	}
	if err := m.playground(ctx, deploy.Setup); err != nil {
		m.Close()
		return nil, err
	}
	return m, nil
}

// playground sets up a deployed market for hands-on use, starting on day 0: it moves to day 1 so that a
// day of emissions is due and releases them, funds the provider owner and the user with MOR and ETH,
// delegates every funded account's votes to itself, registers PlaygroundModel, runs setup (if not nil),
// then moves the clock to the later of the wall clock and the middle of the first day whose both
// day-start checkpoints follow the delegation, and releases again (the capital recipient, anvil account 5,
// holds MOR for anyone else).
func (m *Market) playground(ctx context.Context, setup func(context.Context, *Market) error) error {
	pool := m.Pool
	payoutStart, err := pool.PayoutStart(nil)
	if err != nil {
		return fmt.Errorf("devnet: payoutStart: %w", err)
	}
	ivl, err := pool.Interval(nil)
	if err != nil {
		return fmt.Errorf("devnet: interval: %w", err)
	}
	start, interval := payoutStart.Uint64(), ivl.Uint64()
	if err := m.WarpTo(ctx, start+interval+1); err != nil {
		return err
	}
	if err := m.Release(ctx); err != nil {
		return err
	}
	for _, f := range []struct {
		account int
		mor     *big.Int
	}{{ProviderOwnerAccount, PlaygroundProviderMOR}, {UserAccount, PlaygroundUserMOR}, {ProviderSignerAccount, nil}} {
		addr := crypto.PubkeyToAddress(DevKey(f.account).PublicKey)
		if err := m.SetBalance(ctx, addr, PlaygroundETH); err != nil {
			return fmt.Errorf("devnet: fund ETH: %w", err)
		}
		if f.mor == nil {
			continue
		}
		if err := m.FundMOR(ctx, addr, f.mor); err != nil {
			return fmt.Errorf("devnet: fund MOR: %w", err)
		}
		if err := m.Delegate(ctx, DevKey(f.account)); err != nil {
			return err
		}
	}
	name, tag, err := splitModel(PlaygroundModel)
	if err != nil {
		return err
	}
	if _, err := m.RegisterModel(ctx, GuardianKey(), name, tag, 0); err != nil {
		return fmt.Errorf("devnet: register %s: %w", PlaygroundModel, err)
	}
	if setup != nil {
		if err := setup(ctx, m); err != nil {
			return err
		}
	}
	head, err := m.Client.HeaderByNumber(ctx, nil)
	if err != nil {
		return err
	}
	// The first day d with dayStart(d) - interval after the delegation, entered in its middle.
	d := (head.Time-start)/interval + 2
	target := max(uint64(time.Now().Unix()), start+d*interval+interval/2)
	if err := m.WarpTo(ctx, target); err != nil {
		return err
	}
	return m.Release(ctx)
}

// Delegate makes key's account delegate its votes to itself (what `lt delegate` sends).
func (m *Market) Delegate(ctx context.Context, key *ecdsa.PrivateKey) error {
	self := crypto.PubkeyToAddress(key.PublicKey)
	if _, err := m.Send(ctx, key, func(o *bind.TransactOpts) (*types.Transaction, error) { return m.Token.Delegate(o, self) }); err != nil {
		return fmt.Errorf("devnet: delegate %s: %w", self, err)
	}
	return nil
}

func splitModel(s string) (name, tag string, err error) {
	i := strings.LastIndexByte(s, ':')
	if i <= 0 || i == len(s)-1 {
		return "", "", fmt.Errorf("devnet: model %q is not name:tag", s)
	}
	return s[:i], s[i+1:], nil
}

// The port plan every README, `--help` default and the next steps use; no two collide.
const (
	PortAnvil    = 8545
	PortRouter   = 8080
	PortProvider = 8081
	PortKeeper   = 8547
	PortGateway  = 8090
)

// PlaygroundDisputeWindow is the devnet's dispute window in seconds (contracts/script/params/31337.json,
// which StartPlayground deploys with): a committed root's credit is claimable that long after its commit.
const PlaygroundDisputeWindow = 60

// NextSteps is the block `make devnet` prints: the exact commands that run every role against the
// playground on the port plan, in front of an OpenAI-compatible upstream at upstream (with /v1) that
// serves upstreamModel, up to the provider's earnings claimed. The READMEs show the same commands.
func NextSteps(rpcURL, deploymentFile, upstream, upstreamModel string) string {
	addr := func(i int) string { return crypto.PubkeyToAddress(DevKey(i).PublicKey).Hex() }
	return fmt.Sprintf(`next steps, each in its own terminal from the repository root (devnet keys only):

# router (anvil account 1 holds ROUTER_ROLE) on 127.0.0.1:%[3]d; transparency page at http://127.0.0.1:%[3]d/
go run ./router/cmd/router --rpc %[1]s --deployment %[2]s \
  --raw-key 0x%[8]s --confirmations 1 --database router.db --listen 127.0.0.1:%[3]d \
  --keeper-url http://127.0.0.1:%[5]d

# provider: anvil account 3 (1,000 MOR) stakes and bids, account 4 (%[11]s) is its signer; serve on 127.0.0.1:%[4]d in
# front of %[15]s: make devnet's stand-in upstream (the same text for every prompt, not a model),
# or ollama if it held that address first (ollama pull llama3.1:8b)
go run ./provider/cmd/provider register --rpc %[1]s --deployment %[2]s --raw-key 0x%[9]s \
  --signer-raw-key 0x%[12]s --endpoint http://127.0.0.1:%[4]d --stake 100MOR
go run ./provider/cmd/provider bid set --rpc %[1]s --deployment %[2]s --raw-key 0x%[9]s \
  --model %[14]s --price 0.001MOR/s
go run ./provider/cmd/provider serve --rpc %[1]s --deployment %[2]s --owner %[10]s --signer-raw-key 0x%[12]s \
  --upstream %[15]s --model %[14]s=%[16]s --router-url http://127.0.0.1:%[3]d --listen 127.0.0.1:%[4]d

# keeper (anvil account 2 holds KEEPER_ROLE) on 127.0.0.1:%[5]d
go run ./keeper/cmd/keeper --rpc %[1]s --deployment %[2]s --raw-key %[7]s \
  --routers http://127.0.0.1:%[3]d --epoch-length 1m --confirmations 1 \
  --public-url http://127.0.0.1:%[5]d --listen 127.0.0.1:%[5]d --data-dir keeper-data --claims

# user: anvil account 8 holds 2,000 MOR, delegated, so its votes count today
go run ./client/cmd/lt allowance --rpc %[1]s --deployment %[2]s --raw-key 0x%[13]s
go run ./client/cmd/lt chat --router http://127.0.0.1:%[3]d --rpc %[1]s --deployment %[2]s --raw-key 0x%[13]s \
  --model %[14]s "Say hello"
go run ./client/cmd/lt gateway --router http://127.0.0.1:%[3]d --rpc %[1]s --deployment %[2]s --raw-key 0x%[13]s \
  --listen 127.0.0.1:%[6]d      # then OPENAI_BASE_URL=http://127.0.0.1:%[6]d/v1 OPENAI_API_KEY=unused for any OpenAI client

# earnings: the keeper commits the chat's credit after its 1m epoch; claimable once the %[17]d s dispute window
# passed, 2-3 minutes after the chat. The keeper's --claims may pay it first: then status shows it claimed
# and claim says "nothing to claim"
go run ./provider/cmd/provider status --rpc %[1]s --deployment %[2]s --owner %[10]s --keeper http://127.0.0.1:%[5]d
go run ./provider/cmd/provider claim --rpc %[1]s --deployment %[2]s --raw-key 0x%[9]s \
  --keeper http://127.0.0.1:%[5]d
`, rpcURL, deploymentFile, PortRouter, PortProvider, PortKeeper, PortGateway,
		DevKeys[KeeperAccount], DevKeys[RouterAccount], DevKeys[ProviderOwnerAccount], addr(ProviderOwnerAccount),
		addr(ProviderSignerAccount), DevKeys[ProviderSignerAccount], DevKeys[UserAccount], PlaygroundModel, upstream, upstreamModel,
		PlaygroundDisputeWindow)
}

// TodaysBudget is the ComputePool's budget for the chain's current day, and the day.
func (m *Market) TodaysBudget(ctx context.Context) (*big.Int, uint64, error) {
	opts := &bind.CallOpts{Context: ctx}
	day, err := m.Pool.CurrentDay(opts)
	if err != nil {
		return nil, 0, fmt.Errorf("devnet: currentDay: %w", err)
	}
	b, err := m.Pool.Budget(opts, day)
	if err != nil {
		return nil, 0, fmt.Errorf("devnet: budget: %w", err)
	}
	return b, day.Uint64(), nil
}
