package server

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

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
	require.NoError(t, s.reportTo(context.Background(), []string{old.URL}, wire.CloseRequest{Receipt: eip712.UsageReceipt{Seconds: 3}, ProviderSignature: &sig, TicketAcceptance: &sig},
		time.Now().Add(time.Minute)))
	require.Len(t, got, 1)
	require.Nil(t, got[0].TicketAcceptance)
	require.Equal(t, uint32(3), got[0].Receipt.Seconds)
}

// TestReportRetriedUntilTheRouterIsBack: a router that answers 503 (or not at all) for longer than a few
// attempts still gets the close once it is back, as long as it would accept it (the ticket's notAfter plus
// settle.CloseWindow); a refusal ends the attempts at once; past that deadline, or at shutdown, the report
// is given up with an error saying why.
func TestReportRetriedUntilTheRouterIsBack(t *testing.T) {
	var calls atomic.Int32
	down := int32(6) // more rounds than the three attempts reports used to get
	router := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := calls.Add(1)
		switch {
		case r.URL.Path == "/v1/sessions/0x0000000000000000000000000000000000000000000000000000000000000009/close":
			wire.WriteError(w, wire.Errorf(http.StatusConflict, wire.CodeBadRequest, "refused"))
		case n <= down:
			wire.WriteError(w, wire.Errorf(http.StatusServiceUnavailable, wire.CodeUnavailable, "down for now"))
		default:
			wire.WriteJSON(w, http.StatusOK, map[string]string{})
		}
	}))
	defer router.Close()
	s := &Server{client: router.Client(), reportBackoff: time.Millisecond}
	sig := eip712.Signature{1}
	req := wire.CloseRequest{Receipt: eip712.UsageReceipt{Seconds: 3}, ProviderSignature: &sig}

	require.NoError(t, s.reportTo(context.Background(), []string{router.URL}, req, time.Now().Add(time.Minute)))
	require.Equal(t, down+1, calls.Load(), "tried until the router took it")

	calls.Store(0)
	err := s.reportTo(context.Background(), []string{router.URL}, req, time.Now())
	require.ErrorContains(t, err, "would no longer accept the close")
	require.Equal(t, int32(1), calls.Load(), "no round past the router's deadline")

	calls.Store(0)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = s.reportTo(ctx, []string{router.URL}, req, time.Now().Add(time.Minute))
	require.ErrorContains(t, err, "given up at shutdown")

	calls.Store(0)
	refused := req
	refused.Receipt.SessionID[31] = 9
	err = s.reportTo(context.Background(), []string{router.URL}, refused, time.Now().Add(time.Minute))
	require.ErrorContains(t, err, "refused")
	require.Equal(t, int32(1), calls.Load(), "a refusal is not retried")
}
