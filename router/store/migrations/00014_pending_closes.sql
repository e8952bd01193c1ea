-- Closes that arrived in time but could not be judged yet (router/api: the chain's head, which a close
-- carrying a provider signature or ticket acceptance needs, could not be read), kept with their arrival
-- time and judged later as of it, in arrival order (seq, per session): the first that passes closes the
-- session, one that fails is dropped. A close of the session (any: CloseSession) deletes its rows.
-- +goose Up
CREATE TABLE pending_closes (
	session_id TEXT   NOT NULL,
	seq        BIGINT NOT NULL, -- arrival order within the session, from 1
	digest     TEXT   NOT NULL, -- keccak256 of body: a retry of the same close is recognised, not kept again
	closed_at  BIGINT NOT NULL, -- unix seconds: when it arrived, the closedAt it is judged and recorded with
	body       TEXT   NOT NULL, -- the close request (wire.CloseRequest JSON)
	PRIMARY KEY (session_id, seq),
	UNIQUE (session_id, digest)
);
