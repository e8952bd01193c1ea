package main

import (
	"crypto/ecdsa"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/spf13/cobra"

	"github.com/laketravis/laketravis/keys"
)

func (a *app) keysCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "keys",
		Short: "Create, import and list the user's encrypted keystores",
	}
	var light bool
	password := func() (string, error) {
		if pf := a.str("password-file"); pf != "" {
			return keys.ReadPassword(pf)
		}
		return a.prompt("new keystore password: ")
	}
	store := func(k *ecdsa.PrivateKey) error {
		pw, err := password()
		if err != nil {
			return err
		}
		strength := keys.Standard
		if light {
			strength = keys.Light
		}
		path, err := keys.Store(a.str("keystore-dir"), k, pw, strength)
		if err != nil {
			return err
		}
		e := keys.Entry{Address: crypto.PubkeyToAddress(k.PublicKey), Path: path}
		return a.emit(e, func(w io.Writer) { fmt.Fprintf(w, "%s\n%s\n", e.Address.Hex(), e.Path) })
	}
	create := &cobra.Command{
		Use:   "create",
		Short: "Generate a new key and store it encrypted in --keystore-dir",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			k, err := crypto.GenerateKey()
			if err != nil {
				return err
			}
			return store(k)
		},
	}
	create.Flags().BoolVar(&light, "light", false, "cheap scrypt parameters: devnets and tests only")
	imp := &cobra.Command{
		Use:   "import [hex-key-file]",
		Short: "Encrypt an existing hex private key (read from a file, or from stdin) into --keystore-dir",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var raw []byte
			var err error
			if len(args) == 1 {
				raw, err = os.ReadFile(args[0])
			} else {
				raw, err = io.ReadAll(io.LimitReader(a.in, 4096))
			}
			if err != nil {
				return err
			}
			line, _, _ := strings.Cut(strings.TrimSpace(string(raw)), "\n")
			k, err := crypto.HexToECDSA(strings.TrimPrefix(strings.TrimSpace(line), "0x"))
			if err != nil {
				return fmt.Errorf("not a hex private key: %w", err)
			}
			return store(k)
		},
	}
	imp.Flags().BoolVar(&light, "light", false, "cheap scrypt parameters: devnets and tests only")
	list := &cobra.Command{
		Use:   "list",
		Short: "List the keystores in --keystore-dir (not decrypted)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			es, err := keys.List(a.str("keystore-dir"))
			if err != nil {
				return err
			}
			if es == nil {
				es = []keys.Entry{}
			}
			return a.emit(es, func(w io.Writer) {
				if len(es) == 0 {
					fmt.Fprintf(w, "no keystores in %s (lt keys create)\n", a.str("keystore-dir"))
				}
				for _, e := range es {
					fmt.Fprintf(w, "%s  %s\n", e.Address.Hex(), e.Path)
				}
			})
		},
	}
	cmd.AddCommand(create, imp, list)
	return cmd
}
