// Signs eth_signTypedData_v4 documents with two independent JavaScript wallets, ethers and viem, exactly
// as a dapp hands the document over (no field converted): node jssign.mjs <0x-private-key> <doc.json>...
// Prints one JSON line: [{"ethers": "0x…", "viem": "0x…"}, …] in argument order.
import { readFileSync } from 'node:fs';
import { Wallet } from 'ethers';
import { privateKeyToAccount } from 'viem/accounts';

const [key, ...paths] = process.argv.slice(2);
const wallet = new Wallet(key);
const account = privateKeyToAccount(key);
const out = [];
for (const p of paths) {
  const doc = JSON.parse(readFileSync(p, 'utf8'));
  const types = { ...doc.types };
  delete types.EIP712Domain; // ethers derives the domain type itself
  out.push({
    ethers: await wallet.signTypedData(doc.domain, types, doc.message),
    viem: await account.signTypedData({ domain: doc.domain, types: doc.types, primaryType: doc.primaryType, message: doc.message }),
  });
}
console.log(JSON.stringify(out));
