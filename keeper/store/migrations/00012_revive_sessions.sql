-- keeper/ledger's recheck rejects the kept copy of a pending session that no longer verifies and, in the same
-- transaction, queues the session here; its revive pass then verifies the copies that lost to it again and
-- stores the best (Tx.QueueRevive, ReviveQueue, Unqueue). The queue is persisted so that a crash between the
-- two leaves the session queued: no assembly runs while it is not empty.
-- The revive pass reads a session's rejected copies (Tx.RejectedCopies) through the index on
-- rejected(session_id), not a scan of every rejected record (a hostile feed can add many).
-- Rejected rows are numbered from a high-water mark (rejected_seq), never MAX(id)+1: deleting the newest
-- row (a copy stored again as pending, a shortfall taken back) must not give its number to a later row,
-- which an epoch's batch file range or a client's GET /v1/rejected?after= cursor has passed already.
-- +goose Up
CREATE TABLE IF NOT EXISTS revive_sessions (
	session_id TEXT PRIMARY KEY);
CREATE INDEX IF NOT EXISTS rejected_session ON rejected (session_id);
CREATE TABLE IF NOT EXISTS rejected_seq (
	one INTEGER PRIMARY KEY CHECK (one = 1),
	last BIGINT NOT NULL);
-- Seeded past every id a row has had: the newest row, and every epoch's range (its newest rows may have
-- been deleted since: a shortfall taken back by a veto).
INSERT INTO rejected_seq (one, last)
SELECT 1, CASE WHEN m.r >= m.e THEN m.r ELSE m.e END
FROM (SELECT COALESCE((SELECT MAX(id) FROM rejected), 0) AS r,
	COALESCE((SELECT MAX(rejected_last) FROM epochs), 0) AS e) AS m;
