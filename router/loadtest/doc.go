// Package loadtest is the loopback load test and benchmarks of a router (issue 4): a real router HTTP
// server over a synthetic order book of 10,000 registered providers and 100,000 bids, folded by the
// router's own book.State, with local stand-in provider liveness endpoints. Everything is in the
// tests: TestLoad (bounded in time and count, run by `make test`) fires RFCs concurrently and checks
// every answer; the benchmarks (`make bench`) report POST /v1/rfc throughput and latency, the memory
// a 100,000-bid book holds, and the cost of verifying and matching one RFC as a multiple of one bare
// crypto.Ecrecover measured in the same run.
package loadtest
