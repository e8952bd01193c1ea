package guard_test

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/protocol/wire"
)

// TestGuardVetoesARecordStartingAfterTheCommit (from a review): a hostile keeper commits an inflated root
// whose file holds a real session record rewritten as expired (billing nothing, so no close time is
// checked) with createdAt a month after the commit and no closeSignature (the only signature over
// createdAt). The chain is not final past that start, so verifying the record only says "not yet"
// (ErrSignersNotFinal): before, the guard logged "check incomplete" every step, never compared the credits,
// and let the root become claimable unchecked. No keeper could have verified a session starting after its
// commit: a finding, vetoed at once.
func TestGuardVetoesARecordStartingAfterTheCommit(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	env := testenv.New(t, ctx, testenv.Options{DisputeWindow: 3600})
	client, err := chain.Dial(ctx, []string{env.Anvil.URL}, chain.Options{})
	require.NoError(t, err)
	t.Cleanup(client.Close)
	head, err := client.HeaderByNumber(ctx, nil)
	require.NoError(t, err)

	rec := env.RecordSpec(t, testenv.Spec{Nonce: 1, Seconds: 100, MaxSeconds: 600, Price: 1_000_000, Created: head.Time - 120,
		Closed: head.Time - 5})
	rec.CloseReason, rec.BilledSeconds, rec.CloseSignature = wire.CloseExpired, 0, nil
	rec.CreatedAt = head.Time + 30*86400
	raw, err := json.Marshal(&rec)
	require.NoError(t, err)
	root, total, bf := tree(t, map[string]uint64{env.Provider.Hex(): 50_000}) // credited with no session billing anything
	bf.ChainID, bf.ComputePool, bf.Epoch, bf.Sessions = env.ChainID, env.PoolAddr, 0, []json.RawMessage{raw}
	file, err := json.Marshal(bf)
	require.NoError(t, err)
	srv := httptest.NewServer(&files{byID: map[string][]byte{"/v1/batches/0": file}})
	defer srv.Close()
	env.CommitRoot(0, root, total, hashOf(file), srv.URL+"/v1/batches/0")

	g, logs := vetoingGuard(t, ctx, env.Chain, client, client)
	require.NoError(t, g.Step(ctx))
	var found bool
	for _, e := range logs.FilterMessage("batch file has problems: vetoing").All() {
		for _, p := range e.ContextMap()["problems"].([]any) {
			found = found || strings.Contains(p.(string), "no keeper could have verified it")
		}
	}
	require.True(t, found, "%v", logs.All())
	require.True(t, saidAt(logs, "epoch vetoed", 0), "%v", logs.All())
	require.Equal(t, uint64(0), nextEpoch(t, ctx, env.Chain), "the inflated root discarded")
}
