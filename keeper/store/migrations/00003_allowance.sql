-- One allowance across all routers (PROTOCOL §8 v2): sessions wait in pending_sessions until the epoch of
-- their closing time is assembled; assembly then numbers them in the charging order (closed_at, session_id)
-- into sessions, charges each user's protocol day to its allowance (allowances) and records what it could
-- not credit (shortfalls).
-- +goose Up
-- Verified sessions not credited yet, with their records: assembly moves the ones closed before its cutoff
-- into sessions/session_records, numbered in (closed_at, session_id) order, so what an epoch holds is a
-- function of the records, not of when a feed was read. recheck is 1 for sessions of a vetoed epoch.
CREATE TABLE pending_sessions (
	session_id TEXT PRIMARY KEY,
	ingest_seq BIGINT NOT NULL,
	feed TEXT NOT NULL,
	cursor TEXT NOT NULL,
	user_addr TEXT NOT NULL,
	provider TEXT NOT NULL,
	builder TEXT NOT NULL,
	fee_bps BIGINT NOT NULL,
	price TEXT NOT NULL,
	seconds BIGINT NOT NULL,
	closed_at BIGINT NOT NULL,
	recheck BIGINT NOT NULL DEFAULT 0,
	record TEXT NOT NULL);

CREATE INDEX pending_sessions_order ON pending_sessions (closed_at, session_id);
CREATE INDEX pending_sessions_feed ON pending_sessions (feed, ingest_seq);

-- The user each session is charged to (its protocol day follows from closed_at), and its place in its feed's
-- order (ingest_seq: increasing per feed as the feed is read; seq is the charging order).
ALTER TABLE sessions ADD COLUMN user_addr TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN ingest_seq BIGINT NOT NULL DEFAULT 0;
UPDATE sessions SET ingest_seq = seq;
CREATE INDEX sessions_feed_ingest ON sessions (feed, ingest_seq);

-- Sessions a keeper of the previous schema stored but no live epoch credits yet: back to pending, to be
-- verified again (that fills in their user and day) before they are charged.
INSERT INTO pending_sessions (session_id, ingest_seq, feed, cursor, user_addr, provider, builder, fee_bps, price,
	seconds, closed_at, recheck, record)
SELECT s.session_id, s.ingest_seq, s.feed, s.cursor, '', s.provider, s.builder, s.fee_bps, s.price, s.seconds, s.closed_at, 1, r.record
FROM sessions s JOIN session_records r ON r.seq = s.seq
WHERE s.seq > (SELECT COALESCE(MAX(last_seq), 0) FROM epochs WHERE state IN
	('assembled', 'batch_written', 'root_sent', 'mined', 'confirmed', 'claimable'));
DELETE FROM session_records WHERE seq > (SELECT COALESCE(MAX(last_seq), 0) FROM epochs WHERE state IN
	('assembled', 'batch_written', 'root_sent', 'mined', 'confirmed', 'claimable'));
DELETE FROM sessions WHERE seq > (SELECT COALESCE(MAX(last_seq), 0) FROM epochs WHERE state IN
	('assembled', 'batch_written', 'root_sent', 'mined', 'confirmed', 'claimable'));

-- Per user and protocol day: allowance(user, day) as the ComputePool computes it at the day-start
-- checkpoints (fixed once the day has begun, so read once), and what the live epochs charged to it.
CREATE TABLE allowances (
	user_addr TEXT NOT NULL,
	day BIGINT NOT NULL,
	allowance TEXT NOT NULL,
	charged TEXT NOT NULL,
	PRIMARY KEY (user_addr, day));

-- Sessions an epoch credited less than they cost (the user's allowance ran out): cost and credited, in wei.
CREATE TABLE shortfalls (
	session_id TEXT PRIMARY KEY,
	epoch_id BIGINT NOT NULL,
	user_addr TEXT NOT NULL,
	day BIGINT NOT NULL,
	cost TEXT NOT NULL,
	credited TEXT NOT NULL);

CREATE INDEX shortfalls_epoch ON shortfalls (epoch_id);

-- The closing-time cutoff of each epoch: it credits the sessions closed before it.
ALTER TABLE epochs ADD COLUMN cutoff BIGINT NOT NULL DEFAULT 0;

