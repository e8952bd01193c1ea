// Command lt is the Lake Travis user CLI: keys, the one-time vote self-delegation, the daily allowance,
// sessions (rfc, chat, close) and the local OpenAI-compatible gateway. `lt --help` lists the commands.
//
// Configuration comes from flags, then LT_CLIENT_* environment variables (LT_CLIENT_ROUTER,
// LT_CLIENT_RAW_KEY, …: the flag name upper-cased, dashes as underscores), then the config file
// (--config, default $HOME/.laketravis/client.yaml). --rpc and --raw-key also answer to --rpc-urls and
// --private-key, the names other roles gave them (service.OtherNames).
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/laketravis/laketravis/client"
	"github.com/laketravis/laketravis/internal/service"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := newRootCmd(os.Stdin, os.Stdout, os.Stderr).ExecuteContext(ctx); err != nil {
		fmt.Fprintln(os.Stderr, "lt:", err)
		if hint := nextStep(err); hint != "" {
			fmt.Fprintln(os.Stderr, "lt:", hint)
		}
		os.Exit(1)
	}
}

// app is one invocation's configuration and output streams (no globals: tests run many in a process).
type app struct {
	v             *viper.Viper
	in            io.Reader
	out, errOut   io.Writer
	configFlag    string
	configMissing bool
	// clock is the time lt withdraw waits for its keeper by (poolConn.clock; nil: realClock). Tests replace it.
	clock keeperClock
}

func newRootCmd(in io.Reader, out, errOut io.Writer) *cobra.Command {
	return (&app{v: viper.New(), in: in, out: out, errOut: errOut}).rootCmd()
}

// rootCmd is lt's root command on a.
func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "lt",
		Short: "Lake Travis user CLI: keys, access (delegate, allowance), sessions and the OpenAI-compatible gateway",
		Long: `lt is the user side of the Lake Travis inference market.

Hold MOR and self-delegate once (lt delegate): your share of today's compute budget (lt allowance) pays
for sessions, with no transaction on the way. lt rfc / lt chat open a session at a router and talk to the
provider directly; lt gateway serves the OpenAI API locally so any OpenAI client works unchanged.

Configuration: flags, then LT_CLIENT_<FLAG> environment variables (dashes as underscores, e.g.
LT_CLIENT_ROUTER, LT_CLIENT_PASSWORD_FILE), then the config file (YAML/TOML/JSON).`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			return a.loadConfig(cmd)
		},
	}
	root.SetIn(a.in)
	root.SetOut(a.out)
	root.SetErr(a.errOut)
	pf := root.PersistentFlags()
	pf.StringVar(&a.configFlag, "config", "", "config file (default $HOME/.laketravis/client.yaml)")
	pf.StringSlice("router", nil, "router base URL(s), e.g. http://127.0.0.1:8080; a comma-separated list fails over in order, sticking to one that works")
	pf.Duration("router-timeout", client.DefaultRouterTimeout, "how long each router is given to answer a call before the next of --router is asked (at least the router's queue-timeout)")
	pf.StringSlice("rpc", nil, "chain RPC URLs, comma separated, tried in order (delegate, allowance, deposit, balance, withdraw; chat and gateway then check each grant's provider endpoint against the one registered on the Marketplace)")
	pf.String("deployment", "", "deployment file (deployments/<chainId>.json)")
	pf.String("keystore", "", "the user's encrypted keystore file")
	pf.String("password-file", "", "file whose first line is the keystore password (else prompted)")
	pf.String("raw-key", "", "hex private key: devnet only (chain 31337 or 1337)")
	pf.String("external-signer", "", "sign through clef at this URL (http://127.0.0.1:8550 or its .ipc path; clef fronts Ledger/Trezor too) instead of a keystore")
	pf.String("external-signer-account", "", "the user's account at --external-signer (default: the only account it lists)")
	pf.String("keystore-dir", defaultDir("keystore"), "keystore directory of lt keys")
	pf.String("state-dir", defaultDir("sessions"), "where opened sessions are remembered for lt close")
	pf.Bool("allow-private-endpoints", false, "talk to providers at private, loopback and link-local addresses (always allowed on a devnet)")
	pf.Bool("json", false, "print machine-readable JSON")
	service.AddOtherNames(pf)

	root.AddCommand(a.keysCmd(), a.delegateCmd(), a.allowanceCmd(), a.rfcCmd(), a.chatCmd(), a.closeCmd(), a.gatewayCmd(),
		a.depositCmd(), a.withdrawCmd(), a.balanceCmd())
	return root
}

func defaultDir(name string) string {
	home, err := os.UserHomeDir()
	if err != nil {
		return filepath.Join(".laketravis", name)
	}
	return filepath.Join(home, ".laketravis", name)
}

// envPrefix starts lt's environment variables.
const envPrefix = "LT_CLIENT"

// loadConfig binds the command's flags, the environment and the config file into a.v and settles the
// settings' other names (service.SettleOtherNames).
func (a *app) loadConfig(cmd *cobra.Command) error {
	if err := a.readConfig(cmd); err != nil {
		return err
	}
	return service.SettleOtherNames(a.v, cmd.Flags(), envPrefix)
}

func (a *app) readConfig(cmd *cobra.Command) error {
	if err := a.v.BindPFlags(cmd.Flags()); err != nil {
		return err
	}
	if err := a.v.BindPFlags(cmd.InheritedFlags()); err != nil {
		return err
	}
	a.v.SetEnvPrefix(envPrefix)
	a.v.SetEnvKeyReplacer(strings.NewReplacer("-", "_"))
	a.v.AutomaticEnv()
	path := a.configFlag
	if path == "" {
		path = os.Getenv("LT_CLIENT_CONFIG")
	}
	if path == "" {
		path = filepath.Join(filepath.Dir(defaultDir("x")), "client.yaml")
		if _, err := os.Stat(path); err != nil {
			return nil // no default config file: fine
		}
	}
	a.v.SetConfigFile(path)
	if err := a.v.ReadInConfig(); err != nil {
		return fmt.Errorf("config %s: %w", path, err)
	}
	return nil
}

func (a *app) str(key string) string { return strings.TrimSpace(a.v.GetString(key)) }

// list reads a list setting given as repeated flags, a comma-separated string or a config list.
func (a *app) list(key string) []string {
	var out []string
	for _, s := range a.v.GetStringSlice(key) {
		for _, p := range strings.Split(s, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

func (a *app) jsonOut() bool { return a.v.GetBool("json") }

// emit prints v as JSON with --json, else the human text.
func (a *app) emit(v any, human func(w io.Writer)) error {
	if a.jsonOut() {
		enc := json.NewEncoder(a.out)
		enc.SetIndent("", "  ")
		return enc.Encode(v)
	}
	human(a.out)
	return nil
}
