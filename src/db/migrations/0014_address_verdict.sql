-- What validation last concluded about a lead's address (SPEC §7), kept
-- apart from its state: a user may mark a lead hot whose address was found
-- Disposable, and continuing it must still be refused. NULL: not decided yet
-- (the lead waits for validation); 'valid'; 'CatchAll' or 'Unverifiable'
-- (could not tell, sent all the same); or the invalid sub-state
-- (InvalidEmail, Disposable, SpamTrap, ServerUnReachable, CannotDetermine,
-- BounceDeactivated, BounceRisk) that nothing is ever sent to.
ALTER TABLE leads ADD COLUMN address_verdict text;
ALTER TABLE leads ADD COLUMN address_verdict_at timestamptz;

-- Existing leads: past validation (or added before it existed) is valid…
UPDATE leads SET address_verdict = 'valid', address_verdict_at = state_changed_at
  WHERE state <> 'new' AND NOT (state = 'pending' AND sub_state = 'Unverified');
UPDATE leads SET address_verdict = sub_state
  WHERE state = 'pending' AND sub_state IN ('CatchAll', 'Unverifiable');
-- …unless the timeline says the lead went to be validated and no verdict came…
UPDATE leads l SET address_verdict = NULL, address_verdict_at = NULL
  WHERE EXISTS (SELECT 1 FROM timeline_events t WHERE t.lead_id = l.id AND t.type = 'state_changed'
                  AND t.evidence->>'transition' = 'new→pending')
    AND NOT EXISTS (SELECT 1 FROM timeline_events t WHERE t.lead_id = l.id AND t.type = 'state_changed'
                  AND (t.evidence->>'transition' IN ('pending→cold', 'pending→pending')
                       OR t.to_state = 'deactivated' AND t.to_sub_state IN ('InvalidEmail', 'BounceDeactivated',
                         'BounceRisk', 'CannotDetermine', 'ServerUnReachable', 'SpamTrap', 'Disposable')));
-- …and the latest invalid verdict stands, even for a lead a user has moved on since (marked hot).
UPDATE leads l SET address_verdict = e.to_sub_state, address_verdict_at = e.created_at
  FROM (SELECT DISTINCT ON (lead_id) lead_id, to_sub_state, created_at FROM timeline_events
        WHERE type = 'state_changed' AND to_state = 'deactivated' AND to_sub_state IN ('InvalidEmail',
          'BounceDeactivated', 'BounceRisk', 'CannotDetermine', 'ServerUnReachable', 'SpamTrap', 'Disposable')
        ORDER BY lead_id, id DESC) e
  WHERE l.id = e.lead_id;
