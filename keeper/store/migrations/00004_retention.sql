-- Retention (issue 19). settled_ids: the ids of sessions whose rows were pruned (credited by an epoch claimable
-- for the retention window), so a session fed again is still refused as a duplicate; 66 bytes a session
-- instead of the row and its record. feeds.settled: the feed cursor through which everything the keeper took
-- from that feed is settled (credited by a claimable epoch, or rejected): routers prune up to it (GET /v1/feeds).
-- +goose Up
CREATE TABLE settled_ids (
	session_id TEXT PRIMARY KEY
);

ALTER TABLE feeds ADD COLUMN settled TEXT NOT NULL DEFAULT '';

-- Each feed's sessions in seq order: Prune finds the last settled one of a feed without a scan.
CREATE INDEX sessions_feed_seq ON sessions (feed, seq);
