package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"text/tabwriter"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/spf13/cobra"

	"github.com/laketravis/laketravis/protocol/contenthash"
	"github.com/laketravis/laketravis/protocol/ids"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/ipfs"
	"github.com/laketravis/laketravis/provider/market"
	"github.com/laketravis/laketravis/provider/models"
)

// registry resolves content hashes from the ModelRegistry.
type registry struct{ m *market.Market }

func (r registry) ContentHash(ctx context.Context, model string) (common.Hash, error) {
	if _, _, err := market.SplitModel(model); err != nil {
		return common.Hash{}, err
	}
	md, err := r.m.Model(ctx, ids.ModelID(model))
	if err != nil {
		return common.Hash{}, err
	}
	return md.ContentHash, nil
}

func defaultModelsDir() string { return filepath.Join(filepath.Dir(defaultKeysDir()), "models") }

// store opens the local model store and the kubo node's RPC client.
func (a *app) store() (*models.Store, error) {
	c, err := ipfs.NewClient(a.v.GetString("ipfs-api"))
	if err != nil {
		return nil, fmt.Errorf("--ipfs-api: %w", err)
	}
	return &models.Store{Dir: a.v.GetString("models-dir"), IPFS: c}, nil
}

func (a *app) modelPublishCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "publish <dir or file> --name <name:tag> --fee-bps <n>",
		Short: "Add weights to IPFS (pinned, announced) and register name:tag with their content hash",
		Long: `Adds the folder (or one file, published as a folder holding it) to the kubo node at --ipfs-api with the
registry's fixed import parameters (CIDv1, raw leaves, 1 MiB chunks: the same bytes always give the same
CID), pins and announces it, and registers name:tag in the ModelRegistry with the CID's sha2-256 digest.
Publishing an already registered name:tag with the same content only updates the builder fee (a decrease
takes effect at once, an increase after the registry's notice, FEE_INCREASE_NOTICE: the output shows it); a content
hash is immutable (new weights are a new tag).`,
		Example: "  provider model publish ./llama-3.1-8b-q4 --name llama-3.1-8b:q4 --fee-bps 500 --ipfs-api /ip4/127.0.0.1/tcp/5001",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			model, _ := cmd.Flags().GetString("name")
			fee, _ := cmd.Flags().GetUint16("fee-bps")
			kindName, _ := cmd.Flags().GetString("kind")
			kind, err := wire.ParseModelKind(kindName)
			if err != nil {
				return fmt.Errorf("--kind: %w", err)
			}
			name, tag, err := market.SplitModel(model)
			if err != nil {
				return fmt.Errorf("--name: %w", err)
			}
			st, err := a.store()
			if err != nil {
				return err
			}
			return a.withSender(cmd, func(ctx context.Context, c *conn, s *market.Sender) error {
				h, cidHash, err := addContent(ctx, st, args[0], !s.DryRun)
				if err != nil {
					return err
				}
				var res []*market.Result
				md, err := c.market.Model(ctx, ids.ModelID(model))
				switch {
				case errors.Is(err, market.ErrUnknownModel):
					r, err := c.market.RegisterModel(ctx, s, name, tag, cidHash, fee, kind)
					if err != nil {
						return err
					}
					res = append(res, r...)
				case err != nil:
					return err
				case md.Builder != s.From():
					return fmt.Errorf("publish: %s belongs to builder %s, not %s: to serve these weights, `provider model pull %s`",
						model, md.Builder, s.From(), model)
				case md.ContentHash != cidHash:
					return fmt.Errorf("publish: %s is registered with content %s; a content hash never changes: publish these weights (%s) as a new tag",
						model, contenthash.CID(md.ContentHash), h.CID)
				case md.TargetFeeBps() != fee: // the fee already set (pending or not) is not sent again: its notice stays
					r, err := c.market.SetBuilderFee(ctx, s, model, fee)
					if err != nil {
						return err
					}
					res = append(res, r)
				}
				if s.DryRun {
					return a.report(res, map[string]any{"model": model, "cid": h.CID, "contentHash": cidHash}, "")
				}
				if err := st.Add(model, args[0], cidHash, h); err != nil {
					return err
				}
				announced := st.Seed(ctx, h.CID) == nil
				md, err = c.market.Model(ctx, ids.ModelID(model))
				if err != nil {
					return err
				}
				out := map[string]any{"model": model, "modelId": ids.ModelID(model), "cid": h.CID,
					"contentHash": cidHash, "bytes": h.Bytes, "files": h.Files, "announced": announced, "builderFeeBps": md.FeeBps}
				summary := fmt.Sprintf("published %s: %s (%s, %d files), content hash %s; builder fee %d bps", model, h.CID, size(h.Bytes), h.Files, cidHash.Hex(), md.FeeBps)
				if md.PendingFrom != 0 {
					out["pendingBuilderFeeBps"], out["pendingBuilderFeeFrom"] = md.PendingFeeBps, md.PendingFrom
					summary += fmt.Sprintf(", %d bps from %s (an increase takes effect after a notice)", md.PendingFeeBps,
						time.Unix(int64(md.PendingFrom), 0).UTC().Format(time.RFC3339))
				}
				return a.report(res, out, summary)
			})
		},
	}
	cmd.Flags().String("name", "", "model name:tag")
	cmd.Flags().Uint16("fee-bps", 0, "builder fee in basis points")
	cmd.Flags().String("kind", "model", "model or agent (an agent's bundle is its definition); fixed at registration")
	return cmd
}

// addContent adds path to the node (stored and pinned when store, else hashed only) and returns the
// result and its content hash.
func addContent(ctx context.Context, st *models.Store, path string, store bool) (*ipfs.Added, common.Hash, error) {
	h, err := st.IPFS.Add(ctx, path, !store)
	if err != nil {
		return nil, common.Hash{}, err
	}
	ch, err := contenthash.Parse(h.CID)
	if err != nil {
		return nil, common.Hash{}, err
	}
	return h, ch, nil
}

func (a *app) modelCIDCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "cid <dir or file>",
		Short: "Print the CID and content hash the weights would be published with (nothing is stored)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := a.store()
			if err != nil {
				return err
			}
			h, ch, err := addContent(cmd.Context(), st, args[0], false)
			if err != nil {
				return err
			}
			return a.emit(map[string]any{"cid": h.CID, "contentHash": ch, "bytes": h.Bytes, "files": h.Files}, func(w io.Writer) {
				fmt.Fprintf(w, "%s\ncontent hash %s (%s, %d files)\n", h.CID, ch.Hex(), size(h.Bytes), h.Files)
			})
		},
	}
}

func (a *app) modelPullCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "pull <name:tag> [--to dir]",
		Short: "Fetch a model's weights from IPFS by name:tag and verify them against the registry",
		Long: `Reads name:tag's content hash from the ModelRegistry, fetches that content from the IPFS network
(other providers seed what they serve) through the kubo node at --ipfs-api, and keeps it only if re-adding
the bytes with the registry's import parameters gives exactly that hash. The node pins (seeds) it.`,
		Example: "  provider model pull llama-3.1-8b:q4 --to /srv/models/llama",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			to, _ := cmd.Flags().GetString("to")
			timeout, _ := cmd.Flags().GetDuration("fetch-timeout")
			st, err := a.store()
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			c, err := a.connect(ctx)
			if err != nil {
				return err
			}
			defer c.Close()
			start := time.Now()
			e, err := st.Pull(ctx, registry{c.market}, args[0], to, timeout)
			if err != nil {
				return err
			}
			announced := st.Seed(ctx, e.CID) == nil
			return a.emit(map[string]any{"entry": e, "announced": announced, "seconds": time.Since(start).Seconds()}, func(w io.Writer) {
				fmt.Fprintf(w, "pulled %s into %s: %s, %d files, verified against content hash %s in %s\n",
					e.Model, e.Path, size(e.Bytes), e.Files, e.ContentHash.Hex(), time.Since(start).Round(time.Millisecond))
			})
		},
	}
	cmd.Flags().String("to", "", "destination folder (default <models-dir>/<name:tag>)")
	cmd.Flags().Duration("fetch-timeout", 30*time.Minute, "give up when the content is not fully fetched within this")
	return cmd
}

func (a *app) modelLsCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "ls",
		Short: "List pulled models: path, size and verification state",
		Long: `Lists the models in --models-dir's manifest. The state compares file sizes with what was verified
(verified, changed, missing); --verify re-hashes every model through the kubo node (mismatch if the bytes no
longer give the content hash).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			full, _ := cmd.Flags().GetBool("verify")
			st := &models.Store{Dir: a.v.GetString("models-dir")}
			if full {
				var err error
				if st, err = a.store(); err != nil {
					return err
				}
			}
			entries, err := st.List()
			if err != nil {
				return err
			}
			type row struct {
				models.Entry
				State models.State `json:"state"`
			}
			rows := make([]row, len(entries))
			for i, e := range entries {
				rows[i] = row{Entry: e, State: models.Check(e)}
				if full && rows[i].State == models.StateVerified {
					if _, err := st.Verify(cmd.Context(), e.Path, e.ContentHash); errors.Is(err, models.ErrMismatch) {
						rows[i].State = models.StateMismatch
					} else if err != nil {
						return err
					}
				}
			}
			return a.emit(map[string]any{"models": rows}, func(w io.Writer) {
				tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "MODEL\tSTATE\tSIZE\tFILES\tCID\tPATH")
				for _, r := range rows {
					fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%s\n", r.Model, r.State, size(r.Bytes), r.Files, r.CID, r.Path)
				}
				_ = tw.Flush()
			})
		},
	}
	cmd.Flags().Bool("verify", false, "re-hash every model through the kubo node")
	return cmd
}

func size(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.2f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
