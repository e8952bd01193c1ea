-- The final block the pending sessions not flagged for a recheck were verified as of (one row; none until
-- the keeper records one, Tx.SetVerifiedThrough): a restarted keeper verifies them again only when the chain
-- no longer has that block at its height (a reorg deeper than the confirmations while it was down).
-- +goose Up
CREATE TABLE verified_through (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	number BIGINT NOT NULL,
	hash TEXT NOT NULL);
