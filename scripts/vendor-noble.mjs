// Copies the audited @noble/curves (secp256k1) and @noble/hashes (keccak-256) ES modules the chat page
// signs with from node_modules (versions pinned in package.json / package-lock.json) into
// web/static/chat/vendor/, so the router embeds them and the page loads nothing from elsewhere. Only the
// modules the two entry points reach are copied; each keeps its code byte for byte, with its bare
// "@noble/hashes/x" imports rewritten to relative paths (a browser cannot resolve package names), its
// source-map comment dropped and a header naming its origin. The packages' LICENSE files come along.
//
//   node scripts/vendor-noble.mjs           # (re)write web/static/chat/vendor/
//   node scripts/vendor-noble.mjs --check   # exit 1 when the committed copy differs (web/test runs this)
import { readFileSync, writeFileSync, mkdirSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(repo, 'web', 'static', 'chat', 'vendor');
const pkgs = { curves: join(repo, 'node_modules', '@noble', 'curves'), hashes: join(repo, 'node_modules', '@noble', 'hashes') };
const entries = [['curves', 'secp256k1.js'], ['hashes', 'sha3.js']];

const version = (p) => JSON.parse(readFileSync(join(pkgs[p], 'package.json'), 'utf8')).version;
const want = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).devDependencies;
for (const p of Object.keys(pkgs)) {
  if (want[`@noble/${p}`] !== version(p)) {
    console.error(`@noble/${p} ${version(p)} in node_modules, package.json pins ${want[`@noble/${p}`]}: run npm install`);
    process.exit(1);
  }
}

// Top-level import/export statements only (doc comments quote imports too).
const importRE = /^((?:import|export)\s[^;]*?\bfrom\s*)(['"])([^'"]+)\2/gm;
const files = new Map(); // output path (relative to out) → content
const queue = entries.map(([p, f]) => [p, f]);
while (queue.length) {
  const [p, f] = queue.shift();
  const key = posix.join(`noble-${p}`, f);
  if (files.has(key)) continue;
  let src = readFileSync(join(pkgs[p], 'esm', f), 'utf8');
  src = src.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
  src = src.replace(importRE, (m, kw, q, spec) => {
    let tp = p, tf;
    if (spec.startsWith('./') || spec.startsWith('../')) tf = posix.normalize(posix.join(posix.dirname(f), spec));
    else if (spec.startsWith('@noble/hashes/')) { tp = 'hashes'; tf = spec.slice('@noble/hashes/'.length) + '.js'; }
    else throw new Error(`${p}/${f}: unexpected import ${spec}`);
    queue.push([tp, tf]);
    let rel = posix.relative(posix.dirname(key), posix.join(`noble-${tp}`, tf));
    if (!rel.startsWith('.')) rel = './' + rel;
    return kw + q + rel + q;
  });
  const header = `// Vendored from @noble/${p} ${version(p)} (MIT, see LICENSE-noble-${p}), esm/${f}, by scripts/vendor-noble.mjs: do not edit.\n`;
  files.set(key, header + src);
}
for (const p of Object.keys(pkgs)) files.set(`LICENSE-noble-${p}`, readFileSync(join(pkgs[p], 'LICENSE'), 'utf8'));

function walk(dir, base = dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name), base) : [relative(base, join(dir, e.name)).split('\\').join('/')]));
}

if (process.argv.includes('--check')) {
  const have = walk(out).sort(), wantFiles = [...files.keys()].sort();
  const diff = [];
  if (JSON.stringify(have) !== JSON.stringify(wantFiles)) diff.push(`files: have ${have.join(' ')}; want ${wantFiles.join(' ')}`);
  for (const [k, v] of files) if (existsSync(join(out, k)) && readFileSync(join(out, k), 'utf8') !== v) diff.push(`${k} differs`);
  if (diff.length) {
    console.error(`web/static/chat/vendor is not what scripts/vendor-noble.mjs generates:\n  ${diff.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`web/static/chat/vendor matches node_modules (${files.size} files)`);
} else {
  rmSync(out, { recursive: true, force: true });
  for (const [k, v] of files) {
    mkdirSync(dirname(join(out, k)), { recursive: true });
    writeFileSync(join(out, k), v);
  }
  console.log(`wrote ${files.size} files to ${relative(repo, out)}`);
}
