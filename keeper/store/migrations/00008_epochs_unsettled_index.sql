-- The pipeline reads, every poll, only the epochs not claimable yet (Tx.UnsettledEpochs): through this
-- partial index, which holds only those (a handful), instead of every live epoch (8,760 rows a year of
-- hourly epochs, every 2 s). Its WHERE is the query's, word for word (SQLite uses a partial index only then).
-- +goose Up
CREATE INDEX IF NOT EXISTS epochs_unsettled ON epochs (number) WHERE state IN ('assembled', 'batch_written', 'root_sent', 'mined', 'confirmed');
