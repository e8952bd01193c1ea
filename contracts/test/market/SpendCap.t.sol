// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {ComputePool} from "../../src/ComputePool.sol";
import {IComputePool} from "../../src/interfaces/IComputePool.sol";
import {IEmissions} from "../../src/interfaces/IEmissions.sol";
import {MarketFixture} from "./MarketFixture.sol";
import {MerkleTestLib} from "./MerkleTestLib.sol";

/// @notice The daily spend cap (PROTOCOL §10, THREATS admin row): the deposit spend committed on a day never
///         exceeds `spendCapAt(day)`; a lower cap applies from the next day, a higher one only once a withdrawal
///         requested at the change is paid; a veto gives the day back what it took. Unit and fuzz tests.
contract SpendCapTest is MarketFixture {
    uint256 internal constant CAP = 10e18;
    uint256 internal constant DEPOSIT = 1_000e18;

    address internal victim; // deposits and never uses it
    address internal attacker; // holds every role of the pool
    uint256 internal nonce; // makes every credit root new (a vetoed one can never be committed again)

    function _spendCap() internal pure override returns (uint256) {
        return CAP;
    }

    function setUp() public override {
        super.setUp();
        victim = makeAddr("victim");
        attacker = makeAddr("attacker");
        _depositAs(victim, DEPOSIT);
    }

    // ---- helpers ----

    /// @dev Funds `who` with `amount` MOR and deposits it.
    function _depositAs(address who, uint256 amount) internal {
        _fund(who, amount);
        vm.startPrank(who);
        mor.approve(address(pool), amount);
        pool.deposit(amount);
        vm.stopPrank();
    }

    /// @dev The spend tree over (victim, v) and (`other`, a).
    function _tree2(address other, uint256 v, uint256 a) internal view returns (bytes32[][] memory) {
        address[] memory who = new address[](2);
        who[0] = victim;
        who[1] = other;
        uint256[] memory x = new uint256[](2);
        x[0] = v;
        x[1] = a;
        return MerkleTestLib.build(who, x);
    }

    /// @dev Commits the next epoch as `by` with the spend tree `_tree2(other, v, a)` (credits of v + a).
    function _commit2(address by, address other, uint256 v, uint256 a) internal returns (uint256 epoch) {
        epoch = pool.nextEpoch();
        vm.prank(by);
        pool.commitRoot(
            epoch,
            keccak256(abi.encode("credits", ++nonce)),
            v + a,
            MerkleTestLib.root(_tree2(other, v, a)),
            v + a,
            block.timestamp,
            bytes32(epoch),
            "ipfs://batch"
        );
    }

    /// @dev The spend tree: (victim, spent), (attacker, 0).
    function _spendTree(uint256 spent) internal view returns (bytes32[][] memory) {
        return _tree2(attacker, spent, 0);
    }

    /// @dev Commits the next epoch as `by`: all of `spent` charged to the victim and credited to the attacker.
    function _commitAs(address by, uint256 spent) internal returns (uint256) {
        return _commit2(by, attacker, spent, 0);
    }

    function _commit(uint256 spent) internal returns (uint256) {
        return _commitAs(keeper, spent);
    }

    function _expectOverCap(uint256 spent, uint256 depositFunded, uint256 remaining) internal {
        uint256 epoch = pool.nextEpoch();
        bytes32 root = MerkleTestLib.root(_spendTree(spent));
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.OverSpendCap.selector, depositFunded, remaining));
        pool.commitRoot(
            epoch, keccak256(abi.encode("over", spent)), spent, root, spent, block.timestamp, bytes32(0), "ipfs://batch"
        );
    }

    function _setCap(uint256 cap) internal {
        vm.prank(admin);
        pool.setDailySpendCap(cap);
    }

    // ---- deployment ----

    function test_Constructor_RefusesZeroOrHugeCap() public {
        IEmissions e = IEmissions(address(em));
        vm.expectRevert(abi.encodeWithSelector(IComputePool.InvalidSpendCap.selector, 0));
        new ComputePool(e, admin, WINDOW, MAX_BUDGET_BPS, LAG, WITHDRAWAL_DELAY, 0, WITHDRAW_WINDOW);
        uint256 huge = uint256(type(uint96).max) + 1;
        vm.expectRevert(abi.encodeWithSelector(IComputePool.InvalidSpendCap.selector, huge));
        new ComputePool(e, admin, WINDOW, MAX_BUDGET_BPS, LAG, WITHDRAWAL_DELAY, huge, WITHDRAW_WINDOW);
        assertEq(pool.dailySpendCap(), CAP);
        assertEq(pool.spendCapAt(0), CAP);
        assertEq(pool.remainingSpend(), CAP);
    }

    // ---- the cap ----

    function test_Cap_EnforcedPerDay() public {
        uint256 today = pool.currentDay();
        _commit(4e18);
        assertEq(pool.remainingSpend(), 6e18);
        _commit(CAP); // exactly up to the cap, over two commits
        assertEq(pool.remainingSpend(), 0);
        assertEq(pool.spentOn(today), CAP);
        _expectOverCap(CAP + 1, 1, 0);

        vm.warp(block.timestamp + 1 days); // a new day, a new cap
        assertEq(pool.spentBefore(today + 1), CAP);
        assertEq(pool.remainingSpend(), CAP);
        _expectOverCap(3 * CAP, 2 * CAP, CAP);
        _commit(2 * CAP);
        assertEq(pool.spentOn(today + 1), CAP);
        assertEq(pool.spentOn(today), CAP); // the past day keeps its figure
    }

    function test_Cap_BoundsOnlyTheDepositFundedPart() public {
        // A commit funded by the budget alone is not touched by a used-up cap.
        _commit(CAP);
        uint256 epoch = pool.nextEpoch();
        vm.prank(keeper);
        pool.commitRoot(
            epoch,
            keccak256("budget only"),
            CAP + 1e18,
            MerkleTestLib.root(_spendTree(CAP)),
            CAP,
            block.timestamp,
            bytes32(0),
            "x"
        );
        assertEq(pool.totalSpent(), CAP);
        assertEq(pool.totalCommitted(), CAP + 1e18);
    }

    function test_Veto_GivesTheDayItsSpendBack() public {
        uint256 today = pool.currentDay();
        _commit(3e18);
        uint256 e1 = _commit(CAP);
        assertEq(pool.remainingSpend(), 0);
        (bytes32 vetoed13,, uint64 vetoed13At) = pool.epochInfo(e1);
        vm.prank(guardian);
        pool.vetoRoot(e1, vetoed13, vetoed13At);
        assertEq(pool.totalSpent(), 3e18);
        assertEq(pool.spentOn(today), 3e18);
        assertEq(pool.remainingSpend(), 7e18);
        _commit(CAP); // the corrected epoch fits again
        (bytes32 vetoed14,, uint64 vetoed14At) = pool.epochInfo(0);
        vm.prank(guardian);
        pool.vetoRoot(0, vetoed14, vetoed14At); // back to nothing at all
        assertEq(pool.totalSpent(), 0);
        assertEq(pool.spentOn(today), 0);
        assertEq(pool.remainingSpend(), CAP);
    }

    function test_Veto_NextDay_PastDayKeepsItsFigure() public {
        uint256 today = pool.currentDay();
        vm.warp(pool.dayStart(today + 1) - 10 minutes);
        uint256 e = _commit(CAP);
        vm.warp(block.timestamp + 20 minutes); // the next day, inside the dispute window
        (bytes32 vetoed15,, uint64 vetoed15At) = pool.epochInfo(e);
        vm.prank(guardian);
        pool.vetoRoot(e, vetoed15, vetoed15At);
        assertEq(pool.spentOn(today), CAP); // a day that ended keeps what it committed
        assertEq(pool.spentOn(today + 1), 0); // the new day's net use never goes below zero
        assertEq(pool.totalSpent(), 0);
        // The day may commit its cap on top of the spend the veto restored, not on top of the spend it started
        // from (the vetoed root's, never claimable): a recommit never carries the day before's cap.
        assertEq(pool.remainingSpend(), CAP);
        _expectOverCap(2 * CAP, 2 * CAP, CAP);
        _commit(CAP);
        assertEq(pool.remainingSpend(), 0);
    }

    /// @dev A party holding KEEPER_ROLE and GUARDIAN_ROLE keeps one epoch pending day after day: committed in the
    ///      last minutes of a day (charging only an accomplice's deposit: an honest-looking root) and vetoed
    ///      just after midnight. Before, each veto restored the spend but left the day's start where the vetoed
    ///      root had put it, so each recommit could carry one more day's cap: after n days one pending root held n
    ///      caps, never claimable, and moved onto a victim at once it took all of them (the victim, requesting at
    ///      that root, had the whole rise held back). Now a veto lowers the day's baseline to what it restored:
    ///      the second day's recommit is refused over one cap.
    function test_Veto_NoRatchet_PendingSpendNeverCarriesPastDays() public {
        vm.startPrank(admin);
        pool.grantRole(pool.KEEPER_ROLE(), attacker);
        pool.grantRole(pool.GUARDIAN_ROLE(), attacker);
        vm.stopPrank();
        for (uint256 k = 1; k <= 3; ++k) {
            vm.warp(pool.dayStart(pool.currentDay() + 1) - 10 minutes); // 23:50
            assertEq(pool.nextEpoch(), 0, "the same epoch, never claimable");
            assertEq(pool.remainingSpend(), CAP, "one cap a day, whatever was vetoed");
            if (k > 1) {
                uint256 spent = k * CAP; // what the ratchet would carry: k days' caps
                bytes32 root = MerkleTestLib.root(_spendTree(spent));
                vm.prank(attacker);
                vm.expectRevert(abi.encodeWithSelector(IComputePool.OverSpendCap.selector, spent, CAP));
                pool.commitRoot(0, keccak256(abi.encode("ratchet", k)), spent, root, spent, block.timestamp, 0, "x");
            }
            _commitAs(attacker, CAP);
            vm.warp(block.timestamp + 20 minutes); // 00:10 the next day, inside the dispute window
            (bytes32 vetoed16,, uint64 vetoed16At) = pool.epochInfo(0);
            vm.prank(attacker);
            pool.vetoRoot(0, vetoed16, vetoed16At);
            assertEq(pool.totalSpent(), 0);
        }
    }

    // ---- changing the cap ----

    function test_SetCap_OnlyAdmin_NeverZero() public {
        bytes32 adminRole = pool.DEFAULT_ADMIN_ROLE();
        vm.prank(keeper);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, keeper, adminRole)
        );
        pool.setDailySpendCap(1e18);
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.InvalidSpendCap.selector, 0));
        pool.setDailySpendCap(0);
    }

    function test_Decrease_AppliesFromTomorrow() public {
        uint256 today = pool.currentDay();
        vm.expectEmit(address(pool));
        emit IComputePool.DailySpendCapSet(4e18, today + 1);
        _setCap(4e18);
        assertEq(pool.dailySpendCap(), CAP); // today keeps its cap
        assertEq(pool.spendCapAt(today + 1), 4e18);
        _commit(CAP);
        vm.warp(block.timestamp + 1 days);
        assertEq(pool.dailySpendCap(), 4e18);
        _expectOverCap(CAP + 5e18, 5e18, 4e18);
        _commit(CAP + 4e18);
    }

    function test_Increase_WaitsUntilAWithdrawalRequestedNowIsPaid() public {
        vm.warp(block.timestamp + 5 hours); // mid-day: now + delay falls in a withdrawal window
        uint256 today = pool.currentDay();
        uint256 effective = pool.dayOf(block.timestamp + WITHDRAWAL_DELAY) + 1; // the day after it
        vm.expectEmit(address(pool));
        emit IComputePool.DailySpendCapSet(50e18, effective);
        _setCap(50e18);
        // A depositor who requests now is paid on a day before the higher cap binds.
        vm.prank(victim);
        pool.requestWithdrawal(DEPOSIT, 0, _noProof());
        (, uint64 readyAt) = pool.pendingWithdrawal(victim);
        assertLt(pool.dayOf(readyAt), effective);
        assertEq(pool.spendCapAt(today + 1), CAP);
        assertEq(pool.spendCapAt(effective - 1), CAP);
        assertEq(pool.spendCapAt(effective), 50e18);
        vm.warp(pool.dayStart(effective) - 1);
        assertEq(pool.remainingSpend(), CAP);
        vm.warp(pool.dayStart(effective));
        assertEq(pool.remainingSpend(), 50e18);
    }

    function test_Increase_AtADayStart_WaitsForTheDayAfter() public {
        // Time starts at the beginning of day 91: now + delay is itself a day start, and a request made now is
        // payable from that second: the raise binds from the next day.
        uint256 effective = pool.currentDay() + WITHDRAWAL_DELAY / DAY + 1;
        _setCap(20e18);
        assertEq(pool.spendCapAt(effective - 1), CAP);
        assertEq(pool.spendCapAt(effective), 20e18);
    }

    function test_Decrease_CancelsAScheduledIncrease() public {
        uint256 today = pool.currentDay();
        _setCap(50e18);
        _setCap(3e18);
        assertEq(pool.spendCapAt(today + 1), 3e18);
        assertEq(pool.spendCapAt(today + 400), 3e18); // the scheduled 50 is gone
    }

    function test_Change_NeverRaisesADayBeforeTheDelay() public {
        // 10 today; 30 scheduled at E1; later 20, an increase over the 10 in force, scheduled at E2 > E1: it drops
        // the 30 scheduled before it (E1 keeps 10), so no day to come is below today's and tomorrow's lower cap.
        // Once 20 is in force, 25 is an increase: it waits the delay, not tomorrow.
        _setCap(30e18);
        uint256 e1 = pool.currentDay() + WITHDRAWAL_DELAY / DAY + 1; // now + delay is a day start
        assertEq(pool.spendCapAt(e1), 30e18);
        vm.warp(block.timestamp + 3 days);
        _setCap(20e18);
        uint256 e2 = pool.currentDay() + WITHDRAWAL_DELAY / DAY + 1;
        assertGt(e2, e1);
        assertEq(pool.spendCapAt(e1), CAP, "the higher increase scheduled before is dropped");
        assertEq(pool.spendCapAt(e2 - 1), CAP);
        assertEq(pool.spendCapAt(e2), 20e18);
        vm.warp(pool.dayStart(e2) + 1 hours);
        assertEq(pool.dailySpendCap(), 20e18);
        _setCap(25e18);
        uint256 e3 = pool.currentDay() + 1 + WITHDRAWAL_DELAY / DAY;
        assertEq(pool.spendCapAt(pool.currentDay() + 1), 20e18);
        assertEq(pool.spendCapAt(e3 - 1), 20e18); // not raised to 25 without the delay
        assertEq(pool.spendCapAt(e3), 25e18);
        // A cap no higher than every cap ahead (20) applies tomorrow and replaces the rest.
        _setCap(20e18);
        assertEq(pool.spendCapAt(pool.currentDay() + 1), 20e18);
        assertEq(pool.spendCapAt(e3), 20e18);
    }

    /// @dev Review finding: 100 in force; 200 scheduled from a far day; days later 150, an increase over the 100,
    ///      from a farther day. Before, the 200 stayed: on the days it was in force a provider reading today's
    ///      and tomorrow's cap took 200 for the lowest to come, while a later day was 150, so a session costing
    ///      between them could be admitted and never fit. Now the schedule from tomorrow on never falls.
    function testFuzz_LowestToComeIsTodaysOrTomorrows(uint256 seed) public {
        for (uint256 step; step < 6; ++step) {
            uint256 r = uint256(keccak256(abi.encode(seed, step)));
            _setCap(1e18 + (r % 400) * 1e17);
            vm.warp(block.timestamp + (r >> 128) % (20 days));
            uint256 today = pool.currentDay();
            uint256 lowest = Math.min(pool.spendCapAt(today), pool.spendCapAt(today + 1));
            for (uint256 d = today + 1; d < today + WITHDRAWAL_DELAY / DAY + 3; ++d) {
                assertGe(pool.spendCapAt(d), lowest, "a day to come below today's and tomorrow's cap");
                assertGe(pool.spendCapAt(d + 1), pool.spendCapAt(d), "the schedule from tomorrow on falls");
            }
        }
    }

    function test_BeforePayoutStart_ChangesApplyFromDayZero() public {
        vm.warp(START - 10 days);
        _setCap(5e18);
        assertEq(pool.spendCapAt(0), 5e18);
        assertEq(pool.dailySpendCap(), 5e18);
        vm.warp(START - 40 days); // a raise, however far ahead, binds from day 1: day 0 keeps the cap of then
        _setCap(6e18);
        assertEq(pool.spendCapAt(0), 5e18);
        assertEq(pool.spendCapAt(1), 6e18);
        vm.prank(admin); // and the delay may not lengthen while it is scheduled
        vm.expectRevert(abi.encodeWithSelector(IComputePool.CapRaiseScheduled.selector, 1));
        pool.setWithdrawalDelay(WITHDRAWAL_DELAY + 1);
        _setCap(4e18); // no higher than every cap ahead: applies from day 0 and drops the raise
        assertEq(pool.spendCapAt(0), 4e18);
        assertEq(pool.spendCapAt(1), 4e18);
        vm.warp(START - 1 days); // one with less than the delay left waits: now + delay starts day 30, so from 31
        _setCap(7e18);
        assertEq(pool.spendCapAt(0), 4e18);
        assertEq(pool.spendCapAt(WITHDRAWAL_DELAY / DAY - 1), 4e18);
        assertEq(pool.spendCapAt(WITHDRAWAL_DELAY / DAY), 7e18);
    }

    /// @dev A raise made outside a withdrawal window: a request made with it is payable from the start of the day
    ///      after now + delay, so that day still has the old cap; a commit ordered before the withdraw in the
    ///      withdraw's block takes at most that cap (before, the raise bound from that very second).
    function test_Increase_OutsideTheWindow_RequestPaidUnderTheOldCap() public {
        vm.warp(block.timestamp + WITHDRAW_WINDOW + 1 hours); // outside the day's withdrawal window
        _setCap(DEPOSIT);
        vm.prank(victim);
        pool.requestWithdrawal(DEPOSIT, 0, _noProof()); // the same block as the change
        (, uint64 readyAt) = pool.pendingWithdrawal(victim);
        assertEq(readyAt, pool.dayStart(pool.dayOf(readyAt)), "payable from a day start");
        assertEq(pool.spendCapAt(pool.dayOf(readyAt)), CAP, "that day keeps the old cap");
        assertEq(pool.spendCapAt(pool.dayOf(readyAt) + 1), DEPOSIT);

        vm.warp(readyAt);
        _expectOverCap(CAP + 1, CAP + 1, CAP); // the keeper's commit before the withdraw takes at most the cap
        _commit(CAP);
        vm.prank(victim);
        assertEq(pool.withdraw(0, new bytes32[](0)), DEPOSIT - CAP); // the pending spend held back, no more
    }

    /// @dev A raise of the cap is timed by the delay in force when it is made; a longer delay would leave the
    ///      requests pending then unpaid once it binds. So the delay may not rise while a raise is scheduled:
    ///      lowering the cap drops the raise, and then the delay may rise (a later raise waits the new delay).
    function test_DelayRaise_RefusedWhileACapRaiseIsScheduled() public {
        vm.prank(victim);
        pool.requestWithdrawal(DEPOSIT, 0, _noProof());
        (, uint64 readyBefore) = pool.pendingWithdrawal(victim);
        _setCap(DEPOSIT);
        uint256 raisedFrom = pool.currentDay() + WITHDRAWAL_DELAY / DAY + 1;
        assertGt(pool.dayStart(raisedFrom), readyBefore);

        vm.startPrank(admin);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.CapRaiseScheduled.selector, raisedFrom));
        pool.setWithdrawalDelay(90 days);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.CapRaiseScheduled.selector, raisedFrom));
        pool.setWithdrawalDelay(WITHDRAWAL_DELAY + 1); // any longer one
        pool.setWithdrawalDelay(WITHDRAWAL_DELAY); // not longer: fine
        // A lowering scheduled tomorrow is no raise; neither is the initial cap.
        pool.setDailySpendCap(CAP / 2);
        pool.setWithdrawalDelay(60 days);
        vm.stopPrank();
        assertEq(pool.spendCapAt(raisedFrom), CAP / 2, "the raise is gone");
        (, uint64 readyAfter) = pool.pendingWithdrawal(victim);
        assertEq(readyAfter, pool.withdrawalOpensAt(block.timestamp + 60 days));

        // The raise made again now binds after the request, waiting the new delay, is paid.
        _setCap(DEPOSIT);
        uint256 d = pool.currentDay();
        while (pool.spendCapAt(d) < DEPOSIT) ++d;
        assertGt(d, pool.dayOf(readyAfter));
        // Once the raise is in force, the delay may rise again.
        vm.warp(pool.dayStart(d));
        vm.prank(admin);
        pool.setWithdrawalDelay(90 days);
    }

    // ---- the finding this closes (THREATS-TESTS admin row) ----

    /// @dev A party holding KEEPER_ROLE and GUARDIAN_ROLE commits, every hour, a spend root charging the whole
    ///      deposit to itself and never vetoes it. The depositor requests a withdrawal when the first such root
    ///      appears and withdraws once the delay is over: it loses the caps of the days until then, not its deposit.
    function test_AdminWithEveryRole_DepositLossBoundedByCap() public {
        vm.startPrank(admin);
        pool.grantRole(pool.KEEPER_ROLE(), attacker);
        pool.grantRole(pool.GUARDIAN_ROLE(), attacker);
        vm.stopPrank();
        uint256 firstDay = pool.currentDay();
        _commitAs(attacker, CAP);
        vm.prank(victim);
        pool.requestWithdrawal(DEPOSIT, 0, _noProof());
        (, uint64 readyAt) = pool.pendingWithdrawal(victim);

        // Every hour until the victim is paid, the attacker charges it as much as the pool takes.
        while (block.timestamp + 1 hours < readyAt) {
            vm.warp(block.timestamp + 1 hours);
            uint256 take = pool.remainingSpend();
            uint256 epoch = pool.nextEpoch();
            uint256 spent = pool.totalSpent() + take + 1;
            bytes32 root = MerkleTestLib.root(_spendTree(spent));
            vm.prank(attacker); // one wei more than the cap leaves is refused
            vm.expectRevert(abi.encodeWithSelector(IComputePool.OverSpendCap.selector, take + 1, take));
            pool.commitRoot(epoch, keccak256(abi.encode(epoch)), spent, root, spent, block.timestamp, 0, "x");
            if (take != 0) _commitAs(attacker, spent - 1);
        }
        vm.warp(readyAt + WINDOW); // the last root is claimable too
        uint256 spentAll = pool.totalSpent();
        uint256 days_ = pool.dayOf(readyAt) - firstDay + 1;
        assertLe(spentAll, CAP * days_);
        vm.prank(victim);
        uint256 paid = pool.withdraw(spentAll, MerkleTestLib.proof(_spendTree(spentAll), 0));
        assertEq(paid, DEPOSIT - spentAll);
        assertLe(DEPOSIT - paid, CAP * days_);
        assertGt(paid, 0);
    }

    /// @dev 50 days at the cap, every root honest: the accomplice spends 500 of its own deposit (at the
    ///      attacker's provider). Returns it.
    function _accompliceSpendsAtTheCap(uint256 own) internal returns (address accomplice) {
        accomplice = makeAddr("accomplice");
        _depositAs(accomplice, own);
        for (uint256 spent = CAP; spent <= own; spent += CAP) {
            vm.warp(pool.dayStart(pool.currentDay() + 1) + 13 hours);
            _commit2(keeper, accomplice, 0, spent);
        }
    }

    /// @dev The reassignment: a root with unchanged totals (so no cap check) moves all the accomplice's honest
    ///      spend onto the victim. The victim requests at once, while it is pending: `withdraw` holds back at most
    ///      the victim's spend proved at the request (0) plus the rise of the claimable spend total since (0),
    ///      so it is paid in full. The accomplice, which proved its 500 at its request, gets none of it back:
    ///      the floor holds back what it proved.
    function test_AdminWithEveryRole_ReassignedSpendBoundedByCap() public {
        vm.startPrank(admin);
        pool.grantRole(pool.KEEPER_ROLE(), attacker);
        pool.grantRole(pool.GUARDIAN_ROLE(), attacker);
        vm.stopPrank();
        uint256 own = 50 * CAP;
        address accomplice = _accompliceSpendsAtTheCap(own);
        assertEq(pool.totalSpent(), own);

        vm.warp(block.timestamp + 1 hours);
        uint256 hostileDay = pool.currentDay();
        _commit2(attacker, accomplice, own, 0); // the hostile root: same total, every unit moved
        assertEq(pool.totalSpent(), own);

        // Both request while the hostile root is pending: they prove against the last honest root.
        vm.prank(victim);
        pool.requestWithdrawal(DEPOSIT, 0, MerkleTestLib.proof(_tree2(accomplice, 0, own), 0));
        vm.prank(accomplice);
        pool.requestWithdrawal(own, own, MerkleTestLib.proof(_tree2(accomplice, 0, own), 1));
        (, uint64 readyAt) = pool.pendingWithdrawal(victim);
        vm.warp(readyAt);

        // The accomplice proves its lowered leaf (0); the spend it proved at its request stays held back.
        bytes32[] memory accProof = MerkleTestLib.proof(_tree2(accomplice, own, 0), 1);
        vm.prank(accomplice);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.NothingToWithdraw.selector, accomplice, own, own));
        pool.withdraw(0, accProof);

        // The victim proves its raised leaf (500): at most 0 + (500 - 500) of it is held back.
        vm.prank(victim);
        uint256 paid = pool.withdraw(own, MerkleTestLib.proof(_tree2(accomplice, own, 0), 0));
        uint256 days_ = pool.dayOf(readyAt) - hostileDay + 1;
        assertEq(paid, DEPOSIT, "the moved spend is not taken from the victim");
        assertLe(DEPOSIT - paid, CAP * days_);
        assertEq(pool.totalDeposits(), own, "the accomplice's deposit still covers the spend");
        assertEq(pool.totalSpent(), own);
    }

    /// @dev The same reassignment plus, on every day until the victim is paid, hostile spend at the cap charged to
    ///      the victim on top: the victim loses exactly the caps of those days, not the moved spend.
    function test_AdminWithEveryRole_ReassignedSpendPlusDailyCapLosesOnlyTheCaps() public {
        vm.startPrank(admin);
        pool.grantRole(pool.KEEPER_ROLE(), attacker);
        pool.grantRole(pool.GUARDIAN_ROLE(), attacker);
        vm.stopPrank();
        uint256 own = 50 * CAP;
        address accomplice = _accompliceSpendsAtTheCap(own);
        vm.warp(block.timestamp + 1 hours);
        uint256 hostileDay = pool.currentDay();
        _commit2(attacker, accomplice, own, 0);
        vm.prank(victim);
        pool.requestWithdrawal(DEPOSIT, 0, MerkleTestLib.proof(_tree2(accomplice, 0, own), 0));
        (, uint64 readyAt) = pool.pendingWithdrawal(victim);
        uint256 v = own;
        while (block.timestamp + 1 days + WINDOW < readyAt) {
            vm.warp(pool.dayStart(pool.currentDay() + 1) + 13 hours);
            v += CAP;
            _commit2(attacker, accomplice, v, 0);
        }
        vm.warp(readyAt + WINDOW);
        assertLe(block.timestamp, pool.dayStart(pool.dayOf(readyAt)) + WITHDRAW_WINDOW);
        vm.prank(victim);
        uint256 paid = pool.withdraw(v, MerkleTestLib.proof(_tree2(accomplice, v, 0), 0));
        uint256 days_ = pool.dayOf(block.timestamp) - hostileDay + 1;
        assertEq(DEPOSIT - paid, v - own, "held back: the rise of the claimable spend since the request");
        assertLe(DEPOSIT - paid, CAP * days_);
    }

    /// @dev Honest keeper: the user's spend rises between its request and its withdrawal (sessions admitted
    ///      before the request, settled after it): the withdrawal holds back exactly its honest spend, the other
    ///      depositor's spend rising too.
    function test_HonestSpendRisingAfterTheRequest_HeldBackExactly() public {
        address other = makeAddr("other");
        _depositAs(other, 100e18);
        _commit2(keeper, other, 3e18, 2e18);
        vm.warp(block.timestamp + WINDOW);
        vm.prank(victim);
        pool.requestWithdrawal(DEPOSIT, 3e18, MerkleTestLib.proof(_tree2(other, 3e18, 2e18), 0));
        for (uint256 i; i < 3; ++i) {
            vm.warp(pool.dayStart(pool.currentDay() + 1) + 13 hours);
            _commit2(keeper, other, 3e18 + 2e18 * (i + 1), 2e18 + 1e18 * (i + 1));
        }
        // Victim 9, other 5: the victim's spend rose by 6 of the total's 9.
        (, uint64 readyAt) = pool.pendingWithdrawal(victim);
        vm.warp(readyAt);
        vm.prank(victim);
        uint256 paid = pool.withdraw(9e18, MerkleTestLib.proof(_tree2(other, 9e18, 5e18), 0));
        assertEq(paid, DEPOSIT - 9e18);
        assertEq(pool.depositOf(victim), 9e18);
    }

    // ---- fuzz ----

    // testFuzz_DailySpendWithinCap's model of a veto: the lowest spend one restored on day _modelVetoDay.
    uint256 internal _modelVetoDay;
    uint256 internal _modelVetoLow;

    function _modelVeto() internal {
        uint256 restored = pool.totalSpent();
        if (_modelVetoDay != pool.currentDay() || restored < _modelVetoLow) {
            (_modelVetoDay, _modelVetoLow) = (pool.currentDay(), restored);
        }
    }

    /// @dev The model's spend ceiling of `today`: its start (or the lowest spend a veto restored that day, when
    ///      lower) plus the cap.
    function _capCeiling(uint256 today) internal view returns (uint256) {
        uint256 baseline = pool.spentBefore(today);
        if (_modelVetoDay == today) baseline = Math.min(baseline, _modelVetoLow);
        return baseline + CAP;
    }

    /// @dev Random commits, vetoes and warps: a commit succeeds exactly when it keeps the day's net spend within
    ///      the cap, counted from the day's start or, when lower, the lowest spend a veto restored that day (a
    ///      veto of an epoch committed before the day began), and `spentOn` never exceeds it; a model of each
    ///      day's spend agrees with the pool.
    function testFuzz_DailySpendWithinCap(uint256 seed) public {
        uint256 firstDay = pool.currentDay();
        _modelVetoDay = type(uint256).max;
        for (uint256 i; i < 40; ++i) {
            seed = uint256(keccak256(abi.encode(seed, i)));
            uint256 action = seed % 8;
            if (action == 0) {
                vm.warp(block.timestamp + (seed >> 8) % 1 days);
            } else if (action == 1 && pool.nextEpoch() != 0) {
                uint256 last = pool.nextEpoch() - 1;
                (,, uint64 claimableAt) = pool.epochInfo(last);
                if (block.timestamp < claimableAt) {
                    (bytes32 vetoed17,, uint64 vetoed17At) = pool.epochInfo(last);
                    vm.prank(guardian);
                    pool.vetoRoot(last, vetoed17, vetoed17At);
                    _modelVeto();
                }
            } else {
                uint256 today = pool.currentDay();
                uint256 add = 1 + (seed >> 8) % (CAP + CAP / 2);
                uint256 spent = pool.totalSpent() + add;
                bool fits = spent <= _capCeiling(today) && spent <= DEPOSIT;
                uint256 epoch = pool.nextEpoch();
                bytes32 root = keccak256(abi.encode("credits", seed));
                vm.prank(keeper);
                try pool.commitRoot(epoch, root, spent, keccak256(abi.encode(seed)), spent, block.timestamp, 0, "x") {
                    assertTrue(fits, "a commit over the cap went through");
                } catch {
                    assertFalse(fits, "a commit within the cap was refused");
                }
            }
            for (uint256 d = firstDay; d <= pool.currentDay(); ++d) {
                assertLe(pool.spentOn(d), pool.spendCapAt(d));
            }
            assertLe(pool.totalSpent(), pool.spentBefore(pool.currentDay()) + CAP);
        }
    }

    /// @dev Whatever the sequence of changes, no day starting before `now + withdrawalDelay` gets a higher cap.
    function testFuzz_SetCap_NeverRaisesWithinTheDelay(uint256 seed) public {
        for (uint256 i; i < 12; ++i) {
            seed = uint256(keccak256(abi.encode(seed, i)));
            vm.warp(block.timestamp + (seed >> 128) % 20 days);
            uint256 today = pool.currentDay();
            uint256 horizon = pool.dayOf(block.timestamp + WITHDRAWAL_DELAY); // last day starting before it
            if (pool.dayStart(horizon) == block.timestamp + WITHDRAWAL_DELAY) horizon--;
            uint256[] memory before = new uint256[](horizon - today + 1);
            for (uint256 d = today; d <= horizon; ++d) {
                before[d - today] = pool.spendCapAt(d);
            }
            _setCap(1 + (seed % 100) * 1e18);
            for (uint256 d = today; d <= horizon; ++d) {
                if (d == today) assertEq(pool.spendCapAt(d), before[0], "today changed");
                else assertLe(pool.spendCapAt(d), before[d - today], "raised within the delay");
            }
        }
    }
}
