//go:build !crashpoints

package main

import (
	"testing"

	"github.com/laketravis/laketravis/keeper/crashpoint"
)

// TestProductionBuildIgnoresCrashEnv: a keeper built without the crashpoints tag (every release build)
// started with LT_KEEPER_CRASH_AT set arms nothing, and hitting that point leaves the process alive —
// were it armed, Hit would SIGKILL this test binary and the run would fail.
func TestProductionBuildIgnoresCrashEnv(t *testing.T) {
	for _, point := range crashpoint.Points {
		t.Setenv(crashpoint.EnvVar, point)
		if got := armCrashpoint(); got != "" {
			t.Fatalf("armed %q in a production build", got)
		}
		if got := crashpoint.Armed(); got != "" {
			t.Fatalf("crash point %q armed", got)
		}
		crashpoint.Hit(point)
	}
}
