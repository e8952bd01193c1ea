-- Protocol v2 (PROTOCOL §8): the router keeps each session's signed RFC, JSON {"rfc", "signature"}, so the
-- settlement record can carry it and keepers can check the user, whatever router issued the ticket.
-- +goose Up
ALTER TABLE sessions ADD COLUMN rfc TEXT NOT NULL DEFAULT '';
