package devnet

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/ethereum/go-ethereum/common/hexutil"
)

// CastSignTypedData signs the eth_signTypedData_v4 document in the file at path with Foundry's cast from
// the repository's pinned npm copy, exactly as a user would: `npx --no cast wallet sign --data --from-file
// <path> --private-key <key>`. The tests that check our signatures against an independent wallet use it;
// a missing toolchain is an error saying how to install it. Safe for concurrent use.
func CastSignTypedData(ctx context.Context, path, key string) ([]byte, error) {
	root, err := RepoRoot()
	if err != nil {
		return nil, err
	}
	if _, err := exec.LookPath("npx"); err != nil {
		return nil, fmt.Errorf("npx not found in PATH (%v): install Node.js 20 and run `make setup` in %s", err, root)
	}
	if _, err := os.Stat(filepath.Join(root, "node_modules", ".bin", "cast")); err != nil {
		return nil, fmt.Errorf("foundry cast is not installed in %s/node_modules (%v): run `make setup`", root, err)
	}
	// --no: never download anything; use the pinned node_modules copy only.
	cmd := exec.CommandContext(ctx, "npx", "--no", "cast", "wallet", "sign", "--data", "--from-file", path, "--private-key", key)
	cmd.Dir = root
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("cast wallet sign %s: %v\nstderr: %s", filepath.Base(path), err, stderr.String())
	}
	sig, err := hexutil.Decode(strings.TrimSpace(stdout.String()))
	if err != nil {
		return nil, fmt.Errorf("cast output %q: %w", stdout.String(), err)
	}
	return sig, nil
}
