-- The guard's history (00009) compact, as 00010_guard_history_bytes.sqlite.sql on SQLite: each session id
-- is its 32 bytes and each user its 20 (BYTEA) instead of 0x-hex TEXT. The keys, indexes and their names
-- stay (ALTER COLUMN rewrites the table and rebuilds its indexes); a value that is not hex stops the migration.
-- Table and indexes: about 172 bytes a session, from 255.
-- +goose Up
ALTER TABLE guard_credited ALTER COLUMN session_id TYPE BYTEA USING decode(substr(session_id, 3), 'hex');
ALTER TABLE guard_charged ALTER COLUMN user_addr TYPE BYTEA USING decode(substr(user_addr, 3), 'hex');
