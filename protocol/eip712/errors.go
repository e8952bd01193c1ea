package eip712

import (
	"errors"
	"fmt"
)

// Sentinel errors. Callers branch with errors.Is. Every error from decoding, verification and
// CheckDeadline wraps exactly one of the four roots below (ErrMalformed, ErrTooLarge, ErrBadSignature,
// ErrExpired), which map to the PROTOCOL §9 error codes as noted; the more specific signature errors
// all wrap ErrBadSignature, ErrDeadlineTooFar wraps ErrMalformed.
var (
	// ErrMalformed: the input is not a well-formed message (bad JSON, unknown/duplicate/missing
	// field, non-canonical number or hex, value out of range). §9 code "malformed" (HTTP 400).
	ErrMalformed = errors.New("eip712: malformed message")

	// ErrTooLarge: the encoded input exceeds MaxWireSize. §9 code "oversized" (HTTP 413).
	ErrTooLarge = errors.New("eip712: message too large")

	// ErrBadSignature: the signature is unusable or does not come from the expected signer.
	// §9 code "bad_signature" (HTTP 401/403).
	ErrBadSignature = errors.New("eip712: bad signature")

	// ErrSignatureLength: the signature is not SignatureLength (65) bytes.
	ErrSignatureLength = fmt.Errorf("%w: length is not %d bytes", ErrBadSignature, SignatureLength)

	// ErrSignatureV: the recovery id V is not one of 0, 1, 27, 28.
	ErrSignatureV = fmt.Errorf("%w: recovery id V not in {0, 1, 27, 28}", ErrBadSignature)

	// ErrSignatureHighS: S is greater than secp256k1n/2 (EIP-2). Such signatures are malleable
	// and rejected, as OpenZeppelin's ECDSA.recover does on-chain.
	ErrSignatureHighS = fmt.Errorf("%w: malleable high-S value", ErrBadSignature)

	// ErrSignatureValues: R or S is zero or not below the curve order.
	ErrSignatureValues = fmt.Errorf("%w: R or S out of range", ErrBadSignature)

	// ErrWrongSigner: the signature is valid but recovers to another address than required.
	ErrWrongSigner = fmt.Errorf("%w: signer mismatch", ErrBadSignature)

	// ErrRetiredVersion: the message is a protocol v1 message (signed under domain version "1", or an RFC
	// or ticket without the v2 fields sessionKey and useDeposit). It wraps ErrBadSignature when the
	// signature recovers to the expected signer under version "1", ErrMalformed when fields are missing.
	ErrRetiredVersion = errors.New(`eip712: protocol v1 message (EIP-712 domain version "1"): this service accepts only version "2" (PROTOCOL §6: RFC and SessionTicket carry sessionKey and useDeposit)`)

	// ErrExpired: a deadline has passed. §9 code "expired".
	ErrExpired = errors.New("eip712: expired")

	// ErrDeadlineTooFar: an RFC deadline lies more than MaxDeadlineAhead in the future (PROTOCOL §6).
	// It wraps ErrMalformed: the message breaks a protocol rule whatever the time of arrival.
	ErrDeadlineTooFar = fmt.Errorf("%w: deadline more than %v ahead", ErrMalformed, MaxDeadlineAhead)
)
