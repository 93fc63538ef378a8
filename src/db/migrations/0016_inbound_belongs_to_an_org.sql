-- Inbound belongs to an org (issue 9). Each org has its own secret for
-- POST /api/v1/inbound/raw, stored as a SHA-256 hash (it is random and
-- high-entropy, like an API key) and shown once when made or rotated.
ALTER TABLE orgs ADD COLUMN inbound_secret_hash text;
ALTER TABLE orgs ADD COLUMN inbound_secret_set_at timestamptz;
CREATE UNIQUE INDEX orgs_inbound_secret_hash_idx ON orgs (inbound_secret_hash);

-- What the SMTP listener found of the sender's authentication (mailauth:
-- DMARC with its SPF and DKIM findings), checked before it answered 250.
ALTER TABLE inbound_messages ADD COLUMN sender_auth jsonb;

-- A message matched only by its sender's address whose sender fails DMARC
-- changes nothing: it is `held` for a human, with why.
ALTER TABLE inbound_messages DROP CONSTRAINT inbound_messages_status_check;
ALTER TABLE inbound_messages ADD CONSTRAINT inbound_messages_status_check
  CHECK (status IN ('received', 'processing', 'processed', 'unmatched', 'failed', 'quarantined', 'dismissed', 'held'));

-- Why a review item is there when it is not the classifier's doubt (e.g. 'dmarc_fail').
ALTER TABLE review_items ADD COLUMN reason text;

-- A message is deduplicated within the org it arrived for (ingest.ts prefixes
-- the key with the org): the keys already stored take the same form, so a
-- message delivered again after the upgrade is still recognised.
UPDATE inbound_messages SET dedupe_key = org_id::text || ':' || dedupe_key
  WHERE org_id IS NOT NULL AND dedupe_key NOT LIKE org_id::text || ':%';
