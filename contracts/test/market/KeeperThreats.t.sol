// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IComputePool} from "../../src/interfaces/IComputePool.sol";
import {MarketFixture} from "./MarketFixture.sol";
import {MerkleTestLib} from "./MerkleTestLib.sol";

/// @notice THREATS.md, keeper row: a KEEPER_ROLE key must never lower an account's cumulative credit. The
///         contract cannot see single leaves (a root is all it holds), so the keeper's move is a root that takes
///         credit from one account and gives it to another with the total unchanged; these tests show what that
///         move can and cannot achieve.
contract KeeperThreatsTest is MarketFixture {
    address[] internal accts;
    uint256[] internal amts;

    /// @dev The credits of three accounts, as a tree; accts are made on first use.
    function _credits(uint256 a0, uint256 a1, uint256 a2) internal returns (bytes32[][] memory) {
        if (accts.length == 0) accts = _accounts(3, "acct");
        amts = new uint256[](3);
        (amts[0], amts[1], amts[2]) = (a0, a1, a2);
        return MerkleTestLib.build(accts, amts);
    }

    /// @dev The lowering root is seen in its batch file and vetoed within the window; the honest root
    ///      recommitted under the same epoch number pays the victim its whole cumulative credit, and the
    ///      account the hostile root favoured gets nothing more than its own.
    function test_LoweredCumulative_VetoedAndRestored() public {
        _commit(_credits(100e18, 50e18, 25e18), 175e18);
        vm.warp(block.timestamp + WINDOW); // epoch 0 claimable

        // Epoch 1, hostile: account 0 lowered from 100 to 40, the 60 moved to account 2 (a keeper's accomplice);
        // the total is unchanged, so the contract's total checks pass.
        bytes32[][] memory hostile = _credits(40e18, 50e18, 85e18);
        uint256 epoch = _commit(hostile, _sum(amts));
        assertEq(epoch, 1);

        (bytes32 vetoed11,, uint64 vetoed11At) = pool.epochInfo(1);
        vm.prank(guardian);
        pool.vetoRoot(1, vetoed11, vetoed11At);
        assertTrue(pool.isVetoed(MerkleTestLib.root(hostile)));
        vm.prank(keeper);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.VetoedRoot.selector, MerkleTestLib.root(hostile)));
        pool.commitRoot(1, MerkleTestLib.root(hostile), _sum(amts), bytes32(0), 0, block.timestamp, bytes32(0), "");

        // The honest epoch 1: account 0 keeps its 100 and earns 10 more.
        bytes32[][] memory honest1 = _credits(110e18, 50e18, 25e18);
        assertEq(_commit(honest1, _sum(amts)), 1);
        vm.warp(block.timestamp + WINDOW);

        // The hostile leaves never pay.
        vm.expectRevert(abi.encodeWithSelector(IComputePool.InvalidProof.selector, accts[2], 85e18));
        pool.claim(accts[2], 85e18, MerkleTestLib.proof(hostile, 2));
        assertEq(pool.claim(accts[0], 110e18, MerkleTestLib.proof(honest1, 0)), 110e18);
        assertEq(pool.claim(accts[2], 25e18, MerkleTestLib.proof(honest1, 2)), 25e18);
        assertEq(mor.balanceOf(accts[0]), 110e18);
        assertEq(mor.balanceOf(accts[2]), 25e18);
    }

    /// @dev Unvetoed, a lowering root cannot take back what was claimed: account 0 claimed 100 under epoch 0;
    ///      epoch 1 lowers it to 40 and gives the 60 to account 2. Account 0 keeps its 100 (claimed never goes
    ///      down, a claim for 40 pays nothing), and account 2 cannot take the 60: claims stay within the
    ///      committed total, so the pool never pays the moved credit twice.
    function test_LoweredCumulative_CannotClawBackWhatWasClaimed() public {
        bytes32[][] memory t0 = _credits(100e18, 50e18, 25e18);
        _commit(t0, 175e18);
        vm.warp(block.timestamp + WINDOW);
        assertEq(pool.claim(accts[0], 100e18, MerkleTestLib.proof(t0, 0)), 100e18);
        assertEq(pool.claim(accts[1], 50e18, MerkleTestLib.proof(t0, 1)), 50e18);

        bytes32[][] memory t1 = _credits(40e18, 50e18, 85e18);
        _commit(t1, _sum(amts));
        vm.warp(block.timestamp + WINDOW); // nobody vetoed: epoch 1 is claimable

        vm.expectRevert(abi.encodeWithSelector(IComputePool.NothingToClaim.selector, accts[0], 40e18, 100e18));
        pool.claim(accts[0], 40e18, MerkleTestLib.proof(t1, 0));
        assertEq(pool.claimed(accts[0]), 100e18);
        assertEq(mor.balanceOf(accts[0]), 100e18);

        // 175 committed, 150 claimed: account 2's 85 would take claims past the total.
        vm.expectRevert(abi.encodeWithSelector(IComputePool.ExceedsCommitted.selector, 235e18, 175e18));
        pool.claim(accts[2], 85e18, MerkleTestLib.proof(t1, 2));
        assertEq(pool.totalClaimed(), 150e18);
    }
}
