package eip712_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/protocol/eip712"
)

// castSign signs the typed-data document at path with Foundry's cast, as a user would
// (devnet.CastSignTypedData). A missing toolchain fails the test: `make test` installs it, and skipping
// would hide a broken check.
func castSign(t *testing.T, path, key string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	sig, err := devnet.CastSignTypedData(ctx, path, key)
	require.NoError(t, err)
	return sig
}

// walletVector is one message under one domain, signed by every independent wallet implementation.
type walletVector struct {
	name   string
	domain *eip712.Domain
	msg    eip712.Message
}

func walletVectors() []walletVector {
	noKey := sampleRFC()
	noKey.SessionKey, noKey.UseDeposit = common.Address{}, false
	noKeyTicket := sampleTicket()
	noKeyTicket.SessionKey, noKeyTicket.UseDeposit = common.Address{}, false
	return []walletVector{
		{"RFC", eip712.NewDomain(testChainID, testMarketplace), sampleRFC()},
		{"RFC-max", eip712.NewDomain(testChainID, testMarketplace), maxRFC()},
		{"RFC-no-session-key", eip712.NewDomain(testChainID, testMarketplace), noKey},
		{"RFC-mainnet", eip712.NewDomain(1, common.HexToAddress("0x47176B2Af9885dC6C4575d4eFd63895f7Aaa4790")), sampleRFC()},
		{"SessionTicket", eip712.NewDomain(testChainID, testMarketplace), sampleTicket()},
		{"SessionTicket-no-session-key", eip712.NewDomain(testChainID, testMarketplace), noKeyTicket},
		{"UsageReceipt", eip712.NewDomain(testChainID, testMarketplace), sampleReceipt()},
		{"Liveness", eip712.NewDomain(testChainID, testMarketplace), sampleLiveness()},
		{"SignerClaim", eip712.NewDomain(testChainID, testMarketplace), sampleSignerClaim()},
	}
}

// TestJSWalletsSignatureMatch: the typed-data documents this package produces, handed as they are to
// ethers' Wallet.signTypedData and viem's account.signTypedData (the repo's pinned npm copies, through
// testdata/jssign.mjs), give our own signatures byte for byte.
func TestJSWalletsSignatureMatch(t *testing.T) {
	root, err := devnet.RepoRoot()
	require.NoError(t, err)
	for _, pkg := range []string{"ethers", "viem"} {
		if _, err := os.Stat(filepath.Join(root, "node_modules", pkg, "package.json")); err != nil {
			t.Fatalf("%s is not installed in %s/node_modules (%v): run `make setup`", pkg, root, err)
		}
	}
	key := anvilKey(t)
	dir := t.TempDir()
	vs := walletVectors()
	args := []string{filepath.Join(root, "protocol", "eip712", "testdata", "jssign.mjs"), "0x" + anvilKeyHex}
	for _, v := range vs {
		doc, err := v.domain.TypedData(v.msg)
		require.NoError(t, err)
		path := filepath.Join(dir, v.name+".json")
		require.NoError(t, os.WriteFile(path, doc, 0o600))
		args = append(args, path)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", args...)
	cmd.Dir = root
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	require.NoError(t, cmd.Run(), "node jssign.mjs: %s", stderr.String())
	var got []struct{ Ethers, Viem string }
	require.NoError(t, json.Unmarshal(stdout.Bytes(), &got), stdout.String())
	require.Len(t, got, len(vs))
	for i, v := range vs {
		ours, err := v.domain.Sign(v.msg, key)
		require.NoError(t, err)
		require.Equal(t, ours.String(), got[i].Ethers, "ethers, %s", v.name)
		require.Equal(t, ours.String(), got[i].Viem, "viem, %s", v.name)
	}
}

// TestCastSignatureMatches: the typed-data document this package produces, signed by an independent
// wallet implementation (Foundry cast), recovers to the signer and equals our own signature byte for byte.
func TestCastSignatureMatches(t *testing.T) {
	key := anvilKey(t)
	want := common.HexToAddress(anvilAddress)
	dir := t.TempDir()

	for _, tt := range walletVectors() {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := tt.domain.TypedData(tt.msg)
			require.NoError(t, err)
			path := filepath.Join(dir, tt.name+".json")
			require.NoError(t, os.WriteFile(path, doc, 0o600))

			castSig := castSign(t, path, "0x"+anvilKeyHex)
			require.Len(t, castSig, eip712.SignatureLength)

			digest := tt.domain.Digest(tt.msg)
			got, err := eip712.Recover(digest, castSig)
			require.NoError(t, err)
			require.Equal(t, want, got, "cast's signature recovers to another address: digests differ")

			ours, err := eip712.Sign(digest, key)
			require.NoError(t, err)
			require.Equal(t, hexutil.Encode(castSig), hexutil.Encode(ours[:]), "Sign differs from cast")
		})
	}
}
