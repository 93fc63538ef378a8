-- Orgs, people and credentials.
CREATE TABLE orgs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  active_lead_cap integer,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  email text NOT NULL,
  name text NOT NULL DEFAULT '',
  role text NOT NULL CHECK (role IN ('admin', 'member')),
  password_hash text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_org_idx ON users (org_id);

CREATE TABLE api_keys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name text NOT NULL,
  prefix text NOT NULL,
  key_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

CREATE TABLE sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Schedules: day offsets from the first message. starts_at_step > 0 for the
-- EmailCC copy, whose first step is the user's own email.
CREATE TABLE schedules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  name text NOT NULL,
  steps jsonb NOT NULL,
  starts_at_step integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX schedules_org_idx ON schedules (org_id);

CREATE TABLE assistants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  name text NOT NULL,
  email text NOT NULL,
  phone text,
  avatar_url text,
  signature text NOT NULL DEFAULT '',
  brochure_url text,
  more_context text NOT NULL DEFAULT '',
  more_information text NOT NULL DEFAULT '',
  calendar_url text,
  risk_reminder_every_days integer NOT NULL DEFAULT 2,
  risk_reminder_times integer NOT NULL DEFAULT 5,
  default_schedule_id uuid REFERENCES schedules(id) ON DELETE SET NULL,
  default_emailcc_schedule_id uuid REFERENCES schedules(id) ON DELETE SET NULL,
  auto_activate boolean NOT NULL DEFAULT true,
  default_lead_name text NOT NULL DEFAULT 'Sir/Madam',
  emailcc_reserve_percent integer NOT NULL DEFAULT 5,
  send_days jsonb NOT NULL DEFAULT '[1,2,3,4,5]',
  send_start_minute integer NOT NULL DEFAULT 480,
  send_end_minute integer NOT NULL DEFAULT 1080,
  daily_cap integer NOT NULL DEFAULT 100,
  smtp_url text,
  track_opens boolean NOT NULL DEFAULT true,
  track_clicks boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assistants_org_idx ON assistants (org_id);

CREATE TABLE assistant_exclusions (
  assistant_id uuid NOT NULL REFERENCES assistants(id) ON DELETE CASCADE,
  pattern text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (assistant_id, pattern)
);

-- Leads. The partial unique index refuses a second unfinished lead with the
-- same address for the same assistant, even under concurrent inserts.
CREATE TABLE leads (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  assistant_id uuid NOT NULL REFERENCES assistants(id),
  owner_id uuid NOT NULL REFERENCES users(id),
  schedule_id uuid NOT NULL REFERENCES schedules(id),
  email text NOT NULL,
  first_name text,
  last_name text,
  company text,
  title text,
  industry text,
  phone text,
  country text,
  time_zone text,
  source text NOT NULL,
  context text NOT NULL DEFAULT '',
  additional_information text NOT NULL DEFAULT '',
  tags jsonb NOT NULL DEFAULT '[]',
  custom_fields jsonb NOT NULL DEFAULT '{}',
  state text NOT NULL,
  sub_state text,
  at_risk boolean NOT NULL DEFAULT false,
  first_send_at timestamptz,
  reply_token text NOT NULL UNIQUE,
  unsubscribe_token text NOT NULL UNIQUE,
  state_changed_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX leads_open_email_key ON leads (assistant_id, lower(email))
  WHERE state NOT IN ('processed', 'deactivated', 'unsubscribed');
CREATE INDEX leads_org_created_idx ON leads (org_id, created_at);
CREATE INDEX leads_email_idx ON leads (lower(email));

-- Outgoing messages: one row per scheduled step (and per manual message).
-- The dispatcher claims due rows with FOR UPDATE SKIP LOCKED.
CREATE TABLE messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  lead_id uuid NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
  assistant_id uuid NOT NULL REFERENCES assistants(id),
  kind text NOT NULL CHECK (kind IN ('sequence', 'manual')),
  step integer,
  status text NOT NULL CHECK (status IN ('scheduled', 'sending', 'sent', 'failed', 'cancelled', 'uncertain')),
  due_at timestamptz NOT NULL,
  explicit_time boolean NOT NULL DEFAULT false,
  message_id text NOT NULL UNIQUE,
  subject text,
  text_body text,
  in_reply_to text,
  "references" jsonb NOT NULL DEFAULT '[]',
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  claimed_by text,
  claimed_at timestamptz,
  sent_at timestamptz,
  smtp_response text,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- Matches the claim's ORDER BY due_at, id: no sort of every scheduled row.
CREATE INDEX messages_due_idx ON messages (due_at, id) WHERE status = 'scheduled';
CREATE INDEX messages_sending_idx ON messages (claimed_by) WHERE status = 'sending';
CREATE INDEX messages_lead_idx ON messages (lead_id, step);
CREATE INDEX messages_assistant_sent_idx ON messages (assistant_id, sent_at) WHERE status = 'sent';

-- Every inbound message, raw, kept whatever happens to it. `raw` holds the
-- message's bytes base64-encoded: text crosses PGlite's wire ~10x faster than
-- bytea (40 MB: 1 s instead of 12 s), and bytes survive any charset.
CREATE TABLE inbound_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  channel text NOT NULL CHECK (channel IN ('sandbox', 'http', 'smtp', 'imap')),
  dedupe_key text NOT NULL UNIQUE,
  message_id text,
  raw text NOT NULL,
  org_id uuid REFERENCES orgs(id) ON DELETE CASCADE,
  lead_id uuid REFERENCES leads(id) ON DELETE SET NULL,
  from_address text,
  subject text,
  reply_text text,
  kind text,
  matched_by text,
  status text NOT NULL CHECK (status IN ('received', 'processing', 'processed', 'unmatched', 'failed')),
  error text,
  attempts integer NOT NULL DEFAULT 0,
  claimed_by text,
  received_at timestamptz NOT NULL DEFAULT now(),
  processed_at timestamptz
);
CREATE INDEX inbound_pending_idx ON inbound_messages (received_at) WHERE status = 'received';
CREATE INDEX inbound_lead_idx ON inbound_messages (lead_id);

-- The lead's story: state changes with cause and evidence, decisions not to
-- send, notes. Oldest first by id.
CREATE TABLE timeline_events (
  id bigserial PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  lead_id uuid NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
  type text NOT NULL,
  from_state text,
  to_state text,
  from_sub_state text,
  to_sub_state text,
  actor_type text NOT NULL CHECK (actor_type IN ('user', 'assistant', 'system', 'lead')),
  actor_id text,
  reason text NOT NULL,
  evidence jsonb,
  message_id uuid REFERENCES messages(id) ON DELETE SET NULL,
  inbound_message_id uuid REFERENCES inbound_messages(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX timeline_lead_idx ON timeline_events (lead_id, id);

-- Addresses never to be emailed again by this org.
CREATE TABLE suppressions (
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  email text NOT NULL,
  reason text NOT NULL,
  lead_id uuid REFERENCES leads(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, email)
);

-- What the built-in sandbox SMTP server received. received_count > 1 would
-- reveal a duplicate delivery: the exactly-once tests read it.
CREATE TABLE sandbox_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  message_id text NOT NULL UNIQUE,
  org_id uuid REFERENCES orgs(id) ON DELETE CASCADE,
  envelope_from text,
  envelope_to jsonb NOT NULL,
  from_header text,
  to_header text,
  subject text,
  text_body text,
  headers jsonb NOT NULL,
  raw text NOT NULL,
  received_count integer NOT NULL DEFAULT 1,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sandbox_org_idx ON sandbox_messages (org_id, received_at);

-- Live workers, so a restarted one can tell a dead peer's in-flight sends.
CREATE TABLE workers (
  id text PRIMARY KEY,
  pid integer NOT NULL,
  host text NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  heartbeat_at timestamptz NOT NULL DEFAULT now()
);
