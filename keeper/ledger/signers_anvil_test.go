package ledger_test

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/protocol/wire"
)

// TestProviderSignerNotReusableAnvil (THREATS.md, provider: reuse another provider's signer): two providers
// registered on anvil, each with a signer of its own, and the keeper's ChainRegistry reading the real
// Marketplace (no cache). A receipt of provider A's session countersigned by provider B's signer is
// rejected (bad_provider_signature), and so is B's session countersigned by A's; B cannot register A's
// signer as its own. After A rotates to a new signer, A's receipts signed by the old key or the new one
// are credited (a receipt signed before a rotation stays valid), B's countersigned by either still are not.
func TestProviderSignerNotReusableAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	env := testenv.New(t, ctx, testenv.Options{})
	reg, err := ledger.NewChainRegistry(ctx, env.MarketAddr, env.Addr("ModelRegistry"), env.Client, 0)
	require.NoError(t, err)
	v := &ledger.Verifier{Domain: env.Domain, Registry: reg}

	// Provider B: account 9, a signer of its own, staked like A.
	ownerB := devnet.DevKey(9)
	provB := crypto.PubkeyToAddress(ownerB.PublicKey)
	signerB, _ := crypto.ToECDSA(crypto.Keccak256([]byte("provider B signer")))
	require.NoError(t, env.Market.FundMOR(ctx, provB, devnet.MOR(100)))
	require.NoError(t, env.Market.RegisterProvider(ctx, ownerB, crypto.PubkeyToAddress(signerB.PublicKey), "https://b.example", devnet.MOR(100)))

	const price = 1_000_000_000_000
	nonce := uint64(0)
	// session makes a fresh record of provider's session countersigned by signer.
	session := func(provider *ecdsa.PrivateKey, signer *ecdsa.PrivateKey) wire.SessionRecord {
		nonce++
		return testenv.MakeRecord(t, env.Domain, crypto.PubkeyToAddress(provider.PublicKey), signer, env.ModelID, nonce, 100, 600, price)
	}
	check := func(r wire.SessionRecord, wantCode string) {
		t.Helper()
		raw, err := json.Marshal(r)
		require.NoError(t, err)
		s, err := v.Verify(ctx, "feed", raw)
		if wantCode == "" {
			require.NoError(t, err)
			require.Equal(t, uint32(100), s.Seconds)
			return
		}
		rej, ok := ledger.IsRejection(err)
		require.True(t, ok, "%v", err)
		require.Equal(t, wantCode, rej.Code, rej.Detail)
	}
	ownerA := devnet.DevKey(testenv.ProviderKey)

	check(session(ownerA, env.Signer), "")
	check(session(ownerB, signerB), "")
	check(session(ownerA, signerB), ledger.RejectBadProviderSig)
	check(session(ownerB, env.Signer), ledger.RejectBadProviderSig)

	_, err = env.Market.Send(ctx, ownerB, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return env.Marketplace.UpdateProvider(o, "https://b.example", crypto.PubkeyToAddress(env.Signer.PublicKey))
	})
	require.ErrorContains(t, err, "custom error 0xf476ac0d", "B cannot take A's signer: SignerInUse(signer, A)")

	// A rotates its signer.
	newSignerA, _ := crypto.ToECDSA(crypto.Keccak256([]byte("provider A signer, rotated")))
	_, err = env.Market.Send(ctx, ownerA, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return env.Marketplace.UpdateProvider(o, "https://provider.example", crypto.PubkeyToAddress(newSignerA.PublicKey))
	})
	require.NoError(t, err)
	check(session(ownerA, newSignerA), "")
	check(session(ownerA, env.Signer), "")
	check(session(ownerB, newSignerA), ledger.RejectBadProviderSig)
	check(session(ownerB, env.Signer), ledger.RejectBadProviderSig)
	check(session(ownerA, signerB), ledger.RejectBadProviderSig)
}
