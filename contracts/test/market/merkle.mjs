#!/usr/bin/env node
// Cross-implementation check for ComputePool (PROTOCOL §8): builds the settlement tree with the reference
// library, @openzeppelin/merkle-tree's StandardMerkleTree over ["address", "uint256"], and prints
// abi.encode(bytes32 root, bytes32[][] proofs) as 0x-hex, proofs in input order. Called by forge through vm.ffi
// (contracts/test/market/MerkleFfi.t.sol); usable by hand too:
//   node contracts/test/market/merkle.mjs 0xAccount1 amount1 0xAccount2 amount2 ...
// Amounts are decimal wei strings.
import { StandardMerkleTree } from '@openzeppelin/merkle-tree';

const args = process.argv.slice(2);
if (args.length === 0 || args.length % 2 !== 0) {
  process.stderr.write('usage: merkle.mjs <address> <amount> [<address> <amount> ...]\n');
  process.exit(2);
}
const values = [];
for (let i = 0; i < args.length; i += 2) values.push([args[i], BigInt(args[i + 1]).toString()]);

const tree = StandardMerkleTree.of(values, ['address', 'uint256']);
const proofs = values.map((_, i) => tree.getProof(i));

// ABI encoding of (bytes32, bytes32[][]): head (root, offset 0x40), then the dynamic array of dynamic arrays.
const word = (n) => BigInt(n).toString(16).padStart(64, '0');
const hex32 = (h) => h.replace(/^0x/, '').padStart(64, '0');
let out = hex32(tree.root) + word(64) + word(proofs.length);
let offset = proofs.length * 32;
for (const p of proofs) {
  out += word(offset);
  offset += (1 + p.length) * 32;
}
for (const p of proofs) out += word(p.length) + p.map(hex32).join('');
process.stdout.write('0x' + out);
