package main

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/readmecmd"
)

// TestReadmeCommandLines: every `go run ./scripts/devnet …` a Markdown file shows (README step 2's "port
// 8545 taken" note, client/README.md's ten-minute days) parses with the command's flags.
func TestReadmeCommandLines(t *testing.T) {
	for _, c := range readmecmd.Of(t, "devnet") {
		_, err := parseFlags(c.Argv)
		require.NoError(t, err, "%s", c)
	}
	_, err := parseFlags([]string{"--ports", "8645"})
	require.Error(t, err, "a flag the command lacks")
}
