package deployments

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"
)

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(body), 0o600))
		return p
	}
	good := write("good.json", `{"chainId": 31337, "startBlock": 7, "payoutStart": 100, "interval": 86400,
		"contracts": {"MORToken": "0x5FbDB2315678afecb367f032d93F642f64180aa3"}}`)
	d, err := Load(good)
	require.NoError(t, err)
	require.Equal(t, uint64(31337), d.ChainID)
	require.Equal(t, uint64(7), d.StartBlock)
	a, err := d.Address("MORToken")
	require.NoError(t, err)
	require.Equal(t, common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3"), a)
	_, err = d.Address("ComputePool")
	require.ErrorIs(t, err, ErrMissingContract)

	_, err = Load(write("bad.json", `{"chainId": `))
	require.ErrorContains(t, err, "parse")
	_, err = Load(write("empty.json", `{"chainId": 1, "contracts": {}}`))
	require.ErrorContains(t, err, "no chainId or no contracts")
	_, err = Load(filepath.Join(dir, "missing.json"))
	require.ErrorIs(t, err, os.ErrNotExist)
}
