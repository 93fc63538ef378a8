-- Emails sent per assistant (mailbox) per minute. The daily cap sums at most
-- 1,441 of these rows per round instead of counting a day of messages, a
-- count that grew with every email sent and slowed every dispatch round.
CREATE TABLE assistant_send_counts (
  assistant_id uuid NOT NULL REFERENCES assistants(id) ON DELETE CASCADE,
  minute timestamptz NOT NULL,
  sent integer NOT NULL CHECK (sent > 0),
  PRIMARY KEY (assistant_id, minute)
);

INSERT INTO assistant_send_counts (assistant_id, minute, sent)
SELECT assistant_id, date_trunc('minute', sent_at), count(*)
FROM messages
WHERE status = 'sent' AND sent_at > now() - interval '2 days'
GROUP BY 1, 2;
