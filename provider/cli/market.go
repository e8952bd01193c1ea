package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/spf13/cobra"

	"github.com/laketravis/laketravis/keys"
	"github.com/laketravis/laketravis/protocol/amount"
	"github.com/laketravis/laketravis/protocol/ids"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/market"
)

// withSender runs f with a chain connection and the owner's sender.
func (a *app) withSender(cmd *cobra.Command, f func(ctx context.Context, c *conn, s *market.Sender) error) error {
	ctx := cmd.Context()
	c, err := a.connect(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	s, err := a.sender(ctx, c)
	if err != nil {
		return err
	}
	return f(ctx, c, s)
}

func parseAmountFlag(cmd *cobra.Command, name string) (*big.Int, error) {
	s, _ := cmd.Flags().GetString(name)
	if s == "" {
		return nil, fmt.Errorf("--%s is required (e.g. --%s 100MOR)", name, name)
	}
	v, err := amount.Parse(s)
	if err != nil {
		return nil, fmt.Errorf("--%s: %w", name, err)
	}
	return v, nil
}

func (a *app) registerCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "register --endpoint <url> --signer <address> --stake <MOR>",
		Short: "Register as a provider with a MOR stake, the public endpoint and the signer (hot) key",
		Long: `Registers the owner key as a provider. The stake is pulled with an ERC-2612 permit in the same
transaction (registerWithPermit); --approve sends a separate approve transaction instead.

The signer key signs a SignerClaim naming the owner (offline, no transaction): the Marketplace binds a
signer only with that proof, so no one can register another provider's key first. It is read from the
signer keystore (as serve reads it), --signer-raw-key, or clef at --external-signer; a signer that is the
owner key itself needs none.`,
		Example: "  provider register --endpoint https://node.example.com --stake 100MOR --rpc http://127.0.0.1:8545",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			stake, err := parseAmountFlag(cmd, "stake")
			if err != nil {
				return err
			}
			endpoint, _ := cmd.Flags().GetString("endpoint")
			if endpoint == "" {
				return errors.New("--endpoint is required: the public base URL where `provider serve` answers")
			}
			approve, _ := cmd.Flags().GetBool("approve")
			return a.withSender(cmd, func(ctx context.Context, c *conn, s *market.Sender) error {
				signer, key, err := a.claimSigner(ctx, c, s.From())
				if err != nil {
					return err
				}
				if signer == s.From() {
					fmt.Fprintln(a.io.Err, "warning: the signer is the owner key; keep a separate hot key for `provider serve`")
				}
				res, err := c.market.Register(ctx, s, market.RegisterOptions{Endpoint: endpoint, Signer: signer, SignerKey: key, Stake: stake, Approve: approve})
				if err != nil {
					return err
				}
				return a.report(res, map[string]any{"provider": s.From(), "signer": signer, "stake": stake.String()},
					fmt.Sprintf("registered %s with %s staked, signer %s", s.From().Hex(), amount.FormatMOR(stake), signer.Hex()))
			})
		},
	}
	cmd.Flags().String("endpoint", "", "public base `URL` where provider serve answers, e.g. http://127.0.0.1:8081 on a devnet")
	cmd.Flags().String("signer", "", "signer address (default: the only key in <keys-dir>/signer)")
	signerKeyFlags(cmd.Flags(), "sign the signer's claim through clef at this URL instead of the signer keystore (keys/README.md)")
	cmd.Flags().String("stake", "", "stake, e.g. 100MOR or a wei amount")
	cmd.Flags().Bool("approve", false, "use approve + register instead of a permit")
	return cmd
}

// claimSigner resolves the signer a register or update names and the key that signs its SignerClaim: the
// key of loadSignerKey, checked against --signer when both are given. A signer that is the owner (by
// --signer or the only signer keystore) needs no claim: the key is then nil.
func (a *app) claimSigner(ctx context.Context, c *conn, owner common.Address) (common.Address, keys.TypedSigner, error) {
	if a.v.GetString("external-signer") == "" && a.v.GetString("signer-raw-key") == "" {
		addr, err := a.keyAddress(RoleSigner, "signer")
		if err != nil {
			return common.Address{}, nil, err
		}
		if addr == owner {
			return addr, nil, nil
		}
	}
	key, err := a.loadSignerKey(ctx, c.market.ChainID())
	if err != nil {
		return common.Address{}, nil, err
	}
	if s := a.v.GetString("signer"); s != "" && common.HexToAddress(s) != key.Address() {
		return common.Address{}, nil, fmt.Errorf("the signer is %s (--signer, %s_SIGNER or the config file's signer), but the signer key given is %s", s, envPrefix, key.Address())
	}
	return key.Address(), key, nil
}

func (a *app) updateCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "update [--endpoint <url>] [--signer <address>]",
		Short: "Change the registered endpoint and/or rotate the signer (hot) key",
		Long: `Moves the registration to a new endpoint, a new signer key, or both (the Marketplace's updateProvider).
Without --signer, --signer-raw-key or --external-signer on the command line the signer stays (a signer the
environment or a config file names, kept there for serve, neither rotates it nor picks or checks the new
key). A new signer signs its
SignerClaim as for register: from <keys-dir>/signer (--signer picks one of several), --signer-raw-key,
or clef at --external-signer. Rotating frees the old key: stop serve first (provider/README.md).`,
		Example: "  provider update --signer 0x…   # after provider keys create --role signer",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			endpoint, _ := cmd.Flags().GetString("endpoint")
			// Only flags on the command line rotate: a signer named by the environment or a config file is
			// serve's, kept there for it, and must not turn an endpoint move into a rotation.
			rotate := cmd.Flags().Changed("signer") || cmd.Flags().Changed("signer-raw-key") || cmd.Flags().Changed("external-signer")
			if endpoint == "" && !rotate {
				return errors.New("nothing to update: pass --endpoint and/or the new signer (--signer, --signer-raw-key or --external-signer)")
			}
			return a.withSender(cmd, func(ctx context.Context, c *conn, s *market.Sender) error {
				opts := market.UpdateOptions{Endpoint: endpoint}
				if rotate {
					if !cmd.Flags().Changed("signer") {
						// The environment's or a config file's signer is serve's, the key being rotated away
						// from: the new one is what the command line gives, so it must not pick or check it.
						a.v.Set("signer", "")
					}
					var err error
					if opts.Signer, opts.SignerKey, err = a.claimSigner(ctx, c, s.From()); err != nil {
						return err
					}
				}
				res, err := c.market.UpdateProvider(ctx, s, opts)
				if err != nil {
					return err
				}
				p, err := c.market.Provider(ctx, s.From())
				if err != nil {
					return err
				}
				return a.report([]*market.Result{res}, map[string]any{"provider": s.From(), "signer": p.Signer, "endpoint": p.Endpoint},
					fmt.Sprintf("updated %s: endpoint %s, signer %s", s.From().Hex(), p.Endpoint, p.Signer.Hex()))
			})
		},
	}
	cmd.Flags().String("endpoint", "", "new public base `URL` (default: keep the registered one)")
	cmd.Flags().String("signer", "", "the new signer's address (its keystore in <keys-dir>/signer signs the claim)")
	signerKeyFlags(cmd.Flags(), "the new signer is this clef's account (--external-signer-account, else --signer, else the only one); clef signs its claim")
	return cmd
}

func (a *app) stakeCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "stake", Short: "Manage the provider's stake"}
	add := &cobra.Command{
		Use:     "add --amount <MOR>",
		Short:   "Add MOR to the active stake (ERC-2612 permit, one transaction)",
		Example: "  provider stake add --amount 50MOR",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			amt, err := parseAmountFlag(cmd, "amount")
			if err != nil {
				return err
			}
			return a.withSender(cmd, func(ctx context.Context, c *conn, s *market.Sender) error {
				res, err := c.market.AddStake(ctx, s, amt)
				if err != nil {
					return err
				}
				return a.report(res, map[string]any{"added": amt.String()}, "added "+amount.FormatMOR(amt)+" to the stake")
			})
		},
	}
	add.Flags().String("amount", "", "MOR to add, e.g. 50MOR")
	cmd.AddCommand(add)
	return cmd
}

func (a *app) unstakeCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "unstake", Short: "Unbond stake and withdraw it after the unbonding period"}
	req := &cobra.Command{
		Use:   "request --amount <MOR>",
		Short: "Start unbonding part of the active stake (withdraw it after the unbonding period)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			amt, err := parseAmountFlag(cmd, "amount")
			if err != nil {
				return err
			}
			return a.withSender(cmd, func(ctx context.Context, c *conn, s *market.Sender) error {
				res, err := c.market.RequestUnstake(ctx, s, amt)
				if err != nil {
					return err
				}
				summary := ""
				if !res.DryRun {
					if p, err := c.market.Provider(ctx, s.From()); err == nil {
						summary = fmt.Sprintf("unbonding %s; withdraw after %s with `provider unstake withdraw`",
							amount.FormatMOR(p.PendingUnstake), time.Unix(int64(p.UnlockAt), 0).UTC().Format(time.RFC3339))
					}
				}
				return a.report([]*market.Result{res}, map[string]any{"amount": amt.String()}, summary)
			})
		},
	}
	req.Flags().String("amount", "", "MOR to unbond, e.g. 10MOR")
	wd := &cobra.Command{
		Use:   "withdraw",
		Short: "Withdraw the unbonded stake once the unbonding period is over",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.withSender(cmd, func(ctx context.Context, c *conn, s *market.Sender) error {
				res, amt, err := c.market.Withdraw(ctx, s)
				if err != nil {
					return err
				}
				return a.report([]*market.Result{res}, map[string]any{"amount": amt.String()}, "withdrew "+amount.FormatMOR(amt))
			})
		},
	}
	cmd.AddCommand(req, wd)
	return cmd
}

func (a *app) bidCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "bid", Short: "Post or delete per-model price bids"}
	set := &cobra.Command{
		Use:   "set --model <name:tag> --price <price>",
		Short: "Post (or replace) the bid on a model, in MOR per second",
		Example: `  provider bid set --model llama-3.1-8b:q4 --price 0.001MOR/s
  provider bid set --model llama-3.1-8b:q4 --price 1000000000   # wei per second`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			model, _ := cmd.Flags().GetString("model")
			price, err := parseAmountFlag(cmd, "price")
			if err != nil {
				return err
			}
			return a.withSender(cmd, func(ctx context.Context, c *conn, s *market.Sender) error {
				res, err := c.market.PostBid(ctx, s, model, price)
				if err != nil {
					return err
				}
				return a.report([]*market.Result{res}, map[string]any{"model": model, "modelId": ids.ModelID(model), "pricePerSecond": price.String()},
					fmt.Sprintf("bid on %s: %s/s (%s wei/s)", model, amount.FormatMOR(price), price))
			})
		},
	}
	set.Flags().String("model", "", "model name:tag")
	set.Flags().String("price", "", `price per second: "0.001MOR/s" or wei per second`)
	del := &cobra.Command{
		Use:   "delete --model <name:tag>",
		Short: "Delete the bid on a model",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			model, _ := cmd.Flags().GetString("model")
			return a.withSender(cmd, func(ctx context.Context, c *conn, s *market.Sender) error {
				res, err := c.market.DeleteBid(ctx, s, model)
				if err != nil {
					return err
				}
				return a.report([]*market.Result{res}, map[string]any{"model": model}, "deleted the bid on "+model)
			})
		},
	}
	del.Flags().String("model", "", "model name:tag")
	cmd.AddCommand(set, del)
	return cmd
}

func (a *app) modelCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "model", Short: "Model registry: publish weights to IPFS and register them, pull and verify, list"}
	reg := &cobra.Command{
		Use:     "register --name <name> --tag <tag> --content-hash <0x…> --fee-bps <n>",
		Short:   "Register name:tag in the ModelRegistry, with the owner key as builder",
		Example: "  provider model register --name llama-3.1-8b --tag q4 --content-hash 0x… --fee-bps 500",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			name, _ := cmd.Flags().GetString("name")
			tag, _ := cmd.Flags().GetString("tag")
			ch, _ := cmd.Flags().GetString("content-hash")
			fee, _ := cmd.Flags().GetUint16("fee-bps")
			kindName, _ := cmd.Flags().GetString("kind")
			kind, err := wire.ParseModelKind(kindName)
			if err != nil {
				return fmt.Errorf("--kind: %w", err)
			}
			if name == "" || tag == "" {
				return errors.New("--name and --tag are required")
			}
			if len(strings.TrimPrefix(ch, "0x")) != 64 {
				return errors.New("--content-hash must be 0x + 64 hex digits (the sha2-256 digest inside the weights' IPFS CID)")
			}
			return a.withSender(cmd, func(ctx context.Context, c *conn, s *market.Sender) error {
				res, err := c.market.RegisterModel(ctx, s, name, tag, common.HexToHash(ch), fee, kind)
				if err != nil {
					return err
				}
				id := ids.ModelID(name + ":" + tag)
				return a.report(res, map[string]any{"model": name + ":" + tag, "modelId": id, "kind": kind},
					fmt.Sprintf("registered %s %s:%s (id %s)", kind, name, tag, id.Hex()))
			})
		},
	}
	reg.Flags().String("name", "", "model name, e.g. llama-3.1-8b")
	reg.Flags().String("tag", "", "model tag, e.g. q4")
	reg.Flags().String("content-hash", "", "sha2-256 digest of the weights (0x + 64 hex)")
	reg.Flags().Uint16("fee-bps", 0, "builder fee in basis points")
	reg.Flags().String("kind", "model", "model or agent")
	cmd.AddCommand(reg, a.modelPublishCmd(), a.modelCIDCmd(), a.modelPullCmd(), a.modelLsCmd())
	return cmd
}

// fetchProof gets account's proof from the keeper (GET {keeper}/v1/proofs/{account}); nil when the
// keeper has no credit for it.
func fetchProof(ctx context.Context, keeper string, account common.Address) (*wire.Proof, error) {
	return keeperGet[wire.Proof](ctx, keeper, "/v1/proofs/"+account.Hex())
}

// keeperGet reads path's JSON answer from the keeper; nil for its 404.
func keeperGet[T any](ctx context.Context, keeper, path string) (*T, error) {
	var v T
	if err := wire.GetJSON(ctx, keeper, path, &v); err != nil {
		var we *wire.Error
		if errors.As(err, &we) && we.Status == http.StatusNotFound {
			return nil, nil
		}
		return nil, fmt.Errorf("keeper: %w (check --keeper)", err)
	}
	return &v, nil
}

// fetchCredit reads account's credit in the keeper's newest committed root, dispute window included (GET
// /v1/credits/{account}); nil when it has none, or when the keeper predates that endpoint (its 404).
func fetchCredit(ctx context.Context, keeper string, account common.Address) (*wire.CommittedCredit, error) {
	return keeperGet[wire.CommittedCredit](ctx, keeper, "/v1/credits/"+account.Hex())
}

func (a *app) claimCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "claim",
		Short: "Claim earnings: fetch the proof from a keeper (or a file) and submit it to ComputePool",
		Long: `Fetches the owner's cumulative credit and Merkle proof from the keeper (GET /v1/proofs/{account})
— or reads it from --proof-file, in the same JSON form — and submits ComputePool.claim. One claim
pays every epoch so far.`,
		Example: "  provider claim --keeper https://keeper.example.com",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			pf, _ := cmd.Flags().GetString("proof-file")
			keeper := a.v.GetString("keeper")
			if pf == "" && keeper == "" {
				return errors.New("no proof source: pass --keeper <url> or --proof-file <file>")
			}
			return a.withSender(cmd, func(ctx context.Context, c *conn, s *market.Sender) error {
				var proof *wire.Proof
				if pf != "" {
					raw, err := os.ReadFile(pf)
					if err != nil {
						return err
					}
					proof = new(wire.Proof)
					if err := json.Unmarshal(raw, proof); err != nil {
						return fmt.Errorf("%s: %w", pf, err)
					}
				} else {
					var err error
					if proof, err = fetchProof(ctx, keeper, s.From()); err != nil {
						return err
					}
					if proof == nil {
						return fmt.Errorf("claim: %w: the keeper has no credit for %s yet", market.ErrNothingToClaim, s.From())
					}
				}
				if proof.Account != s.From() {
					fmt.Fprintf(a.io.Err, "note: claiming for %s (the MOR goes to it, not to the sender)\n", proof.Account)
				}
				res, due, err := c.market.Claim(ctx, s, proof)
				if err != nil {
					return err
				}
				return a.report([]*market.Result{res}, map[string]any{"account": proof.Account, "amount": due.String()},
					fmt.Sprintf("claimed %s for %s", amount.FormatMOR(due), proof.Account.Hex()))
			})
		},
	}
	cmd.Flags().String("proof-file", "", "wire.Proof JSON file instead of asking the keeper")
	return cmd
}
