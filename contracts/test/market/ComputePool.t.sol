// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Vm} from "forge-std/Vm.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Emissions} from "../../src/Emissions.sol";
import {ComputePool} from "../../src/ComputePool.sol";
import {IComputePool} from "../../src/interfaces/IComputePool.sol";
import {IEmissions} from "../../src/interfaces/IEmissions.sol";
import {MarketFixture} from "./MarketFixture.sol";
import {MerkleTestLib} from "./MerkleTestLib.sol";

/// @notice ComputePool: PROTOCOL §4 vectors, budget and day history, commit/veto, claims, allowance.
contract ComputePoolTest is MarketFixture {
    uint256 internal constant COMPUTE_DAY91 = 312069472007857200000000;
    uint256 internal constant BUDGET_DAY91 = 3120694720078572000000;

    address[] internal accts;
    uint256[] internal amts;

    function setUp() public override {
        super.setUp();
        accts = _accounts(3, "acct");
        amts = new uint256[](3);
        amts[0] = 100e18;
        amts[1] = 50e18;
        amts[2] = 25e18;
    }

    function _tree() internal view returns (bytes32[][] memory) {
        return MerkleTestLib.build(accts, amts);
    }

    function _commitDefault() internal returns (bytes32[][] memory tree) {
        tree = _tree();
        _commit(tree, _sum(amts));
    }

    // ------------------------------------------------------------------------------------------------
    // PROTOCOL §4 vectors and day arithmetic
    // ------------------------------------------------------------------------------------------------

    function test_Vector_Day91() public view {
        assertEq(block.timestamp, START + 91 days);
        assertEq(pool.currentDay(), 91);
        assertEq(pool.computeAccrued(START + 91 days), COMPUTE_DAY91);
        assertEq(pool.computeBalance(91), COMPUTE_DAY91);
        assertEq(pool.budget(91), BUDGET_DAY91);
        assertEq(pool.budgetBps(), 100);
        assertEq(pool.remainingBudget(), BUDGET_DAY91);
        assertEq(pool.totalCommitted(), 0);
    }

    function test_Vector_IndependentOfRelease() public {
        // computeAccrued is the schedule, not the balance: releasing (or not) changes nothing.
        assertEq(mor.balanceOf(address(pool)), 0);
        em.release();
        assertEq(mor.balanceOf(address(pool)), COMPUTE_DAY91);
        assertEq(pool.computeBalance(91), COMPUTE_DAY91);
        assertEq(pool.budget(91), BUDGET_DAY91);
    }

    function test_Days() public {
        assertEq(pool.payoutStart(), START);
        assertEq(pool.interval(), DAY);
        assertEq(pool.dayOf(START), 0);
        assertEq(pool.dayOf(START + DAY - 1), 0);
        assertEq(pool.dayOf(START + DAY), 1);
        assertEq(pool.dayStart(91), START + 91 days);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.BeforePayoutStart.selector, START - 1, START));
        pool.dayOf(START - 1);
        vm.warp(START - 10);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.BeforePayoutStart.selector, START - 10, START));
        pool.currentDay();
        assertEq(pool.budgetBps(), 100); // day 0's share before the start
        assertEq(pool.computeBalance(0), 0);
    }

    function test_CommitRoot_BeforePayoutStart_Reverts() public {
        vm.warp(START - 10);
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.BeforePayoutStart.selector, START - 10, START));
        pool.commitRoot(0, bytes32(uint256(1)), 0, bytes32(0), 0, block.timestamp, bytes32(0), "");
    }

    function test_Constructor_Reverts() public {
        vm.expectRevert(IComputePool.ZeroAddress.selector);
        new ComputePool(
            IEmissions(address(0)), admin, WINDOW, MAX_BUDGET_BPS, LAG, WITHDRAWAL_DELAY, SPEND_CAP, WITHDRAW_WINDOW
        );
        vm.expectRevert(IComputePool.ZeroAddress.selector);
        new ComputePool(
            IEmissions(address(em)),
            address(0),
            WINDOW,
            MAX_BUDGET_BPS,
            LAG,
            WITHDRAWAL_DELAY,
            SPEND_CAP,
            WITHDRAW_WINDOW
        );
        vm.expectRevert(abi.encodeWithSelector(IComputePool.InvalidDisputeWindow.selector, 31 days));
        new ComputePool(
            IEmissions(address(em)), admin, 31 days, MAX_BUDGET_BPS, LAG, WITHDRAWAL_DELAY, SPEND_CAP, WITHDRAW_WINDOW
        );
        vm.expectRevert(abi.encodeWithSelector(IComputePool.InvalidDisputeWindow.selector, 0));
        new ComputePool(
            IEmissions(address(em)), admin, 0, MAX_BUDGET_BPS, LAG, WITHDRAWAL_DELAY, SPEND_CAP, WITHDRAW_WINDOW
        );
        vm.expectRevert(abi.encodeWithSelector(IComputePool.InvalidBudgetBps.selector, 10_001));
        new ComputePool(
            IEmissions(address(em)), admin, WINDOW, 10_001, LAG, WITHDRAWAL_DELAY, SPEND_CAP, WITHDRAW_WINDOW
        );
        vm.expectRevert(abi.encodeWithSelector(IComputePool.InvalidBudgetBps.selector, 99));
        new ComputePool(IEmissions(address(em)), admin, WINDOW, 99, LAG, WITHDRAWAL_DELAY, SPEND_CAP, WITHDRAW_WINDOW);
    }

    // ------------------------------------------------------------------------------------------------
    // commitRoot
    // ------------------------------------------------------------------------------------------------

    function test_CommitRoot() public {
        bytes32[][] memory tree = _tree();
        bytes32 root = MerkleTestLib.root(tree);
        vm.expectEmit(address(pool));
        emit IComputePool.RootCommitted(
            0, root, 175e18, 175e18, 91, uint64(block.timestamp + WINDOW), keccak256("batch"), "ipfs://b0"
        );
        vm.prank(keeper);
        pool.commitRoot(0, root, 175e18, bytes32(0), 0, block.timestamp, keccak256("batch"), "ipfs://b0");

        assertEq(pool.nextEpoch(), 1);
        assertEq(pool.totalCommitted(), 175e18);
        assertEq(pool.committedOn(91), 175e18);
        assertEq(pool.committedBefore(91), 0);
        assertEq(pool.remainingBudget(), BUDGET_DAY91 - 175e18);
        (bytes32 r, uint256 total, uint64 claimableAt) = pool.epochInfo(0);
        assertEq(r, root);
        assertEq(total, 175e18);
        assertEq(claimableAt, block.timestamp + WINDOW);
        // The budget of the day itself does not move with commits made during it.
        assertEq(pool.budget(91), BUDGET_DAY91);
    }

    function test_CommitRoot_NotKeeper_Reverts() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, address(this), pool.KEEPER_ROLE()
            )
        );
        pool.commitRoot(0, bytes32(uint256(1)), 0, bytes32(0), 0, block.timestamp, bytes32(0), "");
    }

    function test_CommitRoot_OutOfOrder_Reverts() public {
        vm.startPrank(keeper);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.EpochOutOfOrder.selector, 1, 0));
        pool.commitRoot(1, bytes32(uint256(1)), 0, bytes32(0), 0, block.timestamp, bytes32(0), "");
        pool.commitRoot(0, bytes32(uint256(1)), 0, bytes32(0), 0, block.timestamp, bytes32(0), "");
        vm.expectRevert(abi.encodeWithSelector(IComputePool.EpochOutOfOrder.selector, 0, 1));
        pool.commitRoot(0, bytes32(uint256(2)), 0, bytes32(0), 0, block.timestamp, bytes32(0), "");
        vm.expectRevert(abi.encodeWithSelector(IComputePool.EpochOutOfOrder.selector, 2, 1));
        pool.commitRoot(2, bytes32(uint256(2)), 0, bytes32(0), 0, block.timestamp, bytes32(0), "");
        vm.stopPrank();
    }

    function test_CommitRoot_BadRoot_Reverts() public {
        vm.startPrank(keeper);
        vm.expectRevert(IComputePool.ZeroRoot.selector);
        pool.commitRoot(0, bytes32(0), 0, bytes32(0), 0, block.timestamp, bytes32(0), "");
        pool.commitRoot(0, bytes32(uint256(1)), 1e18, bytes32(0), 0, block.timestamp, bytes32(0), "");
        vm.expectRevert(abi.encodeWithSelector(IComputePool.RootUnchanged.selector, bytes32(uint256(1))));
        pool.commitRoot(1, bytes32(uint256(1)), 1e18, bytes32(0), 0, block.timestamp, bytes32(0), "");
        vm.expectRevert(abi.encodeWithSelector(IComputePool.CumulativeTotalDecreased.selector, 1e18 - 1, 1e18));
        pool.commitRoot(1, bytes32(uint256(2)), 1e18 - 1, bytes32(0), 0, block.timestamp, bytes32(0), "");
        vm.stopPrank();
    }

    function test_CommitRoot_OverBudget_Reverts() public {
        vm.startPrank(keeper);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.OverBudget.selector, BUDGET_DAY91 + 1, BUDGET_DAY91));
        pool.commitRoot(0, bytes32(uint256(1)), BUDGET_DAY91 + 1, bytes32(0), 0, block.timestamp, bytes32(0), "");
        // Exactly the budget, over several epochs of the same day.
        pool.commitRoot(0, bytes32(uint256(1)), BUDGET_DAY91 - 10, bytes32(0), 0, block.timestamp, bytes32(0), "");
        vm.expectRevert(abi.encodeWithSelector(IComputePool.OverBudget.selector, 11, 10));
        pool.commitRoot(1, bytes32(uint256(2)), BUDGET_DAY91 + 1, bytes32(0), 0, block.timestamp, bytes32(0), "");
        pool.commitRoot(1, bytes32(uint256(2)), BUDGET_DAY91, bytes32(0), 0, block.timestamp, bytes32(0), "");
        assertEq(pool.remainingBudget(), 0);
        // A zero increase always fits.
        pool.commitRoot(2, bytes32(uint256(3)), BUDGET_DAY91, bytes32(0), 0, block.timestamp, bytes32(0), "");
        vm.stopPrank();
        assertEq(pool.committedOn(91), pool.budget(91));
    }

    // ------------------------------------------------------------------------------------------------
    // Day history: budgets of past days are exact and frozen
    // ------------------------------------------------------------------------------------------------

    function test_DayHistory() public {
        vm.startPrank(keeper);
        pool.commitRoot(0, bytes32(uint256(1)), 1_000e18, bytes32(0), 0, block.timestamp, bytes32(0), "");
        vm.warp(START + 92 days + 5);
        uint256 accrued92 = pool.computeAccrued(START + 92 days);
        assertEq(pool.committedBefore(92), 1_000e18);
        assertEq(pool.computeBalance(92), accrued92 - 1_000e18);
        uint256 budget92 = (accrued92 - 1_000e18) / 100;
        assertEq(pool.budget(92), budget92);
        pool.commitRoot(1, bytes32(uint256(2)), 1_500e18, bytes32(0), 0, block.timestamp, bytes32(0), "");
        vm.warp(START + 95 days);
        pool.commitRoot(2, bytes32(uint256(3)), 1_700e18, bytes32(0), 0, block.timestamp, bytes32(0), "");
        vm.stopPrank();

        // Past days are unchanged by later commits.
        assertEq(pool.budget(91), BUDGET_DAY91);
        assertEq(pool.budget(92), budget92);
        assertEq(pool.committedOn(91), 1_000e18);
        assertEq(pool.committedOn(92), 500e18);
        assertEq(pool.committedOn(93), 0);
        assertEq(pool.committedOn(95), 200e18);
        assertEq(pool.committedBefore(93), 1_500e18);
        assertEq(pool.committedBefore(95), 1_500e18);
        assertEq(pool.committedBefore(96), 1_700e18);
        assertEq(pool.computeBalance(94), pool.computeAccrued(START + 94 days) - 1_500e18);
        // A future day is projected from the current total.
        assertEq(pool.committedBefore(1000), 1_700e18);
    }

    function test_BudgetBps_FromNextDay() public {
        vm.prank(admin);
        vm.expectEmit(address(pool));
        emit IComputePool.BudgetBpsSet(200, 92);
        pool.setBudgetBps(200);
        assertEq(pool.budgetBps(), 100);
        assertEq(pool.budget(91), BUDGET_DAY91);
        assertEq(pool.budgetBpsAt(92), 200);
        vm.warp(START + 92 days);
        assertEq(pool.budgetBps(), 200);
        assertEq(pool.budget(92), pool.computeBalance(92) * 200 / 10_000);
        assertEq(pool.budget(91), BUDGET_DAY91);
    }

    function test_BudgetBps_Reverts() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, address(this), pool.DEFAULT_ADMIN_ROLE()
            )
        );
        pool.setBudgetBps(50);
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.InvalidBudgetBps.selector, MAX_BUDGET_BPS + 1));
        pool.setBudgetBps(MAX_BUDGET_BPS + 1);
    }

    function test_BudgetBps_BeforeStart_AppliesFromDayZero() public {
        vm.warp(START - 100);
        vm.prank(admin);
        pool.setBudgetBps(300);
        assertEq(pool.budgetBpsAt(0), 300);
        assertEq(pool.budgetBps(), 300);
    }

    // ------------------------------------------------------------------------------------------------
    // vetoRoot
    // ------------------------------------------------------------------------------------------------

    function test_Veto_RollsBackAndAllowsRecommit() public {
        vm.startPrank(keeper);
        pool.commitRoot(0, bytes32(uint256(1)), 100e18, bytes32(0), 0, block.timestamp, bytes32(0), "");
        vm.warp(block.timestamp + WINDOW); // epoch 0 claimable
        pool.commitRoot(1, bytes32(uint256(2)), 200e18, bytes32(0), 0, block.timestamp, bytes32(0), "");
        vm.warp(block.timestamp + 10);
        pool.commitRoot(2, bytes32(uint256(3)), 300e18, bytes32(0), 0, block.timestamp, bytes32(0), "");
        vm.stopPrank();

        (bytes32 vetoed1,, uint64 vetoed1At) = pool.epochInfo(1);
        vm.expectEmit(address(pool));
        emit IComputePool.RootVetoed(1, bytes32(uint256(2)), 2, 100e18);
        vm.prank(guardian);
        pool.vetoRoot(1, vetoed1, vetoed1At);

        assertEq(pool.nextEpoch(), 1);
        assertEq(pool.totalCommitted(), 100e18);
        assertTrue(pool.isVetoed(bytes32(uint256(2))));
        assertFalse(pool.isVetoed(bytes32(uint256(3)))); // discarded, not vetoed
        vm.expectRevert(abi.encodeWithSelector(IComputePool.UnknownEpoch.selector, 1));
        pool.epochInfo(1);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.UnknownEpoch.selector, 2));
        pool.epochInfo(2);
        assertEq(pool.committedOn(91), 100e18);

        vm.startPrank(keeper);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.VetoedRoot.selector, bytes32(uint256(2))));
        pool.commitRoot(1, bytes32(uint256(2)), 200e18, bytes32(0), 0, block.timestamp, bytes32(0), "");
        vm.expectRevert(abi.encodeWithSelector(IComputePool.EpochOutOfOrder.selector, 2, 1));
        pool.commitRoot(2, bytes32(uint256(4)), 250e18, bytes32(0), 0, block.timestamp, bytes32(0), "");
        pool.commitRoot(1, bytes32(uint256(4)), 250e18, bytes32(0), 0, block.timestamp, bytes32(0), "");
        vm.stopPrank();
        assertEq(pool.totalCommitted(), 250e18);
        (, uint256 total, uint64 claimableAt) = pool.epochInfo(1);
        assertEq(total, 250e18);
        assertEq(claimableAt, block.timestamp + WINDOW);
    }

    function test_Veto_FirstEpoch() public {
        vm.prank(keeper);
        pool.commitRoot(0, bytes32(uint256(1)), 100e18, bytes32(0), 0, block.timestamp, bytes32(0), "");
        (bytes32 vetoed2,, uint64 vetoed2At) = pool.epochInfo(0);
        vm.prank(guardian);
        pool.vetoRoot(0, vetoed2, vetoed2At);
        assertEq(pool.nextEpoch(), 0);
        assertEq(pool.totalCommitted(), 0);
        assertEq(pool.remainingBudget(), BUDGET_DAY91);
        (bool exists,,,) = pool.claimableEpoch();
        assertFalse(exists);
    }

    function test_Veto_Reverts() public {
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.UnknownEpoch.selector, 0));
        pool.vetoRoot(0, bytes32(0), 0);

        vm.prank(keeper);
        pool.commitRoot(0, bytes32(uint256(1)), 100e18, bytes32(0), 0, block.timestamp, bytes32(0), "");
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, keeper, pool.GUARDIAN_ROLE()
            )
        );
        vm.prank(keeper);
        pool.vetoRoot(0, bytes32(0), 0);

        vm.warp(block.timestamp + WINDOW);
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.DisputeWindowOver.selector, 0, uint64(block.timestamp)));
        pool.vetoRoot(0, bytes32(0), 0);
    }

    /// A veto names the commit it checked (its root and claim time): one mined late, after someone else
    /// vetoed that root and the keeper committed a replacement for the epoch, reverts RootChanged and leaves
    /// the replacement live.
    function test_Veto_StaleVetoNeverDiscardsTheReplacement() public {
        bytes32 bad = bytes32(uint256(1));
        bytes32 replacement = bytes32(uint256(2));
        vm.prank(keeper);
        pool.commitRoot(0, bad, 100e18, bytes32(0), 0, block.timestamp, bytes32(0), "");
        (,, uint64 badAt) = pool.epochInfo(0);
        vm.prank(guardian);
        pool.vetoRoot(0, bad, badAt); // another guardian's veto lands first
        vm.warp(block.timestamp + 1);
        vm.prank(keeper);
        pool.commitRoot(0, replacement, 100e18, bytes32(0), 0, block.timestamp, bytes32(0), "");
        (,, uint64 replacementAt) = pool.epochInfo(0);

        vm.prank(guardian); // the stuck veto of the bad root, mined now
        vm.expectRevert(abi.encodeWithSelector(IComputePool.RootChanged.selector, 0, replacement, replacementAt));
        pool.vetoRoot(0, bad, badAt);
        assertEq(pool.nextEpoch(), 1);
        (bytes32 live,,) = pool.epochInfo(0);
        assertEq(live, replacement);
        assertFalse(pool.isVetoed(replacement));

        vm.prank(guardian); // naming the commit it holds, the veto goes through
        pool.vetoRoot(0, replacement, replacementAt);
        assertEq(pool.nextEpoch(), 0);
        assertTrue(pool.isVetoed(replacement));
        (bool exists,,,) = pool.claimableEpoch();
        assertFalse(exists);
    }

    /// The veto of an earlier epoch discards the later ones without barring their roots, so the keeper may
    /// commit a later epoch again with the same root (a new window). A veto of the discarded commit mined
    /// late names its claim time: it reverts RootChanged against the same-root recommit, which stays live
    /// and unbarred (before the claim time was named, it discarded the recommit and barred its root).
    function test_Veto_StaleVetoNeverDiscardsASameRootRecommit() public {
        bytes32 first = bytes32(uint256(1));
        bytes32 later = bytes32(uint256(2));
        vm.startPrank(keeper);
        pool.commitRoot(0, first, 100e18, bytes32(0), 0, block.timestamp, bytes32(0), "");
        pool.commitRoot(1, later, 100e18, bytes32(0), 0, block.timestamp, bytes32(0), "");
        vm.stopPrank();
        (,, uint64 firstAt) = pool.epochInfo(0);
        (,, uint64 laterAt) = pool.epochInfo(1);

        vm.warp(block.timestamp + 60);
        vm.prank(guardian);
        pool.vetoRoot(0, first, firstAt); // discards epoch 1 too; only `first` is barred
        assertFalse(pool.isVetoed(later));
        vm.startPrank(keeper);
        pool.commitRoot(0, bytes32(uint256(3)), 100e18, bytes32(0), 0, block.timestamp, bytes32(0), "");
        pool.commitRoot(1, later, 100e18, bytes32(0), 0, block.timestamp, bytes32(0), "");
        vm.stopPrank();
        (bytes32 live,, uint64 recommitAt) = pool.epochInfo(1);
        assertEq(live, later);
        assertGt(recommitAt, laterAt);

        vm.prank(guardian); // a veto of the discarded commit of epoch 1, mined now
        vm.expectRevert(abi.encodeWithSelector(IComputePool.RootChanged.selector, 1, later, recommitAt));
        pool.vetoRoot(1, later, laterAt);
        assertEq(pool.nextEpoch(), 2);
        assertFalse(pool.isVetoed(later));
    }

    function test_Veto_SameDayFreesBudget() public {
        vm.startPrank(keeper);
        pool.commitRoot(0, bytes32(uint256(1)), BUDGET_DAY91, bytes32(0), 0, block.timestamp, bytes32(0), "");
        assertEq(pool.remainingBudget(), 0);
        vm.stopPrank();
        (bytes32 vetoed3,, uint64 vetoed3At) = pool.epochInfo(0);
        vm.prank(guardian);
        pool.vetoRoot(0, vetoed3, vetoed3At);
        assertEq(pool.remainingBudget(), BUDGET_DAY91);
        vm.prank(keeper);
        pool.commitRoot(0, bytes32(uint256(2)), BUDGET_DAY91, bytes32(0), 0, block.timestamp, bytes32(0), "");
        assertEq(pool.committedOn(91), BUDGET_DAY91);
    }

    function test_Veto_AcrossMidnight_KeepsPastBudgets() public {
        vm.warp(START + 92 days - 600); // 10 minutes before day 92
        vm.prank(keeper);
        pool.commitRoot(0, bytes32(uint256(1)), 1_000e18, bytes32(0), 0, block.timestamp, bytes32(0), "");
        vm.warp(START + 92 days + 60);
        uint256 budget92 = pool.budget(92);
        assertEq(pool.committedBefore(92), 1_000e18);
        (bytes32 vetoed4,, uint64 vetoed4At) = pool.epochInfo(0);
        vm.prank(guardian);
        pool.vetoRoot(0, vetoed4, vetoed4At);
        // Day 92 began with 1,000 MOR committed: its budget stays. The vetoed amount is room again today.
        assertEq(pool.budget(92), budget92);
        assertEq(pool.committedBefore(92), 1_000e18);
        assertEq(pool.totalCommitted(), 0);
        assertEq(pool.remainingBudget(), budget92 + 1_000e18);
        assertEq(pool.committedOn(92), 0);
        // The corrected epoch fits: what it re-credits was already counted in day 91's use.
        vm.prank(keeper);
        pool.commitRoot(0, bytes32(uint256(2)), 900e18 + budget92, bytes32(0), 0, block.timestamp, bytes32(0), "");
        assertEq(pool.committedOn(92), budget92 - 100e18);
        // Day 93 starts from the real total.
        assertEq(pool.committedBefore(93), 900e18 + budget92);
    }

    // ------------------------------------------------------------------------------------------------
    // Claimable root selection
    // ------------------------------------------------------------------------------------------------

    function test_ClaimableEpoch_NewestPastWindow() public {
        vm.startPrank(keeper);
        pool.commitRoot(0, bytes32(uint256(1)), 1e18, bytes32(0), 0, block.timestamp, bytes32(0), "");
        vm.warp(block.timestamp + 20 minutes);
        pool.commitRoot(1, bytes32(uint256(2)), 2e18, bytes32(0), 0, block.timestamp, bytes32(0), "");
        vm.warp(block.timestamp + 20 minutes);
        pool.commitRoot(2, bytes32(uint256(3)), 3e18, bytes32(0), 0, block.timestamp, bytes32(0), "");
        vm.stopPrank();
        (bool exists,,,) = pool.claimableEpoch();
        assertFalse(exists);
        vm.warp(block.timestamp + 20 minutes); // epoch 0 claimable
        (bool e0, uint256 epoch, bytes32 root, uint256 total) = pool.claimableEpoch();
        assertTrue(e0);
        assertEq(epoch, 0);
        assertEq(root, bytes32(uint256(1)));
        assertEq(total, 1e18);
        vm.warp(block.timestamp + 30 minutes); // epoch 1 claimable
        (, epoch,,) = pool.claimableEpoch();
        assertEq(epoch, 1);
        vm.warp(block.timestamp + 1 days);
        (, epoch,,) = pool.claimableEpoch();
        assertEq(epoch, 2);
    }

    function test_DisputeWindow_ShortenedKeepsOrder() public {
        vm.prank(admin);
        pool.setDisputeWindow(3 * WINDOW);
        vm.prank(keeper);
        pool.commitRoot(0, bytes32(uint256(1)), 1e18, bytes32(0), 0, block.timestamp, bytes32(0), "");
        (,, uint64 c0) = pool.epochInfo(0);
        vm.prank(admin);
        vm.expectEmit(address(pool));
        emit IComputePool.DisputeWindowSet(WINDOW);
        pool.setDisputeWindow(WINDOW);
        vm.prank(keeper);
        pool.commitRoot(1, bytes32(uint256(2)), 2e18, bytes32(0), 0, block.timestamp, bytes32(0), "");
        (,, uint64 c1) = pool.epochInfo(1);
        assertEq(c1, c0); // not before its predecessor
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.InvalidDisputeWindow.selector, 31 days));
        pool.setDisputeWindow(31 days);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, address(this), pool.DEFAULT_ADMIN_ROLE()
            )
        );
        pool.setDisputeWindow(1);
    }

    /// @dev The binary search over pending epochs agrees with a linear scan, while claims move the hint.
    ///      Epoch i's tree is the single leaf (address(1), i + 1), whose root is the leaf itself.
    function testFuzz_ClaimableEpoch_MatchesLinearScan(uint256 seed) public {
        uint256 n = _bound(seed, 1, 40);
        for (uint256 i; i < n; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            if (r % 5 == 0) {
                vm.prank(admin);
                // forge-lint: disable-next-line(unsafe-typecast)
                pool.setDisputeWindow(uint32(WINDOW + r % 2 hours)); // < 3 hours
            }
            vm.prank(keeper);
            pool.commitRoot(
                i, MerkleTestLib.leaf(address(1), i + 1), i + 1, bytes32(0), 0, block.timestamp, bytes32(0), ""
            );
            vm.warp(block.timestamp + (r >> 8) % 30 minutes);
            (bool ok, uint256 epoch,,) = pool.claimableEpoch();
            uint256 paidBefore = pool.claimed(address(1));
            if (ok && r % 3 == 0 && paidBefore < epoch + 1) {
                assertEq(pool.claim(address(1), epoch + 1, new bytes32[](0)), epoch + 1 - paidBefore);
            }
            _checkClaimable(i + 1);
        }
        vm.warp(block.timestamp + 3 hours);
        _checkClaimable(n);
    }

    function _checkClaimable(uint256 committed) internal view {
        uint256 count;
        for (uint256 e; e < committed; ++e) {
            (,, uint64 at) = pool.epochInfo(e);
            if (at <= block.timestamp) count = e + 1;
        }
        (bool exists, uint256 epoch,,) = pool.claimableEpoch();
        assertEq(exists, count > 0);
        if (exists) assertEq(epoch, count - 1);
    }

    // ------------------------------------------------------------------------------------------------
    // claim
    // ------------------------------------------------------------------------------------------------

    function test_Claim() public {
        bytes32[][] memory tree = _commitDefault();
        vm.warp(block.timestamp + WINDOW);
        vm.expectEmit(address(pool));
        emit IComputePool.Claimed(accts[0], 0, 100e18, 100e18);
        vm.prank(makeAddr("anyone"));
        uint256 paid = pool.claim(accts[0], 100e18, MerkleTestLib.proof(tree, 0));
        assertEq(paid, 100e18);
        assertEq(mor.balanceOf(accts[0]), 100e18);
        assertEq(pool.claimed(accts[0]), 100e18);
        assertEq(pool.totalClaimed(), 100e18);
    }

    function test_Claim_PullsEmissions() public {
        bytes32[][] memory tree = _commitDefault();
        vm.warp(block.timestamp + WINDOW);
        assertEq(mor.balanceOf(address(pool)), 0); // nothing released yet
        pool.claim(accts[1], 50e18, MerkleTestLib.proof(tree, 1));
        assertEq(mor.balanceOf(accts[1]), 50e18);
        assertEq(mor.balanceOf(address(pool)), pool.computeAccrued(block.timestamp) - 50e18);
    }

    function test_Claim_ShortAndNothingReleasable_Reverts() public {
        bytes32[][] memory tree = _commitDefault();
        vm.warp(block.timestamp + WINDOW);
        em.release(); // releasable() is now 0 in this block
        uint256 excess = mor.balanceOf(address(pool)) - 10e18;
        vm.prank(address(pool));
        require(mor.transfer(capital, excess), "drain");
        vm.expectRevert(abi.encodeWithSelector(IComputePool.InsufficientPoolBalance.selector, 10e18, 100e18));
        pool.claim(accts[0], 100e18, MerkleTestLib.proof(tree, 0));
    }

    function test_Claim_PoolNotFunded_Reverts() public {
        // A pool that is not the compute bucket's recipient gets nothing from release().
        ComputePool other = new ComputePool(
            IEmissions(address(em)), admin, WINDOW, MAX_BUDGET_BPS, LAG, WITHDRAWAL_DELAY, SPEND_CAP, WITHDRAW_WINDOW
        );
        vm.startPrank(admin);
        other.grantRole(other.KEEPER_ROLE(), keeper);
        vm.stopPrank();
        bytes32[][] memory tree = _tree();
        vm.prank(keeper);
        other.commitRoot(0, MerkleTestLib.root(tree), 175e18, bytes32(0), 0, block.timestamp, bytes32(0), "");
        vm.warp(block.timestamp + WINDOW);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.InsufficientPoolBalance.selector, 0, 100e18));
        other.claim(accts[0], 100e18, MerkleTestLib.proof(tree, 0));
    }

    function test_Claim_NoRoot_Reverts() public {
        vm.expectRevert(IComputePool.NoClaimableRoot.selector);
        pool.claim(accts[0], 100e18, new bytes32[](0));
        bytes32[][] memory tree = _commitDefault();
        vm.warp(block.timestamp + WINDOW - 1); // still in the window
        vm.expectRevert(IComputePool.NoClaimableRoot.selector);
        pool.claim(accts[0], 100e18, MerkleTestLib.proof(tree, 0));
    }

    function test_Claim_BadProof_Reverts() public {
        bytes32[][] memory tree = _commitDefault();
        vm.warp(block.timestamp + WINDOW);
        bytes32[] memory p = MerkleTestLib.proof(tree, 0);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.InvalidProof.selector, accts[0], 101e18));
        pool.claim(accts[0], 101e18, p); // wrong amount
        vm.expectRevert(abi.encodeWithSelector(IComputePool.InvalidProof.selector, accts[1], 100e18));
        pool.claim(accts[1], 100e18, p); // someone else's leaf
        p[0] = bytes32(uint256(p[0]) ^ 1);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.InvalidProof.selector, accts[0], 100e18));
        pool.claim(accts[0], 100e18, p);
    }

    function test_Claim_Twice_Reverts() public {
        bytes32[][] memory tree = _commitDefault();
        vm.warp(block.timestamp + WINDOW);
        pool.claim(accts[0], 100e18, MerkleTestLib.proof(tree, 0));
        vm.expectRevert(abi.encodeWithSelector(IComputePool.NothingToClaim.selector, accts[0], 100e18, 100e18));
        pool.claim(accts[0], 100e18, MerkleTestLib.proof(tree, 0));
    }

    function test_Claim_CumulativeAcrossEpochs() public {
        bytes32[][] memory tree = _commitDefault();
        vm.warp(block.timestamp + WINDOW);
        pool.claim(accts[0], 100e18, MerkleTestLib.proof(tree, 0));
        amts[0] = 160e18; // +60
        amts[2] = 45e18; // +20
        tree = _tree();
        _commit(tree, _sum(amts));
        vm.warp(block.timestamp + WINDOW);
        assertEq(pool.claim(accts[0], 160e18, MerkleTestLib.proof(tree, 0)), 60e18);
        assertEq(pool.claim(accts[2], 45e18, MerkleTestLib.proof(tree, 2)), 45e18); // two epochs in one claim
        assertEq(mor.balanceOf(accts[0]), 160e18);
        assertEq(pool.totalClaimed(), 205e18);
    }

    /// @dev F1: a proof against the root before the newest claimable one pays nothing, even when the older
    ///      root granted more (here the newest lowered account 1 from 50 to 30, and raised account 2).
    function test_Claim_OlderRootProofNeverPays() public {
        bytes32[][] memory oldTree = _commitDefault();
        amts[1] = 30e18;
        amts[2] += 20e18;
        bytes32[][] memory newTree = _tree();
        _commit(newTree, _sum(amts));
        vm.warp(block.timestamp + WINDOW);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.InvalidProof.selector, accts[1], 50e18));
        pool.claim(accts[1], 50e18, MerkleTestLib.proof(oldTree, 1));
        assertEq(pool.claim(accts[1], 30e18, MerkleTestLib.proof(newTree, 1)), 30e18);
        // Every account of the newest tree is paid in full: nothing was taken by a stale proof.
        for (uint256 i; i < amts.length; ++i) {
            if (i == 1) continue;
            assertEq(pool.claim(accts[i], amts[i], MerkleTestLib.proof(newTree, i)), amts[i]);
        }
        assertEq(pool.totalClaimed(), _sum(amts));
    }

    function test_Claim_ProofTwoRootsBackFails() public {
        bytes32[][] memory oldTree = _commitDefault();
        amts[1] = 70e18;
        _commit(_tree(), _sum(amts));
        amts[1] = 80e18;
        _commit(_tree(), _sum(amts));
        vm.warp(block.timestamp + WINDOW);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.InvalidProof.selector, accts[1], 50e18));
        pool.claim(accts[1], 50e18, MerkleTestLib.proof(oldTree, 1));
    }

    function test_Claim_VetoedRootNeverClaimable() public {
        bytes32[][] memory bad = _commitDefault();
        (bytes32 vetoed5,, uint64 vetoed5At) = pool.epochInfo(0);
        vm.prank(guardian);
        pool.vetoRoot(0, vetoed5, vetoed5At);
        vm.warp(block.timestamp + WINDOW);
        vm.expectRevert(IComputePool.NoClaimableRoot.selector);
        pool.claim(accts[0], 100e18, MerkleTestLib.proof(bad, 0));

        amts[0] = 90e18;
        _commit(_tree(), _sum(amts));
        vm.warp(block.timestamp + WINDOW);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.InvalidProof.selector, accts[0], 100e18));
        pool.claim(accts[0], 100e18, MerkleTestLib.proof(bad, 0));
        assertEq(pool.claim(accts[0], 90e18, MerkleTestLib.proof(_tree(), 0)), 90e18);
    }

    function test_Claim_CappedByRootTotal() public {
        // A faulty tree whose leaves add up to more than its committed total cannot drain the pool.
        bytes32[][] memory tree = _tree();
        _commit(tree, 120e18); // leaves sum to 175
        vm.warp(block.timestamp + WINDOW);
        pool.claim(accts[0], 100e18, MerkleTestLib.proof(tree, 0));
        vm.expectRevert(abi.encodeWithSelector(IComputePool.ExceedsCommitted.selector, 150e18, 120e18));
        pool.claim(accts[1], 50e18, MerkleTestLib.proof(tree, 1));
        assertLe(pool.totalClaimed(), pool.totalCommitted());
    }

    function test_Claim_SingleLeafTree() public {
        address[] memory a = new address[](1);
        uint256[] memory x = new uint256[](1);
        a[0] = accts[0];
        x[0] = 7e18;
        bytes32[][] memory tree = MerkleTestLib.build(a, x);
        _commit(tree, 7e18);
        vm.warp(block.timestamp + WINDOW);
        assertEq(pool.claim(accts[0], 7e18, new bytes32[](0)), 7e18);
    }

    function testFuzz_Claim_PaysExactly(uint96[6] memory raw, uint256 who) public {
        address[] memory a = _accounts(6, "f");
        uint256[] memory x = new uint256[](6);
        for (uint256 i; i < 6; ++i) {
            x[i] = _bound(raw[i], 1, 500e18);
        }
        bytes32[][] memory tree = MerkleTestLib.build(a, x);
        _commit(tree, _sum(x));
        vm.warp(block.timestamp + WINDOW);
        uint256 k = who % 6;
        assertEq(pool.claim(a[k], x[k], MerkleTestLib.proof(tree, k)), x[k]);
        assertEq(mor.balanceOf(a[k]), x[k]);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.NothingToClaim.selector, a[k], x[k], x[k]));
        pool.claim(a[k], x[k], MerkleTestLib.proof(tree, k));
    }

    // ------------------------------------------------------------------------------------------------
    // claimMany
    // ------------------------------------------------------------------------------------------------

    function test_ClaimMany_SkipsBadEntries() public {
        bytes32[][] memory tree = _commitDefault();
        vm.warp(block.timestamp + WINDOW);
        pool.claim(accts[2], 25e18, MerkleTestLib.proof(tree, 2)); // already paid

        address[] memory a = new address[](5);
        uint256[] memory x = new uint256[](5);
        bytes32[][] memory p = new bytes32[][](5);
        (a[0], x[0], p[0]) = (accts[0], 100e18, MerkleTestLib.proof(tree, 0)); // ok
        (a[1], x[1], p[1]) = (accts[1], 99e18, MerkleTestLib.proof(tree, 1)); // bad proof
        (a[2], x[2], p[2]) = (accts[2], 25e18, MerkleTestLib.proof(tree, 2)); // already paid
        (a[3], x[3], p[3]) = (accts[1], 50e18, MerkleTestLib.proof(tree, 1)); // ok
        (a[4], x[4], p[4]) = (accts[0], 100e18, MerkleTestLib.proof(tree, 0)); // duplicate in the batch

        vm.expectEmit(address(pool));
        emit IComputePool.Claimed(accts[0], 0, 100e18, 100e18);
        vm.expectEmit(address(pool));
        emit IComputePool.ClaimSkipped(accts[1], 99e18, IComputePool.SkipReason.InvalidProof);
        vm.expectEmit(address(pool));
        emit IComputePool.ClaimSkipped(accts[2], 25e18, IComputePool.SkipReason.NothingToClaim);
        vm.expectEmit(address(pool));
        emit IComputePool.Claimed(accts[1], 0, 50e18, 50e18);
        vm.expectEmit(address(pool));
        emit IComputePool.ClaimSkipped(accts[0], 100e18, IComputePool.SkipReason.NothingToClaim);
        uint256 paid = pool.claimMany(a, x, p);

        assertEq(paid, 150e18);
        assertEq(mor.balanceOf(accts[0]), 100e18);
        assertEq(mor.balanceOf(accts[1]), 50e18);
        assertEq(mor.balanceOf(accts[2]), 25e18);
        assertEq(pool.totalClaimed(), 175e18);
    }

    function test_ClaimMany_ExceedsCommittedSkipped() public {
        bytes32[][] memory tree = _tree();
        _commit(tree, 130e18);
        vm.warp(block.timestamp + WINDOW);
        address[] memory a = new address[](3);
        uint256[] memory x = new uint256[](3);
        bytes32[][] memory p = new bytes32[][](3);
        for (uint256 i; i < 3; ++i) {
            (a[i], x[i], p[i]) = (accts[i], amts[i], MerkleTestLib.proof(tree, i));
        }
        vm.expectEmit(address(pool));
        emit IComputePool.ClaimSkipped(accts[1], 50e18, IComputePool.SkipReason.ExceedsCommitted);
        assertEq(pool.claimMany(a, x, p), 125e18);
    }

    function test_ClaimMany_Reverts() public {
        vm.expectRevert(IComputePool.LengthMismatch.selector);
        pool.claimMany(new address[](2), new uint256[](1), new bytes32[][](2));
        vm.expectRevert(IComputePool.LengthMismatch.selector);
        pool.claimMany(new address[](2), new uint256[](2), new bytes32[][](1));
        vm.expectRevert(IComputePool.NoClaimableRoot.selector);
        pool.claimMany(new address[](0), new uint256[](0), new bytes32[][](0));
    }

    function test_ClaimMany_AllSkippedPaysNothing() public {
        _commitDefault();
        vm.warp(block.timestamp + WINDOW);
        address[] memory a = new address[](1);
        uint256[] memory x = new uint256[](1);
        a[0] = accts[0];
        x[0] = 1;
        assertEq(pool.claimMany(a, x, new bytes32[][](1)), 0);
        assertEq(pool.totalClaimed(), 0);
    }

    // ------------------------------------------------------------------------------------------------
    // allowance (PROTOCOL §4, Yellowstone AccessRate)
    // ------------------------------------------------------------------------------------------------

    function test_Allowance_FromDayStartCheckpoints() public {
        address user = makeAddr("user");
        address whale = makeAddr("whale");
        _fund(user, 1_000e18);
        vm.prank(user);
        mor.delegate(user);
        vm.warp(START + 92 days + 1);

        uint256 start = START + 92 days;
        uint256 supply = mor.getPastTotalSupply(start);
        uint256 expected = pool.budget(92) * 1_000e18 / supply;
        assertEq(pool.allowance(user, 92), expected);
        assertGt(expected, 0);

        // Transfers and a flash loan later in the day change nothing for today.
        _fund(whale, 100_000e18);
        vm.prank(whale);
        mor.delegate(whale);
        vm.prank(whale);
        require(mor.transfer(user, 100_000e18), "flash in");
        assertEq(pool.allowance(user, 92), expected);
        assertEq(pool.allowance(whale, 92), 0);
        vm.prank(user);
        require(mor.transfer(whale, 100_500e18), "flash out");
        vm.warp(block.timestamp + 1);
        assertEq(pool.allowance(user, 92), expected);
        // Commits during the day do not change it either.
        vm.prank(keeper);
        pool.commitRoot(0, bytes32(uint256(1)), 1_000e18, bytes32(0), 0, block.timestamp, bytes32(0), "");
        assertEq(pool.allowance(user, 92), expected);

        // Tomorrow the new balances count.
        vm.warp(START + 93 days + 1);
        assertEq(pool.allowance(user, 93), pool.budget(93) * 500e18 / mor.getPastTotalSupply(START + 93 days));
        assertEq(pool.allowance(user, 92), expected); // history is kept
    }

    function test_Allowance_ZeroWithoutDelegation() public {
        address user = makeAddr("user");
        _fund(user, 1_000e18);
        vm.warp(START + 92 days + 1);
        assertEq(pool.allowance(user, 92), 0);
    }

    function test_Allowance_ZeroSupply() public {
        // Nothing was minted before day 91's start in this deployment.
        vm.warp(block.timestamp + 1);
        assertEq(mor.getPastTotalSupply(START + 91 days), 0);
        assertEq(pool.allowance(makeAddr("user"), 91), 0);
    }

    function test_Allowance_DayNotStarted_Reverts() public {
        // Day 91 starts now: its start is not yet in the past.
        vm.expectRevert(abi.encodeWithSelector(IComputePool.DayNotStarted.selector, 91, START + 91 days));
        pool.allowance(address(1), 91);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.DayNotStarted.selector, 95, START + 95 days));
        pool.allowance(address(1), 95);
    }

    // ------------------------------------------------------------------------------------------------
    // Budget fuzz: random commits over random days keep the budget rules
    // ------------------------------------------------------------------------------------------------

    function testFuzz_BudgetRules(uint256 seed) public {
        uint256 firstDay = pool.currentDay();
        for (uint256 i; i < 24; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            vm.warp(block.timestamp + r % 2 days);
            uint256 remaining = pool.remainingBudget();
            uint256 delta = (r >> 64) % 4 == 0 ? remaining + 1 : ((r >> 96) % (remaining + 1));
            uint256 epoch = pool.nextEpoch();
            uint256 cumulative = pool.totalCommitted() + delta;
            if (delta > remaining) {
                vm.expectRevert(abi.encodeWithSelector(IComputePool.OverBudget.selector, delta, remaining));
            }
            vm.prank(keeper);
            pool.commitRoot(epoch, bytes32(r), cumulative, bytes32(0), 0, block.timestamp, bytes32(0), "");
            if ((r >> 128) % 6 == 0 && pool.nextEpoch() > 0) {
                uint256 last = pool.nextEpoch() - 1;
                (,, uint64 at) = pool.epochInfo(last);
                if (at > block.timestamp) {
                    (bytes32 vetoed6,, uint64 vetoed6At) = pool.epochInfo(last);
                    vm.prank(guardian);
                    pool.vetoRoot(last, vetoed6, vetoed6At);
                }
            }
            assertLe(pool.totalCommitted(), pool.computeAccrued(block.timestamp));
        }
        for (uint256 d = firstDay; d <= pool.currentDay(); ++d) {
            assertLe(pool.committedOn(d), pool.budget(d));
        }
    }
}
