package keys_test

import (
	"context"
	"encoding/json"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/bindings/computepool"
	"github.com/laketravis/laketravis/internal/cleftest"
	"github.com/laketravis/laketravis/keys"
	"github.com/laketravis/laketravis/protocol/eip712"
)

// TestClefSigner: typed data and transactions signed by a real clef (its UI approving over stdio) carry
// the signatures the in-process key makes for the same input: byte-equal for EIP-712 (RFC 6979) and the
// same sender for the transaction; each went through clef's approval.
func TestClefSigner(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	const chainID = 31337
	c := cleftest.Start(t, key, chainID)
	local := keys.NewKeySigner(key, chainID)

	s, err := keys.LoadSigner(ctx, keys.Source{External: c.URL}, chainID)
	require.NoError(t, err, "the only account clef lists")
	require.Equal(t, c.Account, s.Address())
	require.Len(t, c.Approvals("ui_approveListing"), 1)

	d := eip712.NewDomain(chainID, common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3"))
	rfc := &eip712.RFC{User: c.Account, ModelID: crypto.Keccak256Hash([]byte("llama3:8b")), MaxPricePerSecond: *uint256.NewInt(1e15),
		MaxSeconds: 600, Nonce: 7, Deadline: 1_900_000_000, SessionKey: common.Address{0x5e}}
	sig, err := s.SignTyped(ctx, d, rfc)
	require.NoError(t, err)
	want, err := local.SignTyped(ctx, d, rfc)
	require.NoError(t, err)
	require.Equal(t, want, sig, "clef's signature is the wallet signature of the same typed data")
	signs := c.Approvals("ui_approveSignData")
	require.Len(t, signs, 1)
	var req struct {
		ContentType string `json:"content_type"`
		Hash        string `json:"hash"`
	}
	require.NoError(t, json.Unmarshal(signs[0].Params, &req))
	require.Equal(t, "data/typed", req.ContentType)
	require.Equal(t, d.Digest(rfc).Hex(), req.Hash, "clef computed our EIP-712 digest")

	// Typed data of another domain: an ERC-2612 permit of the MOR token.
	permit := keys.Permit{Owner: c.Account, Spender: common.Address{0x5b}, Value: big.NewInt(1e18), Nonce: big.NewInt(4),
		Deadline: big.NewInt(1_900_000_000)}.TypedData(keys.PermitDomain{Name: "Morpheus", Version: "1",
		ChainID: big.NewInt(chainID), VerifyingContract: common.Address{0x70}})
	psig, err := s.SignTypedData(ctx, permit)
	require.NoError(t, err)
	pwant, err := local.SignTypedData(ctx, permit)
	require.NoError(t, err)
	require.Equal(t, pwant, psig, "clef's permit signature is the in-process key's")
	signs = c.Approvals("ui_approveSignData")
	require.Len(t, signs, 2)
	require.NoError(t, json.Unmarshal(signs[1].Params, &req))
	digest, _, err := apitypes.TypedDataAndHash(permit)
	require.NoError(t, err)
	require.Equal(t, common.BytesToHash(digest).Hex(), req.Hash, "clef hashed the permit as we do")

	to := common.Address{0xaa}
	pool, err := computepool.ComputePoolMetaData.GetAbi()
	require.NoError(t, err)
	data, err := pool.Pack("commitRoot", big.NewInt(1), common.Hash{1}, big.NewInt(2), common.Hash{3}, big.NewInt(4), big.NewInt(6),
		common.Hash{5}, "http://keeper.example/v1/batches/1") // a keeper call clef's 4byte database does not know
	require.NoError(t, err)
	tx := types.NewTx(&types.DynamicFeeTx{ChainID: big.NewInt(chainID), Nonce: 3, GasTipCap: big.NewInt(1e9),
		GasFeeCap: big.NewInt(3e9), Gas: 50_000, To: &to, Value: big.NewInt(5), Data: data})
	signed, err := s.SignTx(ctx, tx)
	require.NoError(t, err)
	sender, err := types.Sender(types.LatestSignerForChainID(big.NewInt(chainID)), signed)
	require.NoError(t, err)
	require.Equal(t, c.Account, sender)
	mine, err := local.SignTx(ctx, tx)
	require.NoError(t, err)
	require.Equal(t, mine.Hash(), signed.Hash(), "the same transaction, the same deterministic signature")
	approved := c.Approvals("ui_approveTx")
	require.Len(t, approved, 1)
	require.Contains(t, string(approved[0].Params), "invokes the following method: \\\"commitRoot(uint256: 1,",
		"clef was told the method and decoded the call with it")

	// Another chain's transaction is refused before clef is asked.
	other := types.NewTx(&types.DynamicFeeTx{ChainID: big.NewInt(1), Nonce: 3, Gas: 21_000, To: &to,
		GasTipCap: big.NewInt(1), GasFeeCap: big.NewInt(1)})
	_, err = s.SignTx(ctx, other)
	require.ErrorIs(t, err, keys.ErrExternalSigner)
	require.Len(t, c.Approvals("ui_approveTx"), 1)

	// A named account clef does not hold: clef cannot sign for it.
	stranger, err := keys.DialClef(ctx, c.URL, common.Address{0x01}.Hex(), chainID)
	require.NoError(t, err)
	defer stranger.Close()
	_, err = stranger.SignTyped(ctx, d, rfc)
	require.ErrorIs(t, err, keys.ErrExternalSigner)

	_, err = keys.Load(keys.Source{External: c.URL}, chainID)
	require.ErrorIs(t, err, keys.ErrExternalKey)
}

// BenchmarkClefSignTyped measures one EIP-712 signature through clef (HTTP on loopback, the UI approving
// at once over stdio, the keystore decrypted for each request as clef does): the floor of what a role
// signing through clef pays per message; a person approving adds seconds.
func BenchmarkClefSignTyped(b *testing.B) {
	_, s := cleftest.StartSigner(b, 31337)
	ctx := context.Background()
	d := eip712.NewDomain(31337, common.Address{0x01})
	liveness := &eip712.Liveness{}
	b.ResetTimer()
	for i := range b.N {
		liveness.Timestamp = uint64(i)
		_, err := s.SignTyped(ctx, d, liveness)
		require.NoError(b, err)
	}
}

// BenchmarkClefSignTx measures one transaction signed through clef (account_signTransaction with the
// method signature, the UI approving at once): what each owner, lt or keeper transaction adds before it
// is sent.
func BenchmarkClefSignTx(b *testing.B) {
	_, s := cleftest.StartSigner(b, 31337)
	ctx := context.Background()
	to := common.Address{0xaa}
	b.ResetTimer()
	for i := range b.N {
		tx := types.NewTx(&types.DynamicFeeTx{ChainID: big.NewInt(31337), Nonce: uint64(i), GasTipCap: big.NewInt(1e9),
			GasFeeCap: big.NewInt(3e9), Gas: 21_000, To: &to, Value: big.NewInt(1)})
		_, err := s.SignTx(ctx, tx)
		require.NoError(b, err)
	}
}
