-- No query reads sessions by model (analytics aggregates the closed sessions it reads by closed_at, which
-- sessions_open's state prefix serves): the index only cost every session insert and close a B-tree write.
-- +goose Up
DROP INDEX IF EXISTS sessions_model;

