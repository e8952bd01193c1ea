// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title MarketTypes
/// @notice The four off-chain EIP-712 messages of PROTOCOL §6 (v2: RFC and SessionTicket carry sessionKey and
///         useDeposit) and their struct hashes, and the SignerClaim a provider's signer key signs to be bound to
///         it on-chain (protocol/README.md).
/// @dev The type strings below are the binding ones of PROTOCOL §6, byte for byte; wallets, the router and the Go
///      code hash the same strings. `encodeData` of a struct whose members are all static types is the
///      concatenation of the members, each left-padded to 32 bytes, which is exactly what `abi.encode` of the
///      members produces; the members are listed one by one so that a reordering of the Solidity struct can never
///      silently change a hash.
///
///      `seconds` is a reserved word in Solidity (a time unit), so `UsageReceipt.seconds` is the member
///      `seconds_` here; the EIP-712 type keeps the name `seconds` (the member name is not part of the hash).
library MarketTypes {
    /// @notice A user's Request For Compute.
    struct RFC {
        address user;
        bytes32 modelId;
        uint256 maxPricePerSecond;
        uint32 maxSeconds;
        uint32 minTps;
        uint32 maxTtftMs;
        uint64 nonce;
        uint64 deadline;
        address sessionKey;
        bool useDeposit;
    }

    /// @notice A router's grant of a session to a user with a provider.
    struct SessionTicket {
        bytes32 sessionId;
        address user;
        address provider;
        bytes32 modelId;
        uint256 pricePerSecond;
        uint32 maxSeconds;
        uint64 notAfter;
        address sessionKey;
        bool useDeposit;
    }

    /// @notice The usage of a session, signed by the user and countersigned by the provider.
    struct UsageReceipt {
        bytes32 sessionId;
        uint32 seconds_;
        uint32 inputTokens;
        uint32 outputTokens;
        uint32 ttftMs;
    }

    /// @notice A provider signer's proof of liveness for a router challenge.
    struct Liveness {
        address provider;
        bytes32 challenge;
        uint64 timestamp;
    }

    bytes32 internal constant RFC_TYPEHASH = keccak256(
        "RFC(address user,bytes32 modelId,uint256 maxPricePerSecond,uint32 maxSeconds,uint32 minTps,uint32 maxTtftMs,uint64 nonce,uint64 deadline,address sessionKey,bool useDeposit)"
    );
    bytes32 internal constant SESSION_TICKET_TYPEHASH = keccak256(
        "SessionTicket(bytes32 sessionId,address user,address provider,bytes32 modelId,uint256 pricePerSecond,uint32 maxSeconds,uint64 notAfter,address sessionKey,bool useDeposit)"
    );
    bytes32 internal constant USAGE_RECEIPT_TYPEHASH = keccak256(
        "UsageReceipt(bytes32 sessionId,uint32 seconds,uint32 inputTokens,uint32 outputTokens,uint32 ttftMs)"
    );
    bytes32 internal constant LIVENESS_TYPEHASH =
        keccak256("Liveness(address provider,bytes32 challenge,uint64 timestamp)");

    bytes32 internal constant SIGNER_CLAIM_TYPEHASH = keccak256("SignerClaim(address provider,address signer)");

    /// @notice EIP-712 `hashStruct` of SignerClaim(provider, signer): the signer key consents to sign for provider.
    function hashSignerClaim(address provider, address signer) internal pure returns (bytes32) {
        return keccak256(abi.encode(SIGNER_CLAIM_TYPEHASH, provider, signer));
    }

    /// @notice EIP-712 `hashStruct` of an RFC.
    function hash(RFC calldata m) internal pure returns (bytes32) {
        return keccak256(
            abi.encode(
                RFC_TYPEHASH,
                m.user,
                m.modelId,
                m.maxPricePerSecond,
                m.maxSeconds,
                m.minTps,
                m.maxTtftMs,
                m.nonce,
                m.deadline,
                m.sessionKey,
                m.useDeposit
            )
        );
    }

    /// @notice EIP-712 `hashStruct` of a SessionTicket.
    function hash(SessionTicket calldata m) internal pure returns (bytes32) {
        return keccak256(
            abi.encode(
                SESSION_TICKET_TYPEHASH,
                m.sessionId,
                m.user,
                m.provider,
                m.modelId,
                m.pricePerSecond,
                m.maxSeconds,
                m.notAfter,
                m.sessionKey,
                m.useDeposit
            )
        );
    }

    /// @notice EIP-712 `hashStruct` of a UsageReceipt.
    function hash(UsageReceipt calldata m) internal pure returns (bytes32) {
        return
            keccak256(
                abi.encode(USAGE_RECEIPT_TYPEHASH, m.sessionId, m.seconds_, m.inputTokens, m.outputTokens, m.ttftMs)
            );
    }

    /// @notice EIP-712 `hashStruct` of a Liveness message.
    function hash(Liveness calldata m) internal pure returns (bytes32) {
        return keccak256(abi.encode(LIVENESS_TYPEHASH, m.provider, m.challenge, m.timestamp));
    }
}
