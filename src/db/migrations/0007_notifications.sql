-- Notifications (SPEC §8, §5.3 "tells its users"): what Nurture tells its
-- users, as an outbox. A row is written in the same transaction as what it
-- is about (a deliverability alert now; a lead turning hot, responded or
-- warm later), so a rolled-back change notifies nobody; a worker delivers it
-- afterwards through the notifier of its channel, retrying with back-off.

CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  -- The recipient.
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  -- Whose mailbox the email goes from (and whose user is told).
  assistant_id uuid NOT NULL REFERENCES assistants(id) ON DELETE CASCADE,
  lead_id uuid REFERENCES leads(id) ON DELETE SET NULL,
  kind text NOT NULL
    CHECK (kind IN ('deliverability_alert', 'lead_hot', 'lead_responded', 'lead_warm')),
  -- One channel, one notifier (notify/notifier.ts). WhatsApp and in-app come later.
  channel text NOT NULL CHECK (channel IN ('email')),
  -- What it is about, by kind: for 'deliverability_alert' the deliverability_alerts id.
  source_id text NOT NULL,
  -- Where it goes, as it was when written: the user's email address for 'email'.
  destination text NOT NULL,
  -- The RFC 5322 Message-ID, made once: a retry is the same message.
  message_id text NOT NULL UNIQUE,
  subject text NOT NULL,
  body text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  -- When a worker may next try it: now, after a back-off, or when a claim's lease runs out.
  next_attempt_at timestamptz NOT NULL,
  claimed_by text,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  -- The same thing never notifies the same user twice on one channel.
  UNIQUE (kind, source_id, user_id, channel)
);
CREATE INDEX notifications_due_idx ON notifications (next_attempt_at, id) WHERE status = 'pending';
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id DESC);
