-- EmailCC (SPEC §6.5, issue 10). A user's email that copies the assistant is
-- recorded as the first email (step 0, sent by the user) of each lead it
-- creates, so the follow-ups thread under it and quote it. One email to
-- several recipients is one Message-ID on several leads: a Message-ID is
-- unique per lead, no longer across the table (ours are random UUIDs, so
-- they stay unique in practice). The index still serves lookups by
-- Message-ID alone (inbound matching).
ALTER TABLE messages DROP CONSTRAINT messages_message_id_key;
-- Who wrote it when not the assistant (the user's address), so a follow-up's
-- quote of it says whose words they are.
ALTER TABLE messages ADD COLUMN written_by text;
CREATE UNIQUE INDEX messages_message_id_lead_key ON messages (message_id, lead_id);

-- The sender is told what their EmailCC created (or why not).
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
  CHECK (kind IN ('deliverability_alert', 'lead_hot', 'lead_responded', 'lead_warm', 'invitation', 'password_reset', 'emailcc_result'));
