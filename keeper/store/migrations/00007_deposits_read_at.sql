-- Issue 13: the block time each epoch read the deposits as of (the later of its cutoff minus one second and
-- the newest withdrawal), committed with the spend (ComputePool.commitRoot's depositsReadAt): the pool refuses
-- a spend read before a withdrawal paid since. Epochs stored before have 0 (they are committed already).
-- +goose Up
ALTER TABLE epoch_spends ADD COLUMN read_at BIGINT NOT NULL DEFAULT 0;
