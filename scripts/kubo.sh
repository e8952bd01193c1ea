#!/usr/bin/env bash
# Builds kubo (the reference IPFS node) from the Go module proxy and caches the binary under .tools/, keyed by
# version; prints the binary's path on stdout (the only line written to stdout). Idempotent and fast once built.
#
#   IPFS_BIN="$(scripts/kubo.sh)"
#
# `go install github.com/ipfs/kubo/cmd/ipfs@VERSION` refuses the module (its go.mod has replace directives),
# so this downloads the module, copies it out of the read-only module cache and runs `go build ./cmd/ipfs`
# inside the copy. Environment: KUBO_VERSION (default v0.42.0; v0.43.x needs a libp2p fork the proxy lacks).
set -euo pipefail

VERSION="${KUBO_VERSION:-v0.42.0}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="$ROOT/.tools/kubo-$VERSION"
BIN="$DEST/ipfs"
log() { echo "kubo.sh: $*" >&2; }

if [ -x "$BIN" ] && "$BIN" version >/dev/null 2>&1; then
	echo "$BIN"
	exit 0
fi

mkdir -p "$ROOT/.tools"
exec 9>"$ROOT/.tools/.kubo-$VERSION.lock"
flock 9 # two parallel `make setup`s build once
if [ -x "$BIN" ] && "$BIN" version >/dev/null 2>&1; then
	echo "$BIN"
	exit 0
fi

log "building kubo $VERSION from the Go module proxy (a few minutes on a small machine)"
DIR="$(cd "$ROOT" && GOFLAGS=-mod=mod go mod download -json "github.com/ipfs/kubo@$VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
[ -n "$DIR" ] && [ -d "$DIR" ] || { log "go mod download gave no module directory"; exit 1; }
WORK="$(mktemp -d "$ROOT/.tools/kubo-build.XXXXXX")"
trap 'chmod -R u+w "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
cp -R "$DIR/." "$WORK/"
chmod -R u+w "$WORK"
mkdir -p "$DEST"
(cd "$WORK" && GOWORK=off CGO_ENABLED=0 go build -trimpath -o "$BIN.tmp" ./cmd/ipfs)
mv "$BIN.tmp" "$BIN"
log "built $("$BIN" version)"
echo "$BIN"
