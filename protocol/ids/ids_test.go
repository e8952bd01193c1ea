package ids_test

import (
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/ids"
)

func TestIDs(t *testing.T) {
	// Values computed by an independent tool (cast keccak "llama3:8b", cast keccak ROUTER_ROLE, ...).
	require.Equal(t, common.HexToHash("0xa4dec912d6dd24b224db8b32c54cea79fc4c2208b29f6937679d17c34672741e"), ids.ModelID("llama3:8b"))
	require.Equal(t, common.HexToHash("0x7a05a596cb0ce7fdea8a1e1ec73be300bdb35097c944ce1897202f7a13122eb2"), ids.RouterRole)
	require.Equal(t, common.HexToHash("0xfc8737ab85eb45125971625a9ebdb75cc78e01d5c1fa80c4c6e5203f47bc4fab"), ids.KeeperRole)
	require.Equal(t, common.HexToHash("0x55435dd261a4b9b3364963f7738a7a662ad9c84396d64be3365284bb7f0a5041"), ids.GuardianRole)
}

func TestNameCommitment(t *testing.T) {
	// keccak256(abi.encode(name, builder, salt)) computed by an independent tool (cast abi-encode
	// "f(string,address,bytes32)" …, then cast keccak), as ModelRegistry.nameCommitment does.
	builder := common.HexToAddress("0x00000000000000000000000000000000000000b1")
	salt := [32]byte{0x5a}
	require.Equal(t, common.HexToHash("0x2e4385597873b52b39572d9f918cf87784caab3d041992f63f6dd03dda8cec1d"), ids.NameCommitment("llama3", builder, salt))
	// A name longer than one word.
	require.Equal(t, common.HexToHash("0x54d0d55e68ac899f9321a0f9fcb480ab3d966188e9b5528ffa56fecfb4f9d481"),
		ids.NameCommitment("org/a-very-long-model-name.with-more-than-32-bytes", builder, salt))
	require.NotEqual(t, ids.NameCommitment("llama3", builder, salt), ids.NameCommitment("llama3", common.Address{0xb1}, salt))
}
