package cli

import (
	"fmt"
	"io"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/spf13/cobra"

	"github.com/laketravis/laketravis/protocol/amount"
)

// Status is the `provider status` report.
type Status struct {
	Provider       common.Address `json:"provider"`
	Registered     bool           `json:"registered"`
	Signer         common.Address `json:"signer"`
	Endpoint       string         `json:"endpoint"`
	Stake          string         `json:"stake"`
	MinStake       string         `json:"minProviderStake"`
	PendingUnstake string         `json:"pendingUnstake"`
	UnlockAt       uint64         `json:"unlockAt"`
	MORBalance     string         `json:"morBalance"`
	ETHBalance     string         `json:"ethBalance"`
	Bids           []StatusBid    `json:"bids"`
	Earnings       Earnings       `json:"earnings"`
}

// StatusBid is one active bid.
type StatusBid struct {
	Model          string      `json:"model"`
	ModelID        common.Hash `json:"modelId"`
	PricePerSecond string      `json:"pricePerSecond"`
}

// Earnings are the provider's credits (PROTOCOL §8).
type Earnings struct {
	Committed string `json:"committed,omitempty"` // cumulative credit in the keeper's newest claimable root (one still in its dispute window is Pending); empty without --keeper
	Claimed   string `json:"claimed"`
	Claimable string `json:"claimable,omitempty"`
	// Pending is the cumulative credit in a newer root committed on-chain but still in its dispute window
	// (the keeper's GET /v1/credits), claimable from PendingClaimableAt (unix seconds) unless the guardian
	// vetoes it; empty when there is none.
	Pending            string `json:"pending,omitempty"`
	PendingClaimableAt uint64 `json:"pendingClaimableAt,omitempty"`
	Note               string `json:"note,omitempty"`
}

func (a *app) statusCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "status",
		Short: "Show stake, unbonding, bids and earnings (committed, claimable, claimed) of the owner",
		Long: `Reads everything from the chain (and the keeper, with --keeper). Needs only the owner's address
(--owner, or the only key in <keys-dir>/owner): no password. With --keeper, earnings show the credit in
the newest claimable root (committed, claimable) and, on a line of its own, a newer root's credit still
in its dispute window: "committed … (claimable after <time>)".`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			owner, err := a.keyAddress(RoleOwner, "owner")
			if err != nil {
				return err
			}
			c, err := a.connect(ctx)
			if err != nil {
				return err
			}
			defer c.Close()
			m := c.market
			p, err := m.Provider(ctx, owner)
			if err != nil {
				return err
			}
			params, err := m.Params(ctx)
			if err != nil {
				return err
			}
			bal, err := m.MORBalance(ctx, owner)
			if err != nil {
				return err
			}
			eth, err := c.client.BalanceAt(ctx, owner, nil)
			if err != nil {
				return err
			}
			bids, err := m.Bids(ctx, owner)
			if err != nil {
				return err
			}
			claimed, err := m.Claimed(ctx, owner)
			if err != nil {
				return err
			}
			st := Status{Provider: owner, Registered: p.Registered, Signer: p.Signer, Endpoint: p.Endpoint,
				Stake: p.Stake.String(), MinStake: params.MinProviderStake.String(), PendingUnstake: p.PendingUnstake.String(),
				UnlockAt: p.UnlockAt, MORBalance: bal.String(), ETHBalance: eth.String(), Bids: []StatusBid{},
				Earnings: Earnings{Claimed: claimed.String()}}
			for _, b := range bids {
				st.Bids = append(st.Bids, StatusBid{Model: b.Model, ModelID: b.ModelID, PricePerSecond: b.PricePerSecond.String()})
			}
			if keeper := a.v.GetString("keeper"); keeper != "" {
				proof, err := fetchProof(ctx, keeper, owner)
				switch {
				case err != nil:
					st.Earnings.Note = err.Error()
				case proof == nil:
					st.Earnings.Committed, st.Earnings.Claimable = "0", "0"
				default:
					cum := proof.CumulativeAmount.ToBig()
					st.Earnings.Committed = cum.String()
					due := new(big.Int).Sub(cum, claimed)
					if due.Sign() < 0 {
						due.SetInt64(0)
					}
					st.Earnings.Claimable = due.String()
				}
				if err == nil {
					credit, err := fetchCredit(ctx, keeper, owner)
					switch {
					case err != nil:
						st.Earnings.Note = err.Error()
					case credit != nil && credit.CumulativeAmount != nil && !credit.Claimable && (proof == nil || credit.Epoch > proof.Epoch):
						st.Earnings.Pending, st.Earnings.PendingClaimableAt = credit.CumulativeAmount.Dec(), credit.ClaimableAt
					}
				}
			} else {
				st.Earnings.Note = "pass --keeper <url> to see committed and claimable earnings"
			}
			return a.emit(st, func(w io.Writer) { printStatus(w, &st) })
		},
	}
}

func morString(s string) string {
	v, ok := new(big.Int).SetString(s, 10)
	if !ok {
		return s
	}
	return amount.FormatMOR(v)
}

func printStatus(w io.Writer, st *Status) {
	fmt.Fprintf(w, "provider    %s\n", st.Provider.Hex())
	if !st.Registered {
		fmt.Fprintf(w, "registered  no — run `provider register --endpoint <url> --stake <MOR>` (minimum %s)\n", morString(st.MinStake))
	} else {
		fmt.Fprintf(w, "registered  yes\nendpoint    %s\nsigner      %s\n", st.Endpoint, st.Signer.Hex())
	}
	fmt.Fprintf(w, "stake       %s (minimum %s)\n", morString(st.Stake), morString(st.MinStake))
	if st.PendingUnstake != "0" {
		unlock := time.Unix(int64(st.UnlockAt), 0).UTC()
		fmt.Fprintf(w, "unbonding   %s, withdrawable from %s\n", morString(st.PendingUnstake), unlock.Format(time.RFC3339))
	}
	ethWei, _ := new(big.Int).SetString(st.ETHBalance, 10)
	fmt.Fprintf(w, "balance     %s, %s\n", morString(st.MORBalance), amount.FormatEther(ethWei))
	if len(st.Bids) == 0 {
		fmt.Fprintln(w, "bids        none — post one with `provider bid set --model <name:tag> --price <MOR/s>`")
	}
	for i, b := range st.Bids {
		label := "bids"
		if i > 0 {
			label = ""
		}
		name := b.Model
		if name == "" {
			name = b.ModelID.Hex()
		}
		fmt.Fprintf(w, "%-11s %s at %s/s (%s wei/s)\n", label, name, morString(b.PricePerSecond), b.PricePerSecond)
	}
	if st.Earnings.Committed != "" {
		fmt.Fprintf(w, "earnings    committed %s, claimed %s, claimable %s\n",
			morString(st.Earnings.Committed), morString(st.Earnings.Claimed), morString(st.Earnings.Claimable))
	} else {
		fmt.Fprintf(w, "earnings    claimed %s\n", morString(st.Earnings.Claimed))
	}
	if st.Earnings.Pending != "" {
		fmt.Fprintf(w, "            committed %s (claimable after %s, unless vetoed in the dispute window)\n",
			morString(st.Earnings.Pending), time.Unix(int64(st.Earnings.PendingClaimableAt), 0).UTC().Format(time.RFC3339))
	}
	if st.Earnings.Note != "" {
		fmt.Fprintf(w, "            (%s)\n", st.Earnings.Note)
	}
}
