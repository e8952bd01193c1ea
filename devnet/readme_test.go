package devnet_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
)

// The main README's step 2 shows exactly the next steps `make devnet` prints, so the two cannot drift.
func TestReadmeShowsTheNextSteps(t *testing.T) {
	root, err := devnet.RepoRoot()
	require.NoError(t, err)
	raw, err := os.ReadFile(filepath.Join(root, "README.md"))
	require.NoError(t, err)
	// The README indents the block by three spaces (it sits in a numbered list).
	var lines []string
	for _, l := range strings.Split(string(raw), "\n") {
		lines = append(lines, strings.TrimPrefix(l, "   "))
	}
	readme := strings.Join(lines, "\n")
	steps := devnet.NextSteps("http://127.0.0.1:8545", "deployments/31337.json", "http://127.0.0.1:11434/v1", "llama3.1:8b")
	require.Contains(t, readme, strings.TrimRight(steps, "\n"), "README.md step 2 differs from devnet.NextSteps: paste its output")
}
