package main

import (
	"context"
	"testing"
	"time"

	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest"
)

// startRouter runs the router command's run() with cfg until ctx ends and returns its base URL. The
// returned stop cancels ctx's run and requires a clean shutdown.
func startRouter(t *testing.T, ctx context.Context, cfg *config, level zapcore.Level) (base string, stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(ctx)
	addrCh := make(chan string, 1)
	cfg.listening = func(a string) { addrCh <- a }
	done := make(chan error, 1)
	go func() { done <- run(ctx, cfg, zaptest.NewLogger(t, zaptest.Level(level))) }()
	select {
	case a := <-addrCh:
		base = "http://" + a
	case err := <-done:
		cancel()
		t.Fatalf("router stopped: %v", err)
	case <-time.After(time.Minute):
		cancel()
		t.Fatal("router did not start listening in 1 minute")
	}
	return base, func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("router shutdown: %v", err)
			}
		case <-time.After(30 * time.Second):
			t.Error("router did not shut down")
		}
	}
}
