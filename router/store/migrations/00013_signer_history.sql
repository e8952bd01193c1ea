-- The time of each stored log's block (unix seconds; 0 where the indexer did not read it — it reads it for
-- the provider signer events, ProviderRegistered and ProviderUpdated): the book keeps every provider's signer
-- history with the block times, and the router judges a close's signatures by the signer at the session's
-- start or at its close (settle.SignerAt), as keepers do. Logs stored before have no time: the indexer's log
-- filter key changed with this column, so it re-indexes them from the start block.
-- sessions.provider_signer (00012) is dropped: the signer at the session's start comes from that history.
-- +goose Up
ALTER TABLE events ADD COLUMN block_time BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sessions DROP COLUMN provider_signer;
