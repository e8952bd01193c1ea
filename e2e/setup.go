package e2e

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/protocol/amount"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/ids"
)

// startChain runs anvil, deploys, releases emissions.
func (s *Stack) startChain(ctx context.Context) error {
	o := s.Opts
	var err error
	// The chain starts two and a half days back, so that the user's votes, delegated then, were held at the
	// two day starts before the wall clock's day (PROTOCOL §4 v2) once setUpMarket has moved the chain clock
	// to the wall clock: sessions close on the wall clock, and the keeper charges them to that day.
	now := uint64(time.Now().Unix())
	s.Market, err = devnet.StartMarket(ctx, devnet.AnvilOptions{Timestamp: now - 5*o.Interval/2}, devnet.DeployOptions{
		PayoutStart: now - o.DaysBack*o.Interval, Interval: o.Interval, DisputeWindow: o.DisputeWindow})
	if err != nil {
		return err
	}
	s.logf("anvil on %s", s.Anvil.URL)
	s.logf("contracts deployed (payoutStart = now − %d days of %d s, dispute window %d s)", o.DaysBack, o.Interval, o.DisputeWindow)
	s.DeploymentFile = filepath.Join(s.Dir, "deployment.json")
	if err := s.WriteDeployment(s.DeploymentFile); err != nil {
		return err
	}
	market, err := s.Addr("Marketplace")
	if err != nil {
		return err
	}
	s.Domain = eip712.NewDomain(s.ChainID, market)
	if err := s.Release(ctx); err != nil {
		return fmt.Errorf("e2e: %w", err)
	}
	s.logf("Emissions.release(): the buckets hold what accrued since payoutStart (%d days before the wall clock)", o.DaysBack)
	return nil
}

// setUpMarket registers the model (builder), the providers (owner keys, through the provider CLI) and
// funds and delegates the user (lt delegate), then moves the chain to the wall clock, two day starts later,
// so that the user's votes count for its allowance.
func (s *Stack) setUpMarket(ctx context.Context) error {
	o := s.Opts
	var err error
	if s.ModelID, err = modelID(o.Model); err != nil {
		return err
	}
	// Model builder: registers the model with a raw devnet key (the CLI accepts one on chain 31337).
	s.Builder = newAccount("builder")
	if err := s.fund(ctx, s.Builder.Address, 0); err != nil {
		return err
	}
	if o.IPFS {
		if err := s.publishModel(ctx); err != nil {
			return err
		}
	} else {
		name, tag, _ := strings.Cut(o.Model, ":")
		weights := sha256.Sum256([]byte("stand-in weights of " + o.Model))
		if _, err := s.provider(ctx, "builder", "model", "register", "--raw-key", s.Builder.PrivateKeyHex(),
			"--name", name, "--tag", tag, "--content-hash", "0x"+hex.EncodeToString(weights[:]),
			"--fee-bps", strconv.Itoa(int(o.BuilderFeeBps))); err != nil {
			return err
		}
		s.logf("builder %s registered %s (fee %d bps) with `provider model register`", s.Builder.Address.Hex(), o.Model, o.BuilderFeeBps)
	}

	for i, price := range o.Prices {
		p, err := s.setUpProvider(ctx, i, price)
		if err != nil {
			return err
		}
		s.Providers = append(s.Providers, p)
	}

	// User: MOR from the capital bucket, a keystore, one self-delegation.
	s.User = newAccount("user")
	if err := s.fund(ctx, s.User.Address, o.UserMOR); err != nil {
		return err
	}
	ksDir := filepath.Join(s.Dir, "user-keystore")
	if s.User.Keystore, err = s.importKey(ctx, s.User, "user", ksDir); err != nil {
		return err
	}
	if _, err := s.lt(ctx, "user", "delegate", "--keystore", s.User.Keystore, "--password-file", s.PasswordFile); err != nil {
		return err
	}
	s.logf("user %s holds %d MOR and self-delegated with `lt delegate`", s.User.Address.Hex(), o.UserMOR)

	// Votes count once held at two day starts a day apart (PROTOCOL §4 v2): move the chain into the day
	// after next, then on to the wall clock (sessions close on the wall clock).
	if err := s.WarpUntilVotesCount(ctx); err != nil {
		return err
	}
	head, err := s.Client.HeaderByNumber(ctx, nil)
	if err != nil {
		return err
	}
	if now := uint64(time.Now().Unix()); now > head.Time {
		if err := s.Warp(ctx, now-head.Time); err != nil {
			return err
		}
	}
	day, err := s.Pool.CurrentDay(&bind.CallOpts{Context: ctx})
	if err != nil {
		return err
	}
	allowance, err := s.Pool.Allowance(&bind.CallOpts{Context: ctx}, s.User.Address, day)
	if err != nil {
		return err
	}
	if allowance.Sign() == 0 {
		return errors.New("e2e: the user's allowance is 0 on the new day")
	}
	s.logf("chain moved to protocol day %s: the user's allowance today is %s", day, amount.FormatMOR(allowance))
	return nil
}

func (s *Stack) setUpProvider(ctx context.Context, i int, price *big.Int) (*Provider, error) {
	name := fmt.Sprintf("provider-%d", i+1)
	p := &Provider{Name: name, Owner: newAccount(name + "/owner"), Signer: newAccount(name + "/signer"),
		KeysDir: filepath.Join(s.Dir, name, "keys"), Price: price}
	var err error
	if p.Listen, err = freeAddr(); err != nil {
		return nil, err
	}
	p.URL = "http://" + p.Listen
	if err := os.MkdirAll(filepath.Join(s.Dir, name), 0o700); err != nil {
		return nil, err
	}
	if err := s.fund(ctx, p.Owner.Address, 1000); err != nil {
		return nil, err
	}
	// The owner and signer keys go into encrypted keystores with `provider keys import`.
	for role, acc := range map[string]Account{"owner": p.Owner, "signer": p.Signer} {
		keyFile := filepath.Join(s.Dir, name, role+".hex")
		if err := os.WriteFile(keyFile, []byte(hex.EncodeToString(crypto.FromECDSA(acc.Key))), 0o600); err != nil {
			return nil, err
		}
		_, err := s.provider(ctx, name, "keys", "import", "--role", role, "--key-file", keyFile, "--light",
			"--keys-dir", p.KeysDir, "--password-file", s.PasswordFile)
		os.Remove(keyFile)
		if err != nil {
			return nil, err
		}
	}
	if s.Opts.IPFS {
		if err := s.pullModel(ctx, p); err != nil {
			return nil, err
		}
	}
	keys := []string{"--keys-dir", p.KeysDir, "--password-file", s.PasswordFile}
	if _, err := s.provider(ctx, name, append([]string{"register", "--endpoint", p.URL, "--stake", s.Opts.Stake}, keys...)...); err != nil {
		return nil, err
	}
	if _, err := s.provider(ctx, name, append([]string{"bid", "set", "--model", s.Opts.Model, "--price", price.String()}, keys...)...); err != nil {
		return nil, err
	}
	s.logf("%s (owner %s) registered with %s stake and bid %s/s on %s, through the provider CLI",
		name, p.Owner.Address.Hex(), s.Opts.Stake, amount.FormatMOR(price), s.Opts.Model)
	return p, nil
}

// importKey imports a's key into a keystore in ksDir with `lt keys import` and returns its path.
func (s *Stack) importKey(ctx context.Context, a Account, name, ksDir string) (string, error) {
	keyFile := filepath.Join(s.Dir, name+".hex")
	if err := os.WriteFile(keyFile, []byte(hex.EncodeToString(crypto.FromECDSA(a.Key))), 0o600); err != nil {
		return "", err
	}
	defer os.Remove(keyFile)
	out, err := runTool(ctx, s.LogDir, name, filepath.Join(s.BinDir, "lt"), "keys", "import", keyFile, "--light",
		"--keystore-dir", ksDir, "--password-file", s.PasswordFile, "--json")
	if err != nil {
		return "", err
	}
	var res struct {
		Path string `json:"path"`
	}
	if err := json.Unmarshal(out, &res); err != nil || res.Path == "" {
		return "", fmt.Errorf("e2e: lt keys import: unexpected output %q", out)
	}
	return res.Path, nil
}

// fund gives to 10 ETH from the admin account and mor whole MOR from the capital bucket's recipient.
func (s *Stack) fund(ctx context.Context, to common.Address, mor int64) error {
	if err := s.FundETH(ctx, to, devnet.MOR(10)); err != nil { // ETH has 18 decimals too
		return fmt.Errorf("e2e: fund %s with ETH: %w", to, err)
	}
	if mor > 0 {
		if err := s.FundMOR(ctx, to, devnet.MOR(mor)); err != nil {
			return fmt.Errorf("e2e: fund %s with MOR: %w", to, err)
		}
	}
	return nil
}

// newAccount derives a key from a label: the same addresses every run, which makes demo output comparable.
func newAccount(label string) Account {
	k, err := crypto.ToECDSA(crypto.Keccak256([]byte("lake travis e2e/" + label)))
	if err != nil {
		panic(err) // a keccak digest is a valid secp256k1 scalar with overwhelming probability
	}
	return Account{Key: k, Address: crypto.PubkeyToAddress(k.PublicKey)}
}

func modelID(nameTag string) (common.Hash, error) {
	name, tag, ok := strings.Cut(nameTag, ":")
	if !ok || name == "" || tag == "" {
		return common.Hash{}, fmt.Errorf("e2e: model %q is not name:tag", nameTag)
	}
	return ids.ModelID(nameTag), nil
}
