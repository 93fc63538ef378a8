-- Engagement tracking and Send Time Optimization (SPEC §5.3, §8, §12):
-- every open-pixel fetch and tracked click, with the machine filter's verdict;
-- per-lead counters of the human ones; the lead's preferred send minute.

-- Every fetch of a message's open pixel. Machine ones (image proxies, security
-- scanners, fetches at delivery) are kept with their reason but never move a lead.
CREATE TABLE message_opens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  message_id uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  lead_id uuid NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
  opened_at timestamptz NOT NULL DEFAULT now(),
  user_agent text,
  ip text,
  is_machine boolean NOT NULL,
  machine_reason text
);
CREATE INDEX message_opens_message_idx ON message_opens (message_id);
-- Send Time Optimization reads a lead's latest human opens.
CREATE INDEX message_opens_lead_human_idx ON message_opens (lead_id, opened_at DESC) WHERE NOT is_machine;

-- Every tracked link followed (the redirect happens whatever the verdict).
CREATE TABLE message_clicks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  message_id uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  lead_id uuid NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
  url text NOT NULL,
  clicked_at timestamptz NOT NULL DEFAULT now(),
  user_agent text,
  ip text,
  is_machine boolean NOT NULL,
  machine_reason text
);
CREATE INDEX message_clicks_message_idx ON message_clicks (message_id);
CREATE INDEX message_clicks_lead_idx ON message_clicks (lead_id, clicked_at);

-- Human engagement per lead (what the state machine counts), and the minute
-- after local midnight its next step would ideally go (null: not known yet).
ALTER TABLE leads ADD COLUMN human_opens integer NOT NULL DEFAULT 0;
ALTER TABLE leads ADD COLUMN human_clicks integer NOT NULL DEFAULT 0;
ALTER TABLE leads ADD COLUMN last_human_open_at timestamptz;
ALTER TABLE leads ADD COLUMN preferred_send_minute integer
  CHECK (preferred_send_minute IS NULL OR preferred_send_minute BETWEEN 0 AND 1439);

-- Values the instance makes for itself once and keeps across restarts and
-- processes (e.g. the tracking links' signing key when TRACKING_SECRET is unset).
CREATE TABLE instance_settings (
  key text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
