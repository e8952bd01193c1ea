package wire

import (
	"encoding/json"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/eip712"
)

// TestAppendJSONMatchesEncodingJSON: the hand-written encoders write exactly what encoding/json writes
// for the same values, including nil amounts, an absent payment, seeding list or retired keys, and
// endpoints that encoding/json escapes (quotes, HTML characters, control bytes, non-ASCII, invalid UTF-8).
func TestAppendJSONMatchesEncodingJSON(t *testing.T) {
	var sig eip712.Signature
	for i := range sig {
		sig[i] = byte(i * 7)
	}
	ticket := eip712.SessionTicket{SessionID: common.Hash{1, 2}, User: common.Address{3}, Provider: common.Address{0xab, 0xcd},
		ModelID: common.Hash{9}, PricePerSecond: *uint256.NewInt(1_000_000_007), MaxSeconds: 300, NotAfter: 1_900_000_000,
		SessionKey: common.Address{0xee}, UseDeposit: true}
	endpoints := []string{"https://provider.example.net:8443/p/1", "", `http://a"b\c`, "http://x/<a>&b", "http://x/\x01\t",
		"https://ünïcode.example/ä", "http://bad/\xff\xfe", "http://x/\u2028"}
	payments := []*Payment{nil, {Allowance: uint256.NewInt(12), Deposit: new(uint256.Int)}, {Allowance: nil, Deposit: uint256.NewInt(5)}}
	for _, ep := range endpoints {
		for _, pay := range payments {
			for _, price := range []*uint256.Int{uint256.NewInt(42), nil, new(uint256.Int).Lsh(uint256.NewInt(1), 255)} {
				r := RFCResponse{SessionID: common.Hash{0xfe, 1}, Provider: common.Address{0xAB, 0xcd, 0xef}, Endpoint: ep,
					PricePerSecond: price, MaxSeconds: 4_000_000_000, Ticket: ticket, TicketSignature: sig,
					Router: common.Address{0x10}, Payment: pay}
				want, err := json.Marshal(&r)
				require.NoError(t, err)
				require.Equal(t, string(want), string(r.AppendJSON(nil)), "endpoint %q", ep)
			}
		}
	}
	for _, u := range endpoints {
		lq := LivenessRequest{Challenge: common.Hash{0xaa, 0xbb}, ModelID: common.Hash{0x01, 0xff}, URL: u}
		want, err := json.Marshal(&lq)
		require.NoError(t, err)
		require.Equal(t, string(want), string(lq.AppendJSON(nil)), "url %q", u)
	}
	for _, c := range []Capacity{{}, {Free: -1, Max: 3}, {Free: 1 << 40, Max: 1 << 40, Seeding: []common.Hash{{1}, {2, 3}}}} {
		lr := LivenessResponse{Liveness: eip712.Liveness{Provider: common.Address{0x77}, Challenge: common.Hash{5}, Timestamp: 1_800_000_000},
			Signature: sig, Capacity: c}
		want, err := json.Marshal(&lr)
		require.NoError(t, err)
		require.Equal(t, string(want), string(lr.AppendJSON(nil)))
		lr.Retired = []KeyProof{{Liveness: eip712.Liveness{Provider: common.Address{0x78}, Challenge: common.Hash{5}, Timestamp: 1_800_000_000}, Signature: sig},
			{Liveness: eip712.Liveness{Provider: common.Address{0x79}}}}
		want, err = json.Marshal(&lr)
		require.NoError(t, err)
		require.Equal(t, string(want), string(lr.AppendJSON(nil)), "with a router's retired keys")
	}
}

// TestRetiredProofsFitALivenessAnswer: a router answering with MaxRetiredKeys proofs, every field at its
// longest, stays within what askers read of a liveness answer (maxLivenessAnswer), so a provider never
// refuses a router's whole answer, its current key included, for the retired keys it proves.
func TestRetiredProofsFitALivenessAnswer(t *testing.T) {
	var sig eip712.Signature
	for i := range sig {
		sig[i] = 0xff
	}
	max := ^uint64(0)
	l := eip712.Liveness{Provider: common.Address{0xff}, Challenge: common.Hash{0xff}, Timestamp: max}
	lr := LivenessResponse{Liveness: l, Signature: sig, Retired: make([]KeyProof, MaxRetiredKeys)}
	for i := range lr.Retired {
		lr.Retired[i] = KeyProof{Liveness: l, Signature: sig}
	}
	require.Less(t, len(lr.AppendJSON(nil)), maxLivenessAnswer)
}
