// Package eip712 holds the off-chain messages of PROTOCOL §6 — RFC, SessionTicket, UsageReceipt and
// Liveness — and everything needed to hash, sign, verify and move them over the wire.
//
// # Hashing
//
// Messages are hashed exactly as EIP-712 (and so eth_signTypedData_v4 wallets, `cast wallet sign --data`
// and OpenZeppelin's EIP712.sol) prescribe:
//
//	digest = keccak256("\x19\x01" || domainSeparator || hashStruct(message))
//
// under the domain EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)
// with name "LakeTravis", version "2", the chain id and the Marketplace address. The encoding is written
// out by hand for each type (all fields are static, so hashStruct is one keccak over 32-byte words); the
// tests prove it identical to go-ethereum's generic signer/core/apitypes implementation and to cast.
// A [Domain] is built once per process and is safe for concurrent use; [Domain.Digest] does not allocate.
//
// # Signatures
//
// Signatures are 65 bytes [R || S || V]. [Sign] produces V in {27, 28}, as wallets do; [Recover]
// accepts V in {0, 1, 27, 28} and rejects high-S (malleable) signatures, like OpenZeppelin's ECDSA.
// Recover adds nothing measurable to go-ethereum's libsecp256k1 recovery: its scratch space is pooled,
// so its one allocation is the public key crypto.Ecrecover returns, and the address costs one keccak.
//
// # Wire form
//
// Each message marshals to a JSON object with the PROTOCOL §6 field names, integers as decimal strings,
// addresses and bytes32 as 0x-hex. The same object is the "message" of the eth_signTypedData_v4
// document produced by [Domain.TypedData], and the payload of the signed envelopes ([SignedRFC] is the
// body of POST /v1/rfc, PROTOCOL §7 step 1). Decoding is strict: unknown, duplicated or missing fields,
// non-string values, non-canonical numbers or hex, and out-of-range integers are rejected with errors
// wrapping [ErrMalformed]; see errors.go for how each sentinel maps to a PROTOCOL §9 error code.
// The decoder is table-driven per message type (no reflection, no intermediate tokens): decoding a
// signed RFC allocates only the value returned, and an EIP-55 checksum is checked on pooled scratch space.
//
// Checks that need state or a clock — nonce reuse, allowance, whether a signer is an authorised router
// or a provider's registered signer — belong to the callers; [RFC.CheckDeadline] covers the one
// stateless rule of §6 ("deadline at most 10 minutes ahead").
package eip712
