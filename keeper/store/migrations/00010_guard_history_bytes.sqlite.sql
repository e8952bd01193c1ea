-- The guard's history (00009) compact: it keeps every session id ever credited, for good, so each id is its
-- 32 bytes (BLOB) instead of 66 characters of 0x-hex, and each user its 20 bytes. The tables are WITHOUT
-- ROWID, clustered on their primary keys: a rowid table held each key twice (its row and the primary key's
-- index) plus a rowid in each of its three b-trees; now a session is one row keyed by (session_id, epoch)
-- and one entry of the epoch index (what replacing an epoch deletes by): about 87 bytes a session, from 176
-- (measured as keeper/README.md says). SQLite's ALTER TABLE cannot change a column's type or the table's kind:
-- each table is copied into a new one, converted (unhex; a value that is not hex stops the migration on
-- the NOT NULL), then takes the old one's name. The PostgreSQL file converts its columns to BYTEA in place.
-- +goose Up
CREATE TABLE guard_credited_bytes (
    session_id BLOB NOT NULL,
    epoch      BIGINT NOT NULL,
    PRIMARY KEY (session_id, epoch)
) WITHOUT ROWID;
-- In key order (hex text sorts as its bytes do): the new table's pages are filled as they are appended.
INSERT INTO guard_credited_bytes (session_id, epoch)
SELECT unhex(substr(session_id, 3)), epoch FROM guard_credited ORDER BY session_id, epoch;
DROP TABLE guard_credited;
ALTER TABLE guard_credited_bytes RENAME TO guard_credited;
CREATE INDEX guard_credited_epoch ON guard_credited (epoch);

CREATE TABLE guard_charged_bytes (
    user_addr BLOB NOT NULL,
    day       BIGINT NOT NULL,
    epoch     BIGINT NOT NULL,
    charged   TEXT NOT NULL,
    PRIMARY KEY (user_addr, day, epoch)
) WITHOUT ROWID;
INSERT INTO guard_charged_bytes (user_addr, day, epoch, charged)
SELECT unhex(substr(user_addr, 3)), day, epoch, charged FROM guard_charged;
DROP TABLE guard_charged;
ALTER TABLE guard_charged_bytes RENAME TO guard_charged;
CREATE INDEX guard_charged_epoch ON guard_charged (epoch);
