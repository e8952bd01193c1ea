// Package cli is the `provider` command line: keys, registration and stake, bids, models, status, claims
// and `serve`. Every command takes --help; output is for people by default and JSON with --json. Settings
// come from flags, then LT_PROVIDER_* environment variables, then a config file (--config). --rpc and
// --raw-key also answer to --rpc-urls and --private-key, the names the router gave them and the provider
// its raw key before (service.OtherNames).
package cli

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
	"golang.org/x/term"

	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/deployments"
	"github.com/laketravis/laketravis/internal/service"
	"github.com/laketravis/laketravis/keys"
	"github.com/laketravis/laketravis/protocol/amount"
	"github.com/laketravis/laketravis/provider/market"
)

// Key roles: each has its own sub-directory of the keys dir, so owner (cold) and signer (hot) keys
// never mix.
const (
	RoleOwner  = "owner"
	RoleSigner = "signer"
)

// IO is where a command reads and writes. Stdin is used for password prompts when it is a terminal.
type IO struct {
	In       io.Reader
	Out, Err io.Writer
}

// app is the state shared by the commands of one invocation.
type app struct {
	io IO
	v  *viper.Viper
}

// NewRoot builds the `provider` command tree. Tests execute it in-process with SetArgs.
func NewRoot(streams IO) *cobra.Command {
	a := &app{io: streams, v: viper.New()}
	root := &cobra.Command{
		Use:   "provider",
		Short: "Run a Lake Travis compute provider: keys, stake, bids, claims and the inference server",
		Long: `provider is what a Lake Travis compute provider installs and runs.

Typical path: create an owner key and a signer key (keys create), get MOR onto the owner key,
register with a stake (register), post a bid per model (bid set), run the server (serve),
watch earnings (status) and claim them (claim).`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			return a.loadConfig(cmd)
		},
	}
	root.SetIn(streams.In)
	root.SetOut(streams.Out)
	root.SetErr(streams.Err)
	pf := root.PersistentFlags()
	pf.String("config", "", "config file (yaml, toml or json); env LT_PROVIDER_CONFIG")
	pf.StringSlice("rpc", nil, "JSON-RPC URL(s) of the chain, tried in order (failover)")
	pf.String("deployment", "", "deployment file (default deployments/<chainId>.json)")
	pf.String("keys-dir", defaultKeysDir(), "directory of the encrypted keystores (owner/ and signer/ inside); the default is per user, under $HOME, shared by every provider command")
	pf.String("owner", "", "owner address (default: the only key in <keys-dir>/owner)")
	pf.String("password-file", "", "file holding the keystore password (default: prompt)")
	pf.String("raw-key", "", "raw owner private key, hex: devnets only (chain 31337/1337)")
	pf.String("owner-external-signer", "", "sign the owner's transactions and stake permits through clef at this URL (http://127.0.0.1:8550 or its .ipc path; clef fronts Ledger/Trezor too) instead of the owner keystore; the account is --owner, else the only one clef lists")
	pf.Bool("json", false, "print machine-readable JSON")
	pf.Bool("dry-run", false, "estimate and show transactions without sending them")
	pf.String("keeper", "", "keeper base URL, for earnings (status) and proofs (claim)")
	pf.String("ipfs-api", "/ip4/127.0.0.1/tcp/5001", "RPC API of the kubo (IPFS) node that stores and seeds models")
	pf.String("models-dir", defaultModelsDir(), "where pulled models and their manifest live")
	service.AddOtherNames(pf)

	root.AddCommand(a.keysCmd(), a.registerCmd(), a.updateCmd(), a.stakeCmd(), a.unstakeCmd(), a.bidCmd(), a.modelCmd(),
		a.statusCmd(), a.claimCmd(), a.serveCmd())
	return root
}

// Execute runs the command line with the process's arguments and streams, returning the exit code.
func Execute(ctx context.Context) int {
	root := NewRoot(IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr})
	if err := root.ExecuteContext(ctx); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		return 1
	}
	return 0
}

func defaultKeysDir() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ".laketravis/provider/keys"
	}
	return filepath.Join(home, ".laketravis", "provider", "keys")
}

// envPrefix starts the provider's environment variables.
const envPrefix = "LT_PROVIDER"

func (a *app) loadConfig(cmd *cobra.Command) error {
	a.v.SetEnvPrefix(envPrefix)
	a.v.SetEnvKeyReplacer(strings.NewReplacer("-", "_", ".", "_"))
	a.v.AutomaticEnv()
	if err := a.v.BindPFlags(cmd.Flags()); err != nil {
		return err
	}
	if err := a.v.BindPFlags(cmd.InheritedFlags()); err != nil {
		return err
	}
	if f := a.v.GetString("config"); f != "" {
		a.v.SetConfigFile(f)
		if err := a.v.ReadInConfig(); err != nil {
			return fmt.Errorf("read config %s: %w", f, err)
		}
	}
	return service.SettleOtherNames(a.v, cmd.Flags(), envPrefix)
}

// conn is a connection to the chain and the market.
type conn struct {
	client *chain.Client
	market *market.Market
}

func (a *app) connect(ctx context.Context) (*conn, error) {
	rpcs := a.v.GetStringSlice("rpc")
	if len(rpcs) == 0 {
		return nil, errors.New("no RPC URL: pass --rpc <url> (or set LT_PROVIDER_RPC, or rpc: in the config file)")
	}
	client, err := chain.Dial(ctx, rpcs, chain.Options{})
	if err != nil {
		return nil, err
	}
	id, err := client.ChainID(ctx)
	if err != nil {
		client.Close()
		return nil, service.ChainUnreachable(rpcs, err)
	}
	path := a.v.GetString("deployment")
	if path == "" {
		path = filepath.Join("deployments", id.String()+".json")
	}
	dep, err := deployments.Load(path)
	if err != nil {
		client.Close()
		return nil, fmt.Errorf("%w (pass --deployment with the deployment file of chain %s)", err, id)
	}
	if err := service.CheckChain(ctx, client, dep); err != nil {
		client.Close()
		return nil, fmt.Errorf("deployment %s: %w", path, err)
	}
	if a.v.GetString("raw-key") != "" && !keys.DevnetChainIDs[dep.ChainID] {
		// Also for commands that only read the owner's address from it (status, serve): the cold owner key
		// (it holds the stake) in plain text on a serving host is what keystores are for.
		client.Close()
		return nil, fmt.Errorf("--raw-key (or LT_PROVIDER_RAW_KEY, or raw-key in the config file): %w (chain %d); a command that only reads needs --owner <address>",
			keys.ErrRawKeyNotDevnet, dep.ChainID)
	}
	m, err := market.New(client, dep)
	if err != nil {
		client.Close()
		return nil, err
	}
	return &conn{client: client, market: m}, nil
}

func (c *conn) Close() { c.client.Close() }

// keyAddress resolves the address of role's key: the flag value, the owner's raw devnet key
// (--raw-key, as the commands that sign take it), or the only keystore in the role's dir.
func (a *app) keyAddress(role, flag string) (common.Address, error) {
	if s := a.v.GetString(flag); s != "" {
		if !common.IsHexAddress(s) {
			return common.Address{}, fmt.Errorf("--%s %q is not an address", flag, s)
		}
		return common.HexToAddress(s), nil
	}
	if raw := a.v.GetString("raw-key"); role == RoleOwner && raw != "" {
		key, err := crypto.HexToECDSA(strings.TrimPrefix(strings.TrimSpace(raw), "0x"))
		if err != nil {
			return common.Address{}, fmt.Errorf("--raw-key: %w", err)
		}
		return crypto.PubkeyToAddress(key.PublicKey), nil
	}
	dir := filepath.Join(a.v.GetString("keys-dir"), role)
	entries, err := keys.List(dir)
	if err != nil {
		return common.Address{}, err
	}
	switch len(entries) {
	case 0:
		return common.Address{}, fmt.Errorf("no %s key in %s: create one with `provider keys create --role %s` or pass --%s", role, dir, role, flag)
	case 1:
		return entries[0].Address, nil
	default:
		return common.Address{}, fmt.Errorf("%d %s keys in %s: pass --%s <address> to choose", len(entries), role, dir, flag)
	}
}

// loadKey decrypts role's key (or takes the raw devnet key).
func (a *app) loadKey(role, addrFlag, passwordFlag, rawFlag string, chainID uint64) (*ecdsa.PrivateKey, error) {
	if raw := a.v.GetString(rawFlag); raw != "" {
		return keys.Load(keys.Source{RawKey: raw}, chainID)
	}
	addr, err := a.keyAddress(role, addrFlag)
	if err != nil {
		return nil, err
	}
	path, err := keys.Find(filepath.Join(a.v.GetString("keys-dir"), role), addr)
	if err != nil {
		return nil, fmt.Errorf("%w: create or import it with `provider keys`", err)
	}
	src := keys.Source{Keystore: path, PasswordFile: a.v.GetString(passwordFlag)}
	if src.PasswordFile == "" {
		if src.Password, err = a.prompt(fmt.Sprintf("Password of %s key %s: ", role, addr)); err != nil {
			return nil, err
		}
	}
	return keys.Load(src, chainID)
}

// loadSignerKey opens the signer (hot) key: clef at --external-signer (as --external-signer-account, else
// --signer, else the only account clef lists), else the raw devnet key (--signer-raw-key) or the signer
// keystore (--signer-password-file, else --password-file, else a prompt). serve signs liveness answers and
// receipts with it; register and update sign the signer's claim (SignerClaim) with it.
func (a *app) loadSignerKey(ctx context.Context, chainID uint64) (keys.Signer, error) {
	if url := a.v.GetString("external-signer"); url != "" {
		account := a.v.GetString("external-signer-account")
		if account == "" {
			account = a.v.GetString("signer")
		}
		return keys.LoadSigner(ctx, keys.Source{External: url, Account: account}, chainID)
	}
	pwFlag := "signer-password-file"
	if a.v.GetString(pwFlag) == "" {
		pwFlag = "password-file"
	}
	key, err := a.loadKey(RoleSigner, "signer", pwFlag, "signer-raw-key", chainID)
	if err != nil {
		return nil, err
	}
	return keys.NewKeySigner(key, chainID), nil
}

// signerKeyFlags are the flags of loadSignerKey but --signer, which each command describes.
func signerKeyFlags(f *pflag.FlagSet, externalUsage string) {
	f.String("signer-password-file", "", "password file of the signer keystore (default: --password-file, then prompt)")
	f.String("signer-raw-key", "", "raw signer private key, hex: devnets only")
	f.String("external-signer", "", externalUsage)
	f.String("external-signer-account", "", "the signer's account at --external-signer (default: --signer, else the only account it lists)")
}

// prompt reads a password from the terminal without echo.
func (a *app) prompt(label string) (string, error) {
	f, ok := a.io.In.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return "", errors.New("no password: pass --password-file <file> (stdin is not a terminal)")
	}
	fmt.Fprint(a.io.Err, label)
	pw, err := term.ReadPassword(int(f.Fd()))
	fmt.Fprintln(a.io.Err)
	if err != nil {
		return "", fmt.Errorf("read password: %w", err)
	}
	return string(pw), nil
}

func (a *app) jsonOut() bool { return a.v.GetBool("json") }

// emit prints v as JSON in --json mode, or human text otherwise.
func (a *app) emit(v any, human func(w io.Writer)) error {
	if a.jsonOut() {
		enc := json.NewEncoder(a.io.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(v)
	}
	human(a.io.Out)
	return nil
}

// sender builds the owner's transaction sender, printing estimates in human mode. The owner key is clef
// at --owner-external-signer (as --owner, or the only account clef lists), else the raw devnet key or
// the owner keystore.
func (a *app) sender(ctx context.Context, c *conn) (*market.Sender, error) {
	s := &market.Sender{DryRun: a.v.GetBool("dry-run")}
	if url := a.v.GetString("owner-external-signer"); url != "" {
		owner := a.v.GetString("owner")
		if owner != "" && !common.IsHexAddress(owner) {
			return nil, fmt.Errorf("--owner %q is not an address", owner)
		}
		var err error
		if s.Signer, err = keys.LoadSigner(ctx, keys.Source{External: url, Account: owner}, c.market.ChainID()); err != nil {
			return nil, err
		}
	} else {
		key, err := a.loadKey(RoleOwner, "owner", "password-file", "raw-key", c.market.ChainID())
		if err != nil {
			return nil, err
		}
		s.Signer = keys.NewKeySigner(key, c.market.ChainID())
	}
	if !a.jsonOut() {
		s.OnEstimate = func(e market.Estimate) {
			fmt.Fprintf(a.io.Out, "%s: estimated cost %s (%d gas × %s gwei; at most %s)\n", e.Action,
				amount.FormatEther(e.Cost), e.Gas, gwei(e.GasPrice), amount.FormatEther(e.MaxCost))
		}
	}
	return s, nil
}

func gwei(wei *big.Int) string {
	f, _ := new(big.Float).Quo(new(big.Float).SetInt(wei), big.NewFloat(1e9)).Float64()
	return fmt.Sprintf("%.3g", f)
}

// report prints transaction outcomes.
func (a *app) report(results []*market.Result, extra map[string]any, summary string) error {
	out := map[string]any{"transactions": results}
	for k, v := range extra {
		out[k] = v
	}
	return a.emit(out, func(w io.Writer) {
		for _, r := range results {
			if r.DryRun {
				note := ""
				if r.Note != "" {
					note = " (" + r.Note + ")"
				}
				fmt.Fprintf(w, "%s: dry run, not sent%s\n", r.Action, note)
				continue
			}
			fmt.Fprintf(w, "%s: mined in block %d, tx %s, gas used %d, fee %s\n", r.Action, r.Block, r.Hash.Hex(), r.GasUsed, amount.FormatEther(r.Fee))
		}
		if summary != "" && (len(results) == 0 || !results[len(results)-1].DryRun) {
			fmt.Fprintln(w, summary)
		}
	})
}
