package sqldialect

import "testing"

func TestIsPostgres(t *testing.T) {
	for dsn, want := range map[string]bool{
		"postgres://u:p@127.0.0.1:5432/db?sslmode=disable": true,
		"postgresql://db.example/lt":                       true,
		"/var/lib/router/router.db":                        false,
		"file::memory:?cache=shared":                       false,
		"":                                                 false,
	} {
		if got := IsPostgres(dsn); got != want {
			t.Errorf("IsPostgres(%q) = %v, want %v", dsn, got, want)
		}
	}
}

func TestRebind(t *testing.T) {
	for q, want := range map[string]string{
		"SELECT 1":                                         "SELECT 1",
		"SELECT a FROM t WHERE x = ?":                      "SELECT a FROM t WHERE x = $1",
		"INSERT INTO t (a, b, c) VALUES (?, ?, ?)":         "INSERT INTO t (a, b, c) VALUES ($1, $2, $3)",
		"UPDATE t SET a = ? WHERE b = ? AND c > ? LIMIT 1": "UPDATE t SET a = $1 WHERE b = $2 AND c > $3 LIMIT 1",
	} {
		if got := Rebind(q); got != want {
			t.Errorf("Rebind(%q) = %q, want %q", q, got, want)
		}
	}
	long := ""
	for range 12 {
		long += "?,"
	}
	if got := Rebind(long); got != "$1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12," {
		t.Errorf("two-digit placeholders: %q", got)
	}
}
