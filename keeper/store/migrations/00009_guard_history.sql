-- The guard's memory of the earlier live epochs' batch files (ledger.BatchChecker.History), so that its
-- credits check neither holds every session id ever credited in memory nor needs every earlier file again
-- after a restart: per epoch the commit its file was read for (root and batchHash) and whether the epoch
-- was claimable then (guard_epochs), the session ids the file lists (guard_credited) and the charged of
-- each user-day its allowances list (guard_charged). An epoch's rows are replaced together when its commit
-- changes. guard_deployment: the one chain and pool the rows are of (a --data-dir reused elsewhere is refused).
-- +goose Up
CREATE TABLE IF NOT EXISTS guard_epochs (
    epoch BIGINT PRIMARY KEY,
    root       TEXT NOT NULL,
    batch_hash TEXT NOT NULL,
    final      BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS guard_credited (
    session_id TEXT NOT NULL,
    epoch      BIGINT NOT NULL,
    PRIMARY KEY (session_id, epoch)
);
CREATE INDEX IF NOT EXISTS guard_credited_epoch ON guard_credited (epoch);
CREATE TABLE IF NOT EXISTS guard_charged (
    user_addr TEXT NOT NULL,
    day       BIGINT NOT NULL,
    epoch     BIGINT NOT NULL,
    charged   TEXT NOT NULL,
    PRIMARY KEY (user_addr, day, epoch)
);
CREATE INDEX IF NOT EXISTS guard_charged_epoch ON guard_charged (epoch);
CREATE TABLE IF NOT EXISTS guard_deployment (
    id       BIGINT PRIMARY KEY,
    chain_id BIGINT NOT NULL,
    pool     TEXT NOT NULL
);
