package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/spf13/cobra"

	"github.com/laketravis/laketravis/keys"
)

func (a *app) keysCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "keys",
		Short: "Create, import and list encrypted keystores (owner and signer keys kept apart)",
		Long: `Keys live in go-ethereum encrypted keystores under --keys-dir: <keys-dir>/owner holds the owner
(cold) key that stakes, bids and claims; <keys-dir>/signer holds the signer (hot) key that
"provider serve" uses for liveness proofs and receipts. Keep the owner key off the serving machine.`,
	}
	cmd.AddCommand(a.keysCreateCmd(), a.keysImportCmd(), a.keysListCmd())
	return cmd
}

func roleFlag(cmd *cobra.Command) {
	cmd.Flags().String("role", "", "key role: owner or signer (required)")
	cmd.Flags().Bool("light", false, "cheap scrypt parameters: devnets and tests only")
}

func (a *app) roleDir(cmd *cobra.Command) (string, error) {
	role, _ := cmd.Flags().GetString("role")
	if role != RoleOwner && role != RoleSigner {
		return "", fmt.Errorf("--role must be %q or %q", RoleOwner, RoleSigner)
	}
	return filepath.Join(a.v.GetString("keys-dir"), role), nil
}

func (a *app) newPassword() (string, error) {
	if f := a.v.GetString("password-file"); f != "" {
		return keys.ReadPassword(f)
	}
	pw, err := a.prompt("New keystore password: ")
	if err != nil {
		return "", err
	}
	again, err := a.prompt("Repeat password: ")
	if err != nil {
		return "", err
	}
	if pw != again {
		return "", errors.New("passwords do not match")
	}
	return pw, nil
}

func strength(cmd *cobra.Command) keys.Strength {
	if light, _ := cmd.Flags().GetBool("light"); light {
		return keys.Light
	}
	return keys.Standard
}

func (a *app) keysCreateCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "create --role owner|signer",
		Short:   "Generate a new key into an encrypted keystore",
		Example: "  provider keys create --role owner\n  provider keys create --role signer --password-file signer.pw",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			dir, err := a.roleDir(cmd)
			if err != nil {
				return err
			}
			pw, err := a.newPassword()
			if err != nil {
				return err
			}
			addr, path, err := keys.Create(dir, pw, strength(cmd))
			if err != nil {
				return err
			}
			role, _ := cmd.Flags().GetString("role")
			return a.emit(keys.Entry{Address: addr, Path: path}, func(w io.Writer) {
				fmt.Fprintf(w, "created %s key %s\nkeystore: %s\n", role, addr.Hex(), path)
			})
		},
	}
	roleFlag(cmd)
	return cmd
}

func (a *app) keysImportCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "import --role owner|signer --key-file <file>",
		Short: "Encrypt an existing raw private key (hex in a file) into a keystore",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			dir, err := a.roleDir(cmd)
			if err != nil {
				return err
			}
			kf, _ := cmd.Flags().GetString("key-file")
			if kf == "" {
				return errors.New("--key-file is required: a file holding the hex private key")
			}
			raw, err := os.ReadFile(kf)
			if err != nil {
				return err
			}
			key, err := crypto.HexToECDSA(strings.TrimPrefix(strings.TrimSpace(string(raw)), "0x"))
			if err != nil {
				return fmt.Errorf("%s does not hold a hex private key: %w", kf, err)
			}
			pw, err := a.newPassword()
			if err != nil {
				return err
			}
			path, err := keys.Store(dir, key, pw, strength(cmd))
			if err != nil {
				return err
			}
			addr := crypto.PubkeyToAddress(key.PublicKey)
			return a.emit(keys.Entry{Address: addr, Path: path}, func(w io.Writer) {
				fmt.Fprintf(w, "imported %s\nkeystore: %s\nyou may now delete %s\n", addr.Hex(), path, kf)
			})
		},
	}
	roleFlag(cmd)
	cmd.Flags().String("key-file", "", "file holding the hex private key")
	return cmd
}

func (a *app) keysListCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the keystores in the keys dir",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			type row struct {
				Role string `json:"role"`
				keys.Entry
			}
			var rows []row
			for _, role := range []string{RoleOwner, RoleSigner} {
				entries, err := keys.List(filepath.Join(a.v.GetString("keys-dir"), role))
				if err != nil {
					return err
				}
				for _, e := range entries {
					rows = append(rows, row{role, e})
				}
			}
			return a.emit(rows, func(w io.Writer) {
				if len(rows) == 0 {
					fmt.Fprintf(w, "no keys in %s: run `provider keys create --role owner`\n", a.v.GetString("keys-dir"))
				}
				for _, r := range rows {
					fmt.Fprintf(w, "%-6s  %s  %s\n", r.Role, r.Address.Hex(), r.Path)
				}
			})
		},
	}
}
