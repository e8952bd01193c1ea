-- Paid usage (issue 16, PROTOCOL §4 "Paid usage"): the part of a session's reservation a user's deposit
-- covers beyond its free allowance, and what the router charged each user's deposit.
-- +goose Up
-- deposit_reserved: the deposit's part of reserved (decimal wei, '0' for allowance-only sessions);
-- deposit_gen: the user's paid withdrawals when the session opened (the deposit_usage row it charges).
ALTER TABLE sessions ADD COLUMN deposit_reserved TEXT NOT NULL DEFAULT '0';
ALTER TABLE sessions ADD COLUMN deposit_gen BIGINT NOT NULL DEFAULT 0;

-- What this router charged a user's deposit since the user's gen-th paid withdrawal (reservations of open
-- sessions plus the deposit's part of billed amounts); older charges are in the spend that withdrawal proved.
CREATE TABLE deposit_usage (
	user_addr TEXT   NOT NULL,
	gen       BIGINT NOT NULL,
	used      TEXT   NOT NULL,
	PRIMARY KEY (user_addr, gen)
);
