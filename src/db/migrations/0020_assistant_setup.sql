-- Issue 10, SPEC §3: assistants a customer creates, edits and archives.
-- Archived, never deleted: its leads, messages and timeline stay. An archived
-- assistant is hidden from the list, takes no new lead, reads no mailbox and
-- sends nothing.
ALTER TABLE assistants ADD COLUMN archived_at timestamptz;
ALTER TABLE assistants ADD COLUMN archived_by uuid;
ALTER TABLE assistants ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
-- The assistant's own SMTP server (outbound/sender-registry.ts), set in the
-- settings screen; the older smtp_url stays the fallback. The password is
-- sealed with SECRET_KEY like the IMAP one and never returned.
ALTER TABLE assistants ADD COLUMN smtp_host text;
ALTER TABLE assistants ADD COLUMN smtp_port integer;
ALTER TABLE assistants ADD COLUMN smtp_tls boolean NOT NULL DEFAULT false;
ALTER TABLE assistants ADD COLUMN smtp_user text;
ALTER TABLE assistants ADD COLUMN smtp_password_enc text;
-- The uploaded avatar (at most 512 KB, checked by its magic bytes), as base64
-- text like raw mail, in a table of its own so the many reads of assistant
-- rows (every dispatch round) never carry it; avatar_url points at
-- GET /api/v1/assistants/{id}/avatar.
CREATE TABLE assistant_avatars (
  assistant_id uuid PRIMARY KEY,
  org_id uuid NOT NULL,
  content_type text NOT NULL,
  data text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- "Which live assistant sends as this address": asked on every create and
-- rename (the SMTP listener maps a recipient to one assistant). Not unique:
-- orgs set up before this check may share one; the API refuses new clashes.
CREATE INDEX assistants_live_email_idx ON assistants (lower(email)) WHERE archived_at IS NULL;
