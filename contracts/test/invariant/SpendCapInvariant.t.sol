// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {Emissions} from "../../src/Emissions.sol";
import {MORToken} from "../../src/MORToken.sol";
import {ComputePool} from "../../src/ComputePool.sol";
import {IComputePool} from "../../src/interfaces/IComputePool.sol";
import {IEmissions} from "../../src/interfaces/IEmissions.sol";
import {MerkleTestLib} from "../market/MerkleTestLib.sol";

/// @dev An adversary holding every role of the pool (DEFAULT_ADMIN_ROLE, KEEPER_ROLE, GUARDIAN_ROLE): it commits
///      hostile spend roots charging the victim's deposit to itself, every few hours, sometimes over the cap;
///      vetoes its own pending roots; changes the cap and the withdrawal delay. The victim requests a withdrawal of everything when the
///      first hostile root appears and withdraws as soon as it can (proving its leaf in the newest claimable spend
///      root). Calls that must succeed or must fail in a given way set a flag instead of reverting
///      (`fail_on_revert = false` would drop a bare revert).
contract SpendCapAdversary is Test {
    ComputePool public immutable pool;
    address public immutable victim;
    uint256 public immutable deposit;

    mapping(uint256 epoch => uint256) internal victimSpent; // the victim's leaf in each committed spend tree
    uint256 public firstHostileDay = type(uint256).max;
    uint256 public commits;
    uint256 internal nonce;
    uint256 public refusedOverCap;
    uint256 public vetoes;
    uint256 public paidAt; // when the victim was paid (0: not yet)
    uint256 public lost; // the victim's deposit minus what it was paid
    uint256 public lossBound; // the caps from the first hostile day to the day it was paid (see victimWithdraw)
    uint256[] internal capsAtRequest; // spendCapAt(firstHostileDay + i) when the victim requested
    uint256 internal requestedAt;
    bool public unexpected; // a commit refused for another reason than the cap, or a cap over it accepted
    bool public raisedEarly; // a cap change raised a day on which a withdrawal requested at the change may be paid
    bool public delayRefusedWrongly; // a delay change refused other than a raise while a cap raise is scheduled

    constructor(ComputePool pool_, address victim_, uint256 deposit_) {
        pool = pool_;
        victim = victim_;
        deposit = deposit_;
    }

    function _spendRoot(uint256 spent) internal view returns (bytes32[][] memory) {
        address[] memory who = new address[](2);
        who[0] = victim;
        who[1] = address(this);
        uint256[] memory x = new uint256[](2);
        x[0] = spent;
        return MerkleTestLib.build(who, x);
    }

    /// @dev A hostile root adding `amount` to the victim's spend (and crediting it to the adversary).
    function commitHostile(uint256 amount, bool overshoot) external {
        if (paidAt != 0) return;
        uint256 left = pool.remainingSpend();
        amount = overshoot ? bound(amount, left + 1, left + 3 * pool.dailySpendCap()) : bound(amount, 1, left + 1);
        uint256 spent = pool.totalSpent() + amount;
        if (spent > deposit) return; // refused for another reason (SpendExceedsDeposits), tested elsewhere
        uint256 epoch = pool.nextEpoch();
        bytes32 root = keccak256(abi.encode("credits", ++nonce)); // new: a vetoed root is refused forever
        try pool.commitRoot(epoch, root, spent, MerkleTestLib.root(_spendRoot(spent)), spent, block.timestamp, 0, "x") {
            if (amount > left) unexpected = true;
            victimSpent[epoch] = spent;
            commits++;
            if (firstHostileDay == type(uint256).max) {
                firstHostileDay = pool.currentDay();
                vm.prank(victim); // the victim reacts at once
                pool.requestWithdrawal(deposit);
                requestedAt = block.timestamp;
                for (uint256 i; i < 100; ++i) {
                    capsAtRequest.push(pool.spendCapAt(firstHostileDay + i));
                }
            }
        } catch (bytes memory reason) {
            bytes memory expected = abi.encodeWithSelector(IComputePool.OverSpendCap.selector, amount, left);
            if (amount <= left || keccak256(reason) != keccak256(expected)) unexpected = true;
            refusedOverCap++;
        }
    }

    /// @dev Vetoes its own newest root while it is pending.
    function veto() external {
        uint256 next = pool.nextEpoch();
        if (next == 0) return;
        (,, uint64 claimableAt) = pool.epochInfo(next - 1);
        if (block.timestamp >= claimableAt) return;
        pool.vetoRoot(next - 1);
        vetoes++;
    }

    /// @dev Changes the cap (as the admin): no day up to the one in which a withdrawal requested now may first be
    ///      paid may get a higher one.
    function setCap(uint256 cap) external {
        cap = bound(cap, 1, 100 * 10e18);
        uint256 today = pool.currentDay();
        uint256 paidOn = pool.dayOf(pool.withdrawalOpensAt(block.timestamp + pool.withdrawalDelay()));
        uint256 n = paidOn - today + 1;
        uint256[] memory before = new uint256[](n);
        for (uint256 i; i < n; ++i) {
            before[i] = pool.spendCapAt(today + i);
        }
        pool.setDailySpendCap(cap);
        for (uint256 i; i < n; ++i) {
            if (pool.spendCapAt(today + i) > before[i]) raisedEarly = true;
        }
    }

    /// @dev Changes the withdrawal delay (as the admin), pending requests included: a longer one is refused only
    ///      while a raise of the cap is scheduled (it was timed by the delay of then).
    function setDelay(uint256 secs) external {
        secs = bound(secs, pool.minWithdrawalDelay(), 10 days);
        bool raising = secs > pool.withdrawalDelay();
        try pool.setWithdrawalDelay(uint32(secs)) {}
        catch (bytes memory reason) {
            if (!raising || bytes4(reason) != IComputePool.CapRaiseScheduled.selector) delayRefusedWrongly = true;
        }
    }

    function warp(uint256 secs) external {
        vm.warp(block.timestamp + bound(secs, 1 minutes, 1 days));
    }

    /// @dev The victim withdraws once its request is ready, proving its leaf in the newest claimable root. Its
    ///      loss bound: the caps scheduled when it requested, for the days up to the one its request became
    ///      payable on (whatever the admin changed since), plus the caps in force on the days it let pass after.
    function victimWithdraw() external {
        if (paidAt != 0 || firstHostileDay == type(uint256).max) return;
        (, uint64 readyAt) = pool.pendingWithdrawal(victim);
        if (block.timestamp < readyAt) return;
        // The day its request became payable (readyAt is now, once it has).
        uint256 readyDay = pool.dayOf(pool.withdrawalOpensAt(requestedAt + pool.withdrawalDelay()));
        (bool exists, uint256 epoch,,) = pool.claimableEpoch();
        uint256 spent = exists ? victimSpent[epoch] : 0;
        bytes32[] memory proof = spent == 0 ? new bytes32[](0) : MerkleTestLib.proof(_spendRoot(spent), 0);
        vm.prank(victim);
        try pool.withdraw(spent, proof) returns (uint256 paid) {
            paidAt = block.timestamp;
            lost = deposit - paid;
            for (uint256 d = firstHostileDay; d <= pool.currentDay(); ++d) {
                lossBound += d <= readyDay ? capsAtRequest[d - firstHostileDay] : pool.spendCapAt(d);
            }
        } catch {} // a pending root spending more than the claimable one holds it back: retried later
    }
}

/// @notice Invariants of the daily spend cap against an adversary holding every role (THREATS admin row).
contract SpendCapInvariantTest is Test {
    uint256 internal constant START = 1_700_000_000;
    uint256 internal constant DAY = 86400;
    uint256 internal constant CAP = 10e18;
    uint256 internal constant DEPOSIT = 1_000e18;

    ComputePool internal pool;
    SpendCapAdversary internal adversary;
    uint256 internal firstDay;

    function setUp() public {
        vm.warp(START + 91 days);
        address[5] memory recipients =
            [makeAddr("capital"), makeAddr("code"), makeAddr("community"), address(0), makeAddr("protection")];
        Emissions em = new Emissions(address(this), START, DAY, recipients);
        // Window 1 hour, lag 2 hours, withdrawal delay 3 days, withdrawals in the first 6 hours of a day: the
        // victim is paid within a handful of days.
        pool = new ComputePool(IEmissions(address(em)), address(this), 1 hours, 1_000, 2 hours, 3 days, CAP, 6 hours);
        em.bindComputePool(address(pool));
        MORToken mor = em.token();
        em.release();
        address victim = makeAddr("victim");
        vm.prank(recipients[0]);
        require(mor.transfer(victim, DEPOSIT), "fund");
        vm.startPrank(victim);
        mor.approve(address(pool), DEPOSIT);
        pool.deposit(DEPOSIT);
        vm.stopPrank();

        adversary = new SpendCapAdversary(pool, victim, DEPOSIT);
        pool.grantRole(pool.DEFAULT_ADMIN_ROLE(), address(adversary));
        pool.grantRole(pool.KEEPER_ROLE(), address(adversary));
        pool.grantRole(pool.GUARDIAN_ROLE(), address(adversary));
        firstDay = pool.currentDay();
        targetContract(address(adversary));
    }

    /// @notice The deposit spend committed on any day never exceeds that day's cap.
    function invariant_DailySpendWithinCap() public view {
        for (uint256 d = firstDay; d <= pool.currentDay(); ++d) {
            assertLe(pool.spentOn(d), pool.spendCapAt(d), "spentOn(d) > spendCapAt(d)");
        }
        assertFalse(adversary.unexpected(), "a commit over the cap was accepted or one within it refused");
    }

    /// @notice A depositor who requested its withdrawal when the first hostile root appeared loses at most the
    ///         sum of the caps of the days from then until it is paid.
    function invariant_DepositorLossBoundedByCaps() public view {
        if (adversary.paidAt() != 0) assertLe(adversary.lost(), adversary.lossBound(), "loss above the caps");
        assertLe(pool.totalSpent(), pool.totalDeposits());
    }

    /// @notice No cap change raises a day on which a withdrawal requested at the change may be paid, and the delay
    ///         rises whenever no cap raise is scheduled.
    function invariant_CapNeverRaisedWithinTheDelay() public view {
        assertFalse(adversary.raisedEarly(), "a cap was raised within the withdrawal delay");
        assertFalse(adversary.delayRefusedWrongly(), "a delay change was refused for another reason");
    }
}
