-- A rejected record longer than store.MaxRejectedRecord is kept as its head only (Tx.InsertRejected), with
-- the length and keccak256 of the record as served: a feed serving large junk cannot make the batch file,
-- which lists every rejected row, grow with it. Both stay 0 and '' for a record kept whole.
-- +goose Up
ALTER TABLE rejected ADD COLUMN record_bytes BIGINT NOT NULL DEFAULT 0;
ALTER TABLE rejected ADD COLUMN record_hash TEXT NOT NULL DEFAULT '';
