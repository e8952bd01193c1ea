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

// TestCloseSignature: the close digest is the typed-data document's (what clef signs), a signature of it
// recovers to the signing key for that close only: another date, reason, billed seconds, receipt, ticket or
// chain recovers to another address.
func TestCloseSignature(t *testing.T) {
	d, ticket := vectorTicket()
	receipt := eip712.UsageReceipt{SessionID: common.Hash{1}, Seconds: 120, InputTokens: 10, OutputTokens: 20, TTFTMs: 300}
	c := Close{Ticket: &ticket, Receipt: &receipt, CreatedAt: 1_800_000_000, ClosedAt: 1_800_000_130, Reason: "receipt", BilledSeconds: 120}
	digest, _, err := apitypes.TypedDataAndHash(CloseTypedData(d, &c))
	require.NoError(t, err)
	require.Equal(t, common.BytesToHash(digest), CloseDigest(d, &c))
	expired := Close{Ticket: &ticket, CreatedAt: 1_800_000_000, ClosedAt: 1_800_001_000, Reason: "expired"}
	digest, _, err = apitypes.TypedDataAndHash(CloseTypedData(d, &expired))
	require.NoError(t, err)
	require.Equal(t, common.BytesToHash(digest), CloseDigest(d, &expired), "no receipt: the zero word")
	// A fixed vector for other implementations (protocol/README.md).
	require.Equal(t, "0xa65a987571998288dc1ab35daa1741c524a5483669424c1300ff07f6545cf7bc", CloseDigest(d, &c).Hex())

	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	me := crypto.PubkeyToAddress(key.PublicKey)
	sig, err := SignClose(d, &c, key)
	require.NoError(t, err)
	got, err := CloseSigner(d, &c, &sig)
	require.NoError(t, err)
	require.Equal(t, me, got)

	other := ticket
	other.PricePerSecond = *uint256.NewInt(99)
	less := receipt
	less.Seconds = 119
	for name, change := range map[string]func(c *Close){
		"createdAt":     func(c *Close) { c.CreatedAt-- },
		"closedAt":      func(c *Close) { c.ClosedAt-- },
		"closeReason":   func(c *Close) { c.Reason = "one_sided" },
		"billedSeconds": func(c *Close) { c.BilledSeconds-- },
		"receipt":       func(c *Close) { c.Receipt = &less },
		"no receipt":    func(c *Close) { c.Receipt = nil },
		"ticket":        func(c *Close) { c.Ticket = &other },
	} {
		moved := c
		change(&moved)
		got, err := CloseSigner(d, &moved, &sig)
		require.True(t, err != nil || got != me, "a close signature binds its %s", name)
	}
	got, err = CloseSigner(eip712.NewDomain(1, common.Address{0xaa}), &c, &sig)
	require.True(t, err != nil || got != me, "a close signature binds one chain")
}
