-- The daily spend cap (ComputePool.dailySpendCap): a pending session whose deposit charge did not fit in
-- what the day's cap had left is held back (held = 1) and assembled into a later epoch, whatever that
-- epoch's cutoff; while held it does not make an epoch due (its window is closed already). held = 2 is a
-- mark an assembly sets and clears within its own transaction (the sessions it leaves pending).
-- +goose Up
ALTER TABLE pending_sessions ADD COLUMN held BIGINT NOT NULL DEFAULT 0;
