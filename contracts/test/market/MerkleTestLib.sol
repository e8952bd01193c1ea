// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @dev Builds OpenZeppelin-compatible Merkle trees in memory for tests: StandardMerkleTree leaves of
///      (address, uint256), sorted-pair (commutative) hashing, an unpaired node promoted to the next layer.
///      Any such tree verifies with OZ MerkleProof; the leaf order need not match the JS library StandardMerkleTree
///      (the JS library is cross-checked separately through ffi).
library MerkleTestLib {
    function leaf(address account, uint256 cumulativeAmount) internal pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(account, cumulativeAmount))));
    }

    function hashPair(bytes32 a, bytes32 b) internal pure returns (bytes32) {
        return a < b ? keccak256(abi.encodePacked(a, b)) : keccak256(abi.encodePacked(b, a));
    }

    /// @dev layers[0] = leaves, layers[last] = [root].
    function layers(bytes32[] memory leaves) internal pure returns (bytes32[][] memory out) {
        require(leaves.length > 0, "empty tree");
        uint256 depth;
        for (uint256 n = leaves.length; n > 1; n = (n + 1) / 2) {
            ++depth;
        }
        out = new bytes32[][](depth + 1);
        out[0] = leaves;
        for (uint256 l = 1; l <= depth; ++l) {
            bytes32[] memory below = out[l - 1];
            bytes32[] memory layer = new bytes32[]((below.length + 1) / 2);
            for (uint256 i; i < layer.length; ++i) {
                uint256 j = 2 * i;
                layer[i] = j + 1 < below.length ? hashPair(below[j], below[j + 1]) : below[j];
            }
            out[l] = layer;
        }
    }

    function root(bytes32[][] memory tree) internal pure returns (bytes32) {
        return tree[tree.length - 1][0];
    }

    function proof(bytes32[][] memory tree, uint256 index) internal pure returns (bytes32[] memory p) {
        bytes32[] memory buf = new bytes32[](tree.length);
        uint256 n;
        for (uint256 l; l + 1 < tree.length; ++l) {
            uint256 sibling = index ^ 1;
            if (sibling < tree[l].length) buf[n++] = tree[l][sibling];
            index /= 2;
        }
        p = new bytes32[](n);
        for (uint256 i; i < n; ++i) {
            p[i] = buf[i];
        }
    }

    /// @dev Tree of (accounts[i], amounts[i]).
    function build(address[] memory accounts, uint256[] memory amounts) internal pure returns (bytes32[][] memory) {
        bytes32[] memory leaves = new bytes32[](accounts.length);
        for (uint256 i; i < accounts.length; ++i) {
            leaves[i] = leaf(accounts[i], amounts[i]);
        }
        return layers(leaves);
    }
}
