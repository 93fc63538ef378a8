-- SPEC §10.2: an org admin assigns assistants to users, and makes a user
-- Assistant Manager of an assistant (who then sees, edits, adds for and
-- re-owns the leads of every user of it). One row per user per assistant;
-- `is_manager` marks the managers. access/ reads it for every decision.
CREATE TABLE assistant_users (
  org_id uuid NOT NULL,
  assistant_id uuid NOT NULL,
  user_id uuid NOT NULL,
  is_manager boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (assistant_id, user_id)
);
-- "Which assistants does this user manage / belong to": asked on every lead query of a non-admin.
CREATE INDEX assistant_users_user_idx ON assistant_users (user_id, assistant_id);
