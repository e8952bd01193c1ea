// Package merkle builds the settlement Merkle tree of PROTOCOL §8: an OpenZeppelin StandardMerkleTree
// over leaves (address account, uint256 cumulativeAmount), node for node the tree that
// @openzeppelin/merkle-tree builds with
//
//	StandardMerkleTree.of(values, ["address", "uint256"])
//
// so the same values give the same root, the same proofs and the same dump, and MerkleProof.verify
// in OpenZeppelin's Solidity library accepts the proofs.
//
// Layout, exactly as the JavaScript library:
//
//   - leaf = keccak256(bytes.concat(keccak256(abi.encode(account, cumulativeAmount))))
//   - leaves are sorted ascending by hash; with n leaves the tree is an array of 2n-1 nodes, the
//     i-th smallest leaf at index 2n-2-i, node i's children at 2i+1 and 2i+2, the root at index 0;
//   - an inner node is keccak256 of its two children, the smaller first (commutative hashing);
//   - a proof lists the siblings from the leaf up to (not including) the root.
//
// Differences from the JavaScript library, all deliberate: an account may appear only once (a
// cumulative credit per account is the protocol's invariant), and an empty tree is an error (the
// library cannot build one either, and there is no root to commit for it).
package merkle
