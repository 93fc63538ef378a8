-- Team and accounts (issue 9, SPEC §10.1 "Team" and "Me", §10.2): invitations
-- by email, password resets by email. Both hold a one-time token, stored only
-- as its SHA-256 hash (accounts/secret-tokens.ts); the link in the email is
-- the only place the token itself exists.

CREATE TABLE invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  email text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'member')),
  token_hash text NOT NULL UNIQUE,
  invited_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Resending makes a new token (the old link dies) and a new expiry.
  sent_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  accepted_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  cancelled_at timestamptz
);
-- One open invitation per address and org: inviting again replaces it.
CREATE UNIQUE INDEX invitations_open_key ON invitations (org_id, lower(email))
  WHERE accepted_at IS NULL AND cancelled_at IS NULL;

CREATE TABLE password_resets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX password_resets_user_idx ON password_resets (user_id, created_at DESC);

-- Account emails (an invitation, a reset link) go through the notifications
-- outbox like every email to a person, but their recipient may not be a user
-- yet: no user_id, and never in anyone's notifications list.
ALTER TABLE notifications ALTER COLUMN user_id DROP NOT NULL;
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
  CHECK (kind IN ('deliverability_alert', 'lead_hot', 'lead_responded', 'lead_warm', 'invitation', 'password_reset'));
