package ledger

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
)

// rpcErr is a JSON-RPC error object as go-ethereum's rpc client returns it (rpc.Error, rpc.DataError).
type rpcErr struct {
	code int
	msg  string
	data any
}

func (e rpcErr) Error() string  { return e.msg }
func (e rpcErr) ErrorCode() int { return e.code }
func (e rpcErr) ErrorData() any { return e.data }

// TestIsRevert: only a node's "execution reverted" answer is a revert. An RPC provider's internal error
// or rate limit (a JSON-RPC error object too, with or without data) is a transient failure: taken for a
// revert it would reject valid sessions as "unknown model" and abandon good epochs.
func TestIsRevert(t *testing.T) {
	for _, c := range []struct {
		err  error
		want bool
	}{
		{rpcErr{3, "execution reverted: custom error 0x1234abcd", "0x1234abcd"}, true},
		{rpcErr{3, "execution reverted", nil}, true},
		{rpcErr{-32000, "execution reverted", nil}, true},
		{rpcErr{-32015, "VM execution error", "0x08c379a0"}, true},
		{fmt.Errorf("estimate: %w", rpcErr{3, "execution reverted: UnknownModel", "0xdeadbeef"}), true},
		{rpcErr{-32603, "internal error", nil}, false},
		{rpcErr{-32005, "request rate exceeded", map[string]any{"retryAfter": 1}}, false},
		{fmt.Errorf("txmgr: gas estimation failed: %w", rpcErr{-32603, "internal error", nil}), false},
		{errors.New("Post \"http://127.0.0.1:8545\": EOF"), false},
		{nil, false},
	} {
		require.Equal(t, c.want, isRevert(c.err), "%v", c.err)
	}
}
