package wire_test

import (
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/wire"
)

// TestBatchPath: the committed uri's path names the epoch and the file's keccak256 in lowercase 0x-hex, and
// its hash segment reads back; anything but 0x and 64 hex digits is refused.
func TestBatchPath(t *testing.T) {
	h := common.HexToHash("0xABCDEF0000000000000000000000000000000000000000000000000000000012")
	require.Equal(t, "/v1/batches/7", wire.EpochBatchPath(7))
	p := wire.BatchPath(7, h)
	require.Equal(t, "/v1/batches/7/0xabcdef0000000000000000000000000000000000000000000000000000000012", p)
	got, err := wire.ParseBatchHash(p[strings.LastIndex(p, "/")+1:])
	require.NoError(t, err)
	require.Equal(t, h, got)
	for _, bad := range []string{"", "0x", "0x12", h.Hex()[2:], h.Hex() + "0", "0x" + strings.Repeat("z", 64)} {
		_, err := wire.ParseBatchHash(bad)
		require.Error(t, err, bad)
	}
}
