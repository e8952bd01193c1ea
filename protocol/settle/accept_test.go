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
// re-ticket at another price, the same ticket under another domain, or the same ticket signed by another
// router key).
func TestAcceptance(t *testing.T) {
	d, ticket := vectorTicket()
	router := common.Address{6}
	digest, _, err := apitypes.TypedDataAndHash(AcceptanceTypedData(d, &ticket, router))
	require.NoError(t, err)
	require.Equal(t, common.BytesToHash(digest), AcceptanceDigest(d, &ticket, router))
	// A fixed vector for other implementations (protocol/README.md).
	require.Equal(t, "0xbe0c8cd4736a98a732b5aaa6fc0447745eb757c26bda8492895b7913cb3c1ba4", AcceptanceDigest(d, &ticket, router).Hex())

	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	sig, err := SignAcceptance(d, &ticket, router, key)
	require.NoError(t, err)
	got, err := AcceptanceSigner(d, &ticket, router, &sig)
	require.NoError(t, err)
	require.Equal(t, crypto.PubkeyToAddress(key.PublicKey), got)

	cheaper := ticket
	cheaper.PricePerSecond = *uint256.NewInt(99)
	got, err = AcceptanceSigner(d, &cheaper, router, &sig)
	require.True(t, err != nil || got != crypto.PubkeyToAddress(key.PublicKey), "an acceptance binds one ticket")
	got, err = AcceptanceSigner(eip712.NewDomain(1, common.Address{0xaa}), &ticket, router, &sig)
	require.True(t, err != nil || got != crypto.PubkeyToAddress(key.PublicKey), "an acceptance binds one chain")
	got, err = AcceptanceSigner(d, &ticket, common.Address{7}, &sig)
	require.True(t, err != nil || got != crypto.PubkeyToAddress(key.PublicKey), "an acceptance binds the router that signed the ticket")
}

// vectorTicket is the domain and ticket of the acceptance and close signature vectors (protocol/README.md):
// chain 31337, Marketplace 0xaa00…00, each address or hash its first byte, the rest zero.
func vectorTicket() (*eip712.Domain, eip712.SessionTicket) {
	return eip712.NewDomain(31337, common.Address{0xaa}), eip712.SessionTicket{SessionID: common.Hash{1}, User: common.Address{2},
		Provider: common.Address{3}, ModelID: common.Hash{4}, PricePerSecond: *uint256.NewInt(100), MaxSeconds: 600,
		NotAfter: 1_800_000_700, SessionKey: common.Address{5}}
}
