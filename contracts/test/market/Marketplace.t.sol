// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Vm} from "forge-std/Vm.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Marketplace} from "../../src/Marketplace.sol";
import {IMarketplace} from "../../src/interfaces/IMarketplace.sol";
import {ModelRegistry} from "../../src/ModelRegistry.sol";
import {IModelRegistry} from "../../src/interfaces/IModelRegistry.sol";
import {MarketTypes} from "../../src/libraries/MarketTypes.sol";
import {MarketFixture} from "./MarketFixture.sol";

contract MarketplaceTest is MarketFixture {
    address internal prov;
    uint256 internal provKey;
    address internal signer;
    uint256 internal signerKey;
    bytes32 internal modelId;
    string internal constant URL = "https://inference.example.com/v1";
    /// @dev signerClaimDigest of test_SignerClaimDigest_Vector, also in protocol/eip712 (TestDigestKnownVector).
    bytes32 internal constant SIGNER_CLAIM_VECTOR = 0x99f15ad79a0b908f991113f8a724e72007ddea5da50048b77b7c06c634df409f;

    function setUp() public override {
        super.setUp();
        (prov, provKey) = makeAddrAndKey("provider");
        (signer, signerKey) = makeAddrAndKey("signer");
        _fund(prov, 10_000e18);
        vm.prank(prov);
        mor.approve(address(market), type(uint256).max);
        modelId = _registerNewName(
            registry, makeAddr("builder"), "llama-3.1-8b", "q4", keccak256("w"), 500, IModelRegistry.Kind.Model
        );
    }

    function _register(uint256 stake) internal {
        bytes memory proof = _proof(prov);
        vm.prank(prov);
        market.register(URL, signer, proof, stake);
    }

    /// @dev The signer key's proof that it consents to sign for `provider`.
    function _proof(address provider) internal view returns (bytes memory) {
        return _signerProof(market, signerKey, provider);
    }

    function _state(address p)
        internal
        view
        returns (bool registered, address s, string memory endpoint, uint256 stake, uint256 pending, uint64 unlockAt)
    {
        return market.getProvider(p);
    }

    // ------------------------------------------------------------------------------------------------
    // Deployment and parameters
    // ------------------------------------------------------------------------------------------------

    function test_Deployment() public view {
        assertEq(address(market.token()), address(mor));
        assertEq(address(market.registry()), address(registry));
        assertEq(market.minProviderStake(), MIN_STAKE);
        assertEq(market.unbondingPeriod(), 7 days);
        assertEq(market.minPrice(), MIN_PRICE);
        assertEq(market.maxPrice(), MAX_PRICE);
        assertEq(market.protectionFund(), fund);
        assertTrue(market.hasRole(market.DEFAULT_ADMIN_ROLE(), admin));
        assertTrue(market.hasRole(market.ROUTER_ROLE(), router));
        assertTrue(market.hasRole(market.KEEPER_ROLE(), keeper));
        assertTrue(market.hasRole(market.GUARDIAN_ROLE(), guardian));
    }

    function test_Constructor_Reverts() public {
        IERC20 t = IERC20(address(mor));
        vm.expectRevert(IMarketplace.ZeroAddress.selector);
        new Marketplace(address(0), t, registry, fund, 1, 1, 1);
        vm.expectRevert(IMarketplace.ZeroAddress.selector);
        new Marketplace(admin, IERC20(address(0)), registry, fund, 1, 1, 1);
        vm.expectRevert(IMarketplace.ZeroAddress.selector);
        new Marketplace(admin, t, IModelRegistry(address(0)), fund, 1, 1, 1);
        vm.expectRevert(IMarketplace.ZeroAddress.selector);
        new Marketplace(admin, t, registry, address(0), 1, 1, 1);
        vm.expectRevert(IMarketplace.InvalidParams.selector);
        new Marketplace(admin, t, registry, fund, 0, 1, 1);
        vm.expectRevert(IMarketplace.InvalidParams.selector);
        new Marketplace(admin, t, registry, fund, 1, 0, 1);
        vm.expectRevert(IMarketplace.InvalidParams.selector);
        new Marketplace(admin, t, registry, fund, 1, 2, 1);
    }

    function test_SetParams() public {
        vm.expectEmit(address(market));
        emit IMarketplace.ParamsSet(5e18, 1 days, 2, 3);
        vm.prank(admin);
        market.setParams(5e18, 1 days, 2, 3);
        assertEq(market.minProviderStake(), 5e18);
        assertEq(market.unbondingPeriod(), 1 days);
        assertEq(market.minPrice(), 2);
        assertEq(market.maxPrice(), 3);

        vm.startPrank(admin);
        vm.expectRevert(IMarketplace.InvalidParams.selector);
        market.setParams(0, 1 days, 2, 3);
        vm.expectRevert(IMarketplace.InvalidParams.selector);
        market.setParams(1, 91 days, 2, 3);
        vm.expectRevert(IMarketplace.InvalidParams.selector);
        market.setParams(1, 1 days, 0, 3);
        vm.expectRevert(IMarketplace.InvalidParams.selector);
        market.setParams(1, 1 days, 4, 3);
        vm.stopPrank();

        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, address(this), market.DEFAULT_ADMIN_ROLE()
            )
        );
        market.setParams(1, 1, 1, 1);
    }

    /// @dev F3: the protection fund is fixed at deployment; there is no setter, so no role can redirect it.
    function test_ProtectionFund_NotRedirectable() public {
        assertEq(market.protectionFund(), fund);
        vm.startPrank(admin);
        market.grantRole(market.GUARDIAN_ROLE(), admin);
        (bool ok,) = address(market).call(abi.encodeWithSignature("setProtectionFund(address)", admin));
        vm.stopPrank();
        assertFalse(ok);
        assertEq(market.protectionFund(), fund);
        vm.expectRevert(IMarketplace.ZeroAddress.selector);
        new Marketplace(admin, IERC20(address(mor)), registry, address(0), MIN_STAKE, MIN_PRICE, MAX_PRICE);
    }

    // ------------------------------------------------------------------------------------------------
    // Registration and stake
    // ------------------------------------------------------------------------------------------------

    function test_Register() public {
        vm.expectEmit(address(market));
        emit IMarketplace.ProviderRegistered(prov, signer, URL, MIN_STAKE);
        _register(MIN_STAKE);
        (bool registered, address s, string memory endpoint, uint256 stake, uint256 pending, uint64 unlockAt) =
            _state(prov);
        assertTrue(registered);
        assertEq(s, signer);
        assertEq(market.signerOf(prov), signer);
        assertEq(endpoint, URL);
        assertEq(stake, MIN_STAKE);
        assertEq(pending, 0);
        assertEq(unlockAt, 0);
        assertTrue(market.isMatchable(prov));
        assertEq(market.totalStaked(), MIN_STAKE);
        assertEq(mor.balanceOf(address(market)), MIN_STAKE);
    }

    function test_Register_Reverts() public {
        bytes memory proof = _proof(prov);
        vm.startPrank(prov);
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.StakeBelowMinimum.selector, MIN_STAKE - 1, MIN_STAKE));
        market.register(URL, signer, proof, MIN_STAKE - 1);
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.InvalidEndpoint.selector, 0));
        market.register("", signer, proof, MIN_STAKE);
        string memory long = string(new bytes(257));
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.InvalidEndpoint.selector, 257));
        market.register(long, signer, proof, MIN_STAKE);
        vm.expectRevert(IMarketplace.ZeroAddress.selector);
        market.register(URL, address(0), proof, MIN_STAKE);
        market.register(URL, signer, proof, MIN_STAKE);
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.AlreadyRegistered.selector, prov));
        market.register(URL, signer, proof, MIN_STAKE);
        vm.stopPrank();

        address poor = makeAddr("poor");
        (address poorSigner, bytes memory poorProof) = _signerFor(market, "poorSigner", poor);
        vm.prank(poor);
        mor.approve(address(market), MIN_STAKE);
        vm.prank(poor);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, poor, 0, MIN_STAKE));
        market.register(URL, poorSigner, poorProof, MIN_STAKE);

        address noAllowance = makeAddr("noAllowance");
        (address naSigner, bytes memory naProof) = _signerFor(market, "noAllowanceSigner", noAllowance);
        _fund(noAllowance, MIN_STAKE);
        vm.prank(noAllowance);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(market), 0, MIN_STAKE)
        );
        market.register(URL, naSigner, naProof, MIN_STAKE);
    }

    /// @dev F8: one signer key signs for one provider only; updating frees the old key.
    function test_Signer_UniqueAcrossProviders() public {
        _register(MIN_STAKE);
        address other = makeAddr("otherProvider");
        _fund(other, 3 * MIN_STAKE);
        // Even with the signer's consent for `other`, a key signs for one provider at a time.
        bytes memory otherProof = _proof(other);
        (address otherSigner, bytes memory otherSignerProof) = _signerFor(market, "otherSigner", other);
        vm.startPrank(other);
        mor.approve(address(market), type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.SignerInUse.selector, signer, prov));
        market.register(URL, signer, otherProof, MIN_STAKE);
        market.register(URL, otherSigner, otherSignerProof, MIN_STAKE);
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.SignerInUse.selector, signer, prov));
        market.updateProvider(URL, signer, otherProof);
        vm.stopPrank();
        assertEq(market.providerOfSigner(signer), prov);

        // prov moves to a new key; the old one becomes free for `other`.
        (address newSigner, bytes memory newProof) = _signerFor(market, "newSigner", prov);
        vm.prank(prov);
        market.updateProvider(URL, newSigner, newProof);
        assertEq(market.providerOfSigner(signer), address(0));
        vm.prank(prov);
        market.updateProvider("https://same-key.example", newSigner, ""); // keeping one's own key needs no proof
        vm.prank(other);
        market.updateProvider(URL, signer, otherProof);
        assertEq(market.providerOfSigner(signer), other);
        assertEq(market.signerOf(other), signer);
    }

    /// @dev F8: a fully unstaked provider is not matchable and has no bid in force.
    function test_Unstaked_NoBidInForce() public {
        _register(MIN_STAKE);
        vm.prank(prov);
        market.postBid(modelId, 1e12);
        assertEq(market.bid(prov, modelId), 1e12);
        vm.prank(prov);
        market.requestUnstake(MIN_STAKE);
        assertFalse(market.isMatchable(prov));
        assertEq(market.bid(prov, modelId), 0);
        vm.prank(prov);
        market.addStake(MIN_STAKE);
        assertEq(market.bid(prov, modelId), 1e12);
    }

    function _permitSig(uint256 key, address owner, uint256 value, uint256 deadline)
        internal
        view
        returns (uint8 v, bytes32 r, bytes32 s)
    {
        bytes32 structHash = keccak256(
            abi.encode(
                keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"),
                owner,
                address(market),
                value,
                mor.nonces(owner),
                deadline
            )
        );
        return vm.sign(key, keccak256(abi.encodePacked("\x19\x01", mor.DOMAIN_SEPARATOR(), structHash)));
    }

    function test_RegisterWithPermit() public {
        (address p2, uint256 key) = makeAddrAndKey("permitProvider");
        _fund(p2, 3 * MIN_STAKE);
        (uint8 v, bytes32 r, bytes32 s) = _permitSig(key, p2, MIN_STAKE, block.timestamp + 1 hours);
        bytes memory proof = _proof(p2);
        vm.prank(p2);
        market.registerWithPermit(URL, signer, proof, MIN_STAKE, block.timestamp + 1 hours, v, r, s);
        (,,, uint256 stake,,) = _state(p2);
        assertEq(stake, MIN_STAKE);

        (v, r, s) = _permitSig(key, p2, MIN_STAKE, block.timestamp + 1 hours);
        vm.prank(p2);
        market.addStakeWithPermit(MIN_STAKE, block.timestamp + 1 hours, v, r, s);
        (,,, stake,,) = _state(p2);
        assertEq(stake, 2 * MIN_STAKE);
    }

    function test_RegisterWithPermit_FrontRunPermitStillWorks() public {
        (address p2, uint256 key) = makeAddrAndKey("permitProvider");
        _fund(p2, MIN_STAKE);
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _permitSig(key, p2, MIN_STAKE, deadline);
        mor.permit(p2, address(market), MIN_STAKE, deadline, v, r, s); // someone front-runs the permit
        bytes memory proof = _proof(p2);
        vm.prank(p2);
        market.registerWithPermit(URL, signer, proof, MIN_STAKE, deadline, v, r, s);
        assertTrue(market.isMatchable(p2));
    }

    function test_RegisterWithPermit_BadPermit_Reverts() public {
        (address p2,) = makeAddrAndKey("permitProvider");
        _fund(p2, MIN_STAKE);
        (uint8 v, bytes32 r, bytes32 s) = _permitSig(provKey, p2, MIN_STAKE, block.timestamp + 1 hours); // wrong key
        bytes memory proof = _proof(p2);
        vm.prank(p2);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(market), 0, MIN_STAKE)
        );
        market.registerWithPermit(URL, signer, proof, MIN_STAKE, block.timestamp + 1 hours, v, r, s);
    }

    function test_AddStake() public {
        _register(MIN_STAKE);
        vm.expectEmit(address(market));
        emit IMarketplace.StakeAdded(prov, 5e18, MIN_STAKE + 5e18);
        vm.prank(prov);
        market.addStake(5e18);
        assertEq(market.totalStaked(), MIN_STAKE + 5e18);
        assertEq(mor.balanceOf(address(market)), MIN_STAKE + 5e18);

        vm.prank(prov);
        vm.expectRevert(IMarketplace.ZeroAmount.selector);
        market.addStake(0);
        address stranger = makeAddr("stranger");
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.NotRegistered.selector, stranger));
        market.addStake(1);
    }

    function test_Unstake_Withdraw() public {
        _register(2 * MIN_STAKE);
        uint64 unlockAt = uint64(block.timestamp + 7 days);
        vm.expectEmit(address(market));
        emit IMarketplace.UnstakeRequested(prov, MIN_STAKE, MIN_STAKE, MIN_STAKE, unlockAt);
        vm.prank(prov);
        market.requestUnstake(MIN_STAKE);
        assertTrue(market.isMatchable(prov)); // exactly the minimum left

        vm.prank(prov);
        market.requestUnstake(1);
        assertFalse(market.isMatchable(prov)); // stake minus pending below the minimum
        (,,, uint256 stake, uint256 pending,) = _state(prov);
        assertEq(stake, MIN_STAKE - 1);
        assertEq(pending, MIN_STAKE + 1);

        vm.warp(block.timestamp + 7 days - 1);
        vm.prank(prov);
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.UnbondingNotOver.selector, unlockAt, block.timestamp));
        market.withdraw();

        vm.warp(unlockAt);
        uint256 before = mor.balanceOf(prov);
        vm.expectEmit(address(market));
        emit IMarketplace.Withdrawn(prov, MIN_STAKE + 1);
        vm.prank(prov);
        assertEq(market.withdraw(), MIN_STAKE + 1);
        assertEq(mor.balanceOf(prov), before + MIN_STAKE + 1);
        assertEq(market.totalStaked(), MIN_STAKE - 1);
        assertEq(mor.balanceOf(address(market)), MIN_STAKE - 1);

        vm.prank(prov);
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.NothingToWithdraw.selector, prov));
        market.withdraw();

        // Back above the minimum: matchable again.
        vm.prank(prov);
        market.addStake(1);
        assertTrue(market.isMatchable(prov));
    }

    function test_Unstake_NewRequestRestartsClock() public {
        _register(2 * MIN_STAKE);
        vm.prank(prov);
        market.requestUnstake(10e18);
        vm.warp(block.timestamp + 6 days);
        vm.prank(prov);
        market.requestUnstake(10e18);
        (,,,, uint256 pending, uint64 unlockAt) = _state(prov);
        assertEq(pending, 20e18);
        assertEq(unlockAt, block.timestamp + 7 days);
        vm.warp(block.timestamp + 1 days + 1);
        vm.prank(prov);
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.UnbondingNotOver.selector, unlockAt, block.timestamp));
        market.withdraw();
    }

    function test_Unstake_ShorterPeriodNeverUnlocksPendingSooner() public {
        // The admin shortens the period to 0: a new tiny request must not free the pending stake early
        // (it could otherwise escape a slash).
        _register(2 * MIN_STAKE);
        vm.prank(prov);
        market.requestUnstake(50e18);
        (,,,,, uint64 unlockAt) = _state(prov);
        (uint256 minPrice, uint256 maxPrice) = (market.minPrice(), market.maxPrice());
        vm.prank(admin);
        market.setParams(MIN_STAKE, 0, minPrice, maxPrice);
        vm.prank(prov);
        market.requestUnstake(1);
        (,,,,, uint64 after_) = _state(prov);
        assertEq(after_, unlockAt);
        vm.prank(prov);
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.UnbondingNotOver.selector, unlockAt, block.timestamp));
        market.withdraw();
    }

    function test_Unstake_Reverts() public {
        vm.prank(prov);
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.NotRegistered.selector, prov));
        market.requestUnstake(1);
        _register(MIN_STAKE);
        vm.startPrank(prov);
        vm.expectRevert(IMarketplace.ZeroAmount.selector);
        market.requestUnstake(0);
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.InsufficientStake.selector, MIN_STAKE + 1, MIN_STAKE));
        market.requestUnstake(MIN_STAKE + 1);
        vm.stopPrank();
    }

    // ---- signer proof of possession (THREATS-TESTS "squat another provider's next signer") ----

    /// @dev The squatter of the review: it sees prov's register in the mempool and registers prov's signer first,
    ///      with the minimum stake. Without a proof by the signer key it cannot; prov's register then succeeds.
    function test_SignerSquat_FrontRunRegister_Reverts() public {
        address squatter = makeAddr("squatter");
        _fund(squatter, MIN_STAKE);
        bytes memory victimProof = _proof(prov); // what the squatter sees in prov's pending transaction
        vm.startPrank(squatter);
        mor.approve(address(market), MIN_STAKE);
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.InvalidSignerProof.selector, signer));
        market.register(URL, signer, victimProof, MIN_STAKE);
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.InvalidSignerProof.selector, signer));
        market.register(URL, signer, "", MIN_STAKE);
        vm.stopPrank();
        _register(MIN_STAKE);
        assertEq(market.providerOfSigner(signer), prov);
        assertEq(market.signerOf(prov), signer);
    }

    /// @dev The same squat on a rotation (say away from a leaked key): the squatter, registered with a key of its
    ///      own, cannot take prov's next signer with updateProvider, and prov's rotation succeeds.
    function test_SignerSquat_FrontRunRotation_Reverts() public {
        _register(MIN_STAKE);
        (address next, uint256 nextKey) = makeAddrAndKey("nextSigner");
        bytes memory prooForProv = _signerProof(market, nextKey, prov);
        address squatter = makeAddr("squatter");
        _fund(squatter, MIN_STAKE);
        (address own, bytes memory ownProof) = _signerFor(market, "squatterSigner", squatter);
        vm.startPrank(squatter);
        mor.approve(address(market), MIN_STAKE);
        market.register(URL, own, ownProof, MIN_STAKE);
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.InvalidSignerProof.selector, next));
        market.updateProvider(URL, next, prooForProv);
        // No proof at all (from a review: an empty proof was tested on register only).
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.InvalidSignerProof.selector, next));
        market.updateProvider(URL, next, "");
        vm.stopPrank();
        vm.prank(prov);
        market.updateProvider(URL, next, prooForProv);
        assertEq(market.providerOfSigner(next), prov);
        assertEq(market.providerOfSigner(signer), address(0));
    }

    /// @dev A proof signed by any key other than the signer's is refused (register, with permit, and rotation).
    function test_SignerProof_OtherKey_Reverts() public {
        (, uint256 otherKey) = makeAddrAndKey("notTheSigner");
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(otherKey, market.signerClaimDigest(prov, signer));
        bytes memory forged = abi.encodePacked(r, s, v);
        vm.startPrank(prov);
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.InvalidSignerProof.selector, signer));
        market.register(URL, signer, forged, MIN_STAKE);
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.InvalidSignerProof.selector, signer));
        market.registerWithPermit(URL, signer, forged, MIN_STAKE, 0, 0, 0, 0);
        vm.stopPrank();
        // Malformed proofs: too short, too long, high s (malleable), bad v.
        bytes memory good = _proof(prov);
        bytes[] memory bad = new bytes[](4);
        bad[0] = new bytes(64);
        bad[1] = bytes.concat(good, hex"00");
        (v, r, s) = vm.sign(signerKey, market.signerClaimDigest(prov, signer));
        bad[2] = abi.encodePacked(
            r,
            bytes32(0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141 - uint256(s)),
            v == 27 ? uint8(28) : uint8(27)
        );
        bad[3] = abi.encodePacked(r, s, uint8(29));
        for (uint256 i; i < bad.length; ++i) {
            vm.prank(prov);
            vm.expectRevert(abi.encodeWithSelector(IMarketplace.InvalidSignerProof.selector, signer));
            market.register(URL, signer, bad[i], MIN_STAKE);
        }
        _register(MIN_STAKE);
        (address next,) = makeAddrAndKey("next");
        (v, r, s) = vm.sign(otherKey, market.signerClaimDigest(prov, next));
        vm.prank(prov);
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.InvalidSignerProof.selector, next));
        market.updateProvider(URL, next, abi.encodePacked(r, s, v));
    }

    /// @dev A proof for another provider (the signer consented to `other`, not to prov) is refused.
    function test_SignerProof_ForAnotherProvider_Reverts() public {
        bytes memory forOther = _proof(makeAddr("other"));
        vm.prank(prov);
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.InvalidSignerProof.selector, signer));
        market.register(URL, signer, forOther, MIN_STAKE);
    }

    /// @dev A proof for another Marketplace (or chain) is refused: the domain binds the contract and chain.
    function test_SignerProof_OtherDeployment_Reverts() public {
        Marketplace m2 = new Marketplace(admin, IERC20(address(mor)), registry, fund, MIN_STAKE, MIN_PRICE, MAX_PRICE);
        bytes memory forM2 = _signerProof(m2, signerKey, prov);
        vm.prank(prov);
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.InvalidSignerProof.selector, signer));
        market.register(URL, signer, forM2, MIN_STAKE);
        uint256 id = block.chainid;
        vm.chainId(id + 1);
        bytes memory otherChain = _proof(prov);
        vm.chainId(id);
        vm.prank(prov);
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.InvalidSignerProof.selector, signer));
        market.register(URL, signer, otherChain, MIN_STAKE);
    }

    /// @dev The replay rule: a proof stays good for its provider only. Replayed by anyone else (here the signer
    ///      of the old proof is freed by a rotation, the case of a leaked key) it fails; the provider itself may
    ///      take the key back with it, and only while no one else holds the key.
    function test_SignerProof_Replay() public {
        bytes memory old = _proof(prov);
        _register(MIN_STAKE);
        (address next, bytes memory nextProof) = _signerFor(market, "next", prov);
        vm.prank(prov);
        market.updateProvider(URL, next, nextProof); // rotates away from `signer`
        assertEq(market.providerOfSigner(signer), address(0));

        address thief = makeAddr("thief");
        _fund(thief, MIN_STAKE);
        vm.startPrank(thief);
        mor.approve(address(market), MIN_STAKE);
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.InvalidSignerProof.selector, signer));
        market.register(URL, signer, old, MIN_STAKE);
        vm.stopPrank();

        // The signer's holder consents to `other`, which takes the freed key: prov's old proof cannot take it back.
        address other = makeAddr("other");
        _fund(other, MIN_STAKE);
        bytes memory forOther = _proof(other);
        vm.startPrank(other);
        mor.approve(address(market), MIN_STAKE);
        market.register(URL, signer, forOther, MIN_STAKE);
        vm.stopPrank();
        vm.prank(prov);
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.SignerInUse.selector, signer, other));
        market.updateProvider(URL, signer, old);

        // Once free again, prov's own old proof rebinds the key to prov (the consent it carries is for prov).
        (address otherNext, bytes memory otherNextProof) = _signerFor(market, "otherNext", other);
        vm.prank(other);
        market.updateProvider(URL, otherNext, otherNextProof);
        vm.prank(prov);
        market.updateProvider(URL, signer, old);
        assertEq(market.providerOfSigner(signer), prov);
    }

    /// @dev A provider may name itself as its signer without a proof: its transaction proves the key. No one
    ///      else can name it without its signature.
    function test_SignerProof_SelfSignerNeedsNone() public {
        vm.prank(prov);
        market.register(URL, prov, "", MIN_STAKE);
        assertEq(market.providerOfSigner(prov), prov);
        address other = makeAddr("other");
        _fund(other, MIN_STAKE);
        vm.startPrank(other);
        mor.approve(address(market), MIN_STAKE);
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.InvalidSignerProof.selector, prov));
        market.register(URL, prov, "", MIN_STAKE);
        vm.stopPrank();
    }

    /// @dev Fuzz: for any provider, signer key and proof key, register binds the signer exactly when the proof
    ///      is the signer's own signature for that provider.
    function testFuzz_SignerProof(uint256 signerSeed, uint256 proofSeed, address provider, address proofFor) public {
        vm.assume(provider != address(0) && provider.code.length == 0 && provider != address(market));
        uint256 sk = _bound(signerSeed, 1, 1e70);
        uint256 pk = _bound(proofSeed, 1, 1e70);
        address hot = vm.addr(sk);
        vm.assume(hot != provider);
        if (proofSeed % 2 == 0) pk = sk; // half the runs sign with the right key
        if (signerSeed % 3 == 0) proofFor = provider; // a third name the right provider
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(pk, market.signerClaimDigest(proofFor, hot));
        _fund(provider, MIN_STAKE);
        vm.startPrank(provider);
        mor.approve(address(market), MIN_STAKE);
        bool valid = pk == sk && proofFor == provider;
        if (!valid) vm.expectRevert(abi.encodeWithSelector(IMarketplace.InvalidSignerProof.selector, hot));
        market.register(URL, hot, abi.encodePacked(r, s, v), MIN_STAKE);
        vm.stopPrank();
        assertEq(market.providerOfSigner(hot), valid ? provider : address(0));
    }

    function test_UnbondingPeriodChangeAppliesToNewRequests() public {
        _register(2 * MIN_STAKE);
        vm.prank(prov);
        market.requestUnstake(1e18);
        (,,,,, uint64 unlockAt) = _state(prov);
        vm.prank(admin);
        market.setParams(MIN_STAKE, 1 days, MIN_PRICE, MAX_PRICE);
        (,,,,, uint64 unchanged) = _state(prov);
        assertEq(unchanged, unlockAt);
    }

    function test_UpdateProvider() public {
        _register(MIN_STAKE);
        (address s2, bytes memory proof2) = _signerFor(market, "signer2", prov);
        vm.expectEmit(address(market));
        emit IMarketplace.ProviderUpdated(prov, s2, "https://b.example");
        vm.prank(prov);
        market.updateProvider("https://b.example", s2, proof2);
        (, address s, string memory endpoint,,,) = _state(prov);
        assertEq(s, s2);
        assertEq(endpoint, "https://b.example");

        vm.startPrank(prov);
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.InvalidEndpoint.selector, 0));
        market.updateProvider("", s2, "");
        vm.expectRevert(IMarketplace.ZeroAddress.selector);
        market.updateProvider(URL, address(0), "");
        vm.stopPrank();
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.NotRegistered.selector, address(this)));
        market.updateProvider(URL, s2, proof2);
    }

    // ------------------------------------------------------------------------------------------------
    // Slashing
    // ------------------------------------------------------------------------------------------------

    function test_Slash_FromStakeFirst() public {
        _register(2 * MIN_STAKE);
        vm.prank(prov);
        market.requestUnstake(500e18);
        vm.expectEmit(address(market));
        emit IMarketplace.Slashed(prov, keccak256("evidence"), 100e18, 0, 1_400e18, 500e18);
        vm.prank(guardian);
        assertEq(market.slash(prov, 100e18, keccak256("evidence")), 100e18);
        assertEq(mor.balanceOf(fund), 100e18);
        assertEq(market.totalStaked(), 1_900e18);
        assertEq(mor.balanceOf(address(market)), 1_900e18);
    }

    function test_Slash_ThenFromPending() public {
        _register(2 * MIN_STAKE);
        vm.prank(prov);
        market.requestUnstake(1_900e18); // stake 100, pending 1900
        vm.expectEmit(address(market));
        emit IMarketplace.Slashed(prov, bytes32(0), 150e18, 50e18, 0, 1_850e18);
        vm.prank(guardian);
        market.slash(prov, 150e18, bytes32(0));
        assertFalse(market.isMatchable(prov));
        (,,,, uint256 pending, uint64 unlockAt) = _state(prov);
        assertEq(pending, 1_850e18);
        assertGt(unlockAt, 0);
    }

    /// @dev F3: a guardian (even the admin granting itself the role) takes at most MAX_SLASH_BPS of a provider's
    ///      stake per episode (a fresh evidence hash does not reset it: SlashCapTest), each evidence hash once,
    ///      and only ever into the protection fund.
    function test_Slash_CappedPerEvent() public {
        _register(MIN_STAKE);
        vm.prank(prov);
        market.requestUnstake(400e18);
        vm.startPrank(admin);
        market.grantRole(market.GUARDIAN_ROLE(), admin);
        assertEq(market.slash(prov, type(uint256).max, bytes32(0)), 100e18); // 10% of 1,000
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.EvidenceUsed.selector, bytes32(0)));
        market.slash(prov, type(uint256).max, bytes32(0));
        uint256 resetsAt = block.timestamp + market.SLASH_WINDOW() + 1;
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.SlashCapReached.selector, prov, resetsAt));
        market.slash(prov, type(uint256).max, bytes32(uint256(1)));
        vm.warp(resetsAt);
        assertEq(market.slash(prov, type(uint256).max, bytes32(uint256(1))), 90e18); // 10% of 900
        vm.stopPrank();
        (,,, uint256 stake, uint256 pending,) = _state(prov);
        assertEq(stake + pending, 810e18);
        assertEq(mor.balanceOf(fund), 190e18);
        assertEq(mor.balanceOf(admin), 0);
        assertEq(market.totalStaked(), 810e18);
    }

    function test_Slash_NothingLeft_Reverts() public {
        _register(MIN_STAKE);
        vm.prank(prov);
        market.requestUnstake(MIN_STAKE);
        vm.warp(block.timestamp + market.unbondingPeriod());
        vm.prank(prov);
        market.withdraw();
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.NothingToSlash.selector, prov));
        market.slash(prov, 1, bytes32(0));
        vm.prank(prov);
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.NothingToWithdraw.selector, prov));
        market.withdraw();
    }

    function test_Slash_Reverts() public {
        _register(MIN_STAKE);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, address(this), market.GUARDIAN_ROLE()
            )
        );
        market.slash(prov, 1, bytes32(0));
        vm.startPrank(guardian);
        vm.expectRevert(IMarketplace.ZeroAmount.selector);
        market.slash(prov, 0, bytes32(0));
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.NotRegistered.selector, address(1)));
        market.slash(address(1), 1, bytes32(0));
        vm.stopPrank();
    }

    // ------------------------------------------------------------------------------------------------
    // Bids
    // ------------------------------------------------------------------------------------------------

    function test_Bid_PostReplaceDelete() public {
        _register(MIN_STAKE);
        vm.expectEmit(address(market));
        emit IMarketplace.BidPosted(prov, modelId, 1e12);
        vm.prank(prov);
        market.postBid(modelId, 1e12);
        assertEq(market.bid(prov, modelId), 1e12);
        vm.prank(prov);
        market.postBid(modelId, 2e12); // replaces
        assertEq(market.bid(prov, modelId), 2e12);
        vm.expectEmit(address(market));
        emit IMarketplace.BidDeleted(prov, modelId);
        vm.prank(prov);
        market.deleteBid(modelId);
        assertEq(market.bid(prov, modelId), 0);
        vm.prank(prov);
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.NoBid.selector, prov, modelId));
        market.deleteBid(modelId);
    }

    function test_Bid_Bounds() public {
        _register(MIN_STAKE);
        vm.startPrank(prov);
        market.postBid(modelId, MIN_PRICE);
        market.postBid(modelId, MAX_PRICE);
        vm.expectRevert(
            abi.encodeWithSelector(IMarketplace.PriceOutOfBounds.selector, MIN_PRICE - 1, MIN_PRICE, MAX_PRICE)
        );
        market.postBid(modelId, MIN_PRICE - 1);
        vm.expectRevert(
            abi.encodeWithSelector(IMarketplace.PriceOutOfBounds.selector, MAX_PRICE + 1, MIN_PRICE, MAX_PRICE)
        );
        market.postBid(modelId, MAX_PRICE + 1);
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.PriceOutOfBounds.selector, 0, MIN_PRICE, MAX_PRICE));
        market.postBid(modelId, 0);
        vm.stopPrank();
    }

    function test_Bid_RequiresStakeAndModel() public {
        vm.prank(prov);
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.NotMatchable.selector, prov));
        market.postBid(modelId, 1e12); // not registered
        _register(MIN_STAKE);
        vm.prank(prov);
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.UnknownModel.selector, bytes32(uint256(1))));
        market.postBid(bytes32(uint256(1)), 1e12);
        vm.prank(prov);
        market.requestUnstake(1);
        vm.prank(prov);
        vm.expectRevert(abi.encodeWithSelector(IMarketplace.NotMatchable.selector, prov));
        market.postBid(modelId, 1e12); // stake minus pending below the minimum
    }

    function testFuzz_Bid(uint256 price) public {
        _register(MIN_STAKE);
        vm.prank(prov);
        if (price < MIN_PRICE || price > MAX_PRICE) {
            vm.expectRevert(abi.encodeWithSelector(IMarketplace.PriceOutOfBounds.selector, price, MIN_PRICE, MAX_PRICE));
            market.postBid(modelId, price);
        } else {
            market.postBid(modelId, price);
            assertEq(market.bid(prov, modelId), price);
        }
    }

    /// @dev Stake accounting under any sequence of add, unstake, slash and withdraw.
    function testFuzz_StakeAccounting(uint256 seed) public {
        _register(MIN_STAKE);
        uint256 expectedOut; // withdrawn + slashed
        for (uint256 i; i < 16; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            (,,, uint256 stake, uint256 pending, uint64 unlockAt) = _state(prov);
            uint256 op = r % 4;
            if (op == 0) {
                uint256 amount = 1 + (r >> 8) % 500e18;
                vm.prank(prov);
                market.addStake(amount);
            } else if (op == 1 && stake > 0) {
                vm.prank(prov);
                market.requestUnstake(1 + (r >> 8) % stake);
            } else if (op == 2 && stake + pending > 0) {
                (uint256 allowance,) = market.slashAllowance(prov);
                if (allowance == 0) vm.warp(block.timestamp + market.SLASH_WINDOW() + 1); // a new episode
                vm.prank(guardian);
                expectedOut += market.slash(prov, 1 + (r >> 8) % (stake + pending + 1), bytes32(r));
            } else if (op == 3 && pending > 0) {
                if (block.timestamp < unlockAt) vm.warp(unlockAt); // time only moves forward
                vm.prank(prov);
                expectedOut += market.withdraw();
            }
            (,,, stake, pending,) = _state(prov);
            assertEq(stake + pending, market.totalStaked());
            assertEq(market.totalStaked(), mor.balanceOf(address(market)));
            assertEq(market.isMatchable(prov), stake >= MIN_STAKE);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // The router's book from events alone
    // ------------------------------------------------------------------------------------------------

    struct BookEntry {
        bool registered;
        address signer;
        string endpoint;
        uint256 stake;
        uint256 pending;
    }

    mapping(address => BookEntry) internal book;
    mapping(address => mapping(bytes32 => uint256)) internal bookBids;
    uint256 internal bookMinStake;

    function test_BookRebuiltFromEvents() public {
        vm.recordLogs();
        // A fresh marketplace, so its ParamsSet is in the log too.
        Marketplace m = new Marketplace(admin, IERC20(address(mor)), registry, fund, MIN_STAKE, MIN_PRICE, MAX_PRICE);
        bytes32 guardianRole = m.GUARDIAN_ROLE();
        vm.prank(admin);
        m.grantRole(guardianRole, guardian);
        address[] memory ps = _accounts(3, "bookProvider");
        for (uint256 i; i < 3; ++i) {
            _fund(ps[i], 5_000e18);
            vm.prank(ps[i]);
            mor.approve(address(m), type(uint256).max);
            (address s, bytes memory proof) = _signerFor(m, string.concat("s", vm.toString(i)), ps[i]);
            vm.prank(ps[i]);
            m.register(string.concat("https://p", vm.toString(i)), s, proof, 2_000e18);
            vm.prank(ps[i]);
            m.postBid(modelId, 1e12 * (i + 1));
        }
        (address s0New, bytes memory s0Proof) = _signerFor(m, "s0-new", ps[0]);
        vm.startPrank(ps[0]);
        m.addStake(100e18);
        m.requestUnstake(1_500e18);
        m.updateProvider("https://p0-new", s0New, s0Proof);
        vm.stopPrank();
        vm.prank(ps[1]);
        m.deleteBid(modelId);
        vm.prank(guardian);
        m.slash(ps[2], 1_500e18, keccak256("ev"));
        vm.warp(block.timestamp + 7 days);
        vm.prank(ps[0]);
        m.withdraw();
        vm.prank(admin);
        m.setParams(600e18, 7 days, MIN_PRICE, MAX_PRICE);

        Vm.Log[] memory logs = vm.getRecordedLogs();
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter == address(m)) _apply(logs[i]);
        }
        for (uint256 i; i < 3; ++i) {
            (bool registered, address s, string memory endpoint, uint256 stake, uint256 pending,) = m.getProvider(ps[i]);
            BookEntry storage b = book[ps[i]];
            assertEq(b.registered, registered);
            assertEq(b.signer, s);
            assertEq(b.endpoint, endpoint);
            assertEq(b.stake, stake);
            assertEq(b.pending, pending);
            assertEq(bookBids[ps[i]][modelId], m.bid(ps[i], modelId));
            assertEq(b.registered && b.stake >= bookMinStake, m.isMatchable(ps[i]));
        }
        assertEq(bookMinStake, m.minProviderStake());
    }

    function _apply(Vm.Log memory l) internal {
        bytes32 t = l.topics[0];
        address p = l.topics.length > 1 ? address(uint160(uint256(l.topics[1]))) : address(0);
        if (t == IMarketplace.ProviderRegistered.selector) {
            (string memory endpoint, uint256 stake) = abi.decode(l.data, (string, uint256));
            book[p] = BookEntry(true, address(uint160(uint256(l.topics[2]))), endpoint, stake, 0);
        } else if (t == IMarketplace.ProviderUpdated.selector) {
            book[p].signer = address(uint160(uint256(l.topics[2])));
            book[p].endpoint = abi.decode(l.data, (string));
        } else if (t == IMarketplace.StakeAdded.selector) {
            (, book[p].stake) = abi.decode(l.data, (uint256, uint256));
        } else if (t == IMarketplace.UnstakeRequested.selector) {
            (, book[p].stake, book[p].pending,) = abi.decode(l.data, (uint256, uint256, uint256, uint64));
        } else if (t == IMarketplace.Withdrawn.selector) {
            book[p].pending = 0;
        } else if (t == IMarketplace.Slashed.selector) {
            (,, book[p].stake, book[p].pending) = abi.decode(l.data, (uint256, uint256, uint256, uint256));
        } else if (t == IMarketplace.BidPosted.selector) {
            bookBids[p][l.topics[2]] = abi.decode(l.data, (uint256));
        } else if (t == IMarketplace.BidDeleted.selector) {
            bookBids[p][l.topics[2]] = 0;
        } else if (t == IMarketplace.ParamsSet.selector) {
            (bookMinStake,,,) = abi.decode(l.data, (uint256, uint256, uint256, uint256));
        }
    }

    // ------------------------------------------------------------------------------------------------
    // EIP-712 (PROTOCOL §6)
    // ------------------------------------------------------------------------------------------------

    function test_Eip712Domain() public view {
        (
            bytes1 fields,
            string memory name,
            string memory version,
            uint256 chainId,
            address verifyingContract,
            bytes32 salt,
            uint256[] memory extensions
        ) = market.eip712Domain();
        assertEq(fields, hex"0f");
        assertEq(name, "LakeTravis");
        assertEq(version, "2");
        assertEq(chainId, block.chainid);
        assertEq(verifyingContract, address(market));
        assertEq(salt, bytes32(0));
        assertEq(extensions.length, 0);
        assertEq(
            market.DOMAIN_SEPARATOR(),
            keccak256(
                abi.encode(
                    keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                    keccak256("LakeTravis"),
                    keccak256("2"),
                    block.chainid,
                    address(market)
                )
            )
        );
    }

    /// @dev The type strings, copied from PROTOCOL §6, hashed by forge's own EIP-712 implementation.
    function test_TypeHashes() public pure {
        assertEq(
            vm.eip712HashType(
                "RFC(address user,bytes32 modelId,uint256 maxPricePerSecond,uint32 maxSeconds,uint32 minTps,uint32 maxTtftMs,uint64 nonce,uint64 deadline,address sessionKey,bool useDeposit)"
            ),
            MarketTypes.RFC_TYPEHASH
        );
        assertEq(
            vm.eip712HashType(
                "SessionTicket(bytes32 sessionId,address user,address provider,bytes32 modelId,uint256 pricePerSecond,uint32 maxSeconds,uint64 notAfter,address sessionKey,bool useDeposit)"
            ),
            MarketTypes.SESSION_TICKET_TYPEHASH
        );
        assertEq(
            vm.eip712HashType(
                "UsageReceipt(bytes32 sessionId,uint32 seconds,uint32 inputTokens,uint32 outputTokens,uint32 ttftMs)"
            ),
            MarketTypes.USAGE_RECEIPT_TYPEHASH
        );
        assertEq(
            vm.eip712HashType("Liveness(address provider,bytes32 challenge,uint64 timestamp)"),
            MarketTypes.LIVENESS_TYPEHASH
        );
    }

    function _rfc() internal view returns (MarketTypes.RFC memory) {
        return MarketTypes.RFC({
            user: address(uint160(uint256(keccak256("user")))),
            modelId: modelId,
            maxPricePerSecond: 123456789012345678,
            maxSeconds: 600,
            minTps: 20,
            maxTtftMs: 1500,
            nonce: 18446744073709551615,
            deadline: uint64(block.timestamp + 600),
            sessionKey: address(uint160(uint256(keccak256("session key")))),
            useDeposit: true
        });
    }

    string internal constant DOMAIN_TYPE =
        '"EIP712Domain":[{"name":"name","type":"string"},{"name":"version","type":"string"},{"name":"chainId","type":"uint256"},{"name":"verifyingContract","type":"address"}]';

    function _typedData(string memory primary, string memory fields, string memory message)
        internal
        view
        returns (string memory)
    {
        return string.concat(
            '{"types":{',
            DOMAIN_TYPE,
            ',"',
            primary,
            '":',
            fields,
            '},"primaryType":"',
            primary,
            '","domain":{"name":"LakeTravis","version":"2","chainId":',
            vm.toString(block.chainid),
            ',"verifyingContract":"',
            vm.toString(address(market)),
            '"},"message":',
            message,
            "}"
        );
    }

    function _rfcJson(MarketTypes.RFC memory r) internal view returns (string memory) {
        return _typedData(
            "RFC",
            '[{"name":"user","type":"address"},{"name":"modelId","type":"bytes32"},{"name":"maxPricePerSecond","type":"uint256"},{"name":"maxSeconds","type":"uint32"},{"name":"minTps","type":"uint32"},{"name":"maxTtftMs","type":"uint32"},{"name":"nonce","type":"uint64"},{"name":"deadline","type":"uint64"},{"name":"sessionKey","type":"address"},{"name":"useDeposit","type":"bool"}]',
            string.concat(
                '{"user":"',
                vm.toString(r.user),
                '","modelId":"',
                vm.toString(r.modelId),
                '","maxPricePerSecond":"',
                vm.toString(r.maxPricePerSecond),
                '","maxSeconds":',
                vm.toString(r.maxSeconds),
                ',"minTps":',
                vm.toString(r.minTps),
                ',"maxTtftMs":',
                vm.toString(r.maxTtftMs),
                ',"nonce":"',
                vm.toString(r.nonce),
                '","deadline":"',
                vm.toString(r.deadline),
                '","sessionKey":"',
                vm.toString(r.sessionKey),
                '","useDeposit":',
                r.useDeposit ? "true" : "false",
                "}"
            )
        );
    }

    function test_RfcDigest_MatchesEip712() public view {
        MarketTypes.RFC memory r = _rfc();
        assertEq(market.rfcDigest(r), vm.eip712HashTypedData(_rfcJson(r)));
        assertEq(market.sessionId(r, prov), keccak256(abi.encode(market.rfcDigest(r), prov)));
    }

    function testFuzz_RfcDigest_MatchesEip712(MarketTypes.RFC memory r) public view {
        assertEq(market.rfcDigest(r), vm.eip712HashTypedData(_rfcJson(r)));
    }

    function test_SessionTicketDigest_MatchesEip712() public view {
        MarketTypes.SessionTicket memory t = MarketTypes.SessionTicket({
            sessionId: keccak256("session"),
            user: address(uint160(uint256(keccak256("user")))),
            provider: prov,
            modelId: modelId,
            pricePerSecond: 1e12,
            maxSeconds: 4294967295,
            notAfter: uint64(block.timestamp + 3600),
            sessionKey: address(0),
            useDeposit: false
        });
        string memory json = _typedData(
            "SessionTicket",
            '[{"name":"sessionId","type":"bytes32"},{"name":"user","type":"address"},{"name":"provider","type":"address"},{"name":"modelId","type":"bytes32"},{"name":"pricePerSecond","type":"uint256"},{"name":"maxSeconds","type":"uint32"},{"name":"notAfter","type":"uint64"},{"name":"sessionKey","type":"address"},{"name":"useDeposit","type":"bool"}]',
            string.concat(
                '{"sessionId":"',
                vm.toString(t.sessionId),
                '","user":"',
                vm.toString(t.user),
                '","provider":"',
                vm.toString(t.provider),
                '","modelId":"',
                vm.toString(t.modelId),
                '","pricePerSecond":"',
                vm.toString(t.pricePerSecond),
                '","maxSeconds":',
                vm.toString(t.maxSeconds),
                ',"notAfter":"',
                vm.toString(t.notAfter),
                '","sessionKey":"',
                vm.toString(t.sessionKey),
                '","useDeposit":',
                t.useDeposit ? "true" : "false",
                "}"
            )
        );
        assertEq(market.sessionTicketDigest(t), vm.eip712HashTypedData(json));
    }

    function test_UsageReceiptDigest_MatchesEip712() public view {
        MarketTypes.UsageReceipt memory u = MarketTypes.UsageReceipt({
            sessionId: keccak256("session"), seconds_: 321, inputTokens: 1000, outputTokens: 2000, ttftMs: 450
        });
        string memory json = _typedData(
            "UsageReceipt",
            '[{"name":"sessionId","type":"bytes32"},{"name":"seconds","type":"uint32"},{"name":"inputTokens","type":"uint32"},{"name":"outputTokens","type":"uint32"},{"name":"ttftMs","type":"uint32"}]',
            string.concat(
                '{"sessionId":"',
                vm.toString(u.sessionId),
                '","seconds":321,"inputTokens":1000,"outputTokens":2000,"ttftMs":450}'
            )
        );
        assertEq(market.usageReceiptDigest(u), vm.eip712HashTypedData(json));
    }

    function _livenessJson(MarketTypes.Liveness memory l) internal view returns (string memory) {
        return _typedData(
            "Liveness",
            '[{"name":"provider","type":"address"},{"name":"challenge","type":"bytes32"},{"name":"timestamp","type":"uint64"}]',
            string.concat(
                '{"provider":"',
                vm.toString(l.provider),
                '","challenge":"',
                vm.toString(l.challenge),
                '","timestamp":"',
                vm.toString(l.timestamp),
                '"}'
            )
        );
    }

    function test_LivenessDigest_MatchesEip712() public view {
        MarketTypes.Liveness memory l =
            MarketTypes.Liveness({provider: prov, challenge: keccak256("c"), timestamp: uint64(block.timestamp)});
        assertEq(market.livenessDigest(l), vm.eip712HashTypedData(_livenessJson(l)));
    }

    function _signerClaimJson(address provider, address hot) internal view returns (string memory) {
        return _typedData(
            "SignerClaim",
            '[{"name":"provider","type":"address"},{"name":"signer","type":"address"}]',
            string.concat('{"provider":"', vm.toString(provider), '","signer":"', vm.toString(hot), '"}')
        );
    }

    function test_SignerClaimDigest_MatchesEip712() public view {
        assertEq(market.signerClaimDigest(prov, signer), vm.eip712HashTypedData(_signerClaimJson(prov, signer)));
        assertEq(
            market.signerClaimDigest(prov, signer),
            keccak256(
                abi.encodePacked(
                    "\x19\x01",
                    market.DOMAIN_SEPARATOR(),
                    keccak256(abi.encode(keccak256("SignerClaim(address provider,address signer)"), prov, signer))
                )
            )
        );
    }

    /// @dev The vector protocol/eip712 checks too (TestDigestKnownVector): this contract's code at the Go tests'
    ///      domain (chain 31337, 0x5FbDB2315678afecb367f032d93F642f64180aa3), provider = anvil account 0,
    ///      signer = anvil account 1.
    function test_SignerClaimDigest_Vector() public {
        address at = 0x5FbDB2315678afecb367f032d93F642f64180aa3;
        vm.etch(at, address(market).code);
        vm.chainId(31337);
        assertEq(
            Marketplace(at)
                .signerClaimDigest(
                    0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266, 0x70997970C51812dc3A010C7d01b50e0d17dc79C8
                ),
            SIGNER_CLAIM_VECTOR
        );
    }

    /// @dev A wallet-style signer (`cast wallet sign --data`, eth_signTypedData_v4) signs the same digests.
    function test_Ffi_CastWalletSign_RecoversSigner() public {
        (address user, uint256 key) = makeAddrAndKey("castUser");
        MarketTypes.RFC memory r = _rfc();
        r.user = user;
        _checkCastSignature(_rfcJson(r), key, user, market.rfcDigest(r));
        MarketTypes.Liveness memory l =
            MarketTypes.Liveness({provider: prov, challenge: keccak256("c"), timestamp: uint64(block.timestamp)});
        _checkCastSignature(_livenessJson(l), key, user, market.livenessDigest(l));
        _checkCastSignature(_signerClaimJson(prov, user), key, user, market.signerClaimDigest(prov, user));
    }

    function _checkCastSignature(string memory json, uint256 key, address expected, bytes32 digest) internal {
        // The npm wrapper picks its tool from TARGET_TOOL, which `npx forge` sets to "forge" for its children.
        string[] memory cmd = new string[](9);
        cmd[0] = "env";
        cmd[1] = "TARGET_TOOL=cast";
        cmd[2] = "node_modules/.bin/cast";
        cmd[3] = "wallet";
        cmd[4] = "sign";
        cmd[5] = "--private-key";
        cmd[6] = vm.toString(bytes32(key));
        cmd[7] = "--data";
        cmd[8] = json;
        Vm.FfiResult memory res = vm.tryFfi(cmd);
        assertEq(res.exitCode, 0, string(res.stderr));
        bytes memory sig = res.stdout;
        assertEq(sig.length, 65);
        bytes32 rr;
        bytes32 ss;
        uint8 v;
        assembly {
            rr := mload(add(sig, 32))
            ss := mload(add(sig, 64))
            v := byte(0, mload(add(sig, 96)))
        }
        assertEq(ecrecover(digest, v, rr, ss), expected);
    }
}
