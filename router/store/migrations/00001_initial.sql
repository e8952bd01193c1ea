-- The router's schema before versioned migrations (IF NOT EXISTS: a database made by it upgrades from here).
-- +goose Up
-- Chain indexer: every contract log, keyed by its position in the chain.
CREATE TABLE IF NOT EXISTS events (
	block_number BIGINT NOT NULL,
	log_index    BIGINT NOT NULL,
	block_hash   TEXT   NOT NULL,
	tx_hash      TEXT   NOT NULL,
	address      TEXT   NOT NULL,
	topics       TEXT   NOT NULL, -- comma-separated 0x-hex
	data         TEXT   NOT NULL, -- 0x-hex
	PRIMARY KEY (block_number, log_index)
);

-- Hashes of indexed blocks (the end of each indexed range), to find a fork point after a reorg.
CREATE TABLE IF NOT EXISTS indexed_blocks (
	number BIGINT PRIMARY KEY,
	hash   TEXT NOT NULL
);

-- Small named counters and values: the indexer cursor, the feed sequence.
CREATE TABLE IF NOT EXISTS meta (
	name  TEXT PRIMARY KEY,
	value BIGINT NOT NULL,
	hash  TEXT NOT NULL DEFAULT ''
);

-- Used RFC nonces, kept until their deadline has passed.
CREATE TABLE IF NOT EXISTS nonces (
	user_addr TEXT   NOT NULL,
	nonce     TEXT   NOT NULL, -- uint64 as decimal text (does not fit BIGINT)
	deadline  BIGINT NOT NULL,
	PRIMARY KEY (user_addr, nonce)
);

-- Allowance used per user and protocol day: reservations of open sessions plus billed amounts.
CREATE TABLE IF NOT EXISTS usage (
	user_addr TEXT   NOT NULL,
	day       BIGINT NOT NULL,
	used      TEXT   NOT NULL,
	PRIMARY KEY (user_addr, day)
);

CREATE TABLE IF NOT EXISTS sessions (
	id             TEXT PRIMARY KEY,
	rfc_digest     TEXT   NOT NULL UNIQUE,
	user_addr      TEXT   NOT NULL,
	provider       TEXT   NOT NULL,
	model_id       TEXT   NOT NULL,
	price          TEXT   NOT NULL,
	max_seconds    BIGINT NOT NULL,
	not_after      BIGINT NOT NULL,
	expires_at     BIGINT NOT NULL, -- not_after + grace: closed as expired after this
	ticket_sig     TEXT   NOT NULL,
	router         TEXT   NOT NULL,
	endpoint       TEXT   NOT NULL,
	day            BIGINT NOT NULL,
	reserved       TEXT   NOT NULL,
	state          TEXT   NOT NULL, -- open | closed
	created_at     BIGINT NOT NULL,
	closed_at      BIGINT NOT NULL DEFAULT 0,
	close_reason   TEXT   NOT NULL DEFAULT '',
	receipt        TEXT   NOT NULL DEFAULT '', -- UsageReceipt JSON
	user_sig       TEXT   NOT NULL DEFAULT '',
	provider_sig   TEXT   NOT NULL DEFAULT '',
	billed_seconds BIGINT NOT NULL DEFAULT 0,
	seconds        BIGINT NOT NULL DEFAULT 0,
	input_tokens   BIGINT NOT NULL DEFAULT 0,
	output_tokens  BIGINT NOT NULL DEFAULT 0,
	ttft_ms        BIGINT NOT NULL DEFAULT 0,
	flags          TEXT   NOT NULL DEFAULT '', -- comma-separated
	held           INTEGER NOT NULL DEFAULT 0, -- 1: flagged, out of the feed until cleared
	feed_seq       BIGINT UNIQUE               -- NULL until settleable
);

CREATE INDEX IF NOT EXISTS sessions_open ON sessions (state, expires_at);

CREATE INDEX IF NOT EXISTS sessions_model ON sessions (model_id, closed_at);

CREATE INDEX IF NOT EXISTS nonces_deadline ON nonces (deadline);

CREATE INDEX IF NOT EXISTS sessions_created ON sessions (created_at);

CREATE INDEX IF NOT EXISTS usage_day ON usage (day);

-- The settlement-feed counter, at 0.
INSERT INTO meta (name, value, hash) VALUES ('feed_seq', 0, '') ON CONFLICT (name) DO NOTHING;
