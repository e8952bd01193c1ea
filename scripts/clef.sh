#!/usr/bin/env bash
# Builds clef (go-ethereum's external signer) for the signer tests from the Go module proxy, at the version
# tools/clef/go.mod pins, and caches the binary under .tools/; prints the binary's path on stdout (the only
# line written to stdout). Idempotent and fast once built. Debian has no clef package, and go-ethereum
# removed cmd/clef after v1.17.0 while the main module needs a newer go-ethereum: hence a module of its own.
#
#   CLEF_BIN="$(scripts/clef.sh)"
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VERSION="$(sed -n 's/^\tgithub.com\/ethereum\/go-ethereum \(v[^ ]*\).*/\1/p' "$ROOT/tools/clef/go.mod")"
[ -n "$VERSION" ] || { echo "clef.sh: no go-ethereum version in tools/clef/go.mod" >&2; exit 1; }
DEST="$ROOT/.tools/clef-$VERSION"
BIN="$DEST/clef"

if [ -x "$BIN" ] && "$BIN" --version >/dev/null 2>&1; then
	echo "$BIN"
	exit 0
fi
mkdir -p "$DEST"
exec 9>"$DEST/.lock"
flock 9 # two parallel `make setup`s build once
if [ -x "$BIN" ] && "$BIN" --version >/dev/null 2>&1; then
	echo "$BIN"
	exit 0
fi
echo "clef.sh: building clef $VERSION from the Go module proxy (a few minutes on a small machine)" >&2
# No cgo: the tests need no USB (clef runs with --nousb); a clef for a Ledger or Trezor is built with cgo.
(cd "$ROOT/tools/clef" && GOWORK=off CGO_ENABLED=0 go build -trimpath -o "$BIN.tmp" github.com/ethereum/go-ethereum/cmd/clef)
mv "$BIN.tmp" "$BIN"
echo "$BIN"
