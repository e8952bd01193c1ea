package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/client"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
)

// TestCloseWithoutRouterAddressAsksPastAStranger: lt close of a saved session that has no router address
// (none of the --router list is known to be the session's) and whose provider does not know it: the first
// router, a stranger, answers unknown_session, which is not the session's answer (wire.IsSessionHoldersAnswer);
// the second, which holds the session, takes the close. lt close used to take the first router's
// unknown_session for the answer and fail, the session left open.
func TestCloseWithoutRouterAddressAsksPastAStranger(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	const chainID = 31337
	cfg, dep, market := testFiles(t, dir, chainID)

	sessionKey, _ := crypto.GenerateKey()
	provider := common.HexToAddress("0x00000000000000000000000000000000000000b1")
	id := common.HexToHash("0x5e55")
	price := uint256.NewInt(1)
	ticket := eip712.SessionTicket{SessionID: id, User: common.HexToAddress("0x00000000000000000000000000000000000000a1"),
		Provider: provider, PricePerSecond: *price, MaxSeconds: 60, NotAfter: 1 << 40, SessionKey: crypto.PubkeyToAddress(sessionKey.PublicKey)}

	unknown := func(w http.ResponseWriter, r *http.Request) {
		wire.WriteError(w, wire.Errorf(http.StatusNotFound, wire.CodeUnknownSession, "no session %s", id))
	}
	prov := httptest.NewServer(http.HandlerFunc(unknown)) // never received a request of the session
	t.Cleanup(prov.Close)
	var strangerCalls atomic.Int32
	stranger := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		strangerCalls.Add(1)
		unknown(w, r)
	}))
	t.Cleanup(stranger.Close)
	var taken atomic.Pointer[wire.CloseRequest]
	holder := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req wire.CloseRequest
		if r.Method != http.MethodPost || r.URL.Path != "/v1/sessions/"+id.Hex()+"/close" || json.NewDecoder(r.Body).Decode(&req) != nil {
			wire.WriteError(w, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "unexpected %s %s", r.Method, r.URL.Path))
			return
		}
		taken.Store(&req)
		wire.WriteJSON(w, http.StatusOK, wire.SessionRecord{SessionID: id, State: "closed", CloseReason: wire.CloseOneSided,
			Receipt: &req.Receipt, UserSignature: req.UserSignature})
	}))
	t.Cleanup(holder.Close)

	state := filepath.Join(dir, "sessions")
	require.NoError(t, os.MkdirAll(state, 0o700))
	st := client.State{Grant: wire.RFCResponse{SessionID: id, Provider: provider, Endpoint: prov.URL, PricePerSecond: price,
		MaxSeconds: 60, Ticket: ticket}, ChainID: chainID, Marketplace: market,
		SessionKey: hexutil.Encode(crypto.FromECDSA(sessionKey))} // RouterURL "": saved without it
	raw, _ := json.Marshal(st)
	saved := filepath.Join(state, strings.ToLower(id.Hex())+".json")
	require.NoError(t, os.WriteFile(saved, raw, 0o600))

	out, err := run(t, ctx, "close", "--session", id.Hex(), "--router", stranger.URL+","+holder.URL, "--deployment", dep,
		"--state-dir", state, "--config", cfg, "--json")
	require.NoError(t, err)
	var res client.CloseResult
	require.NoError(t, json.Unmarshal([]byte(out), &res))
	require.Equal(t, client.ClosedAtRouter, res.Via)
	require.Equal(t, int32(1), strangerCalls.Load(), "the stranger was asked first")
	require.NotNil(t, taken.Load(), "the session's router took the close")
	require.Equal(t, id, taken.Load().Receipt.SessionID)
	require.NoFileExists(t, saved, "the closed session is forgotten")
}
