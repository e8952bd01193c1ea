-- Protocol v2 (PROTOCOL §7 step 5): a provider closing a session alone sends the newest request the
-- session's key signed (wire.SignedRequest JSON); the settlement record carries it, and keepers bound what
-- the provider alone can bill by it.
-- +goose Up
ALTER TABLE sessions ADD COLUMN last_request TEXT NOT NULL DEFAULT '';
