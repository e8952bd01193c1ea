package txmgr

import (
	"math/big"

	vm "github.com/VictoriaMetrics/metrics"
	"github.com/ethereum/go-ethereum/core/types"
)

// metrics are the manager's series in Config.Metrics (internal/metricset's library):
//
//	keeper_gas_spent_wei_total  fees paid by confirmed transactions, wei
//	keeper_gas_used_total       gas used by confirmed transactions
//	keeper_pending_txs          intents not yet confirmed
//	keeper_fee_bumps_total      fee bumps sent
type metrics struct {
	gasSpent *vm.FloatCounter
	gasUsed  *vm.Counter
	pending  *vm.Gauge
	bumps    *vm.Counter
}

func newMetrics(set *vm.Set) *metrics {
	if set == nil {
		set = vm.NewSet()
	}
	return &metrics{gasSpent: set.NewFloatCounter("keeper_gas_spent_wei_total"), gasUsed: set.NewCounter("keeper_gas_used_total"),
		pending: set.NewGauge("keeper_pending_txs", nil), bumps: set.NewCounter("keeper_fee_bumps_total")}
}

// confirmed counts a transaction that reached the confirmation depth.
func (m *metrics) confirmed(r *types.Receipt) {
	m.gasUsed.AddInt64(int64(r.GasUsed))
	if r.EffectiveGasPrice != nil {
		f, _ := new(big.Float).SetInt(new(big.Int).Mul(r.EffectiveGasPrice, new(big.Int).SetUint64(r.GasUsed))).Float64()
		m.gasSpent.Add(f)
	}
}
