package api_test

import (
	"encoding/json"
	"io"
	"net/http"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/router/book"
)

// /v1/models counts, per model, the bidding providers whose latest liveness answer reported the model's
// weights (its content hash) verified and seeded; a report of other content, or beyond wire.MaxSeeding
// entries, does not count, and a provider that stops seeding stops counting.
func TestModelsCountSeeders(t *testing.T) {
	weights := common.HexToHash("0x5eed")
	p1, p2 := newStandIn(t, 2), newStandIn(t, 2)
	e := newEnv(t, 1e15, []*standIn{p1, p2}, []uint64{1e9, 2e9})
	snap := *e.book.Snapshot()
	snap.Models = map[common.Hash]book.Model{modelID: {ID: modelID, Name: "llama:8b", ContentHash: weights}}
	e.book.snap.Store(&snap)

	seeders := func() int {
		resp, err := http.Get(e.url + "/v1/models")
		require.NoError(t, err)
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		var out struct {
			Models []struct {
				ContentHash common.Hash `json:"contentHash"`
				Providers   int         `json:"providers"`
				Seeders     int         `json:"seeders"`
			} `json:"models"`
		}
		require.NoError(t, json.Unmarshal(b, &out), string(b))
		require.Len(t, out.Models, 1)
		require.Equal(t, 2, out.Models[0].Providers)
		return out.Models[0].Seeders
	}
	probe := func(seeding []common.Hash) { // an RFC makes the router probe the cheapest provider, p1
		p1.seeding.Store(seeding)
		code, b := e.post("/v1/rfc", e.sign(e.rfc(5e9, 60), domain))
		require.Equal(t, 200, code, string(b))
	}
	require.Equal(t, 0, seeders(), "nothing reported yet")
	probe([]common.Hash{common.HexToHash("0x0111"), weights})
	require.Equal(t, 1, seeders())
	probe([]common.Hash{common.HexToHash("0x0111")})
	require.Equal(t, 0, seeders(), "other content does not count")
	flood := make([]common.Hash, wire.MaxSeeding+1)
	for i := range flood {
		flood[i] = common.BigToHash(common.Big1)
	}
	flood[wire.MaxSeeding] = weights
	probe(flood)
	require.Equal(t, 0, seeders(), "entries beyond MaxSeeding are ignored")
}
