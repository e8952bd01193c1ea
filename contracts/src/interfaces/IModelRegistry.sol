// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IModelRegistry
/// @notice The model and agent registry of PROTOCOL §5: its events, errors and functions (ModelRegistry
///         implements it; Marketplace and off-chain code depend on this interface only).
interface IModelRegistry {
    /// @notice What an entry is: a model or an agent.
    enum Kind {
        Model,
        Agent
    }

    /// @notice One entry of a model's fee history: `feeBps` is in force from `effectiveFrom` (unix seconds) until
    ///         the next entry's `effectiveFrom`.
    struct FeeChange {
        uint64 effectiveFrom;
        uint16 feeBps;
    }

    /// @notice `commitment` (a `nameCommitment`) was recorded at this block: it can claim its name from the next
    ///         block on, for MAX_COMMIT_AGE.
    event NameCommitted(bytes32 indexed commitment, address indexed committer);
    /// @notice `builder` became the owner of `name` (with its first model).
    /// @param fee MOR burned for the name.
    event NameClaimed(bytes32 indexed nameHash, address indexed builder, string name, uint256 fee);
    /// @notice A model or agent was registered. `modelId = keccak256(bytes(string.concat(name, ":", tag)))`.
    event ModelRegistered(
        bytes32 indexed modelId,
        address indexed builder,
        string name,
        string tag,
        bytes32 contentHash,
        uint16 feeBps,
        Kind kind
    );
    /// @notice The builder changed the fee of one of its models: `feeBps` is in force from `effectiveFrom` (the
    ///         block time for a decrease, FEE_INCREASE_NOTICE later for an increase). It replaces any change
    ///         still pending; `feeBps == previousFeeBps` only cancels a pending change.
    /// @param previousFeeBps The fee in force at the block time.
    event BuilderFeeSet(bytes32 indexed modelId, uint16 previousFeeBps, uint16 feeBps, uint64 effectiveFrom);

    /// @notice The name is empty, too long or uses a character outside `[a-z0-9._/-]` (or starts/ends badly).
    error InvalidName(string name);
    /// @notice The tag is empty, too long or uses a character outside `[A-Za-z0-9._-]` (or starts badly).
    error InvalidTag(string tag);
    /// @notice `name:tag` is already registered.
    error ModelExists(bytes32 modelId);
    /// @notice `name` belongs to another builder.
    error NameOwnedByOther(string name, address owner);
    /// @notice The fee is above `MAX_FEE_BPS`.
    error FeeTooHigh(uint256 feeBps, uint256 maxFeeBps);
    /// @notice The content hash is zero.
    error ZeroContentHash();
    /// @notice No model has this id.
    error UnknownModel(bytes32 modelId);
    /// @notice The caller is not the model's builder.
    error NotBuilder(bytes32 modelId, address caller);
    /// @notice A name fee without a token to burn it in.
    error ZeroAddress();
    /// @notice Claiming the new `name` needs the caller's commitment `nameCommitment(name, caller, salt)`, and
    ///         there is none for this salt (never made, made by another builder or for another salt, or used).
    error NameNotCommitted(string name);
    /// @notice The commitment was made in this block: it can be revealed from block `readyAtBlock` on.
    error CommitmentTooNew(uint256 readyAtBlock);
    /// @notice The commitment was usable until `validUntil` (unix seconds, inclusive) and is expired: commit again.
    error CommitmentExpired(uint256 validUntil);
    /// @notice `commitment` is recorded and still valid (until `validUntil`): it is not renewed, so that no one can
    ///         move a builder's commitment to a later block.
    error CommitmentExists(bytes32 commitment, uint256 validUntil);

    /// @notice Records `commitment` (see `nameCommitment`) at this block and time: the first step of claiming a
    ///         new name. Anyone may commit any hash; an expired commitment may be committed again.
    function commitName(bytes32 commitment) external;

    /// @notice The commitment for `builder` to claim `name`: keccak256(abi.encode(name, builder, salt)). The secret
    ///         random `salt` hides the name until the reveal (names are guessable); `builder` binds it to the one
    ///         address that can reveal it.
    function nameCommitment(string calldata name, address builder, bytes32 salt) external pure returns (bytes32);

    /// @notice Where and when `commitment` was recorded (zeros when it is not: never made, or used), and whether
    ///         a reveal in this block would accept it (recorded in an earlier block, not expired). Off-chain code
    ///         polls it by hash, without sending the name anywhere, to learn when to reveal.
    function commitmentOf(bytes32 commitment) external view returns (uint64 blockNumber, uint64 time, bool revealable);

    /// @notice Registers `name:tag` (a model or an agent), owned by the caller, with the weights' content hash
    ///         and the builder fee.
    /// @dev The caller becomes the owner of `name` if it has none yet, burning `nameFee` MOR from it (needs an
    ///      allowance) and using its commitment `nameCommitment(name, caller, salt)`, made by `commitName` in an
    ///      earlier block at most MAX_COMMIT_AGE ago; otherwise it must be its owner (`salt` is then ignored).
    /// @param name Model name, e.g. "llama-3.1-8b-instruct" or "meta/llama".
    /// @param tag Model tag, e.g. "q4_K_M" or "v1.0".
    /// @param contentHash sha2-256 digest inside the IPFS CID of the weights (see ModelRegistry).
    /// @param builderFeeBps The builder's share of every session on the model, in basis points (<= MAX_FEE_BPS).
    /// @param kind Model or Agent.
    /// @param salt The salt of the caller's commitment for a new name (any value for a name it owns).
    /// @return modelId keccak256(bytes("name:tag")).
    function register(
        string calldata name,
        string calldata tag,
        bytes32 contentHash,
        uint16 builderFeeBps,
        Kind kind,
        bytes32 salt
    ) external returns (bytes32 modelId);

    /// @notice Changes the builder fee of one of the caller's models: a decrease (or an equal fee) takes effect
    ///         at once, an increase FEE_INCREASE_NOTICE after the block time. Replaces any change still pending;
    ///         never changes the fee of a time before the block time.
    /// @param modelId The model.
    /// @param feeBps The new fee in basis points (<= MAX_FEE_BPS).
    function setBuilderFee(bytes32 modelId, uint16 feeBps) external;

    /// @notice A registered model. Reverts with UnknownModel for an unknown id.
    /// @return builder The builder (fee recipient and owner of the name).
    /// @return feeBps The builder fee in force now (block time), in basis points.
    /// @return contentHash sha2-256 digest inside the IPFS CID of the weights.
    /// @return name The full "name:tag".
    /// @return kind Model or Agent.
    function model(bytes32 modelId)
        external
        view
        returns (address builder, uint16 feeBps, bytes32 contentHash, string memory name, Kind kind);

    /// @notice The builder fee in force at time `t` (unix seconds): the newest history entry with
    ///         effectiveFrom <= t (the registration's fee for t before it). Read at a block of time R, the answer
    ///         is final for every t < R. Reverts with UnknownModel for an unknown id.
    function feeAt(bytes32 modelId, uint64 t) external view returns (uint16);

    /// @notice The increase announced but not yet in force, if any. Reverts with UnknownModel for an unknown id.
    function pendingFee(bytes32 modelId) external view returns (bool pending, uint16 feeBps, uint64 effectiveFrom);

    /// @notice The number of entries in the model's fee history (0 for an unknown id).
    function feeHistoryLength(bytes32 modelId) external view returns (uint256);

    /// @notice Entries [from, from+count) of the model's fee history (fewer at its end), oldest first.
    function feeHistory(bytes32 modelId, uint256 from, uint256 count) external view returns (FeeChange[] memory);

    /// @notice Whether `modelId` is registered.
    function isRegistered(bytes32 modelId) external view returns (bool);

    /// @notice The owner of `name`, or the zero address if no tag of it is registered.
    function nameOwner(string calldata name) external view returns (address);

    /// @notice The id of `name:tag`, whether registered or not: keccak256(bytes("name:tag")).
    function computeModelId(string calldata name, string calldata tag) external pure returns (bytes32);
}
