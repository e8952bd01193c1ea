-- The keeper's schema before versioned migrations (IF NOT EXISTS: a database made by it upgrades from here).
-- +goose Up
-- Routers' settlement feeds: where each one was read up to.
CREATE TABLE IF NOT EXISTS feeds (
	url TEXT PRIMARY KEY,
	cursor TEXT NOT NULL,
	updated_at BIGINT NOT NULL);

-- Verified sessions, narrow: what crediting and assembly need. seq numbers them in the order they
-- were stored (unique, increasing). A session belongs to no row of its own epoch: each epoch credits
-- the seq range [first_seq, last_seq] (epochs table), so the live epochs cover a prefix of seq and
-- the sessions after the newest live epoch's last_seq are the ones not yet credited. Assembling an
-- epoch then writes one epoch row, not a million session rows. recheck is 1 for sessions of a vetoed
-- epoch, verified again against the chain before they are credited anew.
CREATE TABLE IF NOT EXISTS sessions (
	session_id TEXT PRIMARY KEY,
	seq BIGINT NOT NULL UNIQUE,
	feed TEXT NOT NULL,
	cursor TEXT NOT NULL,
	provider TEXT NOT NULL,
	builder TEXT NOT NULL,
	fee_bps BIGINT NOT NULL,
	price TEXT NOT NULL,
	seconds BIGINT NOT NULL,
	closed_at BIGINT NOT NULL,
	recheck BIGINT NOT NULL DEFAULT 0);

CREATE INDEX IF NOT EXISTS sessions_recheck ON sessions (seq) WHERE recheck = 1;

-- Each session's signed settlement record (JSON, ≈1.2 KB), by the session's seq: only batch files
-- and rechecks read it, so it stays out of the rows assembly reads.
CREATE TABLE IF NOT EXISTS session_records (
	seq BIGINT PRIMARY KEY,
	record TEXT NOT NULL);

-- Records refused, with the reason: nothing is dropped silently.
CREATE TABLE IF NOT EXISTS rejected (
	id BIGINT PRIMARY KEY,
	feed TEXT NOT NULL,
	cursor TEXT NOT NULL,
	session_id TEXT NOT NULL,
	code TEXT NOT NULL,
	detail TEXT NOT NULL,
	record TEXT NOT NULL,
	at BIGINT NOT NULL);

-- Per account: everything earned (owed) and what the newest assembled tree gives it (credited).
CREATE TABLE IF NOT EXISTS accounts (
	account TEXT PRIMARY KEY,
	owed TEXT NOT NULL,
	credited TEXT NOT NULL);

-- The epoch state machine. A vetoed or abandoned epoch keeps its row; the number is reused.
CREATE TABLE IF NOT EXISTS epochs (
	id BIGINT PRIMARY KEY,
	number BIGINT NOT NULL,
	state TEXT NOT NULL,
	day BIGINT NOT NULL,
	root TEXT NOT NULL,
	total TEXT NOT NULL,
	delta TEXT NOT NULL,
	owed_total TEXT NOT NULL,
	factor_num TEXT NOT NULL,
	factor_den TEXT NOT NULL,
	sessions BIGINT NOT NULL,
	first_seq BIGINT NOT NULL,
	last_seq BIGINT NOT NULL,
	batch_hash TEXT NOT NULL,
	batch_file TEXT NOT NULL,
	intent TEXT NOT NULL,
	tx_hash TEXT NOT NULL,
	block BIGINT NOT NULL,
	claimable_at BIGINT NOT NULL,
	claims_state TEXT NOT NULL,
	created_at BIGINT NOT NULL,
	updated_at BIGINT NOT NULL);

CREATE INDEX IF NOT EXISTS epochs_number ON epochs (number);

-- The cumulative leaves of each epoch's tree, as one JSON array [[account, amount], …].
CREATE TABLE IF NOT EXISTS epoch_trees (
	epoch_id BIGINT PRIMARY KEY,
	leaves TEXT NOT NULL);

-- Transaction manager: one row per intent, one per signed attempt.
CREATE TABLE IF NOT EXISTS tx_intents (
	id TEXT PRIMARY KEY,
	nonce BIGINT NOT NULL UNIQUE,
	to_addr TEXT NOT NULL,
	data TEXT NOT NULL,
	gas BIGINT NOT NULL,
	state TEXT NOT NULL,
	mined_tx TEXT NOT NULL,
	mined_block BIGINT NOT NULL,
	mined_block_hash TEXT NOT NULL,
	created_at BIGINT NOT NULL,
	updated_at BIGINT NOT NULL);

CREATE TABLE IF NOT EXISTS tx_attempts (
	intent_id TEXT NOT NULL,
	seq BIGINT NOT NULL,
	hash TEXT NOT NULL,
	raw TEXT NOT NULL,
	tip_cap TEXT NOT NULL,
	fee_cap TEXT NOT NULL,
	created_at BIGINT NOT NULL,
	PRIMARY KEY (intent_id, seq));
