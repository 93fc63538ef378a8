-- Deliverability (SPEC §5.3 bounce breaker, §12 separate breakers): hard
-- bounces and complaints counted per mailbox, assistant and org; breakers that
-- warn and pause; DKIM keys per assistant.

-- Each hard bounce and complaint. sent_at is when the email it is about was
-- sent (for a refusal at send time: then), on the clock that stamps
-- messages.sent_at: a rate is "of the emails sent in the window, how many
-- bounced", so a late bounce about an email sent before a resume cannot
-- re-trip the breaker. Kept when a lead is erased (lead_id SET NULL): erasure
-- must not lower a rate.
CREATE TABLE deliverability_events (
  id bigserial PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  assistant_id uuid NOT NULL REFERENCES assistants(id) ON DELETE CASCADE,
  mailbox text NOT NULL,
  lead_id uuid REFERENCES leads(id) ON DELETE SET NULL,
  kind text NOT NULL CHECK (kind IN ('hard_bounce', 'complaint')),
  source text NOT NULL CHECK (source IN ('inbound', 'smtp')),
  inbound_message_id uuid REFERENCES inbound_messages(id) ON DELETE SET NULL,
  sent_at timestamptz NOT NULL,
  occurred_at timestamptz NOT NULL
);
CREATE INDEX deliverability_events_org_idx ON deliverability_events (org_id, kind, sent_at);
-- An address fails once: the DSN that follows a send-time refusal is not a second bounce.
CREATE UNIQUE INDEX deliverability_events_bounce_key ON deliverability_events (lead_id)
  WHERE kind = 'hard_bounce';
-- A complaint report counts once, however often it arrives.
CREATE UNIQUE INDEX deliverability_events_complaint_key ON deliverability_events (inbound_message_id)
  WHERE kind = 'complaint';

-- One breaker per (scope, kind). scope_id: the org's id, the assistant's id,
-- or the mailbox (the sending address, lower case). A tripped breaker stays
-- tripped until an admin resumes it; resumed_at restarts its window.
CREATE TABLE breakers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  scope text NOT NULL CHECK (scope IN ('mailbox', 'assistant', 'org')),
  scope_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('hard_bounce', 'complaint')),
  state text NOT NULL DEFAULT 'armed' CHECK (state IN ('armed', 'warn', 'tripped')),
  rate double precision NOT NULL DEFAULT 0,
  window_sends integer NOT NULL DEFAULT 0,
  window_events integer NOT NULL DEFAULT 0,
  window_from timestamptz,
  evaluated_at timestamptz,
  warned_at timestamptz,
  tripped_at timestamptz,
  resumed_at timestamptz,
  resumed_by uuid REFERENCES users(id) ON DELETE SET NULL,
  evidence jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, scope, scope_id, kind)
);
-- The dispatcher asks every batch for tripped breakers: keep that cheap.
CREATE INDEX breakers_tripped_idx ON breakers (org_id) WHERE state = 'tripped';

-- Breakers tell the assistant's users through the alerts they already read.
ALTER TABLE deliverability_alerts DROP CONSTRAINT deliverability_alerts_kind_check;
ALTER TABLE deliverability_alerts ADD CONSTRAINT deliverability_alerts_kind_check
  CHECK (kind IN ('sender_block', 'complaint', 'breaker_warn', 'breaker_tripped'));
ALTER TABLE deliverability_alerts ADD COLUMN breaker_id uuid REFERENCES breakers(id) ON DELETE SET NULL;

-- DKIM signing key per assistant (RSA, PEM), sealed with SECRET_KEY like the
-- mailbox password. Without one, DKIM_SELECTOR / DKIM_PRIVATE_KEY apply.
ALTER TABLE assistants ADD COLUMN dkim_selector text;
ALTER TABLE assistants ADD COLUMN dkim_private_key_enc text;
