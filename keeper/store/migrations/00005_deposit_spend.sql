-- Paid usage (issue 16, PROTOCOL §4 "Paid usage"): what users' deposits paid. Each session carries the
-- RFC's deposit consent (use_deposit) and when it started (started_at: settle.Start of the record, compared
-- with a pending withdrawal request's time). epoch_spends holds, per epoch, the spend tree the epoch
-- committed (every depositor's cumulative spend, as JSON like epoch_trees) and what each session of the
-- epoch was charged to a deposit (charges), which a rollback takes back.
-- +goose Up
ALTER TABLE pending_sessions ADD COLUMN use_deposit BIGINT NOT NULL DEFAULT 0;
ALTER TABLE pending_sessions ADD COLUMN started_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN use_deposit BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN started_at BIGINT NOT NULL DEFAULT 0;

CREATE TABLE epoch_spends (
	epoch_id BIGINT PRIMARY KEY,
	spend_root TEXT NOT NULL,
	spent TEXT NOT NULL,
	leaves TEXT NOT NULL,
	charges TEXT NOT NULL);
