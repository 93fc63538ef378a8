-- No email stranded (issue 8): how far a send got, so a worker that dies or
-- loses the database leaves only the truly unknown emails `uncertain`.

-- NULL: claimed but not yet handed to the mail server (safe to send again);
-- 'started': handed to the mail server, answer not yet known; 'accepted': the
-- server answered 250 (smtp_response holds it); 'refused': it answered an error.
ALTER TABLE messages ADD COLUMN transmission text
  CHECK (transmission IN ('started', 'accepted', 'refused'));

-- When the first temporary SMTP failure of this email happened: retries stop
-- (failed) once it is older than SEND_GIVE_UP_AFTER_MS.
ALTER TABLE messages ADD COLUMN retrying_since timestamptz;

-- The list of unsent emails (uncertain and failed) a human may retry.
CREATE INDEX messages_unsent_idx ON messages (org_id, created_at) WHERE status IN ('uncertain', 'failed');
