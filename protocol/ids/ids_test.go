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
