-- The router's signature of the session's close (settle.CloseDigest: its dates, reason, billed seconds and
-- receipt, 0x-hex; '' for a close signed by no key of this router, such as one of a ticket signed by a key the
-- router no longer holds): the settlement record carries it, and keepers keep the close the ticket's signer
-- signed over any other router's copy of the record with other dates.
-- +goose Up
ALTER TABLE sessions ADD COLUMN close_signature TEXT NOT NULL DEFAULT '';
