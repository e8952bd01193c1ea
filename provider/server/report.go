package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"

	"go.uber.org/zap"

	"github.com/laketravis/laketravis/protocol/wire"
)

// reportAttempts and reportTimeout bound how hard a close report to the router is tried.
const (
	reportAttempts = 3
	reportTimeout  = 5 * time.Second
)

// report sends a session close to the router in the background (PROTOCOL §7 step 5: either side may
// close at the router; the user's client may do so too, so a failed report is logged, not fatal).
// Run waits for pending reports at shutdown.
func (s *Server) report(kind string, req wire.CloseRequest) {
	if s.cfg.RouterURL == "" {
		s.metrics.closed(kind, "disabled")
		return
	}
	s.reports.Add(1)
	go func() {
		defer s.reports.Done()
		var err error
		for i := range reportAttempts {
			if i > 0 {
				time.Sleep(time.Duration(i) * time.Second)
			}
			ctx, cancel := context.WithTimeout(context.Background(), reportTimeout)
			err = s.postClose(ctx, req)
			cancel()
			if err == nil {
				s.metrics.closed(kind, "yes")
				return
			}
			if we, ok := err.(*wire.Error); ok && we.Status < 500 && we.Status != http.StatusTooManyRequests {
				break // the router refused it: retrying will not help
			}
		}
		s.metrics.closed(kind, "failed")
		s.log.Warn("reporting a session close to the router failed", zap.Stringer("session", req.Receipt.SessionID), zap.Error(err))
	}()
}

// postClose is POST {router}/v1/sessions/{id}/close with req.
func (s *Server) postClose(ctx context.Context, req wire.CloseRequest) error {
	body, err := json.Marshal(req)
	if err != nil {
		return err
	}
	url := s.cfg.RouterURL + "/v1/sessions/" + req.Receipt.SessionID.Hex() + "/close"
	hr, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	hr.Header.Set("Content-Type", "application/json")
	resp, err := s.client.Do(hr)
	if err != nil {
		return fmt.Errorf("POST %s: %w", url, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode/100 != 2 {
		return wire.DecodeError(resp, b)
	}
	return nil
}
