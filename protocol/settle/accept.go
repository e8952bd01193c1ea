package settle

import (
	"crypto/ecdsa"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/laketravis/laketravis/protocol/eip712"
)

// Ticket acceptance. A UsageReceipt names the session and its seconds, not the ticket, and the session id
// follows from the RFC and the provider: any ROUTER_ROLE key can sign a ticket of its own for a session
// another router admitted. The provider's acceptance binds the ticket it served and the router that signed
// it: its registered signer key signs, once per session, the EIP-712 message
//
//	TicketAcceptance(bytes32 sessionId,bytes32 ticket,address router)
//
// under the protocol's domain (PROTOCOL §6, unchanged), where ticket is the EIP-712 digest of the
// SessionTicket the provider served and router the address that signed that ticket (recovered from its
// signature, never a party's claim). A SessionTicket does not name its signer, so without router another
// ROUTER_ROLE key could re-sign the identical ticket and carry the acceptance with it. A settlement record
// carries it as ticketAcceptance; a keeper keeps a copy whose ticket the provider accepted over any copy
// whose ticket it did not (protocol/README.md, "Copies of one session"). Wallets and external signers
// (clef) sign it as ordinary typed data.

// AcceptanceType is the EIP-712 type string of the provider's ticket acceptance.
const AcceptanceType = "TicketAcceptance(bytes32 sessionId,bytes32 ticket,address router)"

var acceptanceTypeHash = crypto.Keccak256Hash([]byte(AcceptanceType))

// AcceptanceDigest is the EIP-712 digest the provider signs to accept ticket t, signed by router, under d.
func AcceptanceDigest(d *eip712.Domain, t *eip712.SessionTicket, router common.Address) common.Hash {
	ticket := d.Digest(t)
	return d.DigestOfStructHash(crypto.Keccak256Hash(acceptanceTypeHash[:], t.SessionID[:], ticket[:], common.LeftPadBytes(router[:], 32)))
}

// AcceptanceTypedData is the acceptance of ticket t, signed by router, under d as an eth_signTypedData_v4
// document (what an external signer is asked to sign); its digest is AcceptanceDigest(d, t, router).
func AcceptanceTypedData(d *eip712.Domain, t *eip712.SessionTicket, router common.Address) apitypes.TypedData {
	ticket := d.Digest(t)
	return typedData(d, "TicketAcceptance", []apitypes.Type{{Name: "sessionId", Type: "bytes32"}, {Name: "ticket", Type: "bytes32"},
		{Name: "router", Type: "address"}},
		apitypes.TypedDataMessage{"sessionId": t.SessionID.Hex(), "ticket": ticket.Hex(), "router": router.Hex()})
}

// AcceptanceSigner returns the address whose acceptance of ticket t, signed by router, under d sig is (low
// S, V in {0, 1, 27, 28}). router is the ticket's signer as the caller recovered it from the ticket's
// signature. Whether the returned address was the provider's registered signer at the session's start or at
// its close (SignerAt of either) is the caller's question.
func AcceptanceSigner(d *eip712.Domain, t *eip712.SessionTicket, router common.Address, sig *eip712.Signature) (common.Address, error) {
	return eip712.Recover(AcceptanceDigest(d, t, router), sig[:])
}

// SignAcceptance signs the acceptance of ticket t, signed by router, under d with key (tests and in-process
// signers; the provider signs through keys.Signer.SignTypedData with AcceptanceTypedData).
func SignAcceptance(d *eip712.Domain, t *eip712.SessionTicket, router common.Address, key *ecdsa.PrivateKey) (eip712.Signature, error) {
	return eip712.Sign(AcceptanceDigest(d, t, router), key)
}
