#!/usr/bin/env bash
# Regenerates bindings/<contract>/ (Go, abigen) from forge's compiled artifacts in out/.
# The list of contracts is BINDINGS below; each gets its own package named after it in lower case.
set -euo pipefail
cd "$(dirname "$0")/.."
BINDINGS=(MORToken Emissions ComputePool ModelRegistry Marketplace)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for name in "${BINDINGS[@]}"; do
  art="out/$name.sol/$name.json"
  [[ -f "$art" ]] || { echo "bindings: $art missing; run forge build first" >&2; exit 1; }
  node -e '
    const a = require(process.argv[1]);
    const fs = require("fs");
    fs.writeFileSync(process.argv[2], JSON.stringify(a.abi));
    fs.writeFileSync(process.argv[3], a.bytecode.object.replace(/^0x/, ""));
  ' "./$art" "$tmp/$name.abi" "$tmp/$name.bin"
  pkg=$(echo "$name" | tr '[:upper:]' '[:lower:]')
  mkdir -p "bindings/$pkg"
  go tool abigen --abi "$tmp/$name.abi" --bin "$tmp/$name.bin" --pkg "$pkg" --type "$name" --out "bindings/$pkg/$pkg.go"
done
