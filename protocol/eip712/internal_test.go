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
		{"signerClaimTypeHash", signerClaimTypeHash, SignerClaimType},
		{"domainNameHash", domainNameHash, DomainName},
		{"domainVersionHash", domainVersionHash, DomainVersion},
		{"domainV1VersionHash", domainV1VersionHash, RetiredDomainVersion},
		{"rfcV1TypeHash", rfcV1TypeHash, "RFC(address user,bytes32 modelId,uint256 maxPricePerSecond,uint32 maxSeconds,uint32 minTps,uint32 maxTtftMs,uint64 nonce,uint64 deadline)"},
		{"sessionTicketV1TypeHash", sessionTicketV1TypeHash, "SessionTicket(bytes32 sessionId,address user,address provider,bytes32 modelId,uint256 pricePerSecond,uint32 maxSeconds,uint64 notAfter)"},
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

// TestFieldTables: the decoder's name tables list every message's fields in type order, and decodeField
// writes the field that fields() names at the same index.
func TestFieldTables(t *testing.T) {
	for _, m := range []Message{&RFC{}, &SessionTicket{}, &UsageReceipt{}, &Liveness{}, &SignerClaim{}} {
		fs := m.fields()
		names := m.fieldNames()
		require.Len(t, names, len(fs), m.PrimaryType())
		for i, f := range fs {
			require.Equal(t, f.name, names[i], "%s field %d", m.PrimaryType(), i)
			var text []byte
			switch f.typ {
			case "address":
				text = []byte("0x0000000000000000000000000000000000000161")
			case "bytes32":
				text = []byte("0x0000000000000000000000000000000000000000000000000000000000000161")
			case "bool":
				text = []byte("true")
			default:
				text = []byte("161")
			}
			require.NoError(t, m.decodeField(i, text), "%s.%s", m.PrimaryType(), f.name)
			require.Equal(t, string(text), string(f.appendValue(nil)), "%s.%s: decodeField wrote another field", m.PrimaryType(), f.name)
		}
	}
}

// TestValidChecksum agrees with go-ethereum's EIP-55 encoding, and a single flipped letter case fails.
func TestValidChecksum(t *testing.T) {
	for i := range 200 {
		a := common.BytesToAddress(crypto.Keccak256([]byte{byte(i), byte(i >> 8)}))
		digits := []byte(a.Hex()[2:])
		require.True(t, validChecksum(digits, &a), a.Hex())
		for j, c := range digits {
			if c > '9' {
				bad := append([]byte(nil), digits...)
				bad[j] ^= 0x20
				require.False(t, validChecksum(bad, &a), string(bad))
			}
		}
	}
}
