-- Erasure (SPEC §12, issue 11). A person whose data is erased stays on the
-- org's suppression list by a hash of their address only, so no re-add or
-- re-import can email them while nothing holds the address in clear text.
-- Every suppression gets its hash (the key every check now uses); an erased
-- person's entry keeps the hash and drops the address.
-- The hash is SHA-256 of "<org id>:<address lower-cased>": salted by the org,
-- so the same address hashes differently in two orgs (no list links them).
ALTER TABLE suppressions ADD COLUMN email_hash text;
UPDATE suppressions
  SET email_hash = encode(sha256(convert_to(org_id::text || ':' || lower(email), 'UTF8')), 'hex');
ALTER TABLE suppressions ALTER COLUMN email_hash SET NOT NULL;
ALTER TABLE suppressions DROP CONSTRAINT suppressions_pkey;
ALTER TABLE suppressions ALTER COLUMN email DROP NOT NULL;
ALTER TABLE suppressions ADD PRIMARY KEY (org_id, email_hash);

-- The org's record that an erasure happened: who, when, how much went, and
-- the address's hash (never the address), so an auditor can confirm a
-- request was honoured without the timeline that went with it.
CREATE TABLE erasures (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  email_hash text NOT NULL,
  erased_by uuid,
  erased_at timestamptz NOT NULL DEFAULT now(),
  removed jsonb NOT NULL
);
CREATE INDEX erasures_org_idx ON erasures (org_id, erased_at);
