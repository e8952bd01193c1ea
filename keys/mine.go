package keys

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
)

// MineTimeout bounds how long Mine waits for a receipt (less when ctx ends sooner).
const MineTimeout = 5 * time.Minute

// ErrReverted means a transaction, a call or a gas estimate reverted. A *RevertError says which
// transaction and, when the revert data names one of the Lake Travis contracts' custom errors, which.
var ErrReverted = errors.New("transaction reverted")

// RevertError is a revert: of a mined transaction (Tx and Block set) or of a call or gas estimate (Tx
// zero), with the contract's custom error decoded when its ABI is one of ours (Name empty otherwise).
// errors.Is(err, ErrReverted) holds.
type RevertError struct {
	Tx    common.Hash
	Block uint64
	Name  string // the custom error, e.g. "ERC20InsufficientBalance"; "" when not decoded
	Args  []any
}

func (e *RevertError) Error() string {
	var b strings.Builder
	b.WriteString(ErrReverted.Error())
	if e.Name != "" {
		parts := make([]string, len(e.Args))
		for i, a := range e.Args {
			parts[i] = fmt.Sprint(a)
		}
		fmt.Fprintf(&b, ": %s(%s)", e.Name, strings.Join(parts, ", "))
	}
	if e.Tx != (common.Hash{}) {
		fmt.Fprintf(&b, " (tx %s in block %d)", e.Tx.Hex(), e.Block)
	}
	return b.String()
}

// Unwrap makes errors.Is(err, ErrReverted) hold.
func (e *RevertError) Unwrap() error { return ErrReverted }

// MineBackend is what Mine reads: receipts (bind.DeployBackend, as bind.WaitMined polls them) and calls,
// to replay a reverted transaction for its revert data. chain.Client is one.
type MineBackend interface {
	bind.DeployBackend
	CallContract(ctx context.Context, msg ethereum.CallMsg, block *big.Int) ([]byte, error)
}

// Mine waits, at most MineTimeout, for tx (sent, e.g. by Send) to be mined and returns its receipt. A
// receipt with a failed status comes back with a *RevertError naming the transaction and its block; the
// custom error is read by replaying the transaction as a call on the state of the block before its own
// (exact when it is the block's first transaction, as on anvil, which mines one per block; best effort
// otherwise: Name stays empty when the replay does not revert the same way).
func Mine(ctx context.Context, b MineBackend, tx *types.Transaction) (*types.Receipt, error) {
	wctx, cancel := context.WithTimeout(ctx, MineTimeout)
	defer cancel()
	rc, err := bind.WaitMined(wctx, b, tx)
	if err != nil {
		return nil, fmt.Errorf("wait for %s to be mined: %w", tx.Hash().Hex(), err)
	}
	if rc.Status == types.ReceiptStatusSuccessful {
		return rc, nil
	}
	rev := &RevertError{Tx: tx.Hash(), Block: rc.BlockNumber.Uint64()}
	if from, err := types.Sender(types.LatestSignerForChainID(tx.ChainId()), tx); err == nil && rev.Block > 0 {
		msg := ethereum.CallMsg{From: from, To: tx.To(), Gas: tx.Gas(), GasFeeCap: tx.GasFeeCap(),
			GasTipCap: tx.GasTipCap(), Value: tx.Value(), Data: tx.Data(), AccessList: tx.AccessList()}
		_, cerr := b.CallContract(ctx, msg, new(big.Int).SetUint64(rev.Block-1))
		var named *RevertError
		if errors.As(DecodeRevert(cerr), &named) {
			rev.Name, rev.Args = named.Name, named.Args
		}
	}
	return rc, rev
}

// DecodeRevert turns an error of a call or gas estimate whose revert data names a custom error of a Lake
// Travis contract into a *RevertError; any other error (nil included) comes back unchanged.
func DecodeRevert(err error) error {
	var de interface{ ErrorData() any }
	if !errors.As(err, &de) {
		return err
	}
	s, ok := de.ErrorData().(string)
	if !ok {
		return err
	}
	data, derr := hexutil.Decode(s)
	if derr != nil || len(data) < 4 {
		return err
	}
	e, ok := errorTable()[[4]byte(data[:4])]
	if !ok {
		return err
	}
	args, uerr := e.Inputs.Unpack(data[4:])
	if uerr != nil {
		return err
	}
	return &RevertError{Name: e.Name, Args: args}
}

// errorTable maps the selector of every custom error of the Lake Travis contracts to its ABI.
var errorTable = sync.OnceValue(func() map[[4]byte]abi.Error {
	out := map[[4]byte]abi.Error{}
	for _, parsed := range contractABIs() {
		for _, e := range parsed.Errors {
			out[[4]byte(e.ID[:4])] = e
		}
	}
	return out
})
