package wire

import (
	"fmt"
	"strconv"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
)

// BatchPath is the path of the batch file whose keccak256 is batchHash, epoch's, on a keeper: appended to
// its public URL it is the uri the keeper commits (commitRoot, PROTOCOL §8), /v1/batches/<epoch>/<batchHash>
// (the epoch in decimal without leading zeros, the hash 0x-hex, lowercase). The bytes at that path never
// change, so any cache may keep them; an epoch vetoed and committed again gets a new path. The keeper
// serves a file at exactly this spelling (another one of the same epoch and hash is a 404 naming it), and
// also its epoch's latest file at EpochBatchPath, the uri of commits made before this form.
func BatchPath(epoch uint64, batchHash common.Hash) string {
	return EpochBatchPath(epoch) + "/" + batchHash.Hex()
}

// EpochBatchPath is the path of epoch's latest batch file on a keeper, /v1/batches/<epoch>: the file of the
// epoch's live commit, which changes when the epoch is vetoed and committed again.
func EpochBatchPath(epoch uint64) string {
	return "/v1/batches/" + strconv.FormatUint(epoch, 10)
}

// ParseBatchHash reads the batchHash segment of a BatchPath: 0x and 64 hex digits (either case: whether
// the segment is BatchPath's own spelling is the server's to judge, against BatchPath).
func ParseBatchHash(s string) (common.Hash, error) {
	if len(s) != 2+2*common.HashLength {
		return common.Hash{}, fmt.Errorf("batchHash must be 0x and 64 hex digits, got %d characters", len(s))
	}
	b, err := hexutil.Decode(s)
	if err != nil {
		return common.Hash{}, fmt.Errorf("batchHash must be 0x and 64 hex digits: %w", err)
	}
	return common.BytesToHash(b), nil
}
