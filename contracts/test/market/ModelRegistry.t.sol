// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IModelRegistry} from "../../src/interfaces/IModelRegistry.sol";
import {Test} from "forge-std/Test.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {ModelRegistry} from "../../src/ModelRegistry.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {MarketFixture} from "./MarketFixture.sol";

contract ModelRegistryTest is Test {
    ModelRegistry internal registry;
    address internal alice;
    address internal bob;
    bytes32 internal constant CID = keccak256("weights");

    function setUp() public {
        registry = new ModelRegistry(ERC20Burnable(address(0)), 0);
        alice = makeAddr("alice");
        bob = makeAddr("bob");
    }

    bytes32 internal constant SALT = keccak256("alice's secret salt");

    /// @dev `who` commits to claim `name` with `salt` in this block.
    function _commit(address who, string memory name, bytes32 salt) internal returns (bytes32 c) {
        c = registry.nameCommitment(name, who, salt);
        vm.prank(who);
        registry.commitName(c);
    }

    /// @dev `who` commits to claim `name` with SALT, then the chain moves to the next block (reveal allowed).
    function _committed(address who, string memory name) internal {
        _commit(who, name, SALT);
        vm.roll(block.number + 1);
    }

    function test_Register() public {
        bytes32 id = keccak256(bytes("llama-3.1-8b:q4_K_M"));
        _committed(alice, "llama-3.1-8b");
        vm.expectEmit(address(registry));
        emit IModelRegistry.NameClaimed(keccak256("llama-3.1-8b"), alice, "llama-3.1-8b", 0);
        vm.expectEmit(address(registry));
        emit IModelRegistry.ModelRegistered(id, alice, "llama-3.1-8b", "q4_K_M", CID, 500, IModelRegistry.Kind.Model);
        vm.prank(alice);
        assertEq(registry.register("llama-3.1-8b", "q4_K_M", CID, 500, IModelRegistry.Kind.Model, SALT), id);

        (address builder, uint16 fee, bytes32 contentHash, string memory name,) = registry.model(id);
        assertEq(builder, alice);
        assertEq(fee, 500);
        assertEq(contentHash, CID);
        assertEq(name, "llama-3.1-8b:q4_K_M");
        assertTrue(registry.isRegistered(id));
        assertFalse(registry.isRegistered(keccak256("llama-3.1-8b:other")));
        assertEq(registry.nameOwner("llama-3.1-8b"), alice);
        assertEq(registry.nameOwner("nobody"), address(0));
        assertEq(registry.computeModelId("llama-3.1-8b", "q4_K_M"), id);
    }

    function test_Register_OwnerAddsTags_OthersCannot() public {
        _committed(alice, "meta/llama");
        vm.startPrank(alice);
        registry.register("meta/llama", "v1", CID, 0, IModelRegistry.Kind.Model, SALT);
        // Further tags of an owned name need no commitment: the salt is ignored.
        registry.register("meta/llama", "v2", CID, 2_000, IModelRegistry.Kind.Model, bytes32(0));
        vm.stopPrank();
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IModelRegistry.NameOwnedByOther.selector, "meta/llama", alice));
        registry.register("meta/llama", "v3", CID, 0, IModelRegistry.Kind.Model, SALT);
        // A different name is free for bob (committed like any new name).
        _committed(bob, "meta/llama2");
        vm.prank(bob);
        registry.register("meta/llama2", "v1", CID, 0, IModelRegistry.Kind.Model, SALT);
        assertEq(registry.nameOwner("meta/llama2"), bob);
    }

    function test_Register_Duplicate_Reverts() public {
        _committed(alice, "m");
        vm.startPrank(alice);
        bytes32 id = registry.register("m", "t", CID, 0, IModelRegistry.Kind.Model, SALT);
        vm.expectRevert(abi.encodeWithSelector(IModelRegistry.ModelExists.selector, id));
        registry.register("m", "t", keccak256("other weights"), 100, IModelRegistry.Kind.Model, SALT);
        vm.stopPrank();
    }

    function test_Register_BadInput_Reverts() public {
        _committed(alice, _repeat("a", 128));
        vm.startPrank(alice);
        string[9] memory badNames = ["", "a:b", "Llama", "-a", "a-", ".a", "a b", "a\x00", "\xc3\xa9t\xc3\xa9"];
        for (uint256 i; i < badNames.length; ++i) {
            vm.expectRevert(abi.encodeWithSelector(IModelRegistry.InvalidName.selector, badNames[i]));
            registry.register(badNames[i], "t", CID, 0, IModelRegistry.Kind.Model, SALT);
        }
        string[6] memory badTags = ["", "a:b", "-x", ".x", "a/b", "a b"];
        for (uint256 i; i < badTags.length; ++i) {
            vm.expectRevert(abi.encodeWithSelector(IModelRegistry.InvalidTag.selector, badTags[i]));
            registry.register("m", badTags[i], CID, 0, IModelRegistry.Kind.Model, SALT);
        }
        string memory long = _repeat("a", 129);
        vm.expectRevert(abi.encodeWithSelector(IModelRegistry.InvalidName.selector, long));
        registry.register(long, "t", CID, 0, IModelRegistry.Kind.Model, SALT);
        vm.expectRevert(abi.encodeWithSelector(IModelRegistry.InvalidTag.selector, long));
        registry.register("m", long, CID, 0, IModelRegistry.Kind.Model, SALT);
        registry.register(_repeat("a", 128), _repeat("T", 128), CID, 0, IModelRegistry.Kind.Model, SALT); // the limits themselves are fine

        vm.expectRevert(IModelRegistry.ZeroContentHash.selector);
        registry.register("m", "t", bytes32(0), 0, IModelRegistry.Kind.Model, SALT);
        vm.expectRevert(abi.encodeWithSelector(IModelRegistry.FeeTooHigh.selector, 2_001, 2_000));
        registry.register("m", "t", CID, 2_001, IModelRegistry.Kind.Model, SALT);
        vm.stopPrank();
    }

    function test_Register_AllowedCharacters() public {
        _commit(alice, "a", SALT);
        _commit(alice, "org/model_name-1.5", SALT);
        _committed(alice, "0");
        vm.startPrank(alice);
        registry.register("a", "_", CID, 0, IModelRegistry.Kind.Model, SALT);
        registry.register("org/model_name-1.5", "V1.2_rc-3", CID, 0, IModelRegistry.Kind.Model, SALT);
        registry.register("0", "latest", CID, 0, IModelRegistry.Kind.Model, SALT);
        vm.stopPrank();
    }

    function test_SetBuilderFee() public {
        vm.warp(1_000_000);
        _committed(alice, "m");
        vm.prank(alice);
        bytes32 id = registry.register("m", "t", CID, 100, IModelRegistry.Kind.Model, SALT);
        vm.warp(1_000_010);
        uint64 notice = registry.FEE_INCREASE_NOTICE();
        // An increase is announced, in force only after the notice.
        vm.expectEmit(address(registry));
        emit IModelRegistry.BuilderFeeSet(id, 100, 250, 1_000_010 + notice);
        vm.prank(alice);
        registry.setBuilderFee(id, 250);
        (, uint16 fee, bytes32 contentHash,,) = registry.model(id);
        assertEq(fee, 100);
        assertEq(contentHash, CID); // content is immutable
        (bool pending, uint16 next, uint64 from) = registry.pendingFee(id);
        assertTrue(pending);
        assertEq(next, 250);
        assertEq(from, 1_000_010 + notice);
        assertEq(registry.feeAt(id, 1_000_010 + notice - 1), 100);
        assertEq(registry.feeAt(id, 1_000_010 + notice), 250);
        vm.warp(1_000_010 + notice);
        (, fee,,,) = registry.model(id);
        assertEq(fee, 250);
        (pending,,) = registry.pendingFee(id);
        assertFalse(pending);

        // A decrease takes effect at once; the fee of every earlier time stays.
        vm.warp(2_000_000);
        vm.expectEmit(address(registry));
        emit IModelRegistry.BuilderFeeSet(id, 250, 50, 2_000_000);
        vm.prank(alice);
        registry.setBuilderFee(id, 50);
        (, fee,,,) = registry.model(id);
        assertEq(fee, 50);
        assertEq(registry.feeAt(id, 1_999_999), 250);
        assertEq(registry.feeAt(id, 1_000_009), 100);
        assertEq(registry.feeAt(id, 0), 100); // before the registration: the registration's fee
        assertEq(registry.feeHistoryLength(id), 3);
        IModelRegistry.FeeChange[] memory h = registry.feeHistory(id, 1, 10);
        assertEq(h.length, 2);
        assertEq(h[0].effectiveFrom, 1_000_010 + notice);
        assertEq(h[1].feeBps, 50);
        assertEq(registry.feeHistory(id, 5, 10).length, 0);

        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IModelRegistry.NotBuilder.selector, id, bob));
        registry.setBuilderFee(id, 0);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IModelRegistry.FeeTooHigh.selector, 2_001, 2_000));
        registry.setBuilderFee(id, 2_001);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IModelRegistry.UnknownModel.selector, bytes32(uint256(1))));
        registry.setBuilderFee(bytes32(uint256(1)), 0);
        vm.expectRevert(abi.encodeWithSelector(IModelRegistry.UnknownModel.selector, bytes32(uint256(1))));
        registry.feeAt(bytes32(uint256(1)), 0);
    }

    /// @dev A new change replaces the pending one; setting the fee in force cancels it; a decrease in the
    ///      registration's second changes no earlier time.
    function test_SetBuilderFee_ReplacesPending() public {
        vm.warp(1_000);
        _committed(alice, "m");
        vm.prank(alice);
        bytes32 id = registry.register("m", "t", CID, 100, IModelRegistry.Kind.Model, SALT);
        vm.startPrank(alice);
        registry.setBuilderFee(id, 100); // decrease-or-equal in the registration's second: no change
        assertEq(registry.feeHistoryLength(id), 1);
        registry.setBuilderFee(id, 80); // decrease in the registration's second
        assertEq(registry.feeHistoryLength(id), 2);
        assertEq(registry.feeAt(id, 1_000), 80);
        assertEq(registry.feeAt(id, 999), 100);
        vm.warp(2_000);
        registry.setBuilderFee(id, 2_000);
        registry.setBuilderFee(id, 300); // replaces the pending 2000
        (, uint16 next, uint64 from) = registry.pendingFee(id);
        assertEq(next, 300);
        assertEq(from, 2_000 + registry.FEE_INCREASE_NOTICE());
        registry.setBuilderFee(id, 80); // cancels it
        (bool pending,,) = registry.pendingFee(id);
        assertFalse(pending);
        assertEq(registry.feeHistoryLength(id), 2);
        vm.stopPrank();
    }

    /// @dev Whatever the builder does at time now, the fee of every time before now is unchanged, a fee in
    ///      force after now is never above the fee in force before the call unless at least the notice later.
    function testFuzz_SetBuilderFee_NeverChangesThePast(uint16[8] memory fees, uint32[8] memory gaps, uint64 probe)
        public
    {
        vm.warp(10_000);
        _committed(alice, "m");
        vm.prank(alice);
        bytes32 id = registry.register("m", "t", CID, 500, IModelRegistry.Kind.Model, SALT);
        uint64 notice = registry.FEE_INCREASE_NOTICE();
        for (uint256 i; i < fees.length; ++i) {
            vm.warp(block.timestamp + (gaps[i] % (3 * notice)));
            uint64 now_ = uint64(block.timestamp);
            uint64 past = uint64(bound(probe, 0, now_ - 1));
            uint16 before = registry.feeAt(id, past);
            uint16 inForce = registry.feeAt(id, now_);
            uint16 fee = uint16(bound(fees[i], 0, 2_000));
            vm.prank(alice);
            registry.setBuilderFee(id, fee);
            assertEq(registry.feeAt(id, past), before, "the fee of an earlier time changed");
            assertLe(registry.feeAt(id, now_ + notice - 1), inForce > fee ? inForce : fee);
            if (fee <= inForce) assertEq(registry.feeAt(id, now_), fee);
            else assertEq(registry.feeAt(id, now_ + notice - 1), inForce, "an increase before its notice");
            assertEq(registry.feeAt(id, now_ + notice), fee);
        }
    }

    function test_Model_Unknown_Reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IModelRegistry.UnknownModel.selector, bytes32(uint256(7))));
        registry.model(bytes32(uint256(7)));
    }

    /// @dev Any name or tag holding ':' is rejected, so "name:tag" always splits one way.
    function testFuzz_ColonAlwaysRejected(string memory prefix, string memory suffix) public {
        string memory withColon = string.concat(prefix, ":", suffix);
        vm.expectRevert();
        registry.register(withColon, "t", CID, 0, IModelRegistry.Kind.Model, SALT);
        vm.expectRevert();
        registry.register("m", withColon, CID, 0, IModelRegistry.Kind.Model, SALT);
    }

    /// @dev modelId is keccak256 of "name:tag" for every accepted pair.
    function testFuzz_ModelId(uint256 nameSeed, uint256 tagSeed) public {
        string memory name = _word(nameSeed, "abcdefghijklmnopqrstuvwxyz0123456789");
        string memory tag = _word(tagSeed, "ABCXYZabcxyz0189_");
        _committed(alice, name);
        vm.prank(alice);
        bytes32 id = registry.register(name, tag, CID, 0, IModelRegistry.Kind.Model, SALT);
        assertEq(id, keccak256(bytes(string.concat(name, ":", tag))));
        (,,, string memory full,) = registry.model(id);
        assertEq(full, string.concat(name, ":", tag));
    }

    // ------------------------------------------------------------------------------------------------
    // Commit-reveal of new names (threat: front-running a builder's first register of a name)
    // ------------------------------------------------------------------------------------------------

    /// @dev The front-run: in the block of alice's reveal (she committed in an earlier one), bob has seen the
    ///      name and the salt and tries every trick first; all fail, and alice's reveal claims the name.
    function test_FrontRun_RevealSeen_AttackerFails() public {
        address attacker = bob;
        bytes32 c = _commit(alice, "llama", SALT);
        vm.roll(block.number + 1); // the reveal's block
        // Register with the salt seen in alice's reveal: the commitment is alice's, not the attacker's.
        vm.prank(attacker);
        vm.expectRevert(abi.encodeWithSelector(IModelRegistry.NameNotCommitted.selector, "llama"));
        registry.register("llama", "evil", CID, 2_000, IModelRegistry.Kind.Model, SALT);
        // With any salt of its own, uncommitted.
        vm.prank(attacker);
        vm.expectRevert(abi.encodeWithSelector(IModelRegistry.NameNotCommitted.selector, "llama"));
        registry.register("llama", "v1", CID, 2_000, IModelRegistry.Kind.Model, keccak256("mine"));
        // Copy alice's commitment (to move it to this block): refused while it is valid.
        uint256 validUntil = block.timestamp + registry.MAX_COMMIT_AGE();
        vm.prank(attacker);
        vm.expectRevert(abi.encodeWithSelector(IModelRegistry.CommitmentExists.selector, c, validUntil));
        registry.commitName(c);
        // Commit its own in this block and reveal at once: too new.
        _commit(attacker, "llama", keccak256("mine"));
        vm.prank(attacker);
        vm.expectRevert(abi.encodeWithSelector(IModelRegistry.CommitmentTooNew.selector, block.number + 1));
        registry.register("llama", "v1", CID, 2_000, IModelRegistry.Kind.Model, keccak256("mine"));

        // Alice's reveal, mined after all of the above in the same block, claims the name.
        vm.prank(alice);
        registry.register("llama", "v1", CID, 100, IModelRegistry.Kind.Model, SALT);
        assertEq(registry.nameOwner("llama"), alice);
        // The attacker's commitment ripens in the next block, too late: the name is owned.
        vm.roll(block.number + 1);
        vm.prank(attacker);
        vm.expectRevert(abi.encodeWithSelector(IModelRegistry.NameOwnedByOther.selector, "llama", alice));
        registry.register("llama", "v2", CID, 2_000, IModelRegistry.Kind.Model, keccak256("mine"));
    }

    /// @dev The residual the commit-reveal leaves (documented, not prevented): a reveal left pending for a block.
    ///      Alice's reveal is seen but not included in the block after her commitment's; bob, who learned the
    ///      name from it, gets his own commitment into that block and his reveal ordered before hers in the next:
    ///      he owns the name. The rule protects a builder only if its reveal is included before a commitment sent
    ///      after seeing it can be revealed, i.e. in the block after the reveal is first seen (on Arbitrum, for a
    ///      transaction sent to the sequencer; on an L1, a reveal sent privately). This test asserts today's
    ///      outcome: a minimum commitment age would change it.
    function test_RevealLeftPendingABlock_CanBeFrontRun() public {
        _commit(alice, "llama", SALT); // block N
        vm.roll(block.number + 1); // N+1: alice's reveal is seen, not included
        bytes32 bobSalt = keccak256("bob's salt");
        _commit(bob, "llama", bobSalt); // bob's commitment is included in N+1
        vm.roll(block.number + 1); // N+2: bob's reveal is ordered before alice's
        vm.prank(bob);
        registry.register("llama", "evil", CID, 2_000, IModelRegistry.Kind.Model, bobSalt);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IModelRegistry.NameOwnedByOther.selector, "llama", bob));
        registry.register("llama", "v1", CID, 100, IModelRegistry.Kind.Model, SALT);
        assertEq(registry.nameOwner("llama"), bob);
    }

    /// @dev A commitment binds its builder: another address cannot use it, even holding its salt.
    function test_Commitment_OtherBuildersCannotUse() public {
        _committed(alice, "llama");
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IModelRegistry.NameNotCommitted.selector, "llama"));
        registry.register("llama", "v1", CID, 0, IModelRegistry.Kind.Model, SALT);
        // A commitment binds the builder inside its hash, whoever sends it: bob recording alice's hash for
        // "other" gains nothing, and it stays alice's.
        bytes32 alices = registry.nameCommitment("other", alice, SALT);
        vm.prank(bob);
        registry.commitName(alices);
        vm.roll(block.number + 1);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IModelRegistry.NameNotCommitted.selector, "other"));
        registry.register("other", "v1", CID, 0, IModelRegistry.Kind.Model, SALT);
        vm.prank(alice);
        registry.register("other", "v1", CID, 0, IModelRegistry.Kind.Model, SALT);
        assertEq(registry.nameOwner("other"), alice);
        assertEq(registry.nameOwner("llama"), address(0));
    }

    /// @dev keccak256(abi.encode(name, builder, salt)); the same vector is in protocol/ids (TestNameCommitment).
    function test_NameCommitment_Vector() public view {
        assertEq(
            registry.nameCommitment("llama3", address(0xb1), bytes32(bytes1(0x5a))),
            0x2e4385597873b52b39572d9f918cf87784caab3d041992f63f6dd03dda8cec1d
        );
    }

    function test_Commitment_TooNew_SameBlock() public {
        vm.expectEmit(address(registry));
        emit IModelRegistry.NameCommitted(registry.nameCommitment("m", alice, SALT), alice);
        _commit(alice, "m", SALT);
        vm.warp(block.timestamp + 1 hours); // time alone does not ripen it: a later block does
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IModelRegistry.CommitmentTooNew.selector, block.number + 1));
        registry.register("m", "t", CID, 0, IModelRegistry.Kind.Model, SALT);
        vm.roll(block.number + 1);
        vm.prank(alice);
        registry.register("m", "t", CID, 0, IModelRegistry.Kind.Model, SALT);
        assertEq(registry.nameOwner("m"), alice);
    }

    /// @dev Usable up to MAX_COMMIT_AGE after its block (inclusive), expired one second later; an expired
    ///      commitment may be made again.
    function test_Commitment_Expires() public {
        vm.warp(1_000_000);
        bytes32 c = _commit(alice, "m", SALT);
        uint256 validUntil = 1_000_000 + registry.MAX_COMMIT_AGE();
        (uint64 atBlock, uint64 atTime, bool revealable) = registry.commitmentOf(c);
        assertEq(atBlock, block.number);
        assertEq(atTime, 1_000_000);
        assertFalse(revealable, "same block");
        vm.roll(block.number + 1);
        (,, revealable) = registry.commitmentOf(c);
        assertTrue(revealable);

        uint256 snap = vm.snapshotState();
        vm.warp(validUntil);
        vm.prank(alice);
        registry.register("m", "t", CID, 0, IModelRegistry.Kind.Model, SALT); // the last second: fine
        vm.revertToState(snap);

        vm.warp(validUntil + 1);
        (,, revealable) = registry.commitmentOf(c);
        assertFalse(revealable, "expired");
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IModelRegistry.CommitmentExpired.selector, validUntil));
        registry.register("m", "t", CID, 0, IModelRegistry.Kind.Model, SALT);
        // Committed again (allowed once expired), it is usable from the next block.
        _commit(alice, "m", SALT);
        vm.roll(block.number + 1);
        vm.prank(alice);
        registry.register("m", "t", CID, 0, IModelRegistry.Kind.Model, SALT);
        assertEq(registry.nameOwner("m"), alice);
    }

    /// @dev A commitment names one name and is used up by its claim: it cannot claim another name, and its record
    ///      is gone.
    function test_Commitment_UsedOnce_OneName() public {
        bytes32 c = _commit(alice, "a", SALT);
        vm.roll(block.number + 1);
        vm.startPrank(alice);
        registry.register("a", "v1", CID, 0, IModelRegistry.Kind.Model, SALT);
        (uint64 atBlock,, bool revealable) = registry.commitmentOf(c);
        assertEq(atBlock, 0, "used up");
        assertFalse(revealable);
        vm.expectRevert(abi.encodeWithSelector(IModelRegistry.NameNotCommitted.selector, "b"));
        registry.register("b", "v1", CID, 0, IModelRegistry.Kind.Model, SALT);
        vm.stopPrank();
        assertEq(registry.nameOwner("b"), address(0));
        // A commitment for a name someone else owns does not take it.
        _committed(bob, "a");
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IModelRegistry.NameOwnedByOther.selector, "a", alice));
        registry.register("a", "v2", CID, 0, IModelRegistry.Kind.Model, SALT);
    }

    /// @dev For any name, salts and attacker: only the builder's own commitment, revealed with its salt in a later
    ///      block, claims the name.
    function testFuzz_CommitReveal(uint256 nameSeed, bytes32 salt, bytes32 otherSalt, address attacker) public {
        vm.assume(attacker != alice && salt != otherSalt);
        string memory name = _word(nameSeed, "abcdefghijklmnopqrstuvwxyz0123456789");
        _commit(alice, name, salt);
        vm.expectRevert(abi.encodeWithSelector(IModelRegistry.CommitmentTooNew.selector, block.number + 1));
        vm.prank(alice);
        registry.register(name, "t", CID, 0, IModelRegistry.Kind.Model, salt);
        vm.roll(block.number + 1);
        bytes32[2] memory salts = [salt, otherSalt];
        for (uint256 i; i < 2; ++i) {
            vm.prank(attacker);
            vm.expectRevert(abi.encodeWithSelector(IModelRegistry.NameNotCommitted.selector, name));
            registry.register(name, "t", CID, 0, IModelRegistry.Kind.Model, salts[i]);
        }
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IModelRegistry.NameNotCommitted.selector, name));
        registry.register(name, "t", CID, 0, IModelRegistry.Kind.Model, otherSalt);
        vm.prank(alice);
        registry.register(name, "t", CID, 0, IModelRegistry.Kind.Model, salt);
        assertEq(registry.nameOwner(name), alice);
    }

    function _word(uint256 seed, bytes memory alphabet) internal pure returns (string memory) {
        uint256 n = 1 + seed % 40;
        bytes memory out = new bytes(n);
        for (uint256 i; i < n; ++i) {
            out[i] = alphabet[uint256(keccak256(abi.encode(seed, i))) % alphabet.length];
        }
        return string(out);
    }

    function _repeat(bytes1 c, uint256 n) internal pure returns (string memory) {
        bytes memory out = new bytes(n);
        for (uint256 i; i < n; ++i) {
            out[i] = c;
        }
        return string(out);
    }
}

/// @dev The name fee, on a registry that burns real MOR.
contract ModelRegistryNameFeeTest is MarketFixture {
    uint256 internal constant FEE = 10e18;
    bytes32 internal constant CID = keccak256("weights");
    ModelRegistry internal reg;
    address internal alice;
    address internal bob;

    function setUp() public override {
        super.setUp();
        reg = new ModelRegistry(ERC20Burnable(address(mor)), FEE);
        alice = makeAddr("alice");
        bob = makeAddr("bob");
        _fund(alice, 100e18);
        _fund(bob, 100e18);
        vm.prank(alice);
        mor.approve(address(reg), type(uint256).max);
        vm.prank(bob);
        mor.approve(address(reg), type(uint256).max);
    }

    /// @dev The fee is burned once per name, from the claimant: never for a further tag (whatever salt it
    ///      carries), nor from a third party who recorded the claimant's commitment for it.
    function test_NameFee_BurnedOncePerName_FromClaimant() public {
        uint256 supply0 = mor.totalSupply();
        uint256 a0 = mor.balanceOf(alice);
        uint256 b0 = mor.balanceOf(bob);
        bytes32 sa = keccak256("a");
        vm.prank(alice);
        reg.commitName(reg.nameCommitment("llama", alice, sa));
        bytes32 sa2 = keccak256("a2");
        vm.prank(bob); // bob records alice's other commitment: the fee is still alice's to pay
        reg.commitName(reg.nameCommitment("qwen", alice, sa2));
        vm.roll(block.number + 1);
        vm.startPrank(alice);
        reg.register("llama", "v1", CID, 100, IModelRegistry.Kind.Model, sa);
        reg.register("llama", "v2", CID, 100, IModelRegistry.Kind.Model, sa); // further tag, same salt: no fee
        reg.register("llama", "v3", CID, 100, IModelRegistry.Kind.Model, bytes32(0));
        reg.register("qwen", "v1", CID, 100, IModelRegistry.Kind.Model, sa2);
        vm.stopPrank();
        assertEq(mor.balanceOf(alice), a0 - 2 * FEE, "two names, two fees");
        assertEq(mor.balanceOf(bob), b0, "the committer pays nothing");
        assertEq(mor.totalSupply(), supply0 - 2 * FEE, "burned, not moved");
    }

    /// @dev A reveal whose burn fails (no allowance) reverts whole: no owner, the commitment kept and still
    ///      revealable; once the claimant approves, the same reveal claims the name and burns the fee.
    function test_NameFee_FailedBurn_NothingHalfApplied() public {
        address carol = makeAddr("carol"); // holds MOR, no allowance
        _fund(carol, 100e18);
        bytes32 s = keccak256("c");
        bytes32 c = reg.nameCommitment("mistral", carol, s);
        vm.prank(carol);
        reg.commitName(c);
        vm.roll(block.number + 1);
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(reg), 0, FEE));
        reg.register("mistral", "v1", CID, 100, IModelRegistry.Kind.Model, s);
        assertEq(reg.nameOwner("mistral"), address(0));
        (uint64 bn,, bool ok) = reg.commitmentOf(c);
        assertGt(bn, 0, "commitment kept");
        assertTrue(ok);
        uint256 supply0 = mor.totalSupply();
        vm.prank(carol);
        mor.approve(address(reg), FEE);
        vm.prank(carol);
        reg.register("mistral", "v1", CID, 100, IModelRegistry.Kind.Model, s);
        assertEq(reg.nameOwner("mistral"), carol);
        assertEq(mor.allowance(carol, address(reg)), 0);
        assertEq(mor.totalSupply(), supply0 - FEE, "burned once");
    }
}
