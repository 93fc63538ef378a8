-- Lead at risk (SPEC §4, §3; issue 11). A hot or responded lead whose owner
-- took no action for 24 hours is marked at risk by a scheduled job
-- (lead-risk/at-risk-job.ts); its reminders are counted from the moment the
-- 24-hour clock started (`at_risk_since`: the state change it is about), so
-- "every N days, M times" is one comparison per lead. Any user's action on
-- the lead clears it (timeline/clear-at-risk.ts).
ALTER TABLE leads ADD COLUMN at_risk_since timestamptz;
ALTER TABLE leads ADD COLUMN at_risk_reminders integer NOT NULL DEFAULT 0;

-- The job's two questions, each over few rows: hot/responded leads not yet at
-- risk, and leads at risk.
CREATE INDEX leads_risk_candidates_idx ON leads (state_changed_at)
  WHERE state IN ('hot', 'responded') AND NOT at_risk AND handled_outside_at IS NULL;
CREATE INDEX leads_at_risk_idx ON leads (at_risk_since) WHERE at_risk;

-- Signed one-click links in notification emails (lead-links/): a link works
-- once; its id is kept here when used, until well after it expired.
CREATE TABLE lead_link_uses (
  token_id text PRIMARY KEY,
  org_id uuid NOT NULL,
  lead_id uuid NOT NULL,
  user_id uuid NOT NULL,
  action text NOT NULL,
  used_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);

-- Notification settings (SPEC §8): extra addresses that get a copy of the
-- user's lead emails (each copy its own outbox row, without the one-click
-- links, which act as the user), and a daily digest of their warm leads (off
-- until turned on).
ALTER TABLE users ADD COLUMN notification_copy_to jsonb NOT NULL DEFAULT '[]';
ALTER TABLE users ADD COLUMN warm_digest boolean NOT NULL DEFAULT false;

ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
  CHECK (kind IN ('deliverability_alert', 'lead_hot', 'lead_responded', 'lead_warm', 'invitation', 'password_reset', 'emailcc_result', 'lead_at_risk', 'warm_digest'));
