-- Schedules that apply to the leads on them, user actions on leads, and
-- pacing per mailbox (SPEC §5.1, §5.3, §6.4).

-- Seconds between two sends from one mailbox (0 = no spacing), so a provider's
-- rate limits are never hit in a burst.
ALTER TABLE assistants ADD COLUMN send_spacing_seconds integer NOT NULL DEFAULT 0;
-- The zone assumed for new leads whose own zone cannot be told (else UTC).
ALTER TABLE assistants ADD COLUMN time_zone text;

-- Where the lead's current run of its sequence counts from: the step it
-- started at, when that step was planned to go, and the Message-ID of its
-- first email (follow-ups, re-planned and continued steps thread under it).
-- A schedule edit re-plans the remaining steps from these.
ALTER TABLE leads ADD COLUMN plan_base_step integer;
ALTER TABLE leads ADD COLUMN plan_base_at timestamptz;
ALTER TABLE leads ADD COLUMN plan_thread_root text;
-- The owner said the lead is handled outside Nurture: no at-risk reminders.
ALTER TABLE leads ADD COLUMN handled_outside_at timestamptz;

-- The leads of a schedule (edit re-plans them; delete counts them) and the
-- lead list's keyset pages, for admins (org) and members (owner).
CREATE INDEX leads_schedule_idx ON leads (schedule_id, state);
CREATE INDEX leads_org_created_id_idx ON leads (org_id, created_at DESC, id DESC);
CREATE INDEX leads_owner_created_id_idx ON leads (owner_id, created_at DESC, id DESC);
