-- Reply intelligence (SPEC §6): out-of-office pauses, per-assistant inbound
-- mailboxes, the review queue, users' corrections, deliverability alerts.

-- When an out-of-office lead resumes its sequence.
ALTER TABLE leads ADD COLUMN resume_at timestamptz;
CREATE INDEX leads_resume_idx ON leads (resume_at) WHERE state = 'out_of_office';

-- The assistant's own mailbox for replies (IMAP). The password is encrypted
-- with SECRET_KEY (AES-256-GCM); it is never returned by the API.
ALTER TABLE assistants ADD COLUMN imap_host text;
ALTER TABLE assistants ADD COLUMN imap_port integer;
ALTER TABLE assistants ADD COLUMN imap_tls boolean NOT NULL DEFAULT true;
ALTER TABLE assistants ADD COLUMN imap_user text;
ALTER TABLE assistants ADD COLUMN imap_password_enc text;
ALTER TABLE assistants ADD COLUMN imap_mailbox text NOT NULL DEFAULT 'INBOX';
ALTER TABLE assistants ADD COLUMN imap_uid_validity text;
ALTER TABLE assistants ADD COLUMN imap_last_uid bigint NOT NULL DEFAULT 0;
ALTER TABLE assistants ADD COLUMN imap_error text;
-- One worker at a time reads a mailbox: it holds a lease it keeps renewing.
ALTER TABLE assistants ADD COLUMN imap_leased_by text;
ALTER TABLE assistants ADD COLUMN imap_lease_until timestamptz;

-- What the classifier said about an inbound message, and which assistant's
-- channel it came through (when known).
ALTER TABLE inbound_messages ADD COLUMN classification jsonb;
ALTER TABLE inbound_messages ADD COLUMN assistant_id uuid REFERENCES assistants(id) ON DELETE SET NULL;

-- Replies the classifier was unsure about, for a human to decide.
CREATE TABLE review_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  lead_id uuid NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
  inbound_message_id uuid NOT NULL REFERENCES inbound_messages(id) ON DELETE CASCADE,
  suggested_intent text NOT NULL,
  confidence real NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  resolved_intent text,
  resolved_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz
);
CREATE INDEX review_items_open_idx ON review_items (org_id, created_at) WHERE status = 'open';

-- Users' corrections of a classification: they fix the lead and teach the
-- org's classifier. Undoing one sets undone_at (the adapter ignores it).
CREATE TABLE classification_corrections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  lead_id uuid REFERENCES leads(id) ON DELETE SET NULL,
  inbound_message_id uuid REFERENCES inbound_messages(id) ON DELETE SET NULL,
  text text NOT NULL,
  predicted_intent text,
  intent text NOT NULL,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  undone_at timestamptz
);
CREATE INDEX corrections_org_idx ON classification_corrections (org_id) WHERE undone_at IS NULL;

-- Sender-side delivery problems (blocked, reputation, policy) and complaints:
-- the assistant's users are told; the lead is kept.
CREATE TABLE deliverability_alerts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  assistant_id uuid NOT NULL REFERENCES assistants(id) ON DELETE CASCADE,
  lead_id uuid REFERENCES leads(id) ON DELETE SET NULL,
  kind text NOT NULL CHECK (kind IN ('sender_block', 'complaint')),
  reason text NOT NULL,
  evidence jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz
);
CREATE INDEX alerts_assistant_idx ON deliverability_alerts (assistant_id, created_at);
