package server

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
)

// TestReportToRouterBeforeAcceptances: a router from before ticket acceptances refuses the unknown member
// (400, strict decoding); the provider reports the close again without it, so the close still counts there.
func TestReportToRouterBeforeAcceptances(t *testing.T) {
	var got []wire.CloseRequest
	old := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			Receipt           eip712.UsageReceipt `json:"receipt"`
			ProviderSignature *eip712.Signature   `json:"providerSignature"`
		}
		var buf bytes.Buffer
		_, _ = buf.ReadFrom(r.Body)
		dec := json.NewDecoder(bytes.NewReader(buf.Bytes()))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil {
			wire.WriteError(w, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "close body: %v", err))
			return
		}
		var cr wire.CloseRequest
		require.NoError(t, json.Unmarshal(buf.Bytes(), &cr))
		got = append(got, cr)
		wire.WriteJSON(w, http.StatusOK, map[string]string{})
	}))
	defer old.Close()
	s := &Server{client: old.Client()}
	sig := eip712.Signature{1}
	require.NoError(t, s.reportTo([]string{old.URL}, wire.CloseRequest{Receipt: eip712.UsageReceipt{Seconds: 3}, ProviderSignature: &sig, TicketAcceptance: &sig}))
	require.Len(t, got, 1)
	require.Nil(t, got[0].TicketAcceptance)
	require.Equal(t, uint32(3), got[0].Receipt.Seconds)
}
