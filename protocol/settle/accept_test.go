package settle

import (
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/eip712"
)

// TestAcceptance: the acceptance digest is the typed-data document's (what clef signs), it recovers to the
// provider's key for the ticket it accepted and to another address for any other ticket of the session (a
// re-ticket at another price, or the same ticket under another domain).
func TestAcceptance(t *testing.T) {
	d := eip712.NewDomain(31337, common.Address{0xaa})
	ticket := eip712.SessionTicket{SessionID: common.Hash{1}, User: common.Address{2}, Provider: common.Address{3}, ModelID: common.Hash{4},
		PricePerSecond: *uint256.NewInt(100), MaxSeconds: 600, NotAfter: 1_800_000_700, SessionKey: common.Address{5}}
	digest, _, err := apitypes.TypedDataAndHash(AcceptanceTypedData(d, &ticket))
	require.NoError(t, err)
	require.Equal(t, common.BytesToHash(digest), AcceptanceDigest(d, &ticket))
	// A fixed vector for other implementations (protocol/README.md).
	require.Equal(t, "0xb0baccf398580401759fd9c8129a1f68114e737710b2d6681dc8632d8d92c479", AcceptanceDigest(d, &ticket).Hex())

	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	sig, err := SignAcceptance(d, &ticket, key)
	require.NoError(t, err)
	got, err := AcceptanceSigner(d, &ticket, &sig)
	require.NoError(t, err)
	require.Equal(t, crypto.PubkeyToAddress(key.PublicKey), got)

	cheaper := ticket
	cheaper.PricePerSecond = *uint256.NewInt(99)
	got, err = AcceptanceSigner(d, &cheaper, &sig)
	require.True(t, err != nil || got != crypto.PubkeyToAddress(key.PublicKey), "an acceptance binds one ticket")
	got, err = AcceptanceSigner(eip712.NewDomain(1, common.Address{0xaa}), &ticket, &sig)
	require.True(t, err != nil || got != crypto.PubkeyToAddress(key.PublicKey), "an acceptance binds one chain")
}
