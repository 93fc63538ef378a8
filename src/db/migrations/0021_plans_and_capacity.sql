-- Plans and capacity (SPEC §9, issue 10). A job that must run once a day
-- across any number of workers (the 10:00 GMT activation of `new` leads)
-- claims its day here: the first worker to insert (job, run_on) runs it, the
-- others find the row and do nothing. A claim whose run never finished (its
-- worker died) may be taken over once it is stale (plans/scheduled-runs.ts).
CREATE TABLE scheduled_runs (
  job text NOT NULL,
  run_on date NOT NULL,          -- the UTC day the run is for
  claimed_by text NOT NULL,      -- the worker that runs it
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  result jsonb,                  -- what the run did (leads activated per org), for operators
  PRIMARY KEY (job, run_on)
);

-- The activation reads each org's waiting leads oldest first.
CREATE INDEX leads_waiting_new_idx ON leads (org_id, created_at, id) WHERE state = 'new';

-- What counts against the plan: an org's leads by state.
CREATE INDEX leads_org_state_idx ON leads (org_id, state);

-- The slow rate of pending leads (SPEC §4): a mailbox's leads whose address
-- could not be verified either way.
CREATE INDEX leads_slow_pending_idx ON leads (assistant_id)
  WHERE state = 'pending' AND sub_state IN ('CatchAll', 'Unverifiable');
