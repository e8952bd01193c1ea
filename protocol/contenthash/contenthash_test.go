package contenthash

import (
	"crypto/sha256"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"
)

func TestRoundTripAndKnownCID(t *testing.T) {
	// The empty UnixFS directory, as kubo prints it with --cid-version=1.
	const emptyDir = "bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf354"
	h, err := Parse(emptyDir)
	require.NoError(t, err)
	require.Equal(t, emptyDir, CID(h))

	for i := range 50 {
		h := common.Hash(sha256.Sum256([]byte{byte(i)}))
		got, err := Parse(CID(h))
		require.NoError(t, err)
		require.Equal(t, h, got)
	}
}

func TestRefusesOtherCIDs(t *testing.T) {
	for _, c := range []string{
		"bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku", // raw leaf (codec 0x55)
		"QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn",              // CIDv0 text
		"bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf35",  // truncated
		"b!!!", "", "bafy",
	} {
		_, err := Parse(c)
		require.Error(t, err, c)
	}
}
