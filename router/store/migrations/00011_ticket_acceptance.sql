-- The provider's acceptance of the session's ticket (settle.AcceptanceDigest, 0x-hex signature; '' when the
-- close carried none): the settlement record carries it, and keepers keep a copy of the session whose ticket
-- the provider accepted over any other router's re-ticketed copy.
-- +goose Up
ALTER TABLE sessions ADD COLUMN ticket_acceptance TEXT NOT NULL DEFAULT '';
