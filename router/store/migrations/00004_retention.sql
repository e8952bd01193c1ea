-- Retention (issue 19): sessions settled by every configured keeper leave the database after a window; what
-- the reports show of them stays here as aggregates, and usage rows of finished days become one total a day.
-- +goose Up
-- Pruned sessions per hour of creation (created_at - created_at % 3600): GET /v1/reports/sessions.
CREATE TABLE session_hours (
	hour           BIGINT PRIMARY KEY,
	sessions       BIGINT NOT NULL,
	billed_seconds BIGINT NOT NULL
);

-- Allowance used on a protocol day by the users whose usage rows were pruned (decimal wei): GET /v1/budget.
CREATE TABLE usage_days (
	day  BIGINT PRIMARY KEY,
	used TEXT   NOT NULL
);

-- The oldest day still holding sessions, so usage rows of older days can go.
CREATE INDEX sessions_day ON sessions (day);
