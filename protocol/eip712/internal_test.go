package eip712

import (
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"
)

// TestTypeHashConstants recomputes the 32-byte constants that messages.go and signature.go spell out.
func TestTypeHashConstants(t *testing.T) {
	tests := []struct {
		name     string
		constant string
		preimage string
	}{
		{"domainTypeHash", domainTypeHash, DomainType},
		{"rfcTypeHash", rfcTypeHash, RFCType},
		{"sessionTicketTypeHash", sessionTicketTypeHash, SessionTicketType},
		{"usageReceiptTypeHash", usageReceiptTypeHash, UsageReceiptType},
		{"livenessTypeHash", livenessTypeHash, LivenessType},
		{"domainNameHash", domainNameHash, DomainName},
		{"domainVersionHash", domainVersionHash, DomainVersion},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, crypto.Keccak256Hash([]byte(tt.preimage)), common.Hash([]byte(tt.constant)))
		})
	}
}

func TestCurveConstants(t *testing.T) {
	n := crypto.S256().Params().N
	require.Equal(t, common.BigToHash(n), common.Hash([]byte(secp256k1N)))
	half := common.BigToHash(n).Big()
	half.Rsh(half, 1)
	require.Equal(t, common.BigToHash(half), common.Hash([]byte(secp256k1HalfN)))
}
