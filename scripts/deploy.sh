#!/usr/bin/env bash
# Deploys the contracts to RPC_URL with the forge script contracts/script/Deploy.s.sol and writes
# deployments/<chainId>.json.
#
# Key (first match wins):
#   DEPLOYER_KEYSTORE=<file> [DEPLOYER_PASSWORD_FILE=<file>]  go-ethereum encrypted keystore (default; asks for
#                                                            the password when no file is given)
#   DEPLOYER_ACCOUNT=<name>                                  a `cast wallet import` account
#   DEPLOYER_KEY=0x…                                         raw key: devnets only (chain id 31337, or DEVNET=1
#                                                            with an anvil node on this machine)
# Overrides: PAYOUT_START (unix seconds), INTERVAL (seconds per day), DEPLOYMENTS_FILE (under ./deployments).
set -euo pipefail
cd "$(dirname "$0")/.."
# Foundry's platform binaries, not the node_modules/.bin wrappers: those exit 0 whatever the tool returns.
foundry() {
  local native="node_modules/@foundry-rs/$1-$(go env GOOS)-$(go env GOARCH)/bin/$1"
  if [[ -x "$native" ]]; then echo "$native"; else echo "node_modules/.bin/$1"; fi
}
CAST=$(foundry cast)
FORGE=$(foundry forge)
: "${RPC_URL:=http://127.0.0.1:8545}"

chain_id=$("$CAST" chain-id --rpc-url "$RPC_URL") && [[ "$chain_id" =~ ^[0-9]+$ ]] || {
  echo "deploy: cannot reach RPC_URL=$RPC_URL: is the node running? (a bare local chain: $(foundry anvil);" >&2
  echo "        make devnet runs one on 127.0.0.1:8545 and deploys onto it itself)" >&2
  exit 1
}
if [[ ! -f "contracts/script/params/$chain_id.json" ]]; then
  echo "deploy: no parameter file contracts/script/params/$chain_id.json for chain $chain_id" >&2
  exit 1
fi

# A devnet: chain 31337, or DEVNET=1 (devnet.Deploy's anvils on other chain ids) for an anvil node on this
# machine only, so a DEVNET=1 left in a shell never turns a public chain's deploy into a devnet's (a raw
# key, and Deploy.s.sol's production checks skipped). Forge sees DEVNET only as decided here.
devnet=0
if [[ "$chain_id" == "31337" ]]; then
  devnet=1
elif [[ "${DEVNET:-}" == "1" ]]; then
  client=$("$CAST" client --rpc-url "$RPC_URL" 2>/dev/null || true)
  host=${RPC_URL#*://}; host=${host%%[/?#]*}; host=${host##*@}
  if [[ "$host" == \[* ]]; then host="${host%%]*}]"; else host=${host%:*}; fi
  if [[ "$client" != anvil/* || ! "$host" =~ ^(127\.0\.0\.1|localhost|\[::1\])$ ]]; then
    echo "deploy: DEVNET=1 is honoured only for an anvil node on this machine; RPC_URL's host $host answers" >&2
    echo "        '${client:-nothing}' on chain $chain_id: unset DEVNET to deploy there" >&2
    exit 1
  fi
  devnet=1
fi
if [[ $devnet == 1 ]]; then export DEVNET=1; else unset DEVNET; fi

key_args=()
if [[ -n "${DEPLOYER_KEYSTORE:-}" ]]; then
  key_args=(--keystore "$DEPLOYER_KEYSTORE")
  [[ -n "${DEPLOYER_PASSWORD_FILE:-}" ]] && key_args+=(--password-file "$DEPLOYER_PASSWORD_FILE")
elif [[ -n "${DEPLOYER_ACCOUNT:-}" ]]; then
  key_args=(--account "$DEPLOYER_ACCOUNT")
elif [[ -n "${DEPLOYER_KEY:-}" ]]; then
  if [[ $devnet != 1 ]]; then
    echo "deploy: DEPLOYER_KEY (a raw key) is accepted only on a devnet (chain 31337, or DEVNET=1 on a local anvil);" >&2
    echo "        use DEPLOYER_KEYSTORE=<keystore file> for chain $chain_id" >&2
    exit 1
  fi
  key_args=(--private-key "$DEPLOYER_KEY")
else
  echo "deploy: no key: set DEPLOYER_KEYSTORE (or DEPLOYER_ACCOUNT; DEPLOYER_KEY on a devnet)" >&2
  exit 1
fi

mkdir -p deployments
# --slow: each transaction is sent once the one before it is mined, never as a concurrent batch, from which
# anvil's auto-miner has left transactions unmined (devnet/README.md "A hung deploy"); no slower on anvil.
"$FORGE" script contracts/script/Deploy.s.sol:Deploy --rpc-url "$RPC_URL" --broadcast --slow \
  "${key_args[@]}" ${FORGE_SCRIPT_FLAGS:-} >&2
echo "${DEPLOYMENTS_FILE:-deployments/$chain_id.json}"
