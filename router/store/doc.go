// Package store is the router's durable state: used nonces, allowance reservations, sessions and their
// settlement-feed sequence, the closes kept pending until they can be judged (pending.go), and the chain
// indexer's event log and cursor. One database/sql code path
// serves SQLite (embedded, the default) and PostgreSQL (shared by several router replicas); every
// multi-row change runs in one transaction, so nothing is ever half-applied.
//
// Concurrency: a *DB is safe for concurrent use. On PostgreSQL, rows that several replicas update (the
// per-user daily usage row and the feed counter) are locked with SELECT … FOR UPDATE / UPDATE, so
// reservations never overspend and feed sequence numbers commit in increasing order. SQLite (WAL,
// synchronous=FULL) writes through one connection, which serialises writers; CreateSession calls that
// arrive while it is busy are group-committed in one transaction, which reads and writes each user's
// usage row once for the whole group; reads outside transactions use a separate pool of read-only
// connections. Statements are prepared once per pool.
//
// Amounts (wei) are stored as decimal text: uint256 values do not fit SQL integer types, and the only
// arithmetic on them happens in Go inside the transaction.
package store
