import { describe, expect, it } from 'vitest';
import {
  addressVerdictAfter,
  decide,
  type LeadEvent,
  type LeadState,
  leadStates,
  stopsSequence,
  transition,
} from './lead-states.ts';

const events: LeadEvent[] = [
  { type: 'activate', verified: true },
  { type: 'verify' },
  { type: 'invalidate', subState: 'InvalidEmail' },
  { type: 'human_open', humanOpens: 1 },
  { type: 'human_click' },
  { type: 'meeting_accepted' },
  { type: 'mark_hot' },
  { type: 'reply', subState: 'Other' },
  { type: 'stop_request' },
  { type: 'bounce', subState: 'BounceDeactivated' },
  { type: 'deactivate' },
  { type: 'blocked', subState: 'Suppressed' },
  { type: 'unsubscribe', by: 'lead' },
  { type: 'out_of_office', returnDate: '2026-12-01' },
  { type: 'back_in_office', resumeAs: 'cold' },
  { type: 'complete' },
  { type: 'continue' },
];

// The whole allowed table, written out by hand from SPEC §4: state → event → next state.
const allowed: Record<LeadState, Partial<Record<LeadEvent['type'], LeadState>>> = {
  new: {
    activate: 'cold',
    invalidate: 'deactivated',
    meeting_accepted: 'hot',
    mark_hot: 'hot',
    reply: 'responded',
    stop_request: 'deactivated',
    bounce: 'deactivated',
    deactivate: 'deactivated',
    blocked: 'deactivated',
    unsubscribe: 'unsubscribed',
  },
  pending: {
    verify: 'cold',
    invalidate: 'deactivated',
    human_open: 'engaged',
    human_click: 'warm',
    meeting_accepted: 'hot',
    mark_hot: 'hot',
    reply: 'responded',
    stop_request: 'deactivated',
    bounce: 'deactivated',
    deactivate: 'deactivated',
    blocked: 'deactivated',
    unsubscribe: 'unsubscribed',
    out_of_office: 'out_of_office',
    complete: 'processed',
  },
  cold: {
    invalidate: 'deactivated',
    human_open: 'engaged',
    human_click: 'warm',
    meeting_accepted: 'hot',
    mark_hot: 'hot',
    reply: 'responded',
    stop_request: 'deactivated',
    bounce: 'deactivated',
    deactivate: 'deactivated',
    blocked: 'deactivated',
    unsubscribe: 'unsubscribed',
    out_of_office: 'out_of_office',
    complete: 'processed',
  },
  engaged: {
    human_click: 'warm',
    meeting_accepted: 'hot',
    mark_hot: 'hot',
    reply: 'responded',
    stop_request: 'deactivated',
    bounce: 'deactivated',
    deactivate: 'deactivated',
    blocked: 'deactivated',
    unsubscribe: 'unsubscribed',
    out_of_office: 'out_of_office',
    complete: 'processed',
  },
  warm: {
    meeting_accepted: 'hot',
    mark_hot: 'hot',
    reply: 'responded',
    stop_request: 'deactivated',
    bounce: 'deactivated',
    deactivate: 'deactivated',
    blocked: 'deactivated',
    unsubscribe: 'unsubscribed',
    out_of_office: 'out_of_office',
    complete: 'processed',
  },
  hot: {
    stop_request: 'deactivated',
    deactivate: 'deactivated',
    unsubscribe: 'unsubscribed',
    continue: 'cold',
  },
  responded: {
    meeting_accepted: 'hot',
    mark_hot: 'hot',
    reply: 'responded',
    stop_request: 'deactivated',
    deactivate: 'deactivated',
    unsubscribe: 'unsubscribed',
    continue: 'cold',
  },
  out_of_office: {
    meeting_accepted: 'hot',
    mark_hot: 'hot',
    reply: 'responded',
    stop_request: 'deactivated',
    bounce: 'deactivated',
    deactivate: 'deactivated',
    blocked: 'deactivated',
    unsubscribe: 'unsubscribed',
    out_of_office: 'out_of_office',
    back_in_office: 'cold',
  },
  processed: {
    meeting_accepted: 'hot',
    mark_hot: 'hot',
    reply: 'responded',
    stop_request: 'deactivated',
    deactivate: 'deactivated',
    unsubscribe: 'unsubscribed',
    continue: 'cold',
  },
  deactivated: { meeting_accepted: 'hot', mark_hot: 'hot', unsubscribe: 'unsubscribed', continue: 'cold' },
  unsubscribed: {},
};

describe('lead state machine', () => {
  for (const state of leadStates) {
    for (const event of events) {
      const expected = allowed[state][event.type];
      it(`${state} + ${event.type} → ${expected ?? 'refused'}`, () => {
        const subState = state === 'deactivated' ? 'ManualStop' : null;
        const d = decide({ state, subState }, event);
        if (expected === undefined) {
          expect(d.ok).toBe(false);
          expect(() => transition({ state, subState }, event)).toThrow(/not allowed/);
        } else {
          expect(d).toMatchObject({ ok: true, next: { state: expected } });
        }
      });
    }
  }

  // SPEC §7: an address validation found invalid. The same table, except that nothing resumes the
  // sequence (continue, restart), and the refusal names the verdict and its date, before any other reason.
  const foundAt = new Date('2026-12-07T10:00:00Z');
  for (const state of leadStates) {
    for (const event of [...events, { type: 'restart' } as const]) {
      const resumes = event.type === 'continue' || event.type === 'restart';
      const expected = resumes ? undefined : allowed[state][event.type];
      it(`address found Disposable: ${state} + ${event.type} → ${expected ?? 'refused'}`, () => {
        const subState = state === 'deactivated' ? 'Disposable' : null;
        const address = { verdict: 'Disposable', at: foundAt };
        const d = decide({ state, subState, address }, event);
        if (resumes) {
          expect(d).toEqual({
            ok: false,
            reason: `${event.type} is not allowed from ${state}: the address was found Disposable on 2026-12-07, and nothing is ever sent to it`,
          });
        } else if (expected === undefined) expect(d.ok).toBe(false);
        else expect(d).toMatchObject({ ok: true, next: { state: expected } });
      });
    }
  }

  // SPEC §4: Force send. Only a pending lead whose address could not be verified either way.
  it('vouch: pending CatchAll or Unverifiable → cold/Vouched; anything else refused', () => {
    for (const subState of ['CatchAll', 'Unverifiable'])
      expect(decide({ state: 'pending', subState }, { type: 'vouch' })).toMatchObject({
        ok: true,
        next: { state: 'cold', subState: 'Vouched' },
        transition: 'pending→cold',
      });
    expect(decide({ state: 'pending', subState: 'Unverified' }, { type: 'vouch' })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/still being validated/),
    });
    for (const state of leadStates.filter((s) => s !== 'pending'))
      expect(decide({ state, subState: null }, { type: 'vouch' }).ok).toBe(false);
  });

  it('resumes a lead whose address is not validated yet as pending, held for validation', () => {
    const unchecked = { verdict: null, at: null };
    for (const state of ['hot', 'responded', 'processed'] as const)
      for (const type of ['continue', 'restart'] as const)
        expect(decide({ state, subState: null, address: unchecked }, { type })).toMatchObject({
          ok: true,
          next: { state: 'pending', subState: 'Unverified' },
        });
    const valid = { verdict: 'valid', at: foundAt };
    expect(decide({ state: 'hot', subState: null, address: valid }, { type: 'continue' })).toMatchObject({
      next: { state: 'cold' },
    });
    // An unsure verdict (a catch-all domain) is sent all the same (SPEC §4 pending).
    const catchAll = { verdict: 'CatchAll', at: foundAt };
    expect(decide({ state: 'hot', subState: null, address: catchAll }, { type: 'continue' }).ok).toBe(true);
  });

  it('remembers what validation (and a bounce) said of the address', () => {
    expect(addressVerdictAfter({ type: 'invalidate', subState: 'SpamTrap' })).toEqual({
      verdict: 'SpamTrap',
    });
    expect(addressVerdictAfter({ type: 'bounce', subState: 'BounceDeactivated' })).toEqual({
      verdict: 'BounceDeactivated',
    });
    expect(addressVerdictAfter({ type: 'verify' })).toEqual({ verdict: 'valid' });
    expect(addressVerdictAfter({ type: 'verify', unsure: 'CatchAll' })).toEqual({ verdict: 'CatchAll' });
    expect(addressVerdictAfter({ type: 'activate', verified: false })).toEqual({ verdict: null });
    expect(addressVerdictAfter({ type: 'activate', verified: true })).toEqual({ verdict: 'valid' });
    expect(addressVerdictAfter({ type: 'mark_hot' })).toBeNull();
  });

  it('three human opens make a running lead warm, one makes it engaged', () => {
    expect(decide({ state: 'cold', subState: null }, { type: 'human_open', humanOpens: 1 })).toMatchObject({
      next: { state: 'engaged', subState: 'Opened' },
    });
    expect(decide({ state: 'engaged', subState: null }, { type: 'human_open', humanOpens: 3 })).toMatchObject(
      {
        next: { state: 'warm', subState: 'ThreeOpens' },
      },
    );
  });

  it('a lead deactivated by a bounce, a stop request or suppression cannot be continued', () => {
    for (const subState of ['BounceDeactivated', 'StopRequest', 'InvalidEmail', 'Suppressed']) {
      const d = decide({ state: 'deactivated', subState }, { type: 'continue' });
      expect(d.ok).toBe(false);
    }
    // An exclusion entry can be taken off again: its lead may then be continued.
    expect(decide({ state: 'deactivated', subState: 'Excluded' }, { type: 'continue' }).ok).toBe(true);
  });

  it('lets a user reclassify only states a reply produced', () => {
    const to = { state: 'responded', subState: 'InfoRequest' } as const;
    expect(decide({ state: 'deactivated', subState: 'StopRequest' }, { type: 'reclassify', to }).ok).toBe(
      true,
    );
    expect(decide({ state: 'hot', subState: 'MeetingAccepted' }, { type: 'reclassify', to }).ok).toBe(true);
    expect(
      decide({ state: 'deactivated', subState: 'BounceDeactivated' }, { type: 'reclassify', to }).ok,
    ).toBe(false);
    expect(decide({ state: 'cold', subState: null }, { type: 'reclassify', to }).ok).toBe(false);
    expect(decide({ state: 'unsubscribed', subState: 'LinkClicked' }, { type: 'reclassify', to }).ok).toBe(
      false,
    );
  });

  it('introduce: stops the sequence, responded stays responded, the rest becomes hot; never a stopped or waiting lead', () => {
    for (const state of leadStates) {
      const d = decide({ state, subState: null }, { type: 'introduce' });
      if (state === 'new' || state === 'deactivated' || state === 'unsubscribed') {
        expect(d.ok, state).toBe(false);
        continue;
      }
      const next = state === 'responded' ? 'responded' : 'hot';
      expect(d, state).toMatchObject({ ok: true, next: { state: next, subState: 'Introduced' } });
      expect(stopsSequence(next)).toBe(true);
    }
  });

  it('records sub-states that say why', () => {
    expect(
      transition({ state: 'cold', subState: null }, { type: 'unsubscribe', by: 'complaint' }).next.subState,
    ).toBe('SpamComplaint');
    expect(transition({ state: 'warm', subState: null }, { type: 'stop_request' }).next.subState).toBe(
      'StopRequest',
    );
    expect(
      transition({ state: 'new', subState: null }, { type: 'activate', verified: false }).next.state,
    ).toBe('pending');
  });

  it('validation: pending/Unverified becomes cold, or stays pending when the address cannot be verified either way', () => {
    const unverified = { state: 'pending' as const, subState: 'Unverified' };
    expect(decide(unverified, { type: 'verify' })).toMatchObject({ next: { state: 'cold', subState: null } });
    expect(decide(unverified, { type: 'verify', unsure: 'CatchAll' })).toMatchObject({
      next: { state: 'pending', subState: 'CatchAll' },
      transition: 'pending→pending',
    });
    expect(
      decide({ state: 'pending', subState: 'CatchAll' }, { type: 'verify', unsure: 'Unverifiable' }).ok,
    ).toBe(false);
    expect(decide(unverified, { type: 'invalidate', subState: 'ServerUnReachable' })).toMatchObject({
      next: { state: 'deactivated', subState: 'ServerUnReachable' },
    });
  });

  it('only running states keep the sequence going; out of office pauses it', () => {
    expect(leadStates.filter((s) => !stopsSequence(s))).toEqual([
      'new',
      'pending',
      'cold',
      'engaged',
      'warm',
      'out_of_office',
    ]);
  });
});
