package settle

import (
	"crypto/ecdsa"
	"encoding/binary"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/laketravis/laketravis/protocol/eip712"
)

// The router's close signature. A settlement record's dates (createdAt, closedAt), its close reason and the
// seconds it bills are the router's to choose within bounds (Start, LastClose, BillableSeconds); no party to
// the session signs them. Any ROUTER_ROLE key can republish another router's record byte for byte with
// other dates, so a keeper needs to tell the record of the router whose ticket the provider served from a
// copy. That router signs, once per close, the EIP-712 message
//
//	SessionClose(bytes32 sessionId,bytes32 ticket,uint64 createdAt,uint64 closedAt,string closeReason,uint32 billedSeconds,bytes32 receipt)
//
// under the protocol's domain (PROTOCOL §6, unchanged), where ticket is the EIP-712 digest of the record's
// SessionTicket and receipt the EIP-712 digest of its UsageReceipt (zero when it has none). A settlement
// record carries it as closeSignature; a keeper rejects one that its ticket's signer did not sign and keeps
// a copy whose close the ticket's signer signed over any copy whose close it did not (protocol/README.md,
// "Copies of one session"). Wallets and external signers (clef) sign it as ordinary typed data.

// CloseType is the EIP-712 type string of the router's close signature.
const CloseType = "SessionClose(bytes32 sessionId,bytes32 ticket,uint64 createdAt,uint64 closedAt,string closeReason,uint32 billedSeconds,bytes32 receipt)"

var closeTypeHash = crypto.Keccak256Hash([]byte(CloseType))

// Close is what the router's close signature covers of a settlement record.
type Close struct {
	Ticket        *eip712.SessionTicket
	Receipt       *eip712.UsageReceipt // nil: none (an expired close)
	CreatedAt     uint64
	ClosedAt      uint64
	Reason        string
	BilledSeconds uint32
}

func (c *Close) hashes(d *eip712.Domain) (ticket, receipt common.Hash) {
	ticket = d.Digest(c.Ticket)
	if c.Receipt != nil {
		receipt = d.Digest(c.Receipt)
	}
	return ticket, receipt
}

// CloseDigest is the EIP-712 digest the ticket's signer signs for close c under d.
func CloseDigest(d *eip712.Domain, c *Close) common.Hash {
	ticket, receipt := c.hashes(d)
	var created, closed, billed [32]byte
	binary.BigEndian.PutUint64(created[24:], c.CreatedAt)
	binary.BigEndian.PutUint64(closed[24:], c.ClosedAt)
	binary.BigEndian.PutUint64(billed[24:], uint64(c.BilledSeconds))
	reason := crypto.Keccak256Hash([]byte(c.Reason))
	return d.DigestOfStructHash(crypto.Keccak256Hash(closeTypeHash[:], c.Ticket.SessionID[:], ticket[:], created[:], closed[:],
		reason[:], billed[:], receipt[:]))
}

func word(v uint64) *math.HexOrDecimal256 {
	return (*math.HexOrDecimal256)(new(big.Int).SetUint64(v))
}

// CloseTypedData is close c under d as an eth_signTypedData_v4 document (what an external signer is asked to
// sign); its digest is CloseDigest(d, c).
func CloseTypedData(d *eip712.Domain, c *Close) apitypes.TypedData {
	ticket, receipt := c.hashes(d)
	return typedData(d, "SessionClose", []apitypes.Type{{Name: "sessionId", Type: "bytes32"}, {Name: "ticket", Type: "bytes32"},
		{Name: "createdAt", Type: "uint64"}, {Name: "closedAt", Type: "uint64"}, {Name: "closeReason", Type: "string"},
		{Name: "billedSeconds", Type: "uint32"}, {Name: "receipt", Type: "bytes32"}},
		apitypes.TypedDataMessage{"sessionId": c.Ticket.SessionID.Hex(), "ticket": ticket.Hex(),
			"createdAt": word(c.CreatedAt), "closedAt": word(c.ClosedAt),
			"closeReason": c.Reason, "billedSeconds": word(uint64(c.BilledSeconds)), "receipt": receipt.Hex()})
}

// typedData is the eth_signTypedData_v4 document of message msg, of the struct primary with fields, under d.
func typedData(d *eip712.Domain, primary string, fields []apitypes.Type, msg apitypes.TypedDataMessage) apitypes.TypedData {
	return apitypes.TypedData{
		Types: apitypes.Types{
			"EIP712Domain": {{Name: "name", Type: "string"}, {Name: "version", Type: "string"},
				{Name: "chainId", Type: "uint256"}, {Name: "verifyingContract", Type: "address"}},
			primary: fields,
		},
		PrimaryType: primary,
		Domain: apitypes.TypedDataDomain{Name: eip712.DomainName, Version: eip712.DomainVersion,
			ChainId: math.NewHexOrDecimal256(int64(d.ChainID())), VerifyingContract: d.VerifyingContract().Hex()},
		Message: msg,
	}
}

// CloseSigner returns the address whose close signature of c under d sig is (low S, V in {0, 1, 27, 28}).
func CloseSigner(d *eip712.Domain, c *Close, sig *eip712.Signature) (common.Address, error) {
	return eip712.Recover(CloseDigest(d, c), sig[:])
}

// SignClose signs close c under d with key (tests and in-process signers; the router signs through
// keys.Signer.SignTypedData with CloseTypedData).
func SignClose(d *eip712.Domain, c *Close, key *ecdsa.PrivateKey) (eip712.Signature, error) {
	return eip712.Sign(CloseDigest(d, c), key)
}
