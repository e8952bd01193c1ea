// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {MarketTypes} from "../libraries/MarketTypes.sol";

/// @title IMarketplace
/// @notice The provider book of PROTOCOL §5 and the EIP-712 views of §6: events, errors and the functions the
///         off-chain roles use (Marketplace implements it). The router rebuilds the whole book from these events.
interface IMarketplace {
    // ---- events (the router's book is a fold over these) ----

    /// @notice `provider` registered with `stake`, its signer (hot) key and its endpoint.
    event ProviderRegistered(address indexed provider, address indexed signer, string endpoint, uint256 stake);
    /// @notice `provider` changed its endpoint or signer key.
    event ProviderUpdated(address indexed provider, address indexed signer, string endpoint);
    /// @notice `provider` added `amount` to its active stake.
    /// @param stake The provider's active stake after the change.
    event StakeAdded(address indexed provider, uint256 amount, uint256 stake);
    /// @notice `provider` moved `amount` of its active stake to the pending unstake.
    /// @param stake Active stake after the request.
    /// @param pendingUnstake Total now unbonding.
    /// @param unlockAt When the pending unstake can be withdrawn.
    event UnstakeRequested(
        address indexed provider, uint256 amount, uint256 stake, uint256 pendingUnstake, uint64 unlockAt
    );
    /// @notice `provider` withdrew its unbonded stake.
    event Withdrawn(address indexed provider, uint256 amount);
    /// @notice The guardian slashed `provider` on `evidenceHash`; the proceeds went to the protection fund.
    /// @param amount Total slashed.
    /// @param fromPending Part of `amount` taken from the pending unstake.
    /// @param stake Active stake after.
    /// @param pendingUnstake Pending unstake after.
    event Slashed(
        address indexed provider,
        bytes32 indexed evidenceHash,
        uint256 amount,
        uint256 fromPending,
        uint256 stake,
        uint256 pendingUnstake
    );
    /// @notice `provider` bids `pricePerSecond` (MOR-wei per second) on `modelId`, replacing any earlier bid.
    event BidPosted(address indexed provider, bytes32 indexed modelId, uint256 pricePerSecond);
    /// @notice `provider` withdrew its bid on `modelId`.
    event BidDeleted(address indexed provider, bytes32 indexed modelId);
    /// @notice The admin set the market parameters.
    event ParamsSet(uint256 minProviderStake, uint256 unbondingPeriod, uint256 minPrice, uint256 maxPrice);

    // ---- errors ----

    /// @notice A constructor address argument is zero.
    error ZeroAddress();
    /// @notice A stake, unstake or slash amount of zero.
    error ZeroAmount();
    /// @notice Parameters out of their bounds (zero stake or price, minPrice > maxPrice, unbonding too long).
    error InvalidParams();
    /// @notice The caller is already a registered provider.
    error AlreadyRegistered(address provider);
    /// @notice The address is not a registered provider.
    error NotRegistered(address provider);
    /// @notice The endpoint URL is empty or longer than MAX_ENDPOINT_LENGTH bytes.
    error InvalidEndpoint(uint256 length);
    /// @notice The stake would stay below `minProviderStake`.
    error StakeBelowMinimum(uint256 stake, uint256 minProviderStake);
    /// @notice The unstake request is larger than the active stake.
    error InsufficientStake(uint256 requested, uint256 stake);
    /// @notice The provider has no pending unstake.
    error NothingToWithdraw(address provider);
    /// @notice The unbonding period of the pending unstake is not over.
    error UnbondingNotOver(uint64 unlockAt, uint256 timestamp);
    /// @notice The provider has nothing at stake to slash.
    error NothingToSlash(address provider);
    /// @notice The provider's slashing episode has used its whole allowance (MAX_SLASH_BPS of its stake when the
    ///         episode began); a new episode can begin at `resetsAt` if no slash comes before.
    error SlashCapReached(address provider, uint256 resetsAt);
    /// @notice The provider's active stake is below `minProviderStake` (or it is not registered).
    error NotMatchable(address provider);
    /// @notice No model has this id in the registry.
    error UnknownModel(bytes32 modelId);
    /// @notice The bid is outside [minPrice, maxPrice].
    error PriceOutOfBounds(uint256 pricePerSecond, uint256 minPrice, uint256 maxPrice);
    /// @notice The provider has no bid on the model.
    error NoBid(address provider, bytes32 modelId);
    /// @notice The signer key already signs for another provider.
    error SignerInUse(address signer, address provider);
    /// @notice The signer proof is not the signer key's signature of `signerClaimDigest(caller, signer)`.
    error InvalidSignerProof(address signer);
    /// @notice The evidence hash was already used by a slash.
    error EvidenceUsed(bytes32 evidenceHash);

    // ---- the book ----

    /// @notice Whether `provider` is registered with `stake >= minProviderStake` (only those are matched).
    function isMatchable(address provider) external view returns (bool);
    /// @notice A provider's registration, stake and unbonding state.
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
        );
    /// @notice The signer (hot) key of `account` (zero when not registered).
    function signerOf(address account) external view returns (address);
    /// @notice The provider a signer key signs for (zero if none).
    function providerOfSigner(address signer) external view returns (address);
    /// @notice `account`'s bid on `modelId` in MOR-wei per second; 0 when none or when not matchable.
    function bid(address account, bytes32 modelId) external view returns (uint256 pricePerSecond);

    // ---- EIP-712 (PROTOCOL §6) ----

    /// @notice The EIP-712 domain separator (name "LakeTravis", version "2", this chain, this contract).
    function DOMAIN_SEPARATOR() external view returns (bytes32);
    /// @notice The EIP-712 digest a user signs for `rfc`.
    function rfcDigest(MarketTypes.RFC calldata rfc) external view returns (bytes32);
    /// @notice The EIP-712 digest a router signs for `ticket`.
    function sessionTicketDigest(MarketTypes.SessionTicket calldata ticket) external view returns (bytes32);
    /// @notice The EIP-712 digest the session key and the provider sign for `receipt`.
    function usageReceiptDigest(MarketTypes.UsageReceipt calldata receipt) external view returns (bytes32);
    /// @notice The EIP-712 digest a provider's signer signs for `liveness`.
    function livenessDigest(MarketTypes.Liveness calldata liveness) external view returns (bytes32);
    /// @notice The EIP-712 digest of SignerClaim(provider, signer), which the signer key signs to become
    ///         `provider`'s signer (register, registerWithPermit, updateProvider).
    function signerClaimDigest(address provider, address signer) external view returns (bytes32);
    /// @notice `keccak256(abi.encode(rfcDigest(rfc), provider))`: a retried RFC gets the same session.
    function sessionId(MarketTypes.RFC calldata rfc, address provider) external view returns (bytes32);
}
