// ozroot.mjs — reference output of @openzeppelin/merkle-tree for the Go cross-check test.
//
// Usage: node ozroot.mjs [values.json]        (reads stdin when no file is given)
//
// Input:  a JSON array of [account, cumulativeAmount] pairs, e.g. [["0xAb…", "1000"], …]; amounts are
//         decimal strings. They are passed to the library untouched.
// Output: {"root": "0x…", "proofs": [[…], …] (one per input value, in input order), "dump": tree.dump()}
//
// The library is resolved from the repository root's node_modules (the root is three levels up from
// this file, or $LAKETRAVIS_ROOT), the copy pinned in package.json.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.env.LAKETRAVIS_ROOT ?? resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const require = createRequire(join(root, 'package.json'));
const { StandardMerkleTree } = require('@openzeppelin/merkle-tree');

const input = readFileSync(process.argv[2] ?? 0, 'utf8');
const values = JSON.parse(input);
const tree = StandardMerkleTree.of(values, ['address', 'uint256']);
const proofs = values.map((_, i) => tree.getProof(i));
process.stdout.write(JSON.stringify({ root: tree.root, proofs, dump: tree.dump() }) + '\n');
