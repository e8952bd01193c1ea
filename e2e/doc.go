// Package e2e starts the whole Lake Travis system on a local anvil chain — used by `make demo`
// (scripts/demo) and by the end-to-end tests of this folder.
//
// Start builds the real binaries of this repository once (router, keeper, provider, lt) with `go build`
// and runs each as a process of its own, exactly as an operator would: anvil with the contracts deployed
// through the real deploy script, the router, the keeper, one or more providers that register, bid and
// serve through the provider CLI, a model builder registering the model through the same CLI, and a user
// who delegates with `lt delegate` and talks through `lt gateway`. The one test double is the stand-in
// upstream (devnet/standin, which `make devnet` runs too): a small OpenAI-compatible HTTP server standing for the LLM backend, streaming
// deterministic tokens with usage.
//
// Options.NoKeeper starts the stack without its keeper; the caller then runs the keeper binary itself
// with Stack.RunKeeper, with arguments and environment of its own (the keeper's crash-safety test,
// keeper/cmd/keeper, kills it at each pipeline point with LT_KEEPER_CRASH_AT and restarts it). This
// package imports no keeper package, so the keeper's tests may import it.
//
// Every process runs in its own process group with its output in a log file under Stack.LogDir;
// Stack.Close stops them all (SIGTERM, then SIGKILL) and is safe to call on Ctrl-C.
//
// The chain is a devnet.Market (anvil, the deploy script, bindings; funding, roles and day moves are its
// actions), embedded in the Stack. Devnet only: the router and keeper use anvil's development keys 1 and
// 2 (their on-chain roles in the devnet parameters); providers, builder and user get fresh keys, funded
// from anvil account 0 (ETH) and the capital bucket's recipient, anvil account 5 (MOR).
//
// Files: options.go (Options), stack.go (Start, Close, the Stack's types), setup.go (chain, model,
// providers and user on-chain), services.go (the processes: routers, keeper, providers, gateway),
// flow.go (what tests and the demo do through the stack), proc.go (process control), upstream.go (the
// stand-in LLM's names here), ipfs.go, demo.go, soak.go.
package e2e
