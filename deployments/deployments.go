// Package deployments reads the deployment files written by the deploy script (`make deploy`):
// deployments/<chainId>.json = {"chainId": N, "startBlock": N, "contracts": {"MORToken": "0x…", …}}.
// Routers, keepers, providers and the demo find the contracts through it.
package deployments

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/ethereum/go-ethereum/common"
)

// ErrMissingContract is returned by Address when the file does not list the contract.
var ErrMissingContract = errors.New("deployments: contract not in deployment file")

// Deployment is one chain's deployment record.
type Deployment struct {
	ChainID     uint64                    `json:"chainId"`
	StartBlock  uint64                    `json:"startBlock"`  // first block to index events from
	PayoutStart uint64                    `json:"payoutStart"` // emissions day 0, unix seconds
	Interval    uint64                    `json:"interval"`    // seconds per protocol day
	Contracts   map[string]common.Address `json:"contracts"`
}

// Load reads and validates a deployment file.
func Load(path string) (*Deployment, error) {
	raw, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("deployments: no deployment file %s (%w): `make devnet` writes deployments/31337.json "+
			"for a local chain and keeps it running, `make deploy RPC_URL=…` writes deployments/<chainId>.json for "+
			"another; run from the repository root or pass the file's path", path, fs.ErrNotExist)
	}
	if err != nil {
		return nil, fmt.Errorf("deployments: %w", err)
	}
	var d Deployment
	if err := json.Unmarshal(raw, &d); err != nil {
		return nil, fmt.Errorf("deployments: parse %s: %w", path, err)
	}
	if d.ChainID == 0 || len(d.Contracts) == 0 {
		return nil, fmt.Errorf("deployments: %s has no chainId or no contracts", path)
	}
	return &d, nil
}

// Address returns the address of the named contract ("MORToken", "Emissions", …).
func (d *Deployment) Address(name string) (common.Address, error) {
	a, ok := d.Contracts[name]
	if !ok || a == (common.Address{}) {
		return common.Address{}, fmt.Errorf("%w: %s (chain %d)", ErrMissingContract, name, d.ChainID)
	}
	return a, nil
}
