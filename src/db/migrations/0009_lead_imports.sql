-- Lead imports (SPEC §2): a CSV or XLSX file, read and stored row by row on
-- upload (a file that can't be read stores nothing), mapped to lead fields by
-- the user, then added by a worker, each row's outcome kept for the report.

CREATE TABLE lead_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  -- Who uploaded it: the leads are added as this user.
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  file_name text NOT NULL,
  format text NOT NULL CHECK (format IN ('csv', 'xlsx')),
  -- The header row's names, in order.
  columns jsonb NOT NULL,
  row_count integer NOT NULL,
  status text NOT NULL DEFAULT 'uploaded' CHECK (status IN ('uploaded', 'queued', 'running', 'done')),
  -- column name → lead field, custom.<name> or ignore; set when the import is started.
  mapping jsonb,
  -- source, assistantId, scheduleId, firstSendAt for every row.
  options jsonb,
  added integer NOT NULL DEFAULT 0,
  refused integer NOT NULL DEFAULT 0,
  claimed_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz
);
CREATE INDEX lead_imports_org_idx ON lead_imports (org_id, created_at DESC);
CREATE INDEX lead_imports_waiting_idx ON lead_imports (created_at) WHERE status IN ('queued', 'running');

CREATE TABLE lead_import_rows (
  import_id uuid NOT NULL REFERENCES lead_imports(id) ON DELETE CASCADE,
  -- 1 = the first row under the header (the file's line 2).
  row_number integer NOT NULL,
  cells jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'added', 'refused')),
  lead_id uuid REFERENCES leads(id) ON DELETE SET NULL,
  error_code text,
  error text,
  PRIMARY KEY (import_id, row_number)
);
CREATE INDEX lead_import_rows_pending_idx ON lead_import_rows (import_id, row_number) WHERE status = 'pending';
