package store

import (
	"context"
	"embed"
	"io/fs"

	"github.com/laketravis/laketravis/internal/migrate"
)

// The schema is versioned: migrations/NNNNN_*.sql, valid on SQLite and PostgreSQL alike, applied in order
// by internal/migrate when the store opens. Addresses and hashes are lowercase 0x-hex text, amounts are
// decimal text, times are unix seconds. A schema change is a new file; an applied file never changes.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrationLock is the router's PostgreSQL advisory-lock number for migrating ("LTrouter" in ASCII).
const migrationLock int64 = 0x4c54726f75746572

// seedFeedSeq creates the settlement-feed counter at 0 if it is not there yet.
const seedFeedSeq = `INSERT INTO meta (name, value, hash) VALUES ('feed_seq', 0, '') ON CONFLICT (name) DO NOTHING`

func (s *DB) migrate(ctx context.Context) error {
	sub, err := fs.Sub(migrationFiles, "migrations")
	if err != nil {
		return err
	}
	s.version, err = migrate.Up(ctx, s.db, s.dialect == Postgres, sub, migrationLock)
	return err
}

// SchemaVersion is the version of the database's schema: the number of the newest migration applied.
func (s *DB) SchemaVersion() int64 { return s.version }
