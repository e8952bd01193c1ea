// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {StdInvariant} from "forge-std/StdInvariant.sol";
import {Emissions} from "../../src/Emissions.sol";
import {MORToken} from "../../src/MORToken.sol";
import {ComputeSinkLib} from "../ComputeSink.sol";

/// @dev Drives the emission system with bounded inputs: warps time (hours to years, so tail epochs are
///      reached), releases, transfers, burns and delegates. Ghost state is kept independently of the contract's
///      views: what each release minted, what was burned, and a past emission figure that must never change.
///      Calls that must succeed are wrapped: a failure sets `mustSucceedFailed` (a bare revert would be dropped by
///      `fail_on_revert = false`).
contract EmissionsHandler is Test {
    Emissions public immutable em;
    MORToken public immutable mor;
    address[5] internal recipients;
    address[3] internal users;

    uint256 public ghostMinted;
    uint256 public ghostBurned;
    uint256 public releases;
    uint256 public lastReleaseTime;
    bool public doubleMint;
    bool public mustSucceedFailed;
    bool public releaseShort; // a release left something of the schedule unminted
    bool public pastChanged; // the emission up to a past moment changed
    // A past timestamp and what the schedule said had been emitted by then, checked again later.
    uint256 public pastTime;
    uint256 public pastEmitted;
    uint256 public maxTailEpoch;

    constructor(Emissions em_, address[5] memory recipients_) {
        em = em_;
        mor = em_.token();
        recipients = recipients_;
        users = [makeAddr("u0"), makeAddr("u1"), makeAddr("u2")];
    }

    function warp(uint256 secs) external {
        // Mostly hours and days, sometimes whole years, so the tail epochs are reached.
        secs = secs % 4 == 0 ? bound(secs, 1 days, 9000 days) : bound(secs, 1, 3 days);
        _notePast();
        vm.warp(block.timestamp + secs);
        uint256 epoch = (block.timestamp - em.payoutStart()) / (em.EPOCH_DAYS() * em.interval());
        if (epoch > maxTailEpoch) maxTailEpoch = epoch;
    }

    function release() external {
        uint256 due = em.releasable();
        if (due == 0) return;
        if (lastReleaseTime == block.timestamp) doubleMint = true; // releasable() must be 0 then
        try em.release() returns (uint256 minted) {
            ghostMinted += minted;
            if (minted != due) mustSucceedFailed = true;
        } catch {
            mustSucceedFailed = true;
        }
        releases++;
        lastReleaseTime = block.timestamp;
        // Everything the schedule emitted up to now is minted, exactly.
        if (ghostMinted != em.emittedUntil(block.timestamp)) releaseShort = true;
    }

    function releaseAgain() external {
        // A second release in the same block must mint nothing (it reverts).
        if (lastReleaseTime != block.timestamp) return;
        uint256 supply = mor.totalSupply();
        try em.release() returns (uint256) {
            doubleMint = true;
        } catch {}
        if (mor.totalSupply() != supply) doubleMint = true;
    }

    function transfer(uint256 fromSeed, uint256 toSeed, uint256 amount) external {
        address from = _holder(fromSeed);
        address to = users[toSeed % users.length];
        amount = bound(amount, 0, mor.balanceOf(from));
        vm.prank(from);
        require(mor.transfer(to, amount), "transfer");
    }

    function burn(uint256 fromSeed, uint256 amount) external {
        address from = _holder(fromSeed);
        uint256 bal = mor.balanceOf(from);
        // Often a large share: big burns make the 16% cap bind in the next tail epoch.
        amount = fromSeed % 3 == 0 ? bal : bound(amount, 0, bal);
        vm.prank(from);
        try mor.burn(amount) {
            ghostBurned += amount;
        } catch {
            mustSucceedFailed = true;
        }
    }

    function delegate(uint256 seed) external {
        address who = _holder(seed);
        vm.prank(who);
        mor.delegate(who);
    }

    /// @dev Remembers what was emitted up to a moment now in the past (burn history before it is fixed).
    function _notePast() internal {
        if (pastTime != 0 && em.emittedUntil(pastTime) != pastEmitted) pastChanged = true;
        pastTime = block.timestamp - 1;
        pastEmitted = em.emittedUntil(pastTime);
    }

    function _holder(uint256 seed) internal view returns (address) {
        seed = seed % 8;
        return seed < 5 ? recipients[seed] : users[seed - 5];
    }
}

/// @notice Emission invariants: cap, release accounting against an independent ghost, no double mint, the past
///         never changes, tails never exceed half of the burns.
contract EmissionsInvariantTest is StdInvariant, Test {
    Emissions internal em;
    MORToken internal mor;
    EmissionsHandler internal handler;
    uint256 internal baseTotal;

    function setUp() public {
        vm.warp(1_700_000_000);
        address[5] memory r;
        for (uint256 i; i < 5; ++i) {
            r[i] = makeAddr(string.concat("bucket", vm.toString(i)));
        }
        r[3] = address(0); // bound below
        em = new Emissions(address(this), block.timestamp, 1 days, r);
        r[3] = ComputeSinkLib.bind(em);
        mor = em.token();
        baseTotal = em.emittedUntil(block.timestamp + 5833 days); // the whole base schedule
        handler = new EmissionsHandler(em, r);
        targetContract(address(handler));
    }

    /// Minted supply (held plus burned) never exceeds the base schedule plus half of everything burned: tails
    /// are paid from burns only. Hence circulating supply stays within the cap.
    function invariant_SupplyBoundedByBaseAndBurns() public view {
        assertLe(mor.totalSupply() + mor.totalBurned(), baseTotal + mor.totalBurned() / 2);
        assertLe(mor.totalSupply(), mor.CAP());
        assertLe(em.emittedUntil(block.timestamp), baseTotal + mor.totalBurned() / 2);
    }

    /// What the token holds plus burned equals what the handler saw minted, and each bucket's released amount
    /// never exceeds its schedule.
    function invariant_ReleasedMatchesGhost() public view {
        uint256 released;
        for (uint8 b; b < 5; ++b) {
            released += em.released(b);
            assertLe(em.released(b), em.bucketEmittedUntil(b, block.timestamp));
        }
        assertEq(released, handler.ghostMinted());
        assertEq(mor.totalSupply() + mor.totalBurned(), released);
        assertEq(mor.totalBurned(), handler.ghostBurned());
        assertFalse(handler.releaseShort());
    }

    /// release() never mints the same emission twice; calls that must succeed did; the past never changed.
    function invariant_NoDoubleMintAndNoFailure() public view {
        assertFalse(handler.doubleMint());
        assertFalse(handler.mustSucceedFailed());
        assertFalse(handler.pastChanged());
        if (handler.pastTime() != 0) assertEq(em.emittedUntil(handler.pastTime()), handler.pastEmitted());
    }
}
