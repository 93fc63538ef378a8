-- Bounded work per inbound message (issue 8): a message that fails or
-- overruns its time budget is tried again later, a few times, then
-- quarantined for a human with its reason; a human may retry or dismiss it.
ALTER TABLE inbound_messages DROP CONSTRAINT inbound_messages_status_check;
ALTER TABLE inbound_messages ADD CONSTRAINT inbound_messages_status_check
  CHECK (status IN ('received', 'processing', 'processed', 'unmatched', 'failed', 'quarantined', 'dismissed'));

-- When a message that failed may be claimed again (back-off); NULL: now.
ALTER TABLE inbound_messages ADD COLUMN next_attempt_at timestamptz;
-- Its size in bytes as received (the raw column holds it base64-encoded).
ALTER TABLE inbound_messages ADD COLUMN size_bytes integer;
-- When it was quarantined, and who dismissed it.
ALTER TABLE inbound_messages ADD COLUMN quarantined_at timestamptz;
ALTER TABLE inbound_messages ADD COLUMN dismissed_by uuid REFERENCES users(id) ON DELETE SET NULL;

-- The problems screen lists an org's quarantined and failed messages, newest first.
CREATE INDEX inbound_problems_idx ON inbound_messages (org_id, received_at)
  WHERE status IN ('quarantined', 'failed');
