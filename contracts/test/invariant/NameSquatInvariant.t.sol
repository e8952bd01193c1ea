// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {ModelRegistry} from "../../src/ModelRegistry.sol";
import {IModelRegistry} from "../../src/interfaces/IModelRegistry.sol";

/// @dev Two honest builders claim names by commit-reveal; a squatter watches every reveal and, in the reveal's
///      block, before it, tries each trick: register with the salt it saw, with a salt of its own, record the
///      builder's commitment again (to move it to this block), commit and reveal at once. It may also
///      pre-commit the names it guesses (two of the four) and claim them whenever it likes (the residual the rules
///      accept: a name guessed before its builder could always be registered outright). Time and blocks move by random steps, so
///      commitments ripen, age and expire. The handler mirrors every recorded commitment (ghost) and notes any
///      outcome the rules forbid in a flag (`fail_on_revert = false` would drop a bare revert).
contract NameSquatHandler is Test {
    ModelRegistry public immutable reg;
    address public immutable squatter;
    uint256 internal immutable maxAge;
    address[2] internal builders;
    string[4] internal names = ["alpha", "beta/gamma", "delta-1.5", "epsilon"];

    struct Pending {
        address builder;
        uint256 name;
        bytes32 salt;
    }

    Pending[] internal pending; // honest commitments not revealed yet
    mapping(bytes32 commitment => uint256) internal ghostBlock; // as commitName recorded it; 0 when none
    mapping(bytes32 commitment => uint256) internal ghostTime;
    mapping(uint256 name => bytes32) internal squatterSalt; // its latest pre-commitment of each name
    mapping(uint256 name => uint256) public claimBlock; // block of the name's claim
    mapping(uint256 name => uint256) public claimCommitBlock; // block of the commitment the claim used
    uint256 internal nonce;

    bool public claimedWithoutCommitment; // a new name claimed without a ripe, unexpired commitment of the claimant
    bool public frontRunWon; // a trick in the reveal's block claimed the name
    bool public commitmentMoved; // a valid commitment recorded again (moved to a later block)
    bool public honestRevealLost; // an in-time reveal of an unowned name failed with no squatter pre-commitment ripe
    uint256 public honestClaims;
    uint256 public frontRunsTried;
    uint256 public squats; // names the squatter claimed with a pre-commitment

    constructor(ModelRegistry reg_) {
        reg = reg_;
        maxAge = reg_.MAX_COMMIT_AGE();
        squatter = makeAddr("squatter");
        builders = [makeAddr("builder0"), makeAddr("builder1")];
    }

    function nameCount() external view returns (uint256) {
        return names.length;
    }

    function nameAt(uint256 i) external view returns (string memory) {
        return names[i];
    }

    function isActor(address a) external view returns (bool) {
        return a == squatter || a == builders[0] || a == builders[1];
    }

    // ----- actors -----

    function builderCommits(uint256 seed) external {
        address b = builders[seed % 2];
        uint256 n = (seed >> 8) % names.length;
        if (reg.nameOwner(names[n]) != address(0)) return;
        bytes32 salt = keccak256(abi.encode("honest", nonce++));
        if (_commit(b, reg.nameCommitment(names[n], b, salt))) pending.push(Pending(b, n, salt));
    }

    /// @dev An honest reveal the squatter sees and tries to front-run in the same block.
    function builderReveals(uint256 seed) external {
        if (pending.length == 0) return;
        uint256 i = seed % pending.length;
        Pending memory p = pending[i];
        pending[i] = pending[pending.length - 1];
        pending.pop();
        bytes32 c = reg.nameCommitment(names[p.name], p.builder, p.salt);
        if (ghostBlock[c] == 0) return;
        if (block.number <= ghostBlock[c]) vm.roll(ghostBlock[c] + 1); // the builder waits for a later block
        if (block.timestamp > ghostTime[c] + maxAge) return; // expired: the builder would commit again

        bool unowned = reg.nameOwner(names[p.name]) == address(0);
        bytes32 pre = reg.nameCommitment(names[p.name], squatter, squatterSalt[p.name]);
        bool preRipe = _ripe(pre);
        if (unowned) {
            ++frontRunsTried;
            // The salt seen in the reveal, then one of its own, uncommitted.
            if (_register(squatter, p.name, p.salt)) frontRunWon = true;
            if (_register(squatter, p.name, keccak256(abi.encode("fresh", nonce++)))) frontRunWon = true;
            // The builder's commitment recorded again (it is valid: this must be refused).
            if (_commit(squatter, c)) commitmentMoved = true;
            // A commitment of its own in this block, revealed at once.
            bytes32 salt = keccak256(abi.encode("late", nonce++));
            _commit(squatter, reg.nameCommitment(names[p.name], squatter, salt));
            if (_register(squatter, p.name, salt)) frontRunWon = true;
            // A pre-commitment made in an earlier block is the accepted residual: it may claim the name.
            if (preRipe && _register(squatter, p.name, squatterSalt[p.name])) ++squats;
        }
        bool ok = _register(p.builder, p.name, p.salt);
        if (ok) ++honestClaims;
        else if (unowned && !preRipe) honestRevealLost = true;
    }

    /// @dev A guessed name committed ahead of any builder (or refreshed with a new salt): the squatter guesses
    ///      the first two names only, the others it learns from their reveals.
    function squatterPreCommits(uint256 seed) external {
        uint256 n = seed % 2;
        bytes32 salt = keccak256(abi.encode("guess", nonce++));
        if (_commit(squatter, reg.nameCommitment(names[n], squatter, salt))) squatterSalt[n] = salt;
    }

    function squatterClaims(uint256 seed) external {
        uint256 n = seed % names.length;
        if (reg.nameOwner(names[n]) == address(0) && _register(squatter, n, squatterSalt[n])) ++squats;
    }

    /// @dev Re-records any honest commitment still pending (refused while valid; allowed, and harmless, once
    ///      expired: it stays the builder's).
    function squatterCopies(uint256 seed) external {
        if (pending.length == 0) return;
        Pending memory p = pending[seed % pending.length];
        bytes32 c = reg.nameCommitment(names[p.name], p.builder, p.salt);
        bool valid = ghostBlock[c] != 0 && block.timestamp <= ghostTime[c] + maxAge;
        if (_commit(squatter, c) && valid) commitmentMoved = true;
    }

    function passTime(uint256 seed) external {
        vm.roll(block.number + 1 + seed % 3);
        vm.warp(block.timestamp + (seed >> 8) % (maxAge + maxAge / 2));
    }

    // ----- helpers -----

    function _ripe(bytes32 c) internal view returns (bool) {
        return ghostBlock[c] != 0 && ghostBlock[c] < block.number && block.timestamp <= ghostTime[c] + maxAge;
    }

    function _commit(address who, bytes32 c) internal returns (bool) {
        vm.prank(who);
        try reg.commitName(c) {
            ghostBlock[c] = block.number;
            ghostTime[c] = block.timestamp;
            return true;
        } catch {
            return false;
        }
    }

    function _register(address who, uint256 n, bytes32 salt) internal returns (bool) {
        bool newName = reg.nameOwner(names[n]) == address(0);
        bytes32 c = reg.nameCommitment(names[n], who, salt);
        bool ripe = _ripe(c);
        string memory tag = string.concat("v", vm.toString(nonce++));
        vm.prank(who);
        try reg.register(names[n], tag, keccak256("w"), 0, IModelRegistry.Kind.Model, salt) {
            if (newName) {
                if (!ripe) claimedWithoutCommitment = true;
                claimBlock[n] = block.number;
                claimCommitBlock[n] = ghostBlock[c];
                delete ghostBlock[c];
                delete ghostTime[c];
            }
            return true;
        } catch {
            return false;
        }
    }
}

contract NameSquatInvariantTest is Test {
    ModelRegistry internal reg;
    NameSquatHandler internal handler;

    function setUp() public {
        vm.warp(1_700_000_000);
        vm.roll(100);
        reg = new ModelRegistry(ERC20Burnable(address(0)), 0);
        handler = new NameSquatHandler(reg);
        targetContract(address(handler));
        bytes4[] memory selectors = new bytes4[](6);
        selectors[0] = NameSquatHandler.builderCommits.selector;
        selectors[1] = NameSquatHandler.builderReveals.selector;
        selectors[2] = NameSquatHandler.squatterPreCommits.selector;
        selectors[3] = NameSquatHandler.squatterClaims.selector;
        selectors[4] = NameSquatHandler.squatterCopies.selector;
        selectors[5] = NameSquatHandler.passTime.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
    }

    /// @dev No trick in the reveal's block claims the name, moves the builder's commitment, or makes an in-time
    ///      reveal of an unowned name fail (unless the squatter had committed the name in an earlier block).
    function invariant_FrontRunsFail() public view {
        assertFalse(handler.frontRunWon(), "a front-run in the reveal's block claimed the name");
        assertFalse(handler.commitmentMoved(), "a valid commitment was recorded again");
        assertFalse(handler.honestRevealLost(), "an in-time reveal lost its name");
    }

    /// @dev Every name's owner is an actor that committed it in an earlier block than its claim, within
    ///      MAX_COMMIT_AGE.
    function invariant_EveryOwnerCommittedEarlier() public view {
        assertFalse(handler.claimedWithoutCommitment(), "a name claimed without a ripe commitment");
        for (uint256 n; n < handler.nameCount(); ++n) {
            address owner = reg.nameOwner(handler.nameAt(n));
            if (owner == address(0)) continue;
            assertTrue(handler.isActor(owner));
            assertGt(handler.claimCommitBlock(n), 0, "claimed with no commitment");
            assertLt(handler.claimCommitBlock(n), handler.claimBlock(n), "commitment not in an earlier block");
        }
    }
}
