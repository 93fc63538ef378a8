-- Failed sign-ins, counted per account (the normalised email, whether or not
-- it has an account, so a lock does not reveal one) and per client address.
-- In the database rather than in memory so several server processes share
-- the counts. A row goes once its window and lock are long past.
CREATE TABLE signin_failures (
  key text PRIMARY KEY,              -- 'account:<email>' or 'address:<ip>'
  failures integer NOT NULL DEFAULT 0,
  window_started_at timestamptz NOT NULL,
  locked_until timestamptz,
  locks integer NOT NULL DEFAULT 0,   -- locks in a row: each one lasts twice the last
  last_failure_at timestamptz NOT NULL
);
CREATE INDEX signin_failures_last_failure ON signin_failures (last_failure_at);
