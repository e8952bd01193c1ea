package e2e

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/laketravis/laketravis/keeper/api"
	"github.com/laketravis/laketravis/protocol/wire"
)

// CheckBatches runs `keeper check-batch` (the guardian's check, with only the RPC URL and the deployment)
// on the batch file of every live epoch the keeper lists, at the URL the keeper publishes it at (the
// content-addressed uri of its commit, wire.BatchPath), and returns
// how many passed; an epoch whose file does not pass, or whose credits were not compared with the previous
// epoch's file, is an error naming its problems. Progress lines go to
// out (nil: none).
func (s *Stack) CheckBatches(ctx context.Context, out io.Writer) (int, error) {
	if out == nil {
		out = io.Discard
	}
	var eps struct {
		Epochs []api.EpochView `json:"epochs"`
	}
	if err := getJSON(ctx, s.KeeperURL+"/v1/epochs?limit=1000", &eps); err != nil {
		return 0, err
	}
	for _, e := range eps.Epochs {
		url := s.KeeperURL + wire.BatchPath(e.Epoch, e.BatchHash) // the uri of its commit
		got, err := runTool(ctx, s.LogDir, "keeper-check-batch", filepath.Join(s.BinDir, "keeper"), "check-batch",
			"--rpc", s.Anvil.URL, "--deployment", s.DeploymentFile, "--confirmations", "1", "--log-level", "error", url)
		switch {
		case err != nil:
			return 0, err
		case !strings.Contains(string(got), "all checks passed"):
			return 0, fmt.Errorf("e2e: keeper check-batch %s: no \"all checks passed\":\n%s", url, got)
		case e.Epoch > 0 && !strings.Contains(string(got), fmt.Sprintf("(compared with epoch %d's file: ", e.Epoch-1)):
			return 0, fmt.Errorf("e2e: keeper check-batch %s: credits not compared with epoch %d's file:\n%s", url, e.Epoch-1, got)
		}
		fmt.Fprintf(out, "  · epoch %d (%s): every check passed (trees, on-chain, funding, sessions, credits)\n", e.Epoch, e.State)
	}
	return len(eps.Epochs), nil
}
