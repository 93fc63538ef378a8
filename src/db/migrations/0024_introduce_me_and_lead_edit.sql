-- Introduce Me (SPEC §6.3, issue 11). Each user's own introduction text, with
-- placeholders; null: the built-in default (introductions/introduction-text.ts).
ALTER TABLE users ADD COLUMN introduction_text text;

-- An email may copy people (the user an introduction introduces) and name
-- where answers go (the assistant and that user): [{name, address}, ...].
ALTER TABLE messages ADD COLUMN cc jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE messages ADD COLUMN reply_to jsonb NOT NULL DEFAULT '[]'::jsonb;

-- After an introduction the lead is the user's: the assistant stays out of
-- the thread (inbound/introduced-thread.ts) until a user continues or restarts it.
ALTER TABLE leads ADD COLUMN introduced_at timestamptz;
ALTER TABLE leads ADD COLUMN introduced_by uuid;

-- The lead list filters by tag (having / not having): containment on the jsonb array.
CREATE INDEX leads_tags_idx ON leads USING gin (tags);
