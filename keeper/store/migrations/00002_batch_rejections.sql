-- Protocol v2 (PROTOCOL §8): the batch file of an epoch lists the settlement records rejected since the
-- previous epoch, so anyone can re-check what the keeper refused as well as what it credited. Each epoch
-- remembers the newest rejected record when it was assembled.
-- +goose Up
ALTER TABLE epochs ADD COLUMN rejected_last BIGINT NOT NULL DEFAULT 0;
