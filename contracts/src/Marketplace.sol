// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {Roles} from "./libraries/Roles.sol";
import {IModelRegistry} from "./interfaces/IModelRegistry.sol";
import {IMarketplace} from "./interfaces/IMarketplace.sol";
import {MarketTypes} from "./libraries/MarketTypes.sol";

/// @title Marketplace
/// @notice The provider book of the market (PROTOCOL §5) and the EIP-712 domain of its off-chain messages (§6).
///
///         Providers register with a MOR stake, an endpoint URL and a signer (hot) key, and post one bid per model
///         (MOR-wei per second). The router rebuilds the whole book from this contract's events alone: every
///         state change emits one, carrying the resulting state where an amount changes.
///
///         Stake: `stake` is the active stake; `pendingUnstake` is stake on its way out, still slashable, released
///         by `withdraw()` at `unlockAt`. A provider is matchable while registered with `stake >= minProviderStake`
///         (so stake minus pending unstake, in the words of the issue). A new unstake request adds to the pending
///         amount and restarts the unbonding clock for all of it: one pending amount per provider, no queue.
///
///         Slashing (guardian, with an evidence hash used once): takes from the active stake first, then from the
///         pending unstake; proceeds go to `protectionFund`, fixed at deployment: no role can redirect them
///         (PROTOCOL §10). Slashes are capped per episode, not per call (a fresh evidence hash is free): a
///         provider's episode begins at a slash that comes more than `SLASH_WINDOW` after its previous slash (or
///         at its first), fixing an allowance of `MAX_SLASH_BPS` of what it then has at stake (active plus
///         pending); every slash of the episode draws on that allowance and extends the episode, so two slashes of
///         different episodes are more than `SLASH_WINDOW` apart. Bound: within any `SLASH_WINDOW` seconds
///         (a closed span; `SLASH_WINDOW` = `MAX_UNBONDING_PERIOD`, at least any unbonding period the admin can
///         set, so at least the time any provider needs to unstake and leave) the guardian takes at most
///         `MAX_SLASH_BPS` of the provider's stake at the episode's first slash plus `MAX_SLASH_BPS` of what it
///         adds during the episode (so a top-up after a slash is slashable too): 1x, no 2x across a window
///         boundary, no compounding. Every slash extends the episode, so a provider slashed more often than once a
///         `SLASH_WINDOW` stays in one episode (its cap does not refill: stricter than the bound). `SLASH_WINDOW`
///         is a constant: no parameter change can shorten or reset an episode. A slash takes at most what remains
///         of the allowance and of the stake, so a front-run withdrawal cannot make it revert unless nothing
///         slashable is left (`NothingToSlash`); an exhausted allowance reverts `SlashCapReached`.
///
///         Signer keys are unique across providers: a key that signs for one provider cannot be registered by
///         another (a receipt or liveness proof names exactly one provider). A provider below the minimum
///         stake (for example fully unstaked) is not matchable and `bid` reports no bid for it.
///
///         Roles: DEFAULT_ADMIN_ROLE (parameters, roles), GUARDIAN_ROLE (slash), ROUTER_ROLE and KEEPER_ROLE
///         (authorised off-chain services: the Go side checks `hasRole` to accept session tickets and settlement
///         batches; the keeper's on-chain rights live in ComputePool).
///
/// @dev Invariant: `totalStaked == sum over providers of (stake + pendingUnstake) == token.balanceOf(this)`
///      (barring tokens sent here directly, which are never counted as stake).
contract Marketplace is IMarketplace, AccessControl, EIP712, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    bytes32 public constant ROUTER_ROLE = Roles.ROUTER;
    bytes32 public constant KEEPER_ROLE = Roles.KEEPER;
    bytes32 public constant GUARDIAN_ROLE = Roles.GUARDIAN;

    /// @notice Longest unbonding period the admin may set.
    uint256 public constant MAX_UNBONDING_PERIOD = 90 days;
    /// @notice Longest endpoint URL, in bytes.
    uint256 public constant MAX_ENDPOINT_LENGTH = 256;
    /// @notice Unbonding period set at deployment.
    uint256 public constant DEFAULT_UNBONDING_PERIOD = 7 days;

    /// @notice The MOR token (ERC20 + ERC-2612).
    IERC20 public immutable token;
    /// @notice The model registry bids are checked against.
    IModelRegistry public immutable registry;
    /// @notice Recipient of slashed stake (the protection fund), fixed at deployment.
    address public immutable protectionFund;
    /// @notice Largest share of a provider's stake (active plus pending, at the episode's first slash) the slashes
    ///         of one episode may take together, in basis points.
    uint256 public constant MAX_SLASH_BPS = 1_000;
    /// @notice Quiet time, in seconds, after which a provider's next slash begins a new episode with a fresh
    ///         allowance of MAX_SLASH_BPS; fixed (the longest unbonding period) so no admin change can shorten it.
    uint256 public constant SLASH_WINDOW = MAX_UNBONDING_PERIOD;

    /// @notice Least active stake of a matchable provider (wei).
    uint256 public minProviderStake;
    /// @notice Seconds between an unstake request and its withdrawal.
    uint256 public unbondingPeriod;
    /// @notice Lowest bid price (MOR-wei per second); always > 0, zero means "no bid".
    uint256 public minPrice;
    /// @notice Highest bid price (MOR-wei per second).
    uint256 public maxPrice;
    /// @notice Sum of every provider's active and pending stake.
    uint256 public totalStaked;

    struct Provider {
        bool registered;
        address signer;
        uint64 unlockAt; // when pendingUnstake can be withdrawn; 0 when nothing is pending
        uint256 stake; // active stake
        uint256 pendingUnstake; // unbonding, still slashable
        string endpoint;
    }

    /// @dev A provider's slashing episode: when it was last slashed and what the episode may still take.
    struct SlashEpisode {
        uint64 lastSlashAt; // 0 before any slash
        uint192 remaining; // allowance left in the episode
    }

    mapping(address provider => Provider) private _providers;
    mapping(address provider => SlashEpisode) private _slashEpisodes;
    mapping(address provider => mapping(bytes32 modelId => uint256 pricePerSecond)) private _bids;
    /// @notice The provider a signer key signs for (zero if none).
    mapping(address signer => address provider) public providerOfSigner;
    /// @notice Evidence hashes already used by a slash.
    mapping(bytes32 evidenceHash => bool) public evidenceUsed;

    /// @param admin Holder of DEFAULT_ADMIN_ROLE (a multisig in production).
    /// @param token_ The MOR token.
    /// @param registry_ The model registry.
    /// @param protectionFund_ Recipient of slashed stake.
    /// @param minProviderStake_ Least active stake of a matchable provider (> 0).
    /// @param minPrice_ Lowest bid, MOR-wei per second (> 0).
    /// @param maxPrice_ Highest bid, MOR-wei per second (>= minPrice_).
    constructor(
        address admin,
        IERC20 token_,
        IModelRegistry registry_,
        address protectionFund_,
        uint256 minProviderStake_,
        uint256 minPrice_,
        uint256 maxPrice_
    ) EIP712("LakeTravis", "2") {
        if (
            admin == address(0) || address(token_) == address(0) || address(registry_) == address(0)
                || protectionFund_ == address(0)
        ) {
            revert ZeroAddress();
        }
        token = token_;
        registry = registry_;
        protectionFund = protectionFund_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _setParams(minProviderStake_, DEFAULT_UNBONDING_PERIOD, minPrice_, maxPrice_);
    }

    // ------------------------------------------------------------------------------------------------
    // Providers
    // ------------------------------------------------------------------------------------------------

    /// @notice Registers the caller as a provider, pulling `stake` MOR from it (needs an allowance).
    /// @param endpoint OpenAI-compatible base URL, 1..MAX_ENDPOINT_LENGTH bytes.
    /// @param signer Hot key that signs liveness proofs and usage receipts for the provider.
    /// @param signerProof The signer's 65-byte signature (r, s, v) of `signerClaimDigest(caller, signer)`: proof
    ///        that the caller holds the signer key's consent (empty when the signer is the caller itself).
    /// @param stake Initial stake in wei, at least `minProviderStake`.
    function register(string calldata endpoint, address signer, bytes calldata signerProof, uint256 stake)
        external
        nonReentrant
    {
        _register(endpoint, signer, signerProof, stake);
    }

    /// @notice `register` with an ERC-2612 permit for the stake, in one transaction.
    /// @dev A failing permit is ignored (it may have been front-run); the transfer then needs an allowance.
    /// @param endpoint OpenAI-compatible base URL, 1..MAX_ENDPOINT_LENGTH bytes.
    /// @param signer Hot key that signs liveness proofs and usage receipts for the provider.
    /// @param signerProof As for `register`.
    /// @param stake Initial stake in wei, at least `minProviderStake`.
    /// @param deadline Permit deadline.
    /// @param v Permit signature v.
    /// @param r Permit signature r.
    /// @param s Permit signature s.
    function registerWithPermit(
        string calldata endpoint,
        address signer,
        bytes calldata signerProof,
        uint256 stake,
        uint256 deadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external nonReentrant {
        _permit(stake, deadline, v, r, s);
        _register(endpoint, signer, signerProof, stake);
    }

    /// @notice Adds `amount` MOR to the caller's active stake (needs an allowance).
    function addStake(uint256 amount) external nonReentrant {
        _addStake(amount);
    }

    /// @notice `addStake` with an ERC-2612 permit.
    /// @param amount MOR to add, in wei.
    /// @param deadline Permit deadline.
    /// @param v Permit signature v.
    /// @param r Permit signature r.
    /// @param s Permit signature s.
    function addStakeWithPermit(uint256 amount, uint256 deadline, uint8 v, bytes32 r, bytes32 s) external nonReentrant {
        _permit(amount, deadline, v, r, s);
        _addStake(amount);
    }

    /// @notice Moves `amount` of the caller's active stake to unbonding; it can be withdrawn `unbondingPeriod`
    ///         from now. Any amount already pending joins it and waits the new, full period. The unlock time
    ///         never moves earlier (a shorter period set meanwhile cannot free stake sooner).
    /// @dev The provider stays registered; below `minProviderStake` it is no longer matchable.
    function requestUnstake(uint256 amount) external {
        Provider storage p = _registered(msg.sender);
        if (amount == 0) revert ZeroAmount();
        uint256 stake = p.stake;
        if (amount > stake) revert InsufficientStake(amount, stake);
        p.stake = stake - amount;
        uint256 pending = p.pendingUnstake + amount;
        p.pendingUnstake = pending;
        uint64 unlockAt = SafeCast.toUint64(block.timestamp + unbondingPeriod);
        if (p.unlockAt > unlockAt) unlockAt = p.unlockAt;
        p.unlockAt = unlockAt;
        emit UnstakeRequested(msg.sender, amount, stake - amount, pending, unlockAt);
    }

    /// @notice Sends the caller its whole pending unstake once the unbonding period is over.
    /// @return amount The MOR withdrawn.
    function withdraw() external nonReentrant returns (uint256 amount) {
        Provider storage p = _providers[msg.sender];
        amount = p.pendingUnstake;
        if (amount == 0) revert NothingToWithdraw(msg.sender);
        if (block.timestamp < p.unlockAt) revert UnbondingNotOver(p.unlockAt, block.timestamp);
        p.pendingUnstake = 0;
        p.unlockAt = 0;
        totalStaked -= amount;
        emit Withdrawn(msg.sender, amount);
        token.safeTransfer(msg.sender, amount);
    }

    /// @notice Replaces the caller's endpoint and signer.
    /// @param endpoint OpenAI-compatible base URL, 1..MAX_ENDPOINT_LENGTH bytes.
    /// @param signer New hot key (non-zero).
    /// @param signerProof When `signer` changes, as for `register`; ignored (may be empty) when it stays.
    function updateProvider(string calldata endpoint, address signer, bytes calldata signerProof) external {
        Provider storage p = _registered(msg.sender);
        _checkEndpoint(endpoint);
        address previous = p.signer;
        if (signer != previous) {
            _claimSigner(signer, signerProof);
            delete providerOfSigner[previous];
        }
        p.endpoint = endpoint;
        p.signer = signer;
        emit ProviderUpdated(msg.sender, signer, endpoint);
    }

    /// @notice Slashes up to `amount` of `provider`'s stake on evidence; proceeds go to the protection fund.
    /// @dev Takes from the active stake first, then from the pending unstake. A slash more than SLASH_WINDOW after
    ///      the provider's previous one (or its first) begins an episode whose allowance is MAX_SLASH_BPS of what
    ///      the provider then has at stake (active plus pending); each slash takes at most what remains of the
    ///      allowance and of the stake, and extends the episode (stake added meanwhile adds MAX_SLASH_BPS of itself
    ///      to the allowance). So within any SLASH_WINDOW seconds the guardian takes at most MAX_SLASH_BPS of the
    ///      stake at the episode's start and of what was added since, however many evidence hashes it uses.
    ///      Reverts NothingToSlash when the provider has nothing at stake, SlashCapReached when the allowance is
    ///      used up (a withdrawal in front of a slash never makes it revert otherwise). Each evidence hash slashes
    ///      once. Only GUARDIAN_ROLE.
    /// @param provider The provider to slash.
    /// @param amount Most MOR to take.
    /// @param evidenceHash Hash of the published evidence.
    /// @return slashed The MOR actually taken.
    function slash(address provider, uint256 amount, bytes32 evidenceHash)
        external
        onlyRole(GUARDIAN_ROLE)
        nonReentrant
        returns (uint256 slashed)
    {
        Provider storage p = _registered(provider);
        if (amount == 0) revert ZeroAmount();
        if (evidenceUsed[evidenceHash]) revert EvidenceUsed(evidenceHash);
        evidenceUsed[evidenceHash] = true;
        uint256 stake = p.stake;
        uint256 pending = p.pendingUnstake;
        SlashEpisode memory e = _slashEpisodes[provider];
        if (!_inEpisode(e.lastSlashAt)) {
            e.remaining = _slashShare(stake + pending);
        } else if (e.remaining == 0) {
            revert SlashCapReached(provider, uint256(e.lastSlashAt) + SLASH_WINDOW + 1);
        }
        if (amount > e.remaining) amount = e.remaining;
        uint256 fromStake = amount < stake ? amount : stake;
        uint256 rest = amount - fromStake;
        uint256 fromPending = rest < pending ? rest : pending;
        slashed = fromStake + fromPending;
        if (slashed == 0) revert NothingToSlash(provider);
        // slashed <= e.remaining, so the difference fits in uint192.
        // forge-lint: disable-next-line(unsafe-typecast)
        _slashEpisodes[provider] = SlashEpisode(SafeCast.toUint64(block.timestamp), uint192(e.remaining - slashed));

        p.stake = stake - fromStake;
        p.pendingUnstake = pending - fromPending;
        if (pending == fromPending) p.unlockAt = 0;
        totalStaked -= slashed;
        emit Slashed(provider, evidenceHash, slashed, fromPending, stake - fromStake, pending - fromPending);
        token.safeTransfer(protectionFund, slashed);
    }

    // ------------------------------------------------------------------------------------------------
    // Bids
    // ------------------------------------------------------------------------------------------------

    /// @notice Posts the caller's bid for `modelId`, replacing any previous one.
    /// @dev The caller must be matchable and the model registered; the price must be in [minPrice, maxPrice].
    ///      A bid stays in the book if the provider later falls below the minimum stake or the bounds change;
    ///      the router only matches bids that pass `isMatchable` and the bounds in force.
    /// @param modelId The model (ModelRegistry id).
    /// @param pricePerSecond Price in MOR-wei per second of session time.
    function postBid(bytes32 modelId, uint256 pricePerSecond) external {
        if (!isMatchable(msg.sender)) revert NotMatchable(msg.sender);
        if (!registry.isRegistered(modelId)) revert UnknownModel(modelId);
        if (pricePerSecond < minPrice || pricePerSecond > maxPrice) {
            revert PriceOutOfBounds(pricePerSecond, minPrice, maxPrice);
        }
        _bids[msg.sender][modelId] = pricePerSecond;
        emit BidPosted(msg.sender, modelId, pricePerSecond);
    }

    /// @notice Deletes the caller's bid for `modelId`.
    function deleteBid(bytes32 modelId) external {
        if (_bids[msg.sender][modelId] == 0) revert NoBid(msg.sender, modelId);
        delete _bids[msg.sender][modelId];
        emit BidDeleted(msg.sender, modelId);
    }

    // ------------------------------------------------------------------------------------------------
    // Administration
    // ------------------------------------------------------------------------------------------------

    /// @notice Sets the stake and price parameters. Only DEFAULT_ADMIN_ROLE.
    /// @dev A new unbonding period applies to later requests only. Requires minProviderStake > 0,
    ///      0 < minPrice <= maxPrice and unbondingPeriod <= MAX_UNBONDING_PERIOD.
    function setParams(uint256 minProviderStake_, uint256 unbondingPeriod_, uint256 minPrice_, uint256 maxPrice_)
        external
        onlyRole(DEFAULT_ADMIN_ROLE)
    {
        _setParams(minProviderStake_, unbondingPeriod_, minPrice_, maxPrice_);
    }

    // ------------------------------------------------------------------------------------------------
    // Views
    // ------------------------------------------------------------------------------------------------

    /// @notice Whether the router may match `provider`: registered with active stake >= minProviderStake.
    function isMatchable(address provider) public view returns (bool) {
        Provider storage p = _providers[provider];
        return p.registered && p.stake >= minProviderStake;
    }

    /// @notice A provider's record (all zero if not registered).
    /// @return registered Whether the provider is registered.
    /// @return signer Its hot key.
    /// @return endpoint Its endpoint URL.
    /// @return stake Active stake.
    /// @return pendingUnstake Stake unbonding (still slashable).
    /// @return unlockAt When `pendingUnstake` can be withdrawn (0 if none).
    function getProvider(address account)
        external
        view
        returns (
            bool registered,
            address signer,
            string memory endpoint,
            uint256 stake,
            uint256 pendingUnstake,
            uint64 unlockAt
        )
    {
        Provider storage p = _providers[account];
        return (p.registered, p.signer, p.endpoint, p.stake, p.pendingUnstake, p.unlockAt);
    }

    /// @notice What a slash of `provider` may take now under the episode cap (before the stake limit), and from
    ///         when a new episode can begin if no slash comes first.
    /// @return remaining Allowance a slash now may draw on (a fresh MAX_SLASH_BPS of the stake if a new episode
    ///         would begin).
    /// @return resetsAt First time a slash begins a new episode (0 if the next slash begins one).
    function slashAllowance(address provider) external view returns (uint256 remaining, uint256 resetsAt) {
        SlashEpisode memory e = _slashEpisodes[provider];
        if (!_inEpisode(e.lastSlashAt)) {
            Provider storage p = _providers[provider];
            return (_slashShare(p.stake + p.pendingUnstake), 0);
        }
        return (e.remaining, uint256(e.lastSlashAt) + SLASH_WINDOW + 1);
    }

    /// @notice The provider's signer key (zero if not registered).
    function signerOf(address account) external view returns (address) {
        return _providers[account].signer;
    }

    /// @notice The price of `provider`'s bid on `modelId`, MOR-wei per second; 0 if it has none or is not
    ///         matchable (a provider below the minimum stake, e.g. fully unstaked, has no bid in force).
    function bid(address account, bytes32 modelId) external view returns (uint256 pricePerSecond) {
        if (!isMatchable(account)) return 0;
        return _bids[account][modelId];
    }

    // ---- EIP-712 (PROTOCOL §6); eip712Domain() (ERC-5267) is inherited from EIP712 ----

    /// @notice The EIP-712 domain separator: name "LakeTravis", version "2" (PROTOCOL §6 v2), this chain, this contract.
    // solhint-disable-next-line func-name-mixedcase
    function DOMAIN_SEPARATOR() external view returns (bytes32) {
        return _domainSeparatorV4();
    }

    /// @notice The EIP-712 digest a user signs for `rfc`.
    function rfcDigest(MarketTypes.RFC calldata rfc) public view returns (bytes32) {
        return _hashTypedDataV4(MarketTypes.hash(rfc));
    }

    /// @notice The EIP-712 digest a router signs for `ticket`.
    function sessionTicketDigest(MarketTypes.SessionTicket calldata ticket) external view returns (bytes32) {
        return _hashTypedDataV4(MarketTypes.hash(ticket));
    }

    /// @notice The EIP-712 digest the user and the provider sign for `receipt`.
    function usageReceiptDigest(MarketTypes.UsageReceipt calldata receipt) external view returns (bytes32) {
        return _hashTypedDataV4(MarketTypes.hash(receipt));
    }

    /// @notice The EIP-712 digest a provider's signer signs for `liveness`.
    function livenessDigest(MarketTypes.Liveness calldata liveness) external view returns (bytes32) {
        return _hashTypedDataV4(MarketTypes.hash(liveness));
    }

    /// @notice The EIP-712 digest a signer key signs to consent to being `provider`'s signer:
    ///         SignerClaim(address provider,address signer). See `_claimSigner` for why it needs no nonce.
    function signerClaimDigest(address provider, address signer) public view returns (bytes32) {
        return _hashTypedDataV4(MarketTypes.hashSignerClaim(provider, signer));
    }

    /// @notice The session id of `rfc` matched to `provider`: keccak256(abi.encode(rfcDigest(rfc), provider)).
    function sessionId(MarketTypes.RFC calldata rfc, address provider) external view returns (bytes32) {
        return keccak256(abi.encode(rfcDigest(rfc), provider));
    }

    // ------------------------------------------------------------------------------------------------
    // Internals
    // ------------------------------------------------------------------------------------------------

    function _register(string calldata endpoint, address signer, bytes calldata signerProof, uint256 stake) private {
        Provider storage p = _providers[msg.sender];
        if (p.registered) revert AlreadyRegistered(msg.sender);
        _checkEndpoint(endpoint);
        if (stake < minProviderStake) revert StakeBelowMinimum(stake, minProviderStake);
        _claimSigner(signer, signerProof);
        p.registered = true;
        p.signer = signer;
        p.endpoint = endpoint;
        p.stake = stake;
        totalStaked += stake;
        emit ProviderRegistered(msg.sender, signer, endpoint, stake);
        token.safeTransferFrom(msg.sender, address(this), stake);
    }

    function _addStake(uint256 amount) private {
        Provider storage p = _registered(msg.sender);
        if (amount == 0) revert ZeroAmount();
        uint256 stake = p.stake + amount;
        p.stake = stake;
        totalStaked += amount;
        // Stake added during a slashing episode is slashable at the cap too: without this, a provider slashed to
        // its episode's allowance could top up and have nothing slashable until the episode ends, long enough to
        // unstake and leave with all of it.
        SlashEpisode storage e = _slashEpisodes[msg.sender];
        if (_inEpisode(e.lastSlashAt)) {
            e.remaining += _slashShare(amount);
        }
        emit StakeAdded(msg.sender, amount, stake);
        token.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @dev Whether a slash now is in the episode of a provider last slashed at `lastSlashAt` (0: never): at most
    ///      SLASH_WINDOW seconds later. Otherwise the next slash begins a new episode.
    function _inEpisode(uint64 lastSlashAt) private view returns (bool) {
        return lastSlashAt != 0 && block.timestamp <= uint256(lastSlashAt) + SLASH_WINDOW;
    }

    /// @dev MAX_SLASH_BPS of `amount`: what an episode may take of the stake held at its start, or added during it.
    function _slashShare(uint256 amount) private pure returns (uint192) {
        return SafeCast.toUint192(amount * MAX_SLASH_BPS / 10_000);
    }

    function _permit(uint256 amount, uint256 deadline, uint8 v, bytes32 r, bytes32 s) private {
        // A permit already used (front-run) reverts; the allowance it set is what transferFrom needs anyway.
        try IERC20Permit(address(token)).permit(msg.sender, address(this), amount, deadline, v, r, s) {} catch {}
    }

    /// @dev Records `signer` as the caller's key; reverts if it is zero, another provider's, or `proof` is not the
    ///      signer's signature of `signerClaimDigest(caller, signer)` (a signer that is the caller needs none: its
    ///      transaction is the proof). Without the proof anyone watching the mempool could claim a provider's next
    ///      signer first (SignerInUse for the victim) and leave it claimed forever.
    ///      Replay: the digest names the caller and this contract and chain, so a proof is good only for that
    ///      provider, here; no other account can use it, and nobody else can call for the provider. It has no
    ///      nonce: the provider may reuse its own proof to take the key back after rotating away (if no one else
    ///      holds it then), which the key's holder consented to once for this provider; a provider that rotated
    ///      away from a leaked key just must not rotate back to it. The leaked key can sign a fresh claim for any
    ///      other account anyway, a nonce would not stop that.
    function _claimSigner(address signer, bytes calldata proof) private {
        if (signer == address(0)) revert ZeroAddress();
        if (signer != msg.sender) {
            (address recovered, ECDSA.RecoverError err,) =
                ECDSA.tryRecover(signerClaimDigest(msg.sender, signer), proof);
            if (err != ECDSA.RecoverError.NoError || recovered != signer) revert InvalidSignerProof(signer);
        }
        address owner = providerOfSigner[signer];
        if (owner != address(0) && owner != msg.sender) revert SignerInUse(signer, owner);
        providerOfSigner[signer] = msg.sender;
    }

    function _registered(address account) private view returns (Provider storage p) {
        p = _providers[account];
        if (!p.registered) revert NotRegistered(account);
    }

    function _checkEndpoint(string calldata endpoint) private pure {
        uint256 n = bytes(endpoint).length;
        if (n == 0 || n > MAX_ENDPOINT_LENGTH) revert InvalidEndpoint(n);
    }

    function _setParams(uint256 minStake, uint256 unbonding, uint256 minPrice_, uint256 maxPrice_) private {
        if (minStake == 0 || minPrice_ == 0 || minPrice_ > maxPrice_ || unbonding > MAX_UNBONDING_PERIOD) {
            revert InvalidParams();
        }
        minProviderStake = minStake;
        unbondingPeriod = unbonding;
        minPrice = minPrice_;
        maxPrice = maxPrice_;
        emit ParamsSet(minStake, unbonding, minPrice_, maxPrice_);
    }
}
