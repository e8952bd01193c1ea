// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {IModelRegistry} from "./interfaces/IModelRegistry.sol";

/// @title ModelRegistry
/// @notice Registry of the models served on the market (PROTOCOL §5). A model is a Docker-style `name:tag`,
///         globally unique, identified by `modelId = keccak256(bytes("name:tag"))`, with the content hash of its
///         weights, its builder and the builder's fee share of every session on it.
///
///         Rules:
///         - Names are owned: the first address to register any tag of a `name` owns the name, and only it may
///           register further tags of that name. Ownership is not transferable.
///         - Claiming a new name burns `nameFee` MOR from the claimant (fixed at deployment; further tags of an
///           owned name are free). Squatting is thus paid for, per name, in a currency every squatted name takes
///           out of circulation (burns feed the tail emission, PROTOCOL §3), while a builder publishing real
///           models pays it once. No one (no admin either) can take a name away: any reclaim rule would be a
///           power to seize a working model's fee stream.
///         - A new name is claimed in two steps, commit then reveal (threat: a front-runner who sees a builder's
///           first `register` of a name in the mempool registers any tag of it first and owns the name for good).
///           The builder first sends `commitName(nameCommitment(name, builder, salt))` with a secret random
///           `salt`: the hash hides the name (salted, so no dictionary of names reveals it) and binds the builder
///           (a copied commitment is only usable by the builder). It then sends `register(…, salt)` in a later
///           block: the commitment must have been recorded at a block number strictly below the reveal's and at
///           most `MAX_COMMIT_AGE` before it, and is used up. A front-runner who learns the name from the reveal
///           has no commitment of its own for the name, and one it sends once it sees the reveal is recorded at
///           best in the block after, too new to be revealed there. An unexpired commitment cannot be recorded
///           again (no one can move a builder's commitment to a later block). Further tags of an owned name need
///           no commitment. The assumption this rests on: the builder's reveal is included before a commitment
///           the front-runner sends after seeing it can be revealed, i.e. in the block after the reveal is first
///           seen. A reveal left pending longer where others see it (a public mempool: a low tip, a full block)
///           can lose the name: the front-runner's commitment is included in that block and its reveal ordered
///           before the builder's in the next (`test_RevealLeftPendingABlock_CanBeFrontRun`). On Arbitrum (no
///           public mempool: the sequencer orders transactions as they reach it and publishes them once
///           ordered) it holds for a reveal sent to the sequencer; on an L1 the reveal must be sent privately
///           (not to the public mempool). What is left: an attacker who guessed a
///           name before its builder could always have registered it outright (paying the fee); the age limit
///           makes it renew a commitment per guessed name per day, in gas, to keep a reveal ready.
///           On Arbitrum `block.number` is the L1 block number the sequencer assigned, shared by the L2 blocks of
///           one L1 block: the reveal waits until the chain reports a later L1 block (seconds). It still holds:
///           `block.number` never decreases along the sequencer's order, and the sequencer's feed shows the
///           reveal only once ordered, so a commitment sent once it is seen there is ordered after it, recorded
///           at the reveal's L1 block number or later, and too new for a reveal ordered before the builder's.
///         - Every entry is a model or an agent (`Kind`, PROTOCOL §5 "Agents are registered the same way"); the
///           kind is fixed with the entry.
///         - The content hash of a registered `name:tag` is immutable (a new version of the weights is a new tag).
///         - Builder fees (threat: a hostile builder raising its fee over sessions already served). The builder may
///           change `builderFeeBps` of its own models, up to `MAX_FEE_BPS`. Each model keeps its fee history: entries
///           (effectiveFrom, feeBps) in order of `effectiveFrom`. A decrease takes effect at once (the
///           block time); an increase only `FEE_INCREASE_NOTICE` later, so providers see it coming. A new change
///           replaces any change still pending (effectiveFrom >= the block time); entries in force before the
///           block time are never changed, so the fee of an earlier time never changes (`feeAt`). Every change is
///           appended with effectiveFrom >= the block time of its transaction: `feeAt(id, t)` read at a block of
///           time R is final for every t < R. The keeper charges each session the fee in force at its start
///           (`feeAt(modelId, start)`, start as settle.Start of PROTOCOL §8), whenever it reads.
///         - `contentHash` is the 32-byte sha2-256 digest inside the IPFS CID of the weights (the root of a
///           UnixFS/dag-pb DAG): the CIDv0 is `base58btc(0x12 0x20 || contentHash)` ("Qm…") and the CIDv1 is
///           `base32(0x01 0x70 0x12 0x20 || contentHash)` ("bafy…"). A fixed 32-byte value keeps storage to one
///           slot and makes the comparison exact; clients convert to and from the CID text.
///         - Name: 1..128 bytes of `[a-z0-9._/-]`, starting and ending with `[a-z0-9]`. Tag: 1..128 bytes of
///           `[A-Za-z0-9._-]`, starting with `[A-Za-z0-9_]` (Docker's rules). Neither can contain `:`, so
///           `name:tag` splits unambiguously and two different pairs never give the same modelId.
contract ModelRegistry is IModelRegistry {
    /// @notice Highest builder fee, in basis points of a session's cost (20%).
    uint16 public constant MAX_FEE_BPS = 2_000;
    /// @notice Delay before a fee increase takes effect (a decrease takes effect at once).
    uint64 public constant FEE_INCREASE_NOTICE = 1 days;
    /// @notice Longest name, in bytes.
    uint256 public constant MAX_NAME_LENGTH = 128;
    /// @notice Longest tag, in bytes.
    uint256 public constant MAX_TAG_LENGTH = 128;
    /// @notice Longest time a name commitment stays usable after its block (inclusive).
    uint64 public constant MAX_COMMIT_AGE = 1 days;

    struct Model {
        address builder; // zero while unregistered
        Kind kind;
        bytes32 contentHash;
        string fullName; // "name:tag"
    }

    /// @dev One slot; blockNumber is zero while unrecorded (no transaction runs in block 0).
    struct Commitment {
        uint64 blockNumber;
        uint64 time;
    }

    /// @notice The MOR token new names are paid in (burned); zero when `nameFee` is 0.
    ERC20Burnable public immutable token;
    /// @notice MOR burned from the claimant of a new name (wei), fixed at deployment.
    uint256 public immutable nameFee;

    mapping(bytes32 modelId => Model) private _models;
    mapping(bytes32 nameHash => address builder) private _nameOwners; // nameHash = keccak256(bytes(name))
    /// @dev One slot per entry; effectiveFrom non-decreasing (of equal ones the later wins); the first entry is
    ///      the registration's.
    mapping(bytes32 modelId => FeeChange[]) private _fees;
    mapping(bytes32 commitment => Commitment) private _commitments;

    /// @param token_ The MOR token (burnable); may be zero only when `nameFee_` is 0.
    /// @param nameFee_ MOR burned from the claimant of each new name (wei).
    constructor(ERC20Burnable token_, uint256 nameFee_) {
        if (nameFee_ != 0 && address(token_) == address(0)) revert ZeroAddress();
        token = token_;
        nameFee = nameFee_;
    }

    /// @inheritdoc IModelRegistry
    function commitName(bytes32 commitment) external {
        Commitment storage c = _commitments[commitment];
        if (c.blockNumber != 0 && block.timestamp <= c.time + MAX_COMMIT_AGE) {
            revert CommitmentExists(commitment, c.time + MAX_COMMIT_AGE);
        }
        c.blockNumber = uint64(block.number);
        c.time = uint64(block.timestamp);
        emit NameCommitted(commitment, msg.sender);
    }

    /// @inheritdoc IModelRegistry
    function nameCommitment(string calldata name, address builder, bytes32 salt) public pure returns (bytes32) {
        return keccak256(abi.encode(name, builder, salt));
    }

    /// @inheritdoc IModelRegistry
    function commitmentOf(bytes32 commitment) external view returns (uint64 blockNumber, uint64 time, bool revealable) {
        Commitment memory c = _commitments[commitment];
        revealable = c.blockNumber != 0 && block.number > c.blockNumber && block.timestamp <= c.time + MAX_COMMIT_AGE;
        return (c.blockNumber, c.time, revealable);
    }

    /// @inheritdoc IModelRegistry
    function register(
        string calldata name,
        string calldata tag,
        bytes32 contentHash,
        uint16 builderFeeBps,
        Kind kind,
        bytes32 salt
    ) external returns (bytes32 modelId) {
        if (!_validName(bytes(name))) revert InvalidName(name);
        if (!_validTag(bytes(tag))) revert InvalidTag(tag);
        if (contentHash == bytes32(0)) revert ZeroContentHash();
        if (builderFeeBps > MAX_FEE_BPS) revert FeeTooHigh(builderFeeBps, MAX_FEE_BPS);

        bool newName = _claimName(name, salt);

        string memory fullName = string.concat(name, ":", tag);
        modelId = keccak256(bytes(fullName));
        Model storage m = _models[modelId];
        if (m.builder != address(0)) revert ModelExists(modelId);
        m.builder = msg.sender;
        m.kind = kind;
        _fees[modelId].push(FeeChange(uint64(block.timestamp), builderFeeBps));
        m.contentHash = contentHash;
        m.fullName = fullName;
        emit ModelRegistered(modelId, msg.sender, name, tag, contentHash, builderFeeBps, kind);
        if (newName && nameFee != 0) token.burnFrom(msg.sender, nameFee); // effects done first
    }

    /// @inheritdoc IModelRegistry
    function setBuilderFee(bytes32 modelId, uint16 feeBps) external {
        Model storage m = _models[modelId];
        if (m.builder == address(0)) revert UnknownModel(modelId);
        if (m.builder != msg.sender) revert NotBuilder(modelId, msg.sender);
        if (feeBps > MAX_FEE_BPS) revert FeeTooHigh(feeBps, MAX_FEE_BPS);
        FeeChange[] storage h = _fees[modelId];
        uint64 now_ = uint64(block.timestamp);
        // Drop the change not yet in force, if any (each call drops it before adding one, the registration's
        // entry is never in the future: at most one is); every entry in force at or before now stays.
        if (h.length > 1 && h[h.length - 1].effectiveFrom > now_) h.pop();
        uint16 current = h[h.length - 1].feeBps;
        uint64 from = now_;
        if (feeBps > current) {
            from = now_ + FEE_INCREASE_NOTICE;
            h.push(FeeChange(from, feeBps));
        } else if (feeBps < current) {
            h.push(FeeChange(from, feeBps));
        } // equal: only the pending change (if any) is cancelled
        emit BuilderFeeSet(modelId, current, feeBps, from);
    }

    /// @inheritdoc IModelRegistry
    function model(bytes32 modelId)
        external
        view
        returns (address builder, uint16 feeBps, bytes32 contentHash, string memory name, Kind kind)
    {
        Model storage m = _models[modelId];
        if (m.builder == address(0)) revert UnknownModel(modelId);
        return (m.builder, _feeAt(modelId, uint64(block.timestamp)), m.contentHash, m.fullName, m.kind);
    }

    /// @inheritdoc IModelRegistry
    function feeAt(bytes32 modelId, uint64 t) external view returns (uint16) {
        if (_models[modelId].builder == address(0)) revert UnknownModel(modelId);
        return _feeAt(modelId, t);
    }

    /// @inheritdoc IModelRegistry
    function pendingFee(bytes32 modelId) external view returns (bool pending, uint16 feeBps, uint64 effectiveFrom) {
        if (_models[modelId].builder == address(0)) revert UnknownModel(modelId);
        FeeChange[] storage h = _fees[modelId];
        FeeChange memory last = h[h.length - 1];
        if (last.effectiveFrom > block.timestamp) return (true, last.feeBps, last.effectiveFrom);
        return (false, 0, 0);
    }

    /// @inheritdoc IModelRegistry
    function feeHistoryLength(bytes32 modelId) external view returns (uint256) {
        return _fees[modelId].length;
    }

    /// @inheritdoc IModelRegistry
    function feeHistory(bytes32 modelId, uint256 from, uint256 count) external view returns (FeeChange[] memory out) {
        FeeChange[] storage h = _fees[modelId];
        uint256 end = from >= h.length ? from : from + count > h.length ? h.length : from + count;
        out = new FeeChange[](end - from);
        for (uint256 i = from; i < end; ++i) {
            out[i - from] = h[i];
        }
    }

    /// @dev Checks the caller owns `name`, or makes it the owner of the unowned `name` with its commitment; returns
    ///      whether the name is new.
    function _claimName(string calldata name, bytes32 salt) private returns (bool) {
        bytes32 nameHash = keccak256(bytes(name));
        address owner = _nameOwners[nameHash];
        if (owner != address(0)) {
            if (owner != msg.sender) revert NameOwnedByOther(name, owner);
            return false;
        }
        _useCommitment(name, salt);
        _nameOwners[nameHash] = msg.sender;
        emit NameClaimed(nameHash, msg.sender, name, nameFee);
        return true;
    }

    /// @dev Uses up the caller's commitment to claim `name`: recorded in an earlier block, at most MAX_COMMIT_AGE ago.
    function _useCommitment(string calldata name, bytes32 salt) private {
        bytes32 commitment = nameCommitment(name, msg.sender, salt);
        Commitment memory c = _commitments[commitment];
        if (c.blockNumber == 0) revert NameNotCommitted(name);
        if (block.number <= c.blockNumber) revert CommitmentTooNew(uint256(c.blockNumber) + 1);
        uint256 validUntil = uint256(c.time) + MAX_COMMIT_AGE;
        if (block.timestamp > validUntil) revert CommitmentExpired(validUntil);
        delete _commitments[commitment];
    }

    /// @dev The fee of the last entry with effectiveFrom <= t (binary search: O(log n) for any history);
    ///      before the registration, the registration's fee.
    function _feeAt(bytes32 modelId, uint64 t) private view returns (uint16) {
        FeeChange[] storage h = _fees[modelId];
        uint256 lo = 0;
        uint256 hi = h.length; // answer: the last index with effectiveFrom <= t, or 0
        while (hi - lo > 1) {
            uint256 mid = (lo + hi) / 2;
            if (h[mid].effectiveFrom <= t) lo = mid;
            else hi = mid;
        }
        return h[lo].feeBps;
    }

    /// @inheritdoc IModelRegistry
    function isRegistered(bytes32 modelId) external view returns (bool) {
        return _models[modelId].builder != address(0);
    }

    /// @inheritdoc IModelRegistry
    function nameOwner(string calldata name) external view returns (address) {
        return _nameOwners[keccak256(bytes(name))];
    }

    /// @inheritdoc IModelRegistry
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
