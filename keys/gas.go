package keys

import (
	"fmt"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// GasMarginPercent is the safety margin every Lake Travis transaction carries over the node's gas
// estimate: the keeper's transaction manager, the CLIs (keys.Unsigned) and the devnet helpers
// (devnet.Transactor) all take GasLimit. A bare estimate is exact only for the state it was made on;
// state that moves before inclusion (a storage slot going from zero to nonzero, a day boundary) makes
// the transaction cost more, and one sent with the bare figure is mined reverted out of gas, with no
// revert reason on replay.
const GasMarginPercent = 20

// GasLimit is the gas limit of a transaction whose gas estimate is estimate: estimate plus
// GasMarginPercent, rounded down (estimate*6/5).
func GasLimit(estimate uint64) uint64 { return estimate + estimate*GasMarginPercent/100 }

// WithGasMargin makes opts give every transaction it builds the gas limit GasLimit(abigen's estimate),
// and returns opts. It wraps opts.Signer: abigen estimates gas (when opts.GasLimit is 0) and hands the
// built transaction to the signer, which now raises its gas before signing it. A gas limit set in
// opts.GasLimit (also after this call) is the caller's and stays untouched.
func WithGasMargin(opts *bind.TransactOpts) *bind.TransactOpts {
	sign := opts.Signer
	opts.Signer = func(from common.Address, tx *types.Transaction) (*types.Transaction, error) {
		if opts.GasLimit == 0 {
			var err error
			if tx, err = withGas(tx, GasLimit(tx.Gas())); err != nil {
				return nil, err
			}
		}
		return sign(from, tx)
	}
	return opts
}

// withGas returns the unsigned transaction tx with gas limit gas (abigen builds legacy and EIP-1559
// transactions, and EIP-2930 ones carry the same fields).
func withGas(tx *types.Transaction, gas uint64) (*types.Transaction, error) {
	switch tx.Type() {
	case types.LegacyTxType:
		return types.NewTx(&types.LegacyTx{Nonce: tx.Nonce(), GasPrice: tx.GasPrice(), Gas: gas, To: tx.To(),
			Value: tx.Value(), Data: tx.Data()}), nil
	case types.AccessListTxType:
		return types.NewTx(&types.AccessListTx{ChainID: tx.ChainId(), Nonce: tx.Nonce(), GasPrice: tx.GasPrice(), Gas: gas,
			To: tx.To(), Value: tx.Value(), Data: tx.Data(), AccessList: tx.AccessList()}), nil
	case types.DynamicFeeTxType:
		return types.NewTx(&types.DynamicFeeTx{ChainID: tx.ChainId(), Nonce: tx.Nonce(), GasTipCap: tx.GasTipCap(),
			GasFeeCap: tx.GasFeeCap(), Gas: gas, To: tx.To(), Value: tx.Value(), Data: tx.Data(), AccessList: tx.AccessList()}), nil
	}
	return nil, fmt.Errorf("keys: gas margin: transaction type %d not supported", tx.Type())
}
