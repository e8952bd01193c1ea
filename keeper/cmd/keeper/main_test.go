package main_test

import (
	"os"
	"testing"

	"github.com/laketravis/laketravis/e2e"
)

// TestMain removes the binaries e2e.Start built, once, after every test of the package (the stacks of
// the crash-safety and the RPC-fault tests share them).
func TestMain(m *testing.M) {
	code := m.Run()
	e2e.RemoveBinaries()
	os.Exit(code)
}
