package client

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/laketravis/laketravis/protocol/wire"
)

// SpendProof asks a keeper for user's withdrawal proof (GET {keeper}/v1/spend/{user}): its cumulative
// spend from its deposit in the newest claimable spend root, the arguments of ComputePool.withdraw.
func SpendProof(ctx context.Context, keeper string, user common.Address) (*wire.SpendProof, error) {
	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	url := strings.TrimRight(keeper, "/") + "/v1/spend/" + user.Hex()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("keeper unreachable at %s: %w", keeper, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("keeper: %w", wire.DecodeError(resp, body))
	}
	var p wire.SpendProof
	if err := json.Unmarshal(body, &p); err != nil {
		return nil, fmt.Errorf("keeper answer: %w", err)
	}
	if p.CumulativeSpent == nil {
		return nil, fmt.Errorf("keeper answer: no cumulativeSpent")
	}
	return &p, nil
}
