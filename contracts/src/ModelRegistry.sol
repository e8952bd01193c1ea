// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title ModelRegistry
/// @notice Registry of the models served on the market (PROTOCOL §5). A model is a Docker-style `name:tag`,
///         globally unique, identified by `modelId = keccak256(bytes("name:tag"))`, with the content hash of its
///         weights, its builder and the builder's fee share of every session on it.
///
///         Rules:
///         - Names are owned: the first address to register any tag of a `name` owns the name, and only it may
///           register further tags of that name. Ownership is not transferable.
///         - The content hash of a registered `name:tag` is immutable (a new version of the weights is a new tag);
///           the builder may change `builderFeeBps` of its own models at any time, up to `MAX_FEE_BPS`. The keeper
///           settles each session with the fee in force when the session opened (known from the events).
///         - `contentHash` is the 32-byte sha2-256 digest inside the IPFS CID of the weights (the root of a
///           UnixFS/dag-pb DAG): the CIDv0 is `base58btc(0x12 0x20 || contentHash)` ("Qm…") and the CIDv1 is
///           `base32(0x01 0x70 0x12 0x20 || contentHash)` ("bafy…"). A fixed 32-byte value keeps storage to one
///           slot and makes the comparison exact; clients convert to and from the CID text.
///         - Name: 1..128 bytes of `[a-z0-9._/-]`, starting and ending with `[a-z0-9]`. Tag: 1..128 bytes of
///           `[A-Za-z0-9._-]`, starting with `[A-Za-z0-9_]` (Docker's rules). Neither can contain `:`, so
///           `name:tag` splits unambiguously and two different pairs never give the same modelId.
contract ModelRegistry {
    /// @notice Highest builder fee, in basis points of a session's cost (20%).
    uint16 public constant MAX_FEE_BPS = 2_000;
    /// @notice Longest name, in bytes.
    uint256 public constant MAX_NAME_LENGTH = 128;
    /// @notice Longest tag, in bytes.
    uint256 public constant MAX_TAG_LENGTH = 128;

    struct Model {
        address builder; // zero while unregistered
        uint16 feeBps;
        bytes32 contentHash;
        string fullName; // "name:tag"
    }

    mapping(bytes32 modelId => Model) private _models;
    mapping(bytes32 nameHash => address builder) private _nameOwners; // nameHash = keccak256(bytes(name))

    /// @notice `builder` became the owner of `name` (with its first model).
    event NameClaimed(bytes32 indexed nameHash, address indexed builder, string name);
    /// @notice A model was registered. `modelId = keccak256(bytes(string.concat(name, ":", tag)))`.
    event ModelRegistered(
        bytes32 indexed modelId, address indexed builder, string name, string tag, bytes32 contentHash, uint16 feeBps
    );
    /// @notice The builder changed the fee of one of its models.
    event BuilderFeeSet(bytes32 indexed modelId, uint16 previousFeeBps, uint16 feeBps);

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

    /// @notice Registers `name:tag`, owned by the caller, with the weights' content hash and the builder fee.
    /// @dev The caller becomes the owner of `name` if it has none yet; otherwise it must be its owner.
    /// @param name Model name, e.g. "llama-3.1-8b-instruct" or "meta/llama".
    /// @param tag Model tag, e.g. "q4_K_M" or "v1.0".
    /// @param contentHash sha2-256 digest inside the IPFS CID of the weights (see the contract notes).
    /// @param builderFeeBps The builder's share of every session on the model, in basis points (<= MAX_FEE_BPS).
    /// @return modelId keccak256(bytes("name:tag")).
    function register(string calldata name, string calldata tag, bytes32 contentHash, uint16 builderFeeBps)
        external
        returns (bytes32 modelId)
    {
        if (!_validName(bytes(name))) revert InvalidName(name);
        if (!_validTag(bytes(tag))) revert InvalidTag(tag);
        if (contentHash == bytes32(0)) revert ZeroContentHash();
        if (builderFeeBps > MAX_FEE_BPS) revert FeeTooHigh(builderFeeBps, MAX_FEE_BPS);

        bytes32 nameHash = keccak256(bytes(name));
        address owner = _nameOwners[nameHash];
        if (owner == address(0)) {
            _nameOwners[nameHash] = msg.sender;
            emit NameClaimed(nameHash, msg.sender, name);
        } else if (owner != msg.sender) {
            revert NameOwnedByOther(name, owner);
        }

        string memory fullName = string.concat(name, ":", tag);
        modelId = keccak256(bytes(fullName));
        Model storage m = _models[modelId];
        if (m.builder != address(0)) revert ModelExists(modelId);
        m.builder = msg.sender;
        m.feeBps = builderFeeBps;
        m.contentHash = contentHash;
        m.fullName = fullName;
        emit ModelRegistered(modelId, msg.sender, name, tag, contentHash, builderFeeBps);
    }

    /// @notice Changes the builder fee of one of the caller's models.
    /// @param modelId The model.
    /// @param feeBps The new fee in basis points (<= MAX_FEE_BPS).
    function setBuilderFee(bytes32 modelId, uint16 feeBps) external {
        Model storage m = _models[modelId];
        if (m.builder == address(0)) revert UnknownModel(modelId);
        if (m.builder != msg.sender) revert NotBuilder(modelId, msg.sender);
        if (feeBps > MAX_FEE_BPS) revert FeeTooHigh(feeBps, MAX_FEE_BPS);
        emit BuilderFeeSet(modelId, m.feeBps, feeBps);
        m.feeBps = feeBps;
    }

    /// @notice A registered model. Reverts with UnknownModel for an unknown id.
    /// @return builder The builder (fee recipient and owner of the name).
    /// @return feeBps The builder fee in basis points.
    /// @return contentHash sha2-256 digest inside the IPFS CID of the weights.
    /// @return name The full "name:tag".
    function model(bytes32 modelId)
        external
        view
        returns (address builder, uint16 feeBps, bytes32 contentHash, string memory name)
    {
        Model storage m = _models[modelId];
        if (m.builder == address(0)) revert UnknownModel(modelId);
        return (m.builder, m.feeBps, m.contentHash, m.fullName);
    }

    /// @notice Whether `modelId` is registered.
    function isRegistered(bytes32 modelId) external view returns (bool) {
        return _models[modelId].builder != address(0);
    }

    /// @notice The owner of `name`, or the zero address if no tag of it is registered.
    function nameOwner(string calldata name) external view returns (address) {
        return _nameOwners[keccak256(bytes(name))];
    }

    /// @notice The id of `name:tag`, whether registered or not: keccak256(bytes("name:tag")).
    function computeModelId(string calldata name, string calldata tag) external pure returns (bytes32) {
        return keccak256(bytes(string.concat(name, ":", tag)));
    }

    // ------------------------------------------------------------------------------------------------
    // Validation (loops bounded by MAX_NAME_LENGTH / MAX_TAG_LENGTH)
    // ------------------------------------------------------------------------------------------------

    function _validName(bytes calldata s) private pure returns (bool) {
        uint256 n = s.length;
        if (n == 0 || n > MAX_NAME_LENGTH) return false;
        if (!_isLowerAlnum(s[0]) || !_isLowerAlnum(s[n - 1])) return false;
        for (uint256 i = 1; i + 1 < n; ++i) {
            bytes1 c = s[i];
            if (!_isLowerAlnum(c) && c != "." && c != "_" && c != "-" && c != "/") return false;
        }
        return true;
    }

    function _validTag(bytes calldata s) private pure returns (bool) {
        uint256 n = s.length;
        if (n == 0 || n > MAX_TAG_LENGTH) return false;
        if (!_isAlnum(s[0]) && s[0] != "_") return false;
        for (uint256 i = 1; i < n; ++i) {
            bytes1 c = s[i];
            if (!_isAlnum(c) && c != "." && c != "_" && c != "-") return false;
        }
        return true;
    }

    function _isLowerAlnum(bytes1 c) private pure returns (bool) {
        return (c >= "a" && c <= "z") || (c >= "0" && c <= "9");
    }

    function _isAlnum(bytes1 c) private pure returns (bool) {
        return _isLowerAlnum(c) || (c >= "A" && c <= "Z");
    }
}
