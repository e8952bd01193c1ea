// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {ComputePool} from "../../src/ComputePool.sol";
import {IComputePool} from "../../src/interfaces/IComputePool.sol";
import {IEmissions} from "../../src/interfaces/IEmissions.sol";
import {MarketFixture} from "./MarketFixture.sol";
import {MerkleTestLib} from "./MerkleTestLib.sol";

/// @notice ComputePool deposits (PROTOCOL §4 "Paid usage"): deposit, the permit variant, withdrawal requests,
///         withdrawals bounded by the spend proved against the newest claimable spend root, deposit-funded
///         credits paid through `claim` outside the budget, and the keeper's and user's dishonest moves.
contract DepositsTest is MarketFixture {
    bytes32 internal constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");

    address internal user;
    uint256 internal userKey;
    address internal other; // a second depositor
    address internal provider; // credited from the deposits
    address internal stranger; // never deposits
    address internal builder; // the model builder, credited nothing here
    uint256 internal base; // the pool's compute emissions, released while funding the users

    function setUp() public override {
        super.setUp();
        (user, userKey) = makeAddrAndKey("user");
        other = makeAddr("other");
        provider = makeAddr("provider");
        stranger = makeAddr("stranger");
        builder = makeAddr("builder");
        _fund(user, 1_000e18);
        _fund(other, 1_000e18);
        base = mor.balanceOf(address(pool));
    }

    // ---- helpers ----

    function _deposit(address who, uint256 amount) internal {
        vm.startPrank(who);
        mor.approve(address(pool), amount);
        pool.deposit(amount);
        vm.stopPrank();
    }

    /// @dev Spend tree over (user, other, stranger) with these cumulative spends.
    function _spendTree(uint256 u, uint256 o, uint256 s) internal view returns (bytes32[][] memory) {
        address[] memory who = new address[](3);
        who[0] = user;
        who[1] = other;
        who[2] = stranger;
        uint256[] memory x = new uint256[](3);
        x[0] = u;
        x[1] = o;
        x[2] = s;
        return MerkleTestLib.build(who, x);
    }

    /// @dev Commits the next epoch: `provider` credited `credit` cumulatively, the spend tree (u, o, s).
    function _commitSpend(uint256 credit, uint256 u, uint256 o, uint256 s) internal returns (uint256 epoch) {
        epoch = pool.nextEpoch();
        bytes32 spendRoot = u + o + s == 0 ? bytes32(0) : MerkleTestLib.root(_spendTree(u, o, s));
        vm.prank(keeper);
        pool.commitRoot(
            epoch, _creditRoot(credit), credit, spendRoot, u + o + s, block.timestamp, bytes32(epoch), "ipfs://batch"
        );
    }

    function _creditRoot(uint256 credit) internal view returns (bytes32) {
        address[] memory a = new address[](2);
        a[0] = provider;
        a[1] = builder;
        uint256[] memory x = new uint256[](2);
        x[0] = credit;
        return MerkleTestLib.root(MerkleTestLib.build(a, x));
    }

    function _creditProof(uint256 credit) internal view returns (bytes32[] memory) {
        address[] memory a = new address[](2);
        a[0] = provider;
        a[1] = builder;
        uint256[] memory x = new uint256[](2);
        x[0] = credit;
        return MerkleTestLib.proof(MerkleTestLib.build(a, x), 0);
    }

    function _userProof(uint256 u, uint256 o, uint256 s) internal view returns (bytes32[] memory) {
        return MerkleTestLib.proof(_spendTree(u, o, s), 0);
    }

    function _permit(uint256 amount, uint256 deadline) internal view returns (uint8 v, bytes32 r, bytes32 s) {
        bytes32 structHash =
            keccak256(abi.encode(PERMIT_TYPEHASH, user, address(pool), amount, mor.nonces(user), deadline));
        return vm.sign(userKey, keccak256(abi.encodePacked("\x19\x01", mor.DOMAIN_SEPARATOR(), structHash)));
    }

    // ---- deposit ----

    function test_Deposit() public {
        vm.startPrank(user);
        mor.approve(address(pool), 300e18);
        vm.expectEmit(address(pool));
        emit IComputePool.Deposited(user, 100e18, 100e18);
        pool.deposit(100e18);
        vm.expectEmit(address(pool));
        emit IComputePool.Deposited(user, 200e18, 300e18);
        pool.deposit(200e18);
        vm.stopPrank();
        assertEq(pool.depositOf(user), 300e18);
        assertEq(pool.totalDeposits(), 300e18);
        assertEq(mor.balanceOf(address(pool)) - base, 300e18);
        assertEq(mor.balanceOf(user), 700e18);
    }

    function test_Deposit_Reverts() public {
        vm.prank(user);
        vm.expectRevert(IComputePool.ZeroAmount.selector);
        pool.deposit(0);
        vm.prank(user); // no allowance
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(pool), 0, 1e18)
        );
        pool.deposit(1e18);
    }

    function test_DepositWithPermit_OneSignature() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _permit(100e18, deadline);
        vm.prank(user);
        pool.depositWithPermit(100e18, deadline, v, r, s);
        assertEq(pool.depositOf(user), 100e18);
        assertEq(mor.allowance(user, address(pool)), 0);
        assertEq(mor.nonces(user), 1);
    }

    /// @dev Someone copies the permit from the mempool and submits it first: the deposit still goes through.
    function test_DepositWithPermit_FrontRunPermit_StillDeposits() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _permit(100e18, deadline);
        vm.prank(stranger);
        mor.permit(user, address(pool), 100e18, deadline, v, r, s);
        vm.prank(user);
        pool.depositWithPermit(100e18, deadline, v, r, s);
        assertEq(pool.depositOf(user), 100e18);
    }

    /// @dev A permit signed for someone else's deposit cannot move the user's MOR into the stranger's deposit.
    function test_DepositWithPermit_WrongSigner_Reverts() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _permit(100e18, deadline);
        vm.prank(stranger);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(pool), 0, 100e18)
        );
        pool.depositWithPermit(100e18, deadline, v, r, s);
        assertEq(pool.depositOf(stranger), 0);
        assertEq(mor.balanceOf(user), 1_000e18);
    }

    // ---- requests ----

    function test_RequestWithdrawal_ReplaceAndCancel() public {
        _deposit(user, 100e18);
        vm.startPrank(user);
        vm.expectRevert(IComputePool.ZeroAmount.selector);
        pool.requestWithdrawal(0, 0, _noProof());
        vm.expectRevert(abi.encodeWithSelector(IComputePool.ExceedsDeposit.selector, 101e18, 100e18));
        pool.requestWithdrawal(101e18, 0, _noProof());
        vm.expectEmit(address(pool));
        emit IComputePool.WithdrawalRequested(user, 40e18, uint64(block.timestamp + WITHDRAWAL_DELAY));
        pool.requestWithdrawal(40e18, 0, _noProof());
        skip(1 days);
        pool.requestWithdrawal(60e18, 0, _noProof()); // replaces the request and restarts the clock
        (uint256 amount, uint64 readyAt) = pool.pendingWithdrawal(user);
        assertEq(amount, 60e18);
        assertEq(readyAt, block.timestamp + WITHDRAWAL_DELAY);
        vm.expectEmit(address(pool));
        emit IComputePool.WithdrawalCancelled(user, 60e18);
        pool.cancelWithdrawal();
        (amount, readyAt) = pool.pendingWithdrawal(user);
        assertEq(amount, 0);
        assertEq(readyAt, 0);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.NoWithdrawalRequested.selector, user));
        pool.cancelWithdrawal();
        vm.expectRevert(abi.encodeWithSelector(IComputePool.NoWithdrawalRequested.selector, user));
        pool.withdraw(0, _noProof());
        vm.stopPrank();
    }

    // ---- withdraw ----

    function test_Withdraw_NothingSpent_PaysRequest() public {
        _deposit(user, 100e18);
        vm.prank(user);
        pool.requestWithdrawal(70e18, 0, _noProof());
        skip(WITHDRAWAL_DELAY);
        vm.prank(user);
        vm.expectEmit(address(pool));
        emit IComputePool.Withdrawn(user, 70e18, 0, 0, 30e18);
        assertEq(pool.withdraw(0, _noProof()), 70e18);
        assertEq(pool.depositOf(user), 30e18);
        assertEq(pool.totalDeposits(), 30e18);
        assertEq(mor.balanceOf(user), 970e18);
    }

    /// @dev Withdrawing twice: the second call finds no request; a new request cannot take the spent part.
    function test_Withdraw_Twice_Reverts() public {
        _deposit(user, 100e18);
        _commitSpend(60e18, 60e18, 0, 0);
        vm.prank(user);
        pool.requestWithdrawal(100e18, 0, _noProof());
        skip(WITHDRAWAL_DELAY);
        bytes32[] memory proof = _userProof(60e18, 0, 0);
        vm.prank(user);
        assertEq(pool.withdraw(60e18, proof), 40e18); // at most deposit minus spend
        vm.prank(user);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.NoWithdrawalRequested.selector, user));
        pool.withdraw(60e18, proof);
        // What is left (60) is exactly the spend: a new request is accepted but pays nothing.
        vm.prank(user);
        pool.requestWithdrawal(60e18, 60e18, proof);
        skip(WITHDRAWAL_DELAY);
        vm.prank(user);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.NothingToWithdraw.selector, user, 60e18, 60e18));
        pool.withdraw(60e18, proof);
    }

    /// @dev Front-running a settlement: the user requests its whole deposit while a session runs, the keeper
    ///      settles it in a pending root; the user cannot withdraw before the delay, and after it the newest
    ///      claimable root charges the session first. Deposited = spent + withdrawn, to the wei; the provider is
    ///      paid from the deposit through the same claim.
    function test_Withdraw_FrontRunningSettlement_PaysOnlyTheRest() public {
        _deposit(user, 100e18);
        _commitSpend(10e18, 10e18, 0, 0); // epoch 0: an earlier session
        skip(WINDOW);
        vm.prank(user);
        pool.requestWithdrawal(100e18, 10e18, _userProof(10e18, 0, 0)); // proves epoch 0's spend
        skip(LAG); // the running session closes and is settled within an epoch
        _commitSpend(70e18, 70e18, 0, 0); // epoch 1, pending
        bytes32[] memory oldProof = _userProof(10e18, 0, 0);

        // Before the delay: refused, whatever proof.
        (, uint64 readyAt) = pool.pendingWithdrawal(user);
        vm.prank(user);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.WithdrawalNotReady.selector, readyAt, block.timestamp));
        pool.withdraw(10e18, oldProof);

        vm.warp(readyAt);
        // A stale proof (epoch 0's lower spend) is refused: only the newest claimable spend root counts.
        vm.prank(user);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.InvalidSpendProof.selector, user, 10e18));
        pool.withdraw(10e18, oldProof);
        vm.prank(user);
        assertEq(pool.withdraw(70e18, _userProof(70e18, 0, 0)), 30e18);

        // The provider is paid the 70 from the deposit; the pool keeps its compute emissions untouched.
        assertEq(mor.balanceOf(address(pool)) - base, 70e18);
        pool.claim(provider, 70e18, _creditProof(70e18));
        assertEq(mor.balanceOf(provider), 70e18);
        assertEq(mor.balanceOf(user), 900e18 + 30e18);
        assertEq(mor.balanceOf(address(pool)), base);
        assertEq(pool.depositOf(user), 70e18); // = its spend: nothing left to withdraw
        assertEq(pool.totalSpent(), 70e18);
    }

    /// @dev A late keeper: the delay is over but the settlement root is still pending. The user's claimable
    ///      proof shows the old spend; the pending epoch's spend is held back, so the payment leaves the user's
    ///      deposit covering what the pending root charges it.
    function test_Withdraw_PendingSpend_HeldBack() public {
        _deposit(user, 100e18);
        vm.prank(user);
        pool.requestWithdrawal(100e18, 0, _noProof());
        skip(WITHDRAWAL_DELAY);
        _commitSpend(70e18, 70e18, 0, 0); // late, pending
        vm.prank(user);
        assertEq(pool.withdraw(0, _noProof()), 30e18);
        assertEq(pool.depositOf(user), 70e18);
        assertEq(pool.totalDeposits(), pool.totalSpent());
        skip(WINDOW);
        vm.prank(user);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.NoWithdrawalRequested.selector, user));
        pool.withdraw(70e18, _userProof(70e18, 0, 0));
    }

    /// @dev Issue 13: the keeper reads the deposits at `readAt`; the user's withdrawal is paid after that read
    ///      and before the commit (late keeper, veto, deferral). A commit raising the spend on the old read
    ///      reverts, whatever it charges; read again at or after the withdrawal, the same commit goes through and
    ///      charges only what the user still holds. A commit that raises no spend needs no fresh read.
    function test_Commit_SpendReadBeforeWithdraw_Reverts() public {
        _deposit(user, 100e18);
        _deposit(other, 100e18);
        vm.prank(user);
        pool.requestWithdrawal(100e18, 0, _noProof());
        skip(WITHDRAWAL_DELAY);
        uint256 readAt = block.timestamp; // the keeper's read: user still holds 100
        skip(1);
        vm.prank(user);
        assertEq(pool.withdraw(0, _noProof()), 100e18);
        assertEq(pool.lastWithdrawAt(), block.timestamp);
        skip(1);

        // The stale read would charge the user's 100 (paid back already) to other's deposit: refused.
        bytes32 spendRoot = MerkleTestLib.root(_spendTree(100e18, 0, 0));
        bytes32 credit = _creditRoot(100e18);
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.StaleDepositsRead.selector, readAt, block.timestamp - 1));
        pool.commitRoot(0, credit, 100e18, spendRoot, 100e18, readAt, bytes32(0), "");
        // Without a spend, any read will do.
        vm.prank(keeper);
        pool.commitRoot(0, _creditRoot(1), 1, bytes32(0), 0, 0, bytes32(0), "");
        // Read again at the withdrawal: the user holds 0, the keeper charges other only.
        bytes32 otherRoot = MerkleTestLib.root(_spendTree(0, 30e18, 0));
        uint256 fresh = pool.lastWithdrawAt();
        vm.prank(keeper);
        pool.commitRoot(1, _creditRoot(30e18 + 1), 30e18 + 1, otherRoot, 30e18, fresh, bytes32(0), "");
        assertEq(pool.totalSpent(), 30e18);
    }

    /// @dev Issue 13, after a veto: the keeper's epoch charging the user is vetoed, the user withdraws its whole
    ///      deposit (nothing is pending any more), and the keeper recommits the same spend on its old read: refused.
    ///      Recommitted on a read at the withdrawal, the user is charged nothing.
    function test_Commit_AfterVetoAndWithdraw_StaleReadReverts() public {
        _deposit(user, 100e18);
        _deposit(other, 100e18);
        vm.prank(user);
        pool.requestWithdrawal(100e18, 0, _noProof());
        skip(WITHDRAWAL_DELAY);
        uint256 readAt = block.timestamp;
        _commitSpend(60e18, 60e18, 0, 0);
        (bytes32 vetoed9,, uint64 vetoed9At) = pool.epochInfo(0);
        vm.prank(guardian);
        pool.vetoRoot(0, vetoed9, vetoed9At);
        skip(1);
        vm.prank(user);
        assertEq(pool.withdraw(0, _noProof()), 100e18);
        bytes32 spendRoot = MerkleTestLib.root(_spendTree(60e18, 0, 0));
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.StaleDepositsRead.selector, readAt, block.timestamp));
        pool.commitRoot(0, _creditRoot(60e18 + 1), 60e18 + 1, spendRoot, 60e18, readAt, bytes32(0), "");
        vm.prank(keeper);
        pool.commitRoot(
            0, _creditRoot(5e18), 5e18, MerkleTestLib.root(_spendTree(0, 5e18, 0)), 5e18, block.timestamp, 0, ""
        );
        assertEq(pool.totalDeposits(), 100e18);
        assertEq(pool.totalSpent(), 5e18);
    }

    /// @dev Issue 13, during a spend-cap deferral: an epoch commits without the deferred deposit charge (no spend
    ///      rise: any read will do), the user withdraws, and a later epoch brings the deferred charge on the
    ///      read made before the withdrawal: refused.
    function test_Commit_DeferredSpendAfterWithdraw_StaleReadReverts() public {
        _deposit(user, 100e18);
        _deposit(other, 100e18);
        vm.prank(user);
        pool.requestWithdrawal(100e18, 0, _noProof());
        skip(WITHDRAWAL_DELAY);
        uint256 readAt = block.timestamp;
        vm.prank(keeper);
        pool.commitRoot(0, _creditRoot(1), 1, bytes32(0), 0, readAt, bytes32(0), ""); // the charge deferred
        skip(1);
        vm.prank(user);
        assertEq(pool.withdraw(0, _noProof()), 100e18);
        skip(1 days); // a later day's cap
        bytes32 spendRoot = MerkleTestLib.root(_spendTree(60e18, 0, 0));
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.StaleDepositsRead.selector, readAt, readAt + 1));
        pool.commitRoot(1, _creditRoot(60e18 + 1), 60e18 + 1, spendRoot, 60e18, readAt, bytes32(0), "");
        assertEq(pool.totalSpent(), 0);
    }

    /// @dev Fuzz: a spend-raising commit goes through exactly when its read is no earlier than the newest
    ///      withdrawal.
    function testFuzz_Commit_ReadMustFollowWithdrawals(uint256 readAt, uint256 gap) public {
        _deposit(user, 100e18);
        _deposit(other, 100e18);
        vm.prank(user);
        pool.requestWithdrawal(100e18, 0, _noProof());
        skip(WITHDRAWAL_DELAY);
        vm.prank(user);
        pool.withdraw(0, _noProof());
        uint256 withdrawnAt = block.timestamp;
        skip(bound(gap, 0, 30 days));
        readAt = bound(readAt, 0, block.timestamp + 30 days);
        bytes32 spendRoot = MerkleTestLib.root(_spendTree(0, 10e18, 0));
        bool ok = readAt >= withdrawnAt && readAt <= block.timestamp;
        if (readAt > block.timestamp) {
            vm.expectRevert(
                abi.encodeWithSelector(IComputePool.DepositsReadAfterCommit.selector, readAt, block.timestamp)
            );
        } else if (!ok) {
            vm.expectRevert(abi.encodeWithSelector(IComputePool.StaleDepositsRead.selector, readAt, withdrawnAt));
        }
        vm.prank(keeper);
        pool.commitRoot(0, _creditRoot(10e18), 10e18, spendRoot, 10e18, readAt, bytes32(0), "");
        assertEq(pool.totalSpent(), ok ? 10e18 : 0);
    }

    // ---- the keeper's spend ----

    /// @dev Deposit-funded credits never draw on the budget: with the whole day's budget committed, the keeper
    ///      still commits credits paid from deposits; the allowance-funded part alone counts for the budget.
    function test_Commit_DepositFundedOutsideBudget() public {
        _deposit(user, 500e18);
        uint256 budget = pool.remainingBudget();
        uint256 epoch = _commitSpend(budget + 300e18, 300e18, 0, 0);
        assertEq(pool.remainingBudget(), 0);
        assertEq(pool.totalCommitted(), budget + 300e18);
        assertEq(pool.totalSpent(), 300e18);
        assertEq(pool.totalFromBudget(), budget);
        assertEq(pool.committedOn(pool.currentDay()), budget);
        (bytes32 spendRoot, uint256 spent, uint64 readAt) = pool.spendInfo(epoch);
        assertEq(spendRoot, MerkleTestLib.root(_spendTree(300e18, 0, 0)));
        assertEq(spent, 300e18);
        assertEq(readAt, block.timestamp);
        // One more wei from the budget is over it; more deposit-funded credit is not.
        vm.startPrank(keeper);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.OverBudget.selector, 1, 0));
        pool.commitRoot(
            1,
            _creditRoot(budget + 300e18 + 1),
            budget + 300e18 + 1,
            MerkleTestLib.root(_spendTree(300e18, 0, 0)),
            300e18,
            block.timestamp,
            0,
            ""
        );
        vm.stopPrank();
        _commitSpend(budget + 400e18, 400e18, 0, 0);
    }

    function test_Commit_EmitsSpend() public {
        _deposit(user, 500e18);
        bytes32 spendRoot = MerkleTestLib.root(_spendTree(30e18, 0, 0));
        vm.expectEmit(address(pool));
        emit IComputePool.SpendCommitted(0, spendRoot, 30e18, 30e18);
        _commitSpend(50e18, 30e18, 0, 0);
    }

    /// @dev A root that spends more than was deposited is refused.
    function test_Commit_SpendAboveDeposits_Reverts() public {
        _deposit(user, 100e18);
        bytes32 spendRoot = MerkleTestLib.root(_spendTree(101e18, 0, 0));
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.SpendExceedsDeposits.selector, 101e18, 100e18));
        pool.commitRoot(0, _creditRoot(101e18), 101e18, spendRoot, 101e18, block.timestamp, 0, "");
    }

    /// @dev A keeper commits a spend for a user who never deposited. With no deposit to hide in, it is refused.
    ///      With other users' deposits the contract cannot tell (leaves are per user): the batch file shows it,
    ///      the guardian vetoes within the window, and the spend returns to what it was; the stranger has no
    ///      deposit to withdraw at any point.
    function test_Commit_SpendForNonDepositor() public {
        bytes32 spendRoot = MerkleTestLib.root(_spendTree(0, 0, 50e18));
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.SpendExceedsDeposits.selector, 50e18, 0));
        pool.commitRoot(0, _creditRoot(50e18), 50e18, spendRoot, 50e18, block.timestamp, 0, "");

        _deposit(user, 100e18);
        _deposit(other, 100e18);
        _commitSpend(20e18, 20e18, 0, 0);
        uint256 epoch = _commitSpend(70e18, 20e18, 0, 50e18); // the stranger "spent" 50
        assertEq(pool.totalSpent(), 70e18);
        (bytes32 vetoed10,, uint64 vetoed10At) = pool.epochInfo(epoch);
        vm.prank(guardian);
        pool.vetoRoot(epoch, vetoed10, vetoed10At);
        assertEq(pool.totalSpent(), 20e18);
        assertEq(pool.totalCommitted(), 20e18);
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.ExceedsDeposit.selector, 1, 0));
        pool.requestWithdrawal(1, 0, _noProof());
        // Both honest users get everything they did not spend.
        vm.prank(user);
        pool.requestWithdrawal(100e18, 0, _noProof());
        vm.prank(other);
        pool.requestWithdrawal(100e18, 0, _noProof());
        skip(WITHDRAWAL_DELAY);
        vm.prank(user);
        assertEq(pool.withdraw(20e18, _userProof(20e18, 0, 0)), 80e18);
        vm.prank(other);
        assertEq(pool.withdraw(0, MerkleTestLib.proof(_spendTree(20e18, 0, 0), 1)), 100e18);
    }

    function test_Commit_SpendRules_Revert() public {
        _deposit(user, 500e18);
        bytes32 spendRoot = MerkleTestLib.root(_spendTree(30e18, 0, 0));
        vm.startPrank(keeper);
        // Zero root with a spend, a root without one.
        vm.expectRevert(abi.encodeWithSelector(IComputePool.SpendRootMismatch.selector, bytes32(0), 30e18));
        pool.commitRoot(0, _creditRoot(50e18), 50e18, bytes32(0), 30e18, block.timestamp, 0, "");
        vm.expectRevert(abi.encodeWithSelector(IComputePool.SpendRootMismatch.selector, spendRoot, 0));
        pool.commitRoot(0, _creditRoot(50e18), 50e18, spendRoot, 0, block.timestamp, 0, "");
        // More deposit-funded than the credit delta (the budget-funded total would fall).
        vm.expectRevert(abi.encodeWithSelector(IComputePool.DepositFundedExceedsDelta.selector, 30e18, 20e18));
        pool.commitRoot(0, _creditRoot(20e18), 20e18, spendRoot, 30e18, block.timestamp, 0, "");
        pool.commitRoot(0, _creditRoot(50e18), 50e18, spendRoot, 30e18, block.timestamp, 0, "");
        // Spend never falls.
        bytes32 lower = MerkleTestLib.root(_spendTree(29e18, 0, 0));
        vm.expectRevert(abi.encodeWithSelector(IComputePool.CumulativeSpentDecreased.selector, 29e18, 30e18));
        pool.commitRoot(1, _creditRoot(60e18), 60e18, lower, 29e18, block.timestamp, 0, "");
        vm.stopPrank();
    }

    // ---- withdrawal delay bounds (PROTOCOL §10) ----

    /// @dev The shortest delay the fixture's pool could take: settlementLag + withdrawalWindow + disputeWindow + 1.
    uint32 internal constant DELAY_BOUND = LAG + WITHDRAW_WINDOW + WINDOW;

    function test_WithdrawalDelay_Bounds() public {
        assertEq(pool.settlementLag(), LAG);
        assertEq(pool.minWithdrawalDelay(), WITHDRAWAL_DELAY);
        assertEq(pool.withdrawalDelay(), WITHDRAWAL_DELAY);
        IEmissions e = IEmissions(address(em));
        vm.expectRevert(abi.encodeWithSelector(IComputePool.InvalidWithdrawalDelay.selector, 91 days));
        new ComputePool(e, admin, WINDOW, MAX_BUDGET_BPS, LAG, 91 days, SPEND_CAP, WITHDRAW_WINDOW);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.InvalidWithdrawalDelay.selector, 0));
        new ComputePool(e, admin, WINDOW, MAX_BUDGET_BPS, 0, WITHDRAWAL_DELAY, SPEND_CAP, WITHDRAW_WINDOW);

        vm.startPrank(admin);
        // Admins cannot shorten the delay below its deployment floor.
        vm.expectRevert(abi.encodeWithSelector(IComputePool.InvalidWithdrawalDelay.selector, WITHDRAWAL_DELAY - 1));
        pool.setWithdrawalDelay(WITHDRAWAL_DELAY - 1);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.InvalidWithdrawalDelay.selector, 90 days + 1));
        pool.setWithdrawalDelay(90 days + 1);
        vm.expectEmit(address(pool));
        emit IComputePool.WithdrawalDelaySet(40 days);
        pool.setWithdrawalDelay(40 days);
        pool.setWithdrawalDelay(WITHDRAWAL_DELAY);
        vm.stopPrank();
        vm.prank(keeper);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, keeper, bytes32(0))
        );
        pool.setWithdrawalDelay(40 days);
    }

    /// @dev The money hole of a withdrawal window longer than the delay leaves: the constructor takes no delay up to
    ///      settlementLag + withdrawalWindow + disputeWindow (a request could be paid inside the window a withdrawal
    ///      stream holds its served sessions back in, before they are charged), whoever deploys; one second more
    ///      is taken. The old bound, settlementLag + disputeWindow, is far below it.
    function test_Constructor_DelayMustExceedLagPlusWindowPlusDispute() public {
        IEmissions e = IEmissions(address(em));
        bytes memory tooShort = abi.encodeWithSelector(
            IComputePool.WithdrawalDelayTooShort.selector, DELAY_BOUND, LAG, WITHDRAW_WINDOW, WINDOW
        );
        vm.expectRevert(tooShort);
        new ComputePool(e, admin, WINDOW, MAX_BUDGET_BPS, LAG, DELAY_BOUND, SPEND_CAP, WITHDRAW_WINDOW);
        vm.expectRevert(
            abi.encodeWithSelector(
                IComputePool.WithdrawalDelayTooShort.selector, LAG + WINDOW + 1, LAG, WITHDRAW_WINDOW, WINDOW
            )
        );
        new ComputePool(e, admin, WINDOW, MAX_BUDGET_BPS, LAG, LAG + WINDOW + 1, SPEND_CAP, WITHDRAW_WINDOW);
        // The window counts whole: one second less of it, and the same delay is taken.
        new ComputePool(e, admin, WINDOW, MAX_BUDGET_BPS, LAG, DELAY_BOUND, SPEND_CAP, WITHDRAW_WINDOW - 1);
        ComputePool p =
            new ComputePool(e, admin, WINDOW, MAX_BUDGET_BPS, LAG, DELAY_BOUND + 1, SPEND_CAP, WITHDRAW_WINDOW);
        assertEq(p.withdrawalDelay(), DELAY_BOUND + 1);
        assertEq(p.minWithdrawalDelay(), DELAY_BOUND + 1);
    }

    /// @dev Raising the dispute window cannot make the delay too short (the delay must rise first), and once it
    ///      has risen the delay cannot fall back to its floor: both setters keep delay > lag + window + dispute.
    function test_DisputeWindow_KeepsDelayAboveLagPlusWindows() public {
        ComputePool p = new ComputePool(
            IEmissions(address(em)), admin, WINDOW, MAX_BUDGET_BPS, LAG, DELAY_BOUND + 1, SPEND_CAP, WITHDRAW_WINDOW
        );
        vm.startPrank(admin);
        vm.expectRevert(
            abi.encodeWithSelector(
                IComputePool.WithdrawalDelayTooShort.selector, DELAY_BOUND + 1, LAG, WITHDRAW_WINDOW, WINDOW + 1
            )
        );
        p.setDisputeWindow(WINDOW + 1); // delay == lag + window + dispute
        p.setWithdrawalDelay(DELAY_BOUND + 2);
        p.setDisputeWindow(WINDOW + 1);
        assertEq(p.disputeWindow(), WINDOW + 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IComputePool.WithdrawalDelayTooShort.selector, DELAY_BOUND + 1, LAG, WITHDRAW_WINDOW, WINDOW + 1
            )
        );
        p.setWithdrawalDelay(DELAY_BOUND + 1); // its floor, but no longer above the bound
        p.setDisputeWindow(WINDOW);
        p.setWithdrawalDelay(DELAY_BOUND + 1);
        vm.stopPrank();
    }

    /// @dev Over the four parameters: a pool deploys exactly when delay > settlementLag + withdrawalWindow +
    ///      disputeWindow (each within its own range), and a new dispute window is taken exactly when the delay
    ///      stays above the bound with it.
    function testFuzz_WithdrawalDelayBound(uint32 lag, uint32 window, uint32 dispute, uint32 delay, uint32 raised)
        public
    {
        lag = uint32(bound(lag, 1, pool.MAX_SETTLEMENT_LAG()));
        window = uint32(bound(window, DAY / 24, DAY - DAY / 24));
        dispute = uint32(bound(dispute, 1, pool.MAX_DISPUTE_WINDOW()));
        delay = uint32(bound(delay, 1, pool.MAX_WITHDRAWAL_DELAY()));
        IEmissions e = IEmissions(address(em));
        uint256 sum = uint256(lag) + window + dispute;
        if (delay <= sum) {
            vm.expectRevert(
                abi.encodeWithSelector(IComputePool.WithdrawalDelayTooShort.selector, delay, lag, window, dispute)
            );
            new ComputePool(e, admin, dispute, MAX_BUDGET_BPS, lag, delay, SPEND_CAP, window);
            return;
        }
        ComputePool p = new ComputePool(e, admin, dispute, MAX_BUDGET_BPS, lag, delay, SPEND_CAP, window);
        assertEq(p.withdrawalDelay(), delay);
        raised = uint32(bound(raised, dispute, p.MAX_DISPUTE_WINDOW()));
        vm.prank(admin);
        if (delay <= uint256(lag) + window + raised) {
            vm.expectRevert(
                abi.encodeWithSelector(IComputePool.WithdrawalDelayTooShort.selector, delay, lag, window, raised)
            );
        }
        p.setDisputeWindow(raised);
        assertGt(p.withdrawalDelay(), p.settlementLag() + p.withdrawalWindow() + p.disputeWindow());
    }

    // ---- fuzz ----

    /// @dev Whatever was deposited, spent and requested: the withdrawal pays min(requested, deposit - spend),
    ///      the provider's claim pays the spend, and the sums match to the wei.
    function testFuzz_WithdrawPaysUnspentOnly(uint256 deposited, uint256 spent, uint256 requested) public {
        deposited = bound(deposited, 1, 1_000e18);
        spent = bound(spent, 0, deposited);
        requested = bound(requested, 1, deposited);
        _deposit(user, deposited);
        if (spent > 0) _commitSpend(spent, spent, 0, 0);
        vm.prank(user);
        pool.requestWithdrawal(requested, 0, _noProof());
        skip(WITHDRAWAL_DELAY);
        bytes32[] memory proof = spent > 0 ? _userProof(spent, 0, 0) : _noProof();
        uint256 paid;
        if (spent == deposited) {
            vm.expectRevert(abi.encodeWithSelector(IComputePool.NothingToWithdraw.selector, user, deposited, spent));
            vm.prank(user);
            pool.withdraw(spent, proof);
        } else {
            vm.prank(user);
            paid = pool.withdraw(spent, proof);
            assertEq(paid, requested < deposited - spent ? requested : deposited - spent);
        }
        if (spent > 0) pool.claim(provider, spent, _creditProof(spent));
        assertEq(mor.balanceOf(provider), spent);
        assertEq(mor.balanceOf(user), 1_000e18 - deposited + paid);
        assertEq(mor.balanceOf(address(pool)) - base, deposited - spent - paid); // the emissions stay untouched
        assertEq(pool.depositOf(user), deposited - paid);
        assertGe(pool.totalDeposits(), pool.totalSpent());
    }

    /// @dev A spend proof for any other amount than the user's leaf never pays.
    function testFuzz_Withdraw_WrongSpend_Reverts(uint256 claimedSpent) public {
        _deposit(user, 100e18);
        _commitSpend(60e18, 60e18, 0, 0);
        vm.prank(user);
        pool.requestWithdrawal(100e18, 0, _noProof());
        skip(WITHDRAWAL_DELAY);
        vm.assume(claimedSpent != 60e18);
        bytes32[] memory proof = _userProof(60e18, 0, 0);
        vm.prank(user);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.InvalidSpendProof.selector, user, claimedSpent));
        pool.withdraw(claimedSpent, proof);
    }

    // ---- withdrawal windows (the review finding: a withdrawal stream keeping deposit spend out) ----

    /// @dev `n` griefer accounts, each with a 1-wei deposit and a request past its delay.
    function _griefers(uint256 n) internal returns (address[] memory g) {
        g = new address[](n);
        for (uint256 i; i < n; ++i) {
            g[i] = makeAddr(string.concat("griefer", vm.toString(i)));
            _fund(g[i], 1);
            _deposit(g[i], 1);
            vm.prank(g[i]);
            pool.requestWithdrawal(1, 0, _noProof());
        }
        skip(WITHDRAWAL_DELAY);
    }

    /// @dev The keeper's spend-raising commit of epoch `epoch` (user charged `spent` cumulatively) on a read at
    ///      `readAt`; returns whether it landed.
    function _tryCommitSpend(uint256 epoch, uint256 spent, uint256 readAt) internal returns (bool) {
        bytes32 spendRoot = MerkleTestLib.root(_spendTree(spent, 0, 0));
        vm.prank(keeper);
        try pool.commitRoot(epoch, _creditRoot(spent), spent, spendRoot, spent, readAt, bytes32(0), "") {
            return true;
        } catch (bytes memory reason) {
            // forge-lint: disable-next-line(unsafe-typecast)
            assertEq(bytes4(reason), IComputePool.StaleDepositsRead.selector);
            return false;
        }
    }

    /// @dev The finding, reproduced: a withdrawal paid between every read and its commit keeps the deposit
    ///      spend out. Inside a window it still does (the rule is unchanged); once the window closes every
    ///      griefer withdrawal is refused and the first commit read after it lands, the same day. Without the
    ///      windows the stream would go on all day and the commit would never land.
    function test_WithdrawalStream_HoldsSpendOnlyInsideTheWindow() public {
        _deposit(user, 100e18);
        address[] memory g = _griefers(40);
        uint256 dayStart = pool.dayStart(pool.currentDay());
        assertEq(block.timestamp, dayStart); // inside today's window
        uint256 k;
        // Inside the window: every read is outrun by a withdrawal.
        for (; block.timestamp + 2 < dayStart + WITHDRAW_WINDOW; ++k) {
            uint256 readAt = block.timestamp;
            skip(1);
            vm.prank(g[k]);
            assertEq(pool.withdraw(0, _noProof()), 1);
            skip(1);
            assertFalse(_tryCommitSpend(0, 10e18, readAt), "commit read before a withdrawal landed");
            if (k == 9) vm.warp(dayStart + WITHDRAW_WINDOW - 3); // jump to the window's end
        }
        assertEq(pool.totalSpent(), 0);
        // The window closes: the stream cannot go on.
        vm.warp(dayStart + WITHDRAW_WINDOW);
        uint256 readAt2 = block.timestamp;
        for (uint256 j = k; j < g.length; ++j) {
            skip(1);
            vm.prank(g[j]);
            vm.expectRevert(
                abi.encodeWithSelector(IComputePool.WithdrawalNotReady.selector, dayStart + DAY, block.timestamp)
            );
            pool.withdraw(0, _noProof());
        }
        assertTrue(_tryCommitSpend(0, 10e18, readAt2), "commit read after the window refused");
        assertEq(pool.totalSpent(), 10e18);
        // The griefers' requests wait for the next window: at most a day more.
        (, uint64 readyAt) = pool.pendingWithdrawal(g[k]);
        assertEq(readyAt, dayStart + DAY);
    }

    /// @dev Fuzz: `withdraw` pays exactly inside a window (the first WITHDRAW_WINDOW seconds of a day) once the
    ///      delay is over; elsewhere it reverts with the next window's start, which `pendingWithdrawal` gives.
    function testFuzz_Withdraw_OnlyInsideTheWindow(uint256 wait) public {
        _deposit(user, 100e18);
        vm.prank(user);
        pool.requestWithdrawal(40e18, 0, _noProof());
        uint256 due = block.timestamp + WITHDRAWAL_DELAY;
        vm.warp(block.timestamp + bound(wait, 0, 2 * WITHDRAWAL_DELAY));
        uint256 asked = block.timestamp;
        uint256 into = (block.timestamp - START) % DAY;
        uint256 opens = block.timestamp < due
            ? pool.withdrawalOpensAt(due)
            : (into < WITHDRAW_WINDOW ? block.timestamp : block.timestamp - into + DAY);
        assertEq(
            pool.withdrawalOpensAt(block.timestamp),
            into < WITHDRAW_WINDOW ? block.timestamp : block.timestamp - into + DAY
        );
        (, uint64 readyAt) = pool.pendingWithdrawal(user);
        assertEq(readyAt, opens);
        vm.prank(user);
        if (opens > block.timestamp) {
            vm.expectRevert(abi.encodeWithSelector(IComputePool.WithdrawalNotReady.selector, opens, block.timestamp));
            pool.withdraw(0, _noProof());
            assertEq(pool.depositOf(user), 100e18);
            vm.warp(opens);
            vm.prank(user);
        }
        assertEq(pool.withdraw(0, _noProof()), 40e18);
        assertLt((block.timestamp - START) % DAY, WITHDRAW_WINDOW);
        assertLt(block.timestamp, Math.max(due, asked) + DAY); // at most a day past the delay or the ask
    }

    /// @dev The window's edges, second by second: a request whose delay ends at the window's last second is paid
    ///      in it; one whose delay ends at the close (or one second before, asked a second late) waits for the next
    ///      day's start, which `pendingWithdrawal` announces; the next day's first second pays.
    function test_WithdrawalWindow_EdgeSeconds() public {
        address late = makeAddr("late");
        _fund(late, 10e18);
        _deposit(user, 10e18);
        _deposit(late, 10e18);
        uint256 dayStart = pool.dayStart(pool.currentDay()) + WITHDRAWAL_DELAY; // a day start (the delay is whole days)
        vm.warp(dayStart + WITHDRAW_WINDOW - 1 - WITHDRAWAL_DELAY);
        vm.prank(user);
        pool.requestWithdrawal(10e18, 0, _noProof()); // its delay ends at the window's last second
        skip(1);
        vm.prank(late);
        pool.requestWithdrawal(10e18, 0, _noProof()); // its delay ends at the close
        assertEq(pool.withdrawalOpensAt(dayStart + WITHDRAW_WINDOW - 1), dayStart + WITHDRAW_WINDOW - 1);
        assertEq(pool.withdrawalOpensAt(dayStart + WITHDRAW_WINDOW), dayStart + DAY);
        assertEq(pool.withdrawalOpensAt(dayStart + DAY - 1), dayStart + DAY);

        vm.warp(dayStart + WITHDRAW_WINDOW - 2); // a second before the delay ends
        vm.prank(user);
        vm.expectRevert(
            abi.encodeWithSelector(
                IComputePool.WithdrawalNotReady.selector, dayStart + WITHDRAW_WINDOW - 1, block.timestamp
            )
        );
        pool.withdraw(0, _noProof());
        skip(1); // the window's last second: the user is paid, the late one's delay is not over
        (, uint64 readyAt) = pool.pendingWithdrawal(user);
        assertEq(readyAt, block.timestamp);
        vm.prank(user);
        assertEq(pool.withdraw(0, _noProof()), 10e18);
        (, readyAt) = pool.pendingWithdrawal(late);
        assertEq(readyAt, dayStart + DAY);
        vm.prank(late);
        vm.expectRevert(
            abi.encodeWithSelector(IComputePool.WithdrawalNotReady.selector, dayStart + DAY, block.timestamp)
        );
        pool.withdraw(0, _noProof());
        skip(1); // the close: its delay is over, the window is not open
        vm.prank(late);
        vm.expectRevert(
            abi.encodeWithSelector(IComputePool.WithdrawalNotReady.selector, dayStart + DAY, block.timestamp)
        );
        pool.withdraw(0, _noProof());
        assertEq(pool.lastWithdrawAt(), dayStart + WITHDRAW_WINDOW - 1, "nothing paid after the window's last second");
        vm.warp(dayStart + DAY - 1);
        vm.prank(late);
        vm.expectRevert(
            abi.encodeWithSelector(IComputePool.WithdrawalNotReady.selector, dayStart + DAY, block.timestamp)
        );
        pool.withdraw(0, _noProof());
        skip(1); // the next day's first second
        vm.prank(late);
        assertEq(pool.withdraw(0, _noProof()), 10e18);
    }

    /// @dev Fuzz: a keeper reading outside a window and committing before the next one opens is never refused,
    ///      whatever the withdrawers try in between (each attempt is refused).
    function testFuzz_Commit_ReadOutsideWindow_NeverRefused(uint256 readOffset, uint256 lag, uint8 attempts) public {
        _deposit(user, 100e18);
        address[] memory g = _griefers(9);
        uint256 dayStart = pool.dayStart(pool.currentDay());
        vm.prank(g[8]); // a withdrawal earlier in today's window: the read must follow it, and does
        pool.withdraw(0, _noProof());
        assertEq(pool.lastWithdrawAt(), dayStart);
        vm.warp(dayStart + bound(readOffset, WITHDRAW_WINDOW, DAY - 1));
        uint256 readAt = block.timestamp;
        uint256 commitAt = readAt + bound(lag, 0, dayStart + DAY - 1 - readAt);
        for (uint256 i; i < attempts % 9; ++i) {
            vm.warp(readAt + (commitAt - readAt) * (i + 1) / 9);
            vm.prank(g[i]);
            vm.expectRevert(
                abi.encodeWithSelector(IComputePool.WithdrawalNotReady.selector, dayStart + DAY, block.timestamp)
            );
            pool.withdraw(0, _noProof());
        }
        vm.warp(commitAt);
        assertTrue(_tryCommitSpend(0, 10e18, readAt));
    }

    /// @dev The race cannot take back what served sessions cost. (a) Their spend is committed (pending) before the
    ///      user withdraws in the window: the withdrawal holds it back, the provider is paid from the user's
    ///      deposit, and the other depositor still gets all of its own back. (b) The user withdraws between the
    ///      keeper's read and the commit charging it: the commit is refused, so nothing is charged to MOR that is
    ///      gone (the keeper's fresh read then caps the user's charge at what it still holds).
    function test_Withdraw_RaceCannotTakeWhatServedSessionsCost() public {
        _deposit(user, 100e18);
        _deposit(other, 100e18);
        vm.prank(user);
        pool.requestWithdrawal(100e18, 0, _noProof()); // sessions admitted before it, settled later
        skip(WITHDRAWAL_DELAY); // inside a window now
        _commitSpend(60e18, 60e18, 0, 0); // a late epoch, still pending
        vm.prank(user);
        assertEq(pool.withdraw(0, _noProof()), 40e18, "the pending spend is held back");
        assertEq(pool.totalDeposits(), 160e18);
        skip(WINDOW);
        assertEq(pool.claim(provider, 60e18, _creditProof(60e18)), 60e18);
        vm.prank(other);
        pool.requestWithdrawal(100e18, 0, MerkleTestLib.proof(_spendTree(60e18, 0, 0), 1));
        skip(WITHDRAWAL_DELAY);
        vm.prank(other);
        assertEq(pool.withdraw(0, MerkleTestLib.proof(_spendTree(60e18, 0, 0), 1)), 100e18, "the other is whole");
        assertEq(pool.totalDeposits(), 60e18);
        assertEq(pool.totalSpent(), 60e18);

        // (b) A second user, read with its deposit, withdraws before the charge commits.
        _deposit(other, 100e18);
        address late = makeAddr("late");
        _fund(late, 50e18);
        _deposit(late, 50e18);
        vm.prank(late);
        pool.requestWithdrawal(50e18, 0, _noProof());
        skip(WITHDRAWAL_DELAY);
        uint256 readAt = block.timestamp;
        skip(1);
        vm.prank(late);
        assertEq(pool.withdraw(0, _noProof()), 50e18);
        address[] memory who = new address[](4);
        (who[0], who[1], who[2], who[3]) = (user, other, stranger, late);
        uint256[] memory x = new uint256[](4);
        (x[0], x[3]) = (60e18, 50e18);
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.StaleDepositsRead.selector, readAt, readAt + 1));
        pool.commitRoot(
            1, _creditRoot(110e18), 110e18, MerkleTestLib.root(MerkleTestLib.build(who, x)), 110e18, readAt, 0, ""
        );
        assertEq(pool.totalSpent(), 60e18);
        assertEq(pool.totalDeposits(), 160e18);
    }

    function test_WithdrawalWindow_BoundsAndImmutable() public {
        assertEq(pool.withdrawalWindow(), WITHDRAW_WINDOW);
        IEmissions e = IEmissions(address(em));
        vm.expectRevert(abi.encodeWithSelector(IComputePool.InvalidWithdrawalWindow.selector, DAY / 24 - 1));
        // forge-lint: disable-next-line(unsafe-typecast)
        new ComputePool(e, admin, WINDOW, MAX_BUDGET_BPS, LAG, WITHDRAWAL_DELAY, SPEND_CAP, uint32(DAY / 24 - 1));
        vm.expectRevert(abi.encodeWithSelector(IComputePool.InvalidWithdrawalWindow.selector, DAY - DAY / 24 + 1));
        // forge-lint: disable-next-line(unsafe-typecast)
        new ComputePool(e, admin, WINDOW, MAX_BUDGET_BPS, LAG, WITHDRAWAL_DELAY, SPEND_CAP, uint32(DAY - DAY / 24 + 1));
        // forge-lint: disable-next-line(unsafe-typecast)
        new ComputePool(e, admin, WINDOW, MAX_BUDGET_BPS, LAG, WITHDRAWAL_DELAY, SPEND_CAP, uint32(DAY / 24));
        // forge-lint: disable-next-line(unsafe-typecast)
        new ComputePool(e, admin, WINDOW, MAX_BUDGET_BPS, LAG, WITHDRAWAL_DELAY, SPEND_CAP, uint32(DAY - DAY / 24));
        // Before payoutStart no commit can happen: withdrawals are never held for a window.
        assertEq(pool.withdrawalOpensAt(START - 1), START - 1);
        assertEq(pool.withdrawalOpensAt(START + WITHDRAW_WINDOW), START + DAY);
        // A request whose delay ends outside a window announces the next window's start.
        _deposit(user, 10e18);
        skip(13 hours);
        vm.expectEmit(address(pool));
        // forge-lint: disable-next-line(unsafe-typecast)
        emit IComputePool.WithdrawalRequested(user, 10e18, uint64(block.timestamp - 13 hours + WITHDRAWAL_DELAY + DAY));
        vm.prank(user);
        pool.requestWithdrawal(10e18, 0, _noProof());
    }
}
