package store_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/migrate"
	"github.com/laketravis/laketravis/router/store"
)

// TestUpgradeFromUnversionedSchema: a database made by the router before versioned migrations (its
// CREATE TABLE IF NOT EXISTS list, which the first migration file reproduces as it was) with data in it
// opens, is migrated to the newest version, and its sessions, usage and nonces read back.
func TestUpgradeFromUnversionedSchema(t *testing.T) {
	for name, open := range backends() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			dsn := open(t)
			driver := "sqlite"
			if name == "postgres" {
				driver = "pgx"
			}
			legacy, err := sql.Open(driver, dsn)
			require.NoError(t, err)
			stmts, err := migrate.Statements(os.DirFS("migrations"), "00001_initial.sql")
			require.NoError(t, err)
			id := common.HexToHash("0x5e55")
			user := common.HexToAddress("0x05e4")
			for _, q := range append(stmts,
				`INSERT INTO sessions (id, rfc_digest, user_addr, provider, model_id, price, max_seconds, not_after, expires_at,
					ticket_sig, router, endpoint, day, reserved, state, created_at)
					VALUES ('`+hexLower(id)+`', '0xd1', '`+hexLower(user)+`', '0x0000000000000000000000000000000000000001', '0x01',
					'1000', 60, 100, 200, '0x`+strings.Repeat("00", 65)+`', '0x0000000000000000000000000000000000000002', 'http://p', 3, '60000', 'open', 50)`,
				`INSERT INTO usage (user_addr, day, used) VALUES ('`+hexLower(user)+`', 3, '60000')`,
				`INSERT INTO nonces (user_addr, nonce, deadline) VALUES ('`+hexLower(user)+`', '9', 4102444800)`,
			) {
				_, err := legacy.ExecContext(ctx, q)
				require.NoError(t, err, q)
			}
			require.NoError(t, legacy.Close())

			db, err := store.Open(ctx, dsn)
			require.NoError(t, err)
			defer db.Close()
			latest, err := filepath.Glob("migrations/*.sql")
			require.NoError(t, err)
			newest, err := strconv.ParseInt(strings.SplitN(filepath.Base(latest[len(latest)-1]), "_", 2)[0], 10, 64)
			require.NoError(t, err)
			require.Equal(t, newest, db.SchemaVersion(), "every migration applied (numbers may have gaps)")
			s, err := db.Session(ctx, id)
			require.NoError(t, err)
			require.Equal(t, user, s.Ticket.User)
			require.Equal(t, "60000", s.Reserved.Dec())
			require.Equal(t, "open", s.State)
			used, err := db.Used(ctx, user, 3)
			require.NoError(t, err)
			require.Equal(t, "60000", used.Dec())
			seen, err := db.NonceUsed(ctx, user, 9)
			require.NoError(t, err)
			require.True(t, seen)
		})
	}
}

func hexLower[T interface{ Hex() string }](v T) string { return strings.ToLower(v.Hex()) }
