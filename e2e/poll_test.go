package e2e

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"
)

// TestWaitClosedSaysWhichDeadlineEnded: a test whose whole budget (one context from before its stack
// started) ran out during WaitClosed, and a wait that ran out its own limit, must read differently — both
// were "context deadline exceeded (last record <nil>)", so a stall before the wait (a stack start queued
// on the deploy lock) looked like a router that never recorded the close. The error also carries the
// router's last answer when it never gave a record.
func TestWaitClosedSaysWhichDeadlineEnded(t *testing.T) {
	router := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, `{"error":{"code":"unavailable","message":"database: busy"}}`, http.StatusServiceUnavailable)
	}))
	defer router.Close()
	s := &Stack{RouterURL: router.URL}
	id := common.HexToHash("0x01")

	spent, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	_, err := s.WaitClosed(spent, id, time.Hour)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	require.ErrorContains(t, err, "the caller's context ended after")
	require.ErrorContains(t, err, "of this wait's 1h0m0s limit")
	require.ErrorContains(t, err, "database: busy", "the router's last answer")

	_, err = s.WaitClosed(context.Background(), id, 300*time.Millisecond)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	require.ErrorContains(t, err, "not within this wait's 300ms limit")
	require.NotContains(t, err.Error(), "caller's context")
}
