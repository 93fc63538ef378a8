-- A large inbound message is stored in pieces (issue 8): its first bytes (the
-- part the worker analyses) stay in inbound_messages.raw, the rest goes here in
-- slices of about 1 MB of base64, one statement each. On PGlite, which runs on
-- the thread that answers HTTP, one 11 MB statement held that thread for half a
-- second and more on a busy machine; a slice holds it for tens of
-- milliseconds. The slices are written before the message row (so a worker
-- never claims a message whose bytes are half stored); slices whose message row
-- never came (a crash between the two, a duplicate) are removed by the
-- ingesting process or the next one that finds them.
CREATE TABLE inbound_message_chunks (
  message_id uuid NOT NULL,
  seq integer NOT NULL,          -- 1, 2, … after the part in inbound_messages.raw
  data text NOT NULL,            -- base64 of the bytes; the slices join without padding
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (message_id, seq)
);
