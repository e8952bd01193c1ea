// Package sqldialect holds what the router's and keeper's stores need to run one set of SQL on SQLite and
// PostgreSQL: recognising a PostgreSQL DSN and rewriting "?" placeholders to PostgreSQL's "$1, $2, …".
package sqldialect

import (
	"strconv"
	"strings"
)

// IsPostgres reports whether dsn names a PostgreSQL database (postgres:// or postgresql:// URL); anything
// else is a SQLite path or URI.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Rebind rewrites the "?" placeholders of query to "$1", "$2", … in order. The queries it is used on
// contain no "?" inside string literals.
func Rebind(query string) string {
	var b strings.Builder
	b.Grow(len(query) + 8)
	n := 0
	for i := 0; i < len(query); i++ {
		if query[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(query[i])
	}
	return b.String()
}

// SQLiteSynchronous is the durability both stores run SQLite with, decided once: synchronous=FULL, the
// write-ahead log synced at every commit. NORMAL loses no commit when the process dies, but a power loss
// or OS crash can roll back the last commits after their effects left the machine: the router's used RFC
// nonce or allowance reservation after the ticket it paid for went out (a replayed RFC would spend the
// allowance twice), the keeper's feed cursor or epoch state after the transaction it names was sent.
// FULL costs one fsync per commit; the router's group commit shares it among the sessions it creates
// together, and the keeper commits a page or an epoch step at a time.
const SQLiteSynchronous = "synchronous(FULL)"
