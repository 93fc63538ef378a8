-- Lead notifications (SPEC §8): a lead that becomes hot, responded or warm
-- tells its owner by email, by WhatsApp and in the app (notify/lead-notifications.ts).

-- Two more channels: WhatsApp (the Cloud API, notify/whatsapp-notifier.ts)
-- and in-app (the notifications list itself: written as sent, nothing to deliver).
ALTER TABLE notifications DROP CONSTRAINT notifications_channel_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_channel_check
  CHECK (channel IN ('email', 'whatsapp', 'in_app'));

-- What a channel needs besides subject and body: for 'whatsapp', the
-- parameters of the configured message template, in order.
ALTER TABLE notifications ADD COLUMN params jsonb;

-- When the user read it (any channel's row of the same notification marks them all).
ALTER TABLE notifications ADD COLUMN read_at timestamptz;
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;

-- The user's own phone for WhatsApp notifications (E.164, e.g. +447700900123).
ALTER TABLE users ADD COLUMN phone text;
-- Per kind, per channel switches the user turned off or on, e.g.
-- {"lead_warm": {"whatsapp": false}}; a switch not named is on.
ALTER TABLE users ADD COLUMN notification_preferences jsonb NOT NULL DEFAULT '{}'::jsonb;
