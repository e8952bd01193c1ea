package cli_test

import (
	"context"
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/devnet/devnettest"
	"github.com/laketravis/laketravis/internal/cleftest"
	"github.com/laketravis/laketravis/protocol/merkle"
	"github.com/laketravis/laketravis/protocol/wire"
)

// TestOwnerKeyThroughClef runs the owner's commands — register (stake permit), bid set, stake add
// (permit), claim (a committed root's proof) and unstake request — with the owner key held only by a
// real clef on anvil: clef is asked for exactly one typed-data signature per permit (the ERC-2612
// Permit under the MOR token's domain) and one approval per transaction, shown with its method; a dry
// run asks nothing; the stake and the claim land. Requests clef refuses fail with its error and send
// nothing.
func TestOwnerKeyThroughClef(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	const window = 60
	c := devnettest.StartReleased(t, devnet.DeployOptions{DisputeWindow: window})
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	clef := cleftest.Start(t, key, c.ChainID)
	owner := clef.Account
	require.NoError(t, c.FundETH(ctx, owner, big.NewInt(1e18)))
	require.NoError(t, c.FundMOR(ctx, owner, devnet.MOR(150)))
	// No keystore anywhere: an empty keys dir, the owner only in clef.
	r := &runner{t: t, base: []string{"--rpc", c.Anvil.URL, "--deployment", c.DeploymentFile(), "--keys-dir", t.TempDir(),
		"--owner-external-signer", clef.URL, "--owner", owner.Hex()}}
	permits := func() int {
		n := 0
		for _, a := range clef.Approvals("ui_approveSignData") {
			var req struct {
				ContentType string `json:"content_type"`
				Messages    []struct {
					Name string `json:"name"`
				} `json:"messages"`
			}
			require.NoError(t, json.Unmarshal(a.Params, &req))
			require.Equal(t, "data/typed", req.ContentType)
			require.Equal(t, "Permit", req.Messages[len(req.Messages)-1].Name, "the primary type")
			n++
		}
		return n
	}

	// The signer key in a clef of its own: it signs the SignerClaim register needs, once, and nothing else.
	signerKey, err := crypto.GenerateKey()
	require.NoError(t, err)
	signerClef := cleftest.Start(t, signerKey, c.ChainID)
	signer := signerClef.Account
	out := r.ok("register", "--endpoint", "http://127.0.0.1:8080", "--external-signer", signerClef.URL, "--stake", "100MOR")
	require.Contains(t, out, "registered "+owner.Hex()+" with 100 MOR staked, signer "+signer.Hex())
	require.Equal(t, 1, permits())
	claims := signerClef.Approvals("ui_approveSignData")
	require.Len(t, claims, 1)
	require.Contains(t, string(claims[0].Params), "SignerClaim")
	// Without --signer or --external-signer-account the CLI asks clef which account it holds first: one
	// listing approval before the claim (keys/README.md).
	require.Len(t, signerClef.Approvals("ui_approveListing"), 1)
	registered, err := c.Marketplace.SignerOf(&bind.CallOpts{Context: ctx}, owner)
	require.NoError(t, err)
	require.Equal(t, signer, registered)
	c.RegisterModel(devnet.DevKey(7), "llama", "q4", 500)
	require.Contains(t, r.ok("bid", "set", "--model", "llama:q4", "--price", "0.001MOR/s", "--dry-run"), "dry run, not sent")
	require.Empty(t, clef.Calls()[1:], "a dry run asks clef nothing")
	require.Contains(t, r.ok("bid", "set", "--model", "llama:q4", "--price", "0.001MOR/s"), "bid on llama:q4")
	require.Contains(t, r.ok("stake", "add", "--amount", "10MOR"), "added 10 MOR")
	require.Equal(t, 2, permits())

	// A claim: the owner's credit in a committed root, claimable once the dispute window has passed.
	earned, other := devnet.MOR(1), devnet.MOR(2)
	earned.Div(earned, big.NewInt(1000))
	other.Div(other, big.NewInt(1000))
	tree, err := merkle.Build([]merkle.Entry{{Account: owner, Amount: *uint256.MustFromBig(earned)},
		{Account: common.Address{0x99}, Amount: *uint256.MustFromBig(other)}})
	require.NoError(t, err)
	c.CommitRoot(0, tree.Root(), new(big.Int).Add(earned, other), common.Hash{0xba}, "")
	c.Warp(window + 1)
	path, cum, err := tree.Proof(owner)
	require.NoError(t, err)
	proof, err := json.Marshal(wire.Proof{Account: owner, CumulativeAmount: &cum, Proof: path, Root: tree.Root()})
	require.NoError(t, err)
	proofFile := filepath.Join(t.TempDir(), "proof.json")
	require.NoError(t, os.WriteFile(proofFile, proof, 0o600))
	call := &bind.CallOpts{Context: ctx}
	before, err := c.Token.BalanceOf(call, owner)
	require.NoError(t, err)
	require.Contains(t, r.ok("claim", "--proof-file", proofFile), "claimed 0.001 MOR")
	after, err := c.Token.BalanceOf(call, owner)
	require.NoError(t, err)
	require.Equal(t, new(big.Int).Add(before, earned).String(), after.String(), "the claim paid the owner")
	require.Contains(t, r.ok("unstake", "request", "--amount", "30MOR"), "unbonding 30 MOR")

	// Refused: a transaction and a permit; nothing reaches the chain.
	nonce, err := c.Client.PendingNonceAt(ctx, owner)
	require.NoError(t, err)
	clef.Deny(true)
	r.fails("account_signTransaction: request denied", "bid", "delete", "--model", "llama:q4")
	r.fails("account_signTypedData: request denied", "stake", "add", "--amount", "1MOR")
	require.Len(t, clef.Approvals("denied ui_approveTx"), 1)
	require.Len(t, clef.Approvals("denied ui_approveSignData"), 1)
	sent, err := c.Client.PendingNonceAt(ctx, owner)
	require.NoError(t, err)
	require.Equal(t, nonce, sent, "nothing sent")
	p, err := c.Marketplace.GetProvider(call, owner)
	require.NoError(t, err)
	require.Equal(t, devnet.MOR(80).String(), p.Stake.String(), "100 + 10 staked, 30 unbonding")
	require.Equal(t, signer, p.Signer)

	want := []string{"registerWithPermit(", "postBid(", "addStakeWithPermit(", "claim(", "requestUnstake("}
	got := clef.Calls()
	require.Len(t, got, len(want), "one approval per transaction, none for the dry run")
	for i := range want {
		require.Contains(t, got[i], want[i], i)
	}
	require.Equal(t, 2, permits(), "typed data only for the two permits")
}
