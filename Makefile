# Lake Travis — every developer task is a target here; `make help` lists them.
# A fresh clone needs only `make demo` or `make test`: both run `setup`, which installs the pinned toolchain
# (npm: forge, anvil, cast, solcjs, OpenZeppelin, forge-std; Go modules: go-ethereum, abigen, …).

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

NODE_BIN := node_modules/.bin
# The platform binary npm installed, not the node_modules/.bin wrapper: the wrapper (bin.mjs of
# @foundry-rs/forge 1.7.1) exits 0 whatever forge returns, so failed tests, builds and fmt --check would
# pass. Recursive (=): expanded when a recipe runs, after `setup` installed node_modules.
FOUNDRY_PLATFORM := $(shell go env GOOS 2>/dev/null)-$(shell go env GOARCH 2>/dev/null)
FORGE     = $(firstword $(wildcard node_modules/@foundry-rs/forge-$(FOUNDRY_PLATFORM)/bin/forge) $(NODE_BIN)/forge)
GO_TEST_FLAGS ?= -race -count=1 -timeout 20m
RPC_URL  ?= http://127.0.0.1:8545
SETUP_STAMP := node_modules/.setup-stamp
# The Debian packages a target installs (curl, Chromium): waiting for the package lock rather than failing,
# as on a machine just booted whose unattended upgrades hold it (scripts/postgres.sh does the same).
APT_GET  := DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600
KUBO_VERSION := v0.42.0
KUBO     := .tools/kubo-$(KUBO_VERSION)/ipfs
CLEF     := .tools/clef-$(shell sed -n 's/^\tgithub.com\/ethereum\/go-ethereum \(v[^ ]*\).*/\1/p' tools/clef/go.mod)/clef

.PHONY: help setup setup-ipfs setup-clef setup-browser build test test-contracts test-go test-web bindings check-bindings deploy devnet bench demo fmt lint clean

# Target names in colour only on a terminal (not when piped or redirected, nor with NO_COLOR set).
help: ## List the targets
	@if [ -t 1 ] && [ -z "$${NO_COLOR:-}" ]; then on='\033[36m' off='\033[0m'; else on= off=; fi; \
	grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk -v on="$$on" -v off="$$off" 'BEGIN {FS = ":.*?## "}; {printf "  %s%-16s%s %s\n", on, $$1, off, $$2}'

setup: $(SETUP_STAMP) $(KUBO) $(CLEF) ## Install the pinned toolchain from the registries (idempotent, fast when done)

setup-ipfs: $(KUBO) ## Build kubo (the IPFS node) from the Go module proxy into .tools/ (a few minutes, once)

$(KUBO): scripts/kubo.sh
	KUBO_VERSION=$(KUBO_VERSION) scripts/kubo.sh >/dev/null

setup-clef: $(CLEF) ## Build clef (the external signer the signer tests run) from the Go module proxy into .tools/

$(CLEF): scripts/clef.sh tools/clef/go.mod tools/clef/go.sum
	scripts/clef.sh >/dev/null

$(SETUP_STAMP): package.json package-lock.json go.mod go.sum
	@command -v node >/dev/null || { echo "setup: node (>= 20) and npm are required" >&2; exit 1; }
	@command -v go >/dev/null || { echo "setup: go (>= 1.26) is required" >&2; exit 1; }
	@# Not `npm ci`: the Foundry packages list platform binaries that were never published, which npm ci
	@# reports as lockfile drift. `npm install --no-save` installs exactly the locked versions and writes nothing.
	npm install --no-audit --no-fund --no-save --loglevel=error
	go mod download
	go build -o /dev/null github.com/ethereum/go-ethereum/cmd/abigen
	@touch $@

build: setup ## Compile the contracts and every Go package
	$(FORGE) build
	go build ./...

test: setup test-contracts test-go test-web ## Run every test: forge (unit, fuzz, invariant), go test -race (anvil integration), the page in Chromium

test-contracts: setup ## Contract tests: forge unit, fuzz and invariant; the *Ffi* tests in the ffi profile; gas tests isolated
	@# Tests named *Ffi* shell out (the JavaScript Merkle tree, cast wallet sign): only they run with ffi enabled.
	$(FORGE) test --no-match-path 'contracts/test/gas/*' --no-match-test Ffi
	FOUNDRY_PROFILE=ffi $(FORGE) test --match-test Ffi
	$(FORGE) test --isolate --match-path 'contracts/test/gas/*'

# test-go runs the router's browser test (router/cmd/router) too, so it installs Chromium itself: every
# target installs what its own tests need, whatever order the targets run in.
test-go: setup setup-browser ## go vet and go test -race of every package (anvil, PostgreSQL via scripts/postgres.sh, Chromium)
	@# The end-to-end test runs the router README's cast + curl example; curl is not on every bare machine.
	@command -v curl >/dev/null || { echo "installing curl (apt)"; $(APT_GET) update -qq && $(APT_GET) install -y -qq curl >/dev/null; }
	$(FORGE) build
	go vet ./...
	@# Storage tests run on SQLite and on a real PostgreSQL (scripts/postgres.sh installs/starts one, prints its DSN).
	LT_TEST_POSTGRES_DSN="$${LT_TEST_POSTGRES_DSN:-$$(scripts/postgres.sh)}" go test $(GO_TEST_FLAGS) ./...

setup-browser: setup ## Headless Chromium (Debian package) for the page's browser test
	@test -x "$${LT_CHROMIUM:-/usr/bin/chromium}" || { echo "installing chromium (apt)"; $(APT_GET) update -qq && $(APT_GET) install -y -qq chromium >/dev/null; }

test-web: setup-browser ## The transparency page in headless Chromium (LT_WEB_BASE_URL=… tests a running router); the chat page's signing module (its browser test runs in test-go: e2e)
	node --test --test-timeout=180000 web/test/lt.test.mjs web/test/chat.lib.test.mjs web/test/page.test.mjs

bindings: setup ## Regenerate bindings/ from the compiled contracts (abigen)
	$(FORGE) build
	scripts/bindings.sh

check-bindings: bindings ## Fail when the committed bindings differ from the contracts
	@git diff --exit-code -- bindings/ || { echo "bindings/ drifted from the contracts: run 'make bindings' and commit" >&2; exit 1; }
	@test -z "$$(git status --porcelain -- bindings/)" || { echo "untracked files in bindings/: run 'make bindings' and commit" >&2; git status --short -- bindings/; exit 1; }

deploy: setup ## Deploy to RPC_URL (DEPLOYER_KEYSTORE, or DEPLOYER_KEY on a devnet; PAYOUT_START, INTERVAL)
	$(FORGE) build
	RPC_URL=$(RPC_URL) scripts/deploy.sh

devnet: setup ## Run anvil on 127.0.0.1:8545 with the contracts deployed (Ctrl-C stops it)
	$(FORGE) build
	go run ./scripts/devnet

bench: setup ## Benchmarks: forge gas (snapshots/ kept in the repo), deep invariant runs, Go benchmarks and the soak run (LT_SOAK_DURATION, default 5m)
	$(FORGE) test --isolate --match-path 'contracts/test/gas/*' -vv | grep -E '^\s*gas|Suite result'
	FOUNDRY_PROFILE=deep $(FORGE) test --match-test '^invariant_'
	@# e2e's BenchmarkSoak drives the real router, provider and keeper for LT_SOAK_DURATION, printing
	@# sessions/s, errors, RSS, fds and goroutines every 10 s and the flat/growing verdicts.
	@# e2e's BenchmarkGatewayOverhead prints the median of a non-streaming request sent to the upstream
	@# directly, through provider serve and through lt gateway + provider serve, side by side (one run),
	@# and through one and two bare Go proxies (the floor of one and two more loopback hops).
	go test -run '^$$' -bench . -skip '^Benchmark(RFCThroughput|GatewayOverhead)$$' -benchmem -timeout 60m ./...
	@# Issue 15's overhead on 3,000 interleaved rounds (the default benchtime gives about 350, whose median
	@# moves with a few seconds of neighbour load).
	go test -run '^$$' -bench '^BenchmarkGatewayOverhead$$' -benchtime 3000x -timeout 30m ./e2e/
	@# Issue 13's throughput, on 20,000 RFCs a mode: x_crypto_limit is rfc/s over the crypto limit measured
	@# in the same run (before and after it), x_crypto_cpu the same ratio in CPU time (steadier on a shared machine).
	@# router-cpu-µs/rfc is the router's own share of the CPU per RFC (profiled by part), router-cores-rfc/s what it allows on cores of its own.
	go test -run '^$$' -bench '^BenchmarkRFCThroughput$$' -benchtime 20000x -timeout 30m ./router/loadtest/

demo: setup ## Run the system on a local anvil chain and show it working
	$(FORGE) build
	go run ./scripts/demo

fmt: setup ## Format Go and Solidity sources
	gofmt -w $$(git ls-files '*.go' | grep -v '^bindings/')
	$(FORGE) fmt

lint: setup ## Static checks: gofmt, go vet, forge fmt --check
	@test -z "$$(gofmt -l $$(git ls-files '*.go' | grep -v '^bindings/'))" || { gofmt -l $$(git ls-files '*.go' | grep -v '^bindings/'); exit 1; }
	go vet ./...
	$(FORGE) fmt --check

clean: ## Remove build outputs (keeps node_modules)
	rm -rf out cache broadcast
