// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {ComputePool} from "../../src/ComputePool.sol";
import {IComputePool} from "../../src/interfaces/IComputePool.sol";
import {MarketFixture} from "./MarketFixture.sol";

/// @notice PROTOCOL §8: a tree built by @openzeppelin/merkle-tree (StandardMerkleTree, ["address","uint256"])
///         from the same values is accepted by ComputePool. Runs contracts/test/market/merkle.mjs through ffi.
contract MerkleFfiTest is MarketFixture {
    function _jsTree(address[] memory accounts, uint256[] memory amounts)
        internal
        returns (bytes32 root, bytes32[][] memory proofs)
    {
        string[] memory cmd = new string[](2 + 2 * accounts.length);
        cmd[0] = "node";
        cmd[1] = "contracts/test/market/merkle.mjs";
        for (uint256 i; i < accounts.length; ++i) {
            cmd[2 + 2 * i] = vm.toString(accounts[i]);
            cmd[3 + 2 * i] = vm.toString(amounts[i]);
        }
        return abi.decode(vm.ffi(cmd), (bytes32, bytes32[][]));
    }

    function test_Ffi_JsTree_ClaimEach() public {
        address[] memory a = _accounts(25, "js");
        uint256[] memory x = new uint256[](25);
        for (uint256 i; i < 25; ++i) {
            x[i] = (i + 1) * 1e18 + i; // distinct, not round
        }
        (bytes32 root, bytes32[][] memory proofs) = _jsTree(a, x);
        assertEq(proofs.length, 25);
        vm.prank(keeper);
        pool.commitRoot(0, root, _sum(x), bytes32(0), 0, block.timestamp, keccak256("batch"), "ipfs://js");
        vm.warp(block.timestamp + WINDOW);
        for (uint256 i; i < 25; ++i) {
            assertEq(pool.claim(a[i], x[i], proofs[i]), x[i]);
            assertEq(mor.balanceOf(a[i]), x[i]);
        }
        assertEq(pool.totalClaimed(), _sum(x));
    }

    function test_Ffi_JsTree_ClaimMany_AndKnownRoot() public {
        // The two-leaf example from the library's README-style usage, root computed by the JS library.
        address[] memory a = new address[](2);
        uint256[] memory x = new uint256[](2);
        a[0] = 0x1111111111111111111111111111111111111111;
        a[1] = 0x2222222222222222222222222222222222222222;
        x[0] = 5e18;
        x[1] = 2.5e18;
        (bytes32 root, bytes32[][] memory proofs) = _jsTree(a, x);
        assertEq(root, 0xd4dee0beab2d53f2cc83e567171bd2820e49898130a22622b10ead383e90bd77);
        // Same root from the leaf rule of PROTOCOL §8 with sorted-pair hashing.
        bytes32 l0 = keccak256(bytes.concat(keccak256(abi.encode(a[0], x[0]))));
        bytes32 l1 = keccak256(bytes.concat(keccak256(abi.encode(a[1], x[1]))));
        assertEq(root, l0 < l1 ? keccak256(abi.encode(l0, l1)) : keccak256(abi.encode(l1, l0)));

        vm.prank(keeper);
        pool.commitRoot(0, root, 7.5e18, bytes32(0), 0, block.timestamp, bytes32(0), "");
        vm.warp(block.timestamp + WINDOW);
        assertEq(pool.claimMany(a, x, proofs), 7.5e18);
    }

    /// forge-config: default.fuzz.runs = 16
    function testFuzz_Ffi_JsTree(uint256 seed) public {
        uint256 n = _bound(seed, 1, 40);
        address[] memory a = new address[](n);
        uint256[] memory x = new uint256[](n);
        for (uint256 i; i < n; ++i) {
            a[i] = address(uint160(uint256(keccak256(abi.encode(seed, i)))));
            x[i] = uint256(keccak256(abi.encode(i, seed))) % 50e18 + 1;
        }
        (bytes32 root, bytes32[][] memory proofs) = _jsTree(a, x);
        for (uint256 i; i < n; ++i) {
            assertTrue(MerkleProof.verify(proofs[i], root, keccak256(bytes.concat(keccak256(abi.encode(a[i], x[i]))))));
        }
        vm.prank(keeper);
        pool.commitRoot(0, root, _sum(x), bytes32(0), 0, block.timestamp, bytes32(0), "");
        vm.warp(block.timestamp + WINDOW);
        uint256 k = seed % n;
        assertEq(pool.claim(a[k], x[k], proofs[k]), x[k]);
        vm.expectRevert(abi.encodeWithSelector(IComputePool.NothingToClaim.selector, a[k], x[k], x[k]));
        pool.claim(a[k], x[k], proofs[k]);
    }
}
