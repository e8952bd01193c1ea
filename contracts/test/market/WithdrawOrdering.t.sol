// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {DepositsTest} from "./Deposits.t.sol";
import {MerkleTestLib} from "./MerkleTestLib.sol";
import {IComputePool} from "../../src/interfaces/IComputePool.sol";

/// @dev Money review: a withdrawal paid while a pending epoch spends the withdrawer's deposit.
contract WithdrawOrderingTest is DepositsTest {
    /// @dev Two depositors. The keeper commits, late (past the user's withdrawal delay), an epoch whose spend
    ///      charges 70 to `user` for sessions it had before its request. While that epoch is pending, `user`
    ///      withdraws: the pool checks its spend against the claimable root only (nothing) and the global
    ///      `totalDeposits >= totalSpent()` only, which `other`'s deposit satisfies, so it pays `user` its whole
    ///      100. Once the epoch is claimable, `other`, who spent nothing, must still get its whole deposit back.
    function test_Withdraw_PendingSpendOfAnotherDepositor_OtherKeepsItsDeposit() public {
        _deposit(user, 100e18);
        _deposit(other, 100e18);
        vm.prank(user);
        pool.requestWithdrawal(100e18, 0, _noProof());
        skip(WITHDRAWAL_DELAY);
        _commitSpend(70e18, 70e18, 0, 0); // late, pending: user's sessions from before its request
        vm.prank(user);
        uint256 paidUser = pool.withdraw(0, _noProof());
        assertLe(paidUser, 30e18, "user is paid back MOR its pending sessions spent");
        skip(WINDOW);
        vm.prank(other);
        pool.requestWithdrawal(100e18, 0, MerkleTestLib.proof(_spendTree(70e18, 0, 0), 1));
        skip(WITHDRAWAL_DELAY);
        vm.prank(other);
        assertEq(
            pool.withdraw(0, MerkleTestLib.proof(_spendTree(70e18, 0, 0), 1)),
            100e18,
            "other loses what user's sessions cost"
        );
    }
}

/// @dev Money review: a deposit made after the newest committed epoch, in a market where no epoch follows.
contract WithdrawIdleMarketTest is DepositsTest {
    /// @dev `other` spent 50 in epoch 0, whose spend tree therefore lists `other` alone (the keeper's tree is
    ///      every depositor as of the epoch's cutoff). Later `user` deposits 100, spends nothing and asks for it
    ///      back. No session is settled anywhere after that, so no epoch is committed and the claimable spend tree
    ///      stays epoch 0's, which has no leaf for `user`: its deposit must still come back in full.
    function test_Withdraw_DepositAfterNewestEpoch_IdleMarket_PaysInFull() public {
        _deposit(other, 100e18);
        address[] memory who = new address[](1);
        who[0] = other;
        uint256[] memory x = new uint256[](1);
        x[0] = 50e18;
        bytes32[][] memory tree = MerkleTestLib.build(who, x);
        vm.prank(keeper);
        pool.commitRoot(
            0, _creditRoot(50e18), 50e18, MerkleTestLib.root(tree), 50e18, block.timestamp, bytes32(0), "ipfs://batch"
        );
        skip(WINDOW);

        _deposit(user, 100e18);
        vm.prank(user);
        pool.requestWithdrawal(100e18, 0, _noProof());
        skip(WITHDRAWAL_DELAY);
        vm.prank(user);
        assertEq(pool.withdraw(0, _noProof()), 100e18, "an unspent deposit is locked until another epoch");
    }

    /// @dev The keeper reads the deposits at `readAt` (`other` alone, who spent 50), and `user` deposits 100
    ///      after that read but before the commit. Epoch 0's tree has no leaf for `user`, and no epoch follows:
    ///      `user` requests and withdraws its whole deposit with no proof. Before, the pool asked for a proof in
    ///      every root committed after the deposit: `user` could neither request nor withdraw until a later epoch
    ///      listed it, and in an idle market (no new credit, so no commit) never.
    function test_Withdraw_DepositBetweenReadAndCommit_IdleMarket_PaysInFull() public {
        _deposit(other, 100e18);
        uint256 readAt = block.timestamp;
        address[] memory who = new address[](1);
        who[0] = other;
        uint256[] memory x = new uint256[](1);
        x[0] = 50e18;
        bytes32[][] memory tree = MerkleTestLib.build(who, x);
        skip(60);
        _deposit(user, 100e18); // after the read, before the commit
        skip(60);
        vm.prank(keeper);
        pool.commitRoot(
            0, _creditRoot(50e18), 50e18, MerkleTestLib.root(tree), 50e18, readAt, bytes32(0), "ipfs://batch"
        );
        skip(WINDOW);

        vm.prank(user);
        pool.requestWithdrawal(100e18, 0, _noProof());
        skip(WITHDRAWAL_DELAY);
        vm.prank(user);
        assertEq(pool.withdraw(0, _noProof()), 100e18, "a deposit made after the epoch's read is not locked");
        // `other`, in the read, still proves its leaf.
        vm.prank(other);
        vm.expectRevert();
        pool.requestWithdrawal(50e18, 0, _noProof());
    }

    /// @dev A read stated after the commit's own block is refused: every depositor before it would need a leaf.
    function test_Commit_DepositsReadAfterCommit_Reverts() public {
        _deposit(other, 100e18);
        vm.prank(keeper);
        vm.expectRevert(
            abi.encodeWithSelector(IComputePool.DepositsReadAfterCommit.selector, block.timestamp + 1, block.timestamp)
        );
        pool.commitRoot(0, _creditRoot(0), 0, bytes32(0), 0, block.timestamp + 1, bytes32(0), "");
    }
}

/// @dev Review of the per-epoch deposit read: spend leaves carry over from epoch to epoch, so an epoch stating an
///      earlier read than the one before it must not let a user charged before take its spend back.
contract WithdrawReadRegressTest is DepositsTest {
    /// @dev Epoch 0 reads the deposits at `readAt0` (after `user` funded at `fundedAt`) and charges `user` 50 of its
    ///      100; epoch 1 keeps the spend (its leaves are epoch 0's) and states `readAt1`, which may be before
    ///      `fundedAt`. Then `user` and `other` withdraw: `user` must prove its 50, and `other` gets its 100 back.
    function _regress(uint256 readAt1) internal {
        _deposit(other, 100e18);
        skip(60);
        _deposit(user, 100e18);
        uint256 fundedAt = block.timestamp;
        skip(60);
        vm.prank(keeper);
        pool.commitRoot(
            0, _creditRoot(50e18), 50e18, MerkleTestLib.root(_spendTree(50e18, 0, 0)), 50e18, block.timestamp, 0, ""
        );
        skip(60);
        assertLt(readAt1, fundedAt, "the regressed read is before the user's funding");
        // Same spend tree (no deposit-paid session charged), a credit tree moved between provider and builder.
        address[] memory a = new address[](2);
        a[0] = provider;
        a[1] = builder;
        uint256[] memory x = new uint256[](2);
        x[0] = 40e18;
        x[1] = 10e18;
        vm.prank(keeper);
        pool.commitRoot(
            1,
            MerkleTestLib.root(MerkleTestLib.build(a, x)),
            50e18,
            MerkleTestLib.root(_spendTree(50e18, 0, 0)),
            50e18,
            readAt1,
            bytes32(uint256(1)),
            ""
        );
        skip(WINDOW);

        // Without a proof `user` would be taken to have spent nothing in epoch 1.
        vm.prank(user);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.InvalidSpendProof.selector, user, 0));
        pool.requestWithdrawal(100e18, 0, _noProof());
        vm.prank(user);
        pool.requestWithdrawal(100e18, 50e18, _userProof(50e18, 0, 0));
        vm.prank(other);
        pool.requestWithdrawal(100e18, 0, MerkleTestLib.proof(_spendTree(50e18, 0, 0), 1));
        (, uint64 readyAt) = pool.pendingWithdrawal(user);
        vm.warp(readyAt);
        vm.prank(user);
        assertEq(pool.withdraw(50e18, _userProof(50e18, 0, 0)), 50e18, "user takes back the 50 it spent");
        vm.prank(other);
        assertEq(
            pool.withdraw(0, MerkleTestLib.proof(_spendTree(50e18, 0, 0), 1)), 100e18, "other pays for user's spend"
        );
        (,, uint64 kept) = pool.spendInfo(1);
        assertGe(kept, fundedAt, "epoch 1 keeps at least epoch 0's read");
    }

    /// @dev An honest keeper in hold mode: withdrawals kept outrunning its read, so it reads as of the cutoff minus
    ///      one second of held-back sessions (older than epoch 0's read at the newest withdrawal) and charges no
    ///      deposit. Before the floor, epoch 1 kept that read, `user` (funded between the two reads) needed no
    ///      proof in it, withdrew its whole 100 and `other`'s withdraw reverted DepositsBelowSpend.
    function test_Withdraw_HoldModeReadBeforePreviousRead_ChargedUserProves() public {
        uint256 start = block.timestamp;
        _regress(start + 30); // the cutoff of held-back sessions, between other's and user's deposits
    }

    /// @dev A hostile keeper states a read of 0 in an epoch whose every leaf is honest: before the floor, every
    ///      depositor needed no proof in it and `user` took back its spend.
    function test_Withdraw_HostileReadOfZero_ChargedUserProves() public {
        _regress(0);
    }

    /// @dev A vetoed epoch's read does not raise the floor of its recommit: the floor is the live epoch before it.
    function test_Veto_VetoedReadDoesNotRaiseTheFloor() public {
        _deposit(other, 100e18);
        uint256 readAt0 = block.timestamp;
        _commitSpend(10e18, 0, 10e18, 0);
        skip(100);
        _commitSpend(20e18, 0, 20e18, 0); // read at now
        (bytes32 vetoed8,, uint64 vetoed8At) = pool.epochInfo(1);
        vm.prank(guardian);
        pool.vetoRoot(1, vetoed8, vetoed8At);
        skip(1);
        _deposit(user, 100e18);
        // Recommitted with a read before the vetoed epoch's, after epoch 0's: it keeps the stated read.
        vm.prank(keeper);
        pool.commitRoot(
            1, _creditRoot(15e18), 15e18, MerkleTestLib.root(_spendTree(0, 15e18, 0)), 15e18, readAt0 + 50, 0, ""
        );
        (,, uint64 kept) = pool.spendInfo(1);
        assertEq(kept, readAt0 + 50, "the vetoed epoch's read raised the floor");
    }
}
