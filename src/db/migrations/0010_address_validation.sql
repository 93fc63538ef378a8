-- Address validation (SPEC §7). A lead waiting for its address to be
-- validated is pending/Unverified with validation_due_at set: when a worker
-- should (next) try. A worker claims it by moving validation_due_at past its
-- lease, so a worker that dies mid-check leaves the lead to be claimed again.
-- validation_attempts counts tries, for the back-off and the give-up.
ALTER TABLE leads ADD COLUMN validation_due_at timestamptz;
ALTER TABLE leads ADD COLUMN validation_attempts integer NOT NULL DEFAULT 0;

CREATE INDEX leads_validation_due_idx ON leads (validation_due_at, id)
  WHERE validation_due_at IS NOT NULL;
