-- The provider's registered signer when the router issued the session's ticket (0x-hex address; '' in rows
-- written before): the provider signs its acceptance of the ticket once, at the session's first request,
-- so a close after the provider rotated its signer carries the acceptance of the key in force at the grant,
-- which the router (like keepers: the signer at the session's start or at its close) takes.
-- +goose Up
ALTER TABLE sessions ADD COLUMN provider_signer TEXT NOT NULL DEFAULT '';
