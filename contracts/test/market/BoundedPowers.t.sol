// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {Emissions} from "../../src/Emissions.sol";
import {MORToken} from "../../src/MORToken.sol";
import {ComputePool} from "../../src/ComputePool.sol";
import {IComputePool} from "../../src/interfaces/IComputePool.sol";
import {ModelRegistry} from "../../src/ModelRegistry.sol";
import {IModelRegistry} from "../../src/interfaces/IModelRegistry.sol";
import {IEmissions} from "../../src/interfaces/IEmissions.sol";
import {ComputeSink, ComputeSinkLib} from "../ComputeSink.sol";
import {MarketFixture} from "./MarketFixture.sol";
import {MerkleTestLib} from "./MerkleTestLib.sol";

/// @notice One regression test per row of the review (issue #14) that the code before the fix failed; the rows
///         tested elsewhere are named in the report: F1 ComputePool.t.sol test_Claim_OlderRootProofNeverPays,
///         F3 Marketplace.t.sol test_Slash_CappedPerEvent / test_ProtectionFund_NotRedirectable, F8
///         Marketplace.t.sol test_Signer_UniqueAcrossProviders / test_Unstaked_NoBidInForce, F5/F10 and the
///         timelock DeployScript.t.sol.
contract BoundedPowersTest is MarketFixture {
    /// @dev F2: the admin, even holding every role, cannot shorten the window below its floor nor raise the
    ///      budget share above its ceiling, so a root worth the whole balance can neither be committed nor
    ///      claimed before the guardian can veto it.
    function test_F2_AdminWithEveryRole_CannotDrainThePool() public {
        vm.startPrank(admin);
        pool.grantRole(pool.KEEPER_ROLE(), admin);
        pool.grantRole(pool.GUARDIAN_ROLE(), admin);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.InvalidDisputeWindow.selector, 0));
        pool.setDisputeWindow(0);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.InvalidDisputeWindow.selector, WINDOW - 1));
        pool.setDisputeWindow(WINDOW - 1);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.InvalidBudgetBps.selector, 10_000));
        pool.setBudgetBps(10_000);
        pool.setBudgetBps(MAX_BUDGET_BPS); // the ceiling itself, from tomorrow

        uint256 balance = pool.computeBalance(pool.currentDay());
        bytes32 root = MerkleTestLib.leaf(admin, balance);
        uint256 remaining = pool.remainingBudget();
        vm.expectRevert(abi.encodeWithSelector(IComputePool.OverBudget.selector, balance, remaining));
        pool.commitRoot(0, root, balance, bytes32(0), 0, block.timestamp, bytes32(0), "");
        vm.stopPrank();

        // Tomorrow at the ceiling: at most 10% of the balance, and not claimable within the window.
        vm.warp(block.timestamp + DAY);
        uint256 ceiling = pool.computeBalance(pool.currentDay()) * MAX_BUDGET_BPS / 10_000;
        assertEq(pool.remainingBudget(), ceiling);
        root = MerkleTestLib.leaf(admin, ceiling);
        vm.prank(admin);
        pool.commitRoot(0, root, ceiling, bytes32(0), 0, block.timestamp, bytes32(0), "");
        vm.expectRevert(IComputePool.NoClaimableRoot.selector);
        pool.claim(admin, ceiling, new bytes32[](0));
        (bytes32 vetoed7,, uint64 vetoed7At) = pool.epochInfo(0);
        vm.prank(guardian); // the real guardian vetoes within the window
        pool.vetoRoot(0, vetoed7, vetoed7At);
        vm.warp(block.timestamp + WINDOW);
        vm.expectRevert(IComputePool.NoClaimableRoot.selector);
        pool.claim(admin, ceiling, new bytes32[](0));
        assertEq(mor.balanceOf(admin), 0);
        assertEq(pool.minDisputeWindow(), WINDOW);
        assertEq(pool.maxBudgetBps(), MAX_BUDGET_BPS);
    }

    /// @dev F4: MOR borrowed in the block at dayStart(d) and repaid a second later earns nothing on day d;
    ///      a holder of a whole day keeps its share.
    function test_F4_BorrowAroundDayStart_EarnsNothing() public {
        address holder = makeAddr("holder");
        address borrower = makeAddr("borrower");
        address steady = makeAddr("steady");
        _fund(holder, 10_000e18);
        _fund(steady, 10_000e18);
        vm.prank(holder);
        mor.delegate(holder);
        vm.prank(borrower);
        mor.delegate(borrower);
        vm.prank(steady);
        mor.delegate(steady);

        uint256 d = pool.currentDay() + 2;
        vm.warp(pool.dayStart(d)); // the borrow lands in the block at the day start
        vm.prank(holder);
        require(mor.transfer(borrower, 10_000e18), "lend");
        vm.warp(block.timestamp + 1);
        vm.prank(borrower);
        require(mor.transfer(holder, 10_000e18), "repay");
        vm.warp(block.timestamp + 1);

        assertEq(pool.allowance(borrower, d), 0, "borrowed for one second");
        uint256 supply = mor.getPastTotalSupply(pool.dayStart(d));
        assertEq(pool.allowance(steady, d), pool.budget(d) * 10_000e18 / supply, "held all day");
        assertGt(pool.allowance(steady, d), 0);
        // The lender did not hold at the day start either: a vote counts only when held a whole day.
        assertEq(pool.allowance(holder, d), 0);
        assertEq(
            pool.allowance(holder, d - 1), pool.budget(d - 1) * 10_000e18 / mor.getPastTotalSupply(pool.dayStart(d - 1))
        );
    }

    /// @dev F5: the compute bucket is never minted to an address that is not its pool: the constructor refuses
    ///      a compute recipient, binding needs the binder and a contract funded by this schedule, once.
    function test_F5_ComputeBucketOnlyToItsPool() public {
        address[5] memory r = _noCompute();
        r[3] = makeAddr("predicted");
        vm.expectRevert(Emissions.ComputeRecipientFixed.selector);
        new Emissions(admin, START, DAY, r);

        Emissions em2 = new Emissions(admin, START, DAY, _noCompute());
        vm.expectRevert(abi.encodeWithSelector(Emissions.NotComputePool.selector, makeAddr("eoa")));
        em2.bindComputePool(makeAddr("eoa"));
        ComputeSink elsewhere = new ComputeSink(address(em)); // funded by another schedule
        vm.expectRevert(abi.encodeWithSelector(Emissions.NotComputePool.selector, address(elsewhere)));
        em2.bindComputePool(address(elsewhere));
        ComputePool pool2 = new ComputePool(
            IEmissions(address(em2)), admin, WINDOW, MAX_BUDGET_BPS, LAG, WITHDRAWAL_DELAY, SPEND_CAP, WITHDRAW_WINDOW
        );
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(Emissions.NotBinder.selector, admin));
        em2.bindComputePool(address(pool2));

        // Unbound, the compute bucket accrues and nothing of it is minted.
        em2.release();
        assertEq(em2.released(3), 0);
        assertEq(em2.recipients(3), address(0));
        em2.bindComputePool(address(pool2));
        vm.expectRevert(Emissions.ComputeRecipientFixed.selector);
        em2.bindComputePool(address(pool2));
        vm.warp(block.timestamp + 1);
        em2.release();
        assertEq(em2.token().balanceOf(address(pool2)), em2.bucketEmittedUntil(3, block.timestamp));
    }

    /// @dev F6: after 2,000 tail epochs with a burn in each (1 s devnet days), a view and release cost O(1).
    function test_F6_TailCostIsConstant() public {
        Emissions em2 = new Emissions(admin, block.timestamp, 1, _noCompute());
        ComputeSinkLib.bind(em2);
        uint256 epochLength = em2.EPOCH_DAYS();
        vm.warp(block.timestamp + epochLength - 10);
        em2.release();
        address holder = recipients[0];
        MORToken mor2 = em2.token();
        for (uint256 e; e < 2_000; ++e) {
            vm.warp(block.timestamp + epochLength);
            vm.prank(holder);
            mor2.burn(1e18);
        }
        vm.warp(block.timestamp + 1);
        uint256 g = gasleft();
        em2.releasable();
        uint256 viewGas = g - gasleft();
        g = gasleft();
        em2.release();
        uint256 releaseGas = g - gasleft();
        assertLt(viewGas, 100_000, "releasable");
        assertLt(releaseGas, 300_000, "release");
        assertEq(em2.tailEmission(1_000), 0.5e18); // half of one epoch's burn
        assertEq(em2.token().totalSupply() + em2.token().totalBurned(), _released(em2));
    }

    /// @dev F7: claiming a name burns the name fee (further tags are free); no one can take it away.
    function test_F7_NameClaimBurnsFee() public {
        uint256 fee = 100e18;
        ModelRegistry reg = new ModelRegistry(ERC20Burnable(address(mor)), fee);
        address squatter = makeAddr("squatter");
        _fund(squatter, 150e18);
        vm.prank(squatter);
        mor.approve(address(reg), type(uint256).max);
        uint256 burnedBefore = mor.totalBurned();
        _registerNewName(reg, squatter, "llama", "v1", keccak256("w"), 2_000, IModelRegistry.Kind.Model);
        vm.startPrank(squatter);
        reg.register("llama", "v2", keccak256("w2"), 2_000, IModelRegistry.Kind.Agent, 0); // same name: free
        assertEq(mor.totalBurned() - burnedBefore, fee);
        reg.commitName(reg.nameCommitment("mistral", squatter, 0));
        vm.roll(block.number + 1);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, squatter, 50e18, fee));
        reg.register("mistral", "v1", keccak256("m"), 2_000, IModelRegistry.Kind.Model, 0);
        vm.stopPrank();
        assertEq(reg.nameOwner("mistral"), address(0));
        (,,,, IModelRegistry.Kind kind) = reg.model(reg.computeModelId("llama", "v2"));
        assertEq(uint8(kind), uint8(IModelRegistry.Kind.Agent));
        vm.expectRevert(IModelRegistry.ZeroAddress.selector);
        new ModelRegistry(ERC20Burnable(address(0)), fee);
    }

    function _noCompute() internal view returns (address[5] memory r) {
        r = recipients;
        r[3] = address(0);
    }

    function _released(Emissions e) internal view returns (uint256 sum) {
        for (uint8 b; b < 5; ++b) {
            sum += e.released(b);
        }
    }
}

