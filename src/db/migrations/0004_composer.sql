-- The composer (SPEC §5.2): per-assistant template overrides, proof points
-- for the "PS:" line, and whether follow-ups quote the first email.

-- An assistant's own wording for one source and step angle, replacing the
-- built-in variants of that pair as a whole (deleting them brings the
-- built-ins back). `step` is the angle: introduction, value, proof,
-- brochure, question, last_try. Only the introduction carries a subject:
-- follow-ups answer it with "Re:".
CREATE TABLE assistant_templates (
  assistant_id uuid NOT NULL REFERENCES assistants(id) ON DELETE CASCADE,
  source text NOT NULL,
  step text NOT NULL,
  variant integer NOT NULL CHECK (variant >= 0),
  subject text,
  body text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (assistant_id, source, step, variant)
);

-- Short success stories; each email of a sequence gets a different one.
ALTER TABLE assistants ADD COLUMN proof_points jsonb NOT NULL DEFAULT '[]';
ALTER TABLE assistants ADD COLUMN quote_first_email boolean NOT NULL DEFAULT true;
