/**
 * The lead state machine of SPEC §4, as data and one pure function. Every
 * allowed change has a name; everything else is refused. Side effects (cancel
 * the remaining steps, write the timeline) live in lead-state-change.ts.
 */
import { AppError } from '../errors/app-error.ts';

export const leadStates = [
  'new',
  'pending',
  'cold',
  'engaged',
  'warm',
  'hot',
  'responded',
  'out_of_office',
  'processed',
  'deactivated',
  'unsubscribed',
] as const;
export type LeadState = (typeof leadStates)[number];

/** States in which the sequence runs: the only ones the dispatcher sends to. */
export const runningStates = ['pending', 'cold', 'engaged', 'warm'] as const;
export type RunningState = (typeof runningStates)[number];
export const isRunning = (s: string): s is RunningState => (runningStates as readonly string[]).includes(s);

/** Active leads count against the plan (§9). */
export const activeStates: readonly LeadState[] = [...runningStates, 'out_of_office'];

/** A finished lead frees its address: the same email may be added again. */
export const finishedStates: readonly LeadState[] = ['processed', 'deactivated', 'unsubscribed'];

export const invalidSubStates = [
  'InvalidEmail',
  'BounceDeactivated',
  'BounceRisk',
  'CannotDetermine',
  'ServerUnReachable',
  'SpamTrap',
  'Disposable',
] as const;
export type InvalidSubState = (typeof invalidSubStates)[number];

export const responseSubStates = [
  'InfoRequest',
  'ConnectLater',
  'NotInterested',
  'WrongPerson',
  'Other',
  'NeedsReview',
] as const;
export type ResponseSubState = (typeof responseSubStates)[number];

export type LeadEvent =
  | { type: 'activate'; verified: boolean }
  /**
   * The address was validated (SPEC §7). `unsure`: it could not be verified
   * either way (a catch-all domain, a mail server that won't say): the lead
   * stays `pending` with that sub-state and is emailed all the same.
   */
  | { type: 'verify'; unsure?: 'CatchAll' | 'Unverifiable' }
  | { type: 'invalidate'; subState: InvalidSubState }
  /**
   * Force send (§4): a user vouches for an address validation could not
   * verify either way (catch-all, unverifiable). The lead leaves the slow
   * rate of `pending` for `cold`, sub-state `Vouched`.
   */
  | { type: 'vouch' }
  | { type: 'human_open'; humanOpens: number }
  | { type: 'human_click' }
  | { type: 'meeting_accepted' }
  | { type: 'mark_hot' }
  /**
   * Introduce Me (SPEC §6.3): the assistant emails the lead copying a user,
   * who takes the conversation from there. The sequence stops for good; a
   * responded lead stays responded, any other becomes hot, sub-state
   * `Introduced`.
   */
  | { type: 'introduce' }
  | { type: 'reply'; subState: ResponseSubState }
  | { type: 'stop_request' }
  | { type: 'bounce'; subState: 'BounceDeactivated' | 'CannotDetermine' }
  | { type: 'deactivate' }
  /**
   * The address is on the org's suppression list or the assistant's exclusion
   * list, or was found invalid (a send rule caught it): nothing more may go.
   */
  | { type: 'blocked'; subState: 'Suppressed' | 'Excluded' | InvalidSubState }
  | { type: 'unsubscribe'; by: 'lead' | 'user' | 'complaint' }
  | { type: 'out_of_office'; returnDate: string }
  | { type: 'back_in_office'; resumeAs: RunningState }
  | { type: 'complete' }
  | { type: 'reclassify'; to: { state: 'responded' | 'hot' | 'deactivated'; subState: string } }
  | { type: 'continue' }
  | { type: 'restart' };

export type LeadEventType = LeadEvent['type'];
export type StatePair = {
  state: LeadState;
  subState: string | null;
  /**
   * What validation last said of the address (leads.address_verdict), when
   * the caller knows it: null while not yet validated, 'valid', unsure
   * ('CatchAll', 'Unverifiable'), or an invalid sub-state with its date. A
   * user may mark hot a lead whose address was found invalid, but nothing
   * resumes its sequence; one not yet validated resumes as pending, held.
   */
  address?: { verdict: string | null; at: Date | null };
};

export const isInvalidVerdict = (verdict: string | null | undefined): verdict is InvalidSubState =>
  (invalidSubStates as readonly (string | null | undefined)[]).includes(verdict);

/** The lead's own columns as a state pair, its address verdict included. */
export const statePairOf = (lead: {
  state: string;
  subState: string | null;
  addressVerdict: string | null;
  addressVerdictAt: Date | null;
}): StatePair => ({
  state: lead.state as LeadState,
  subState: lead.subState,
  address: { verdict: lead.addressVerdict, at: lead.addressVerdictAt },
});

/** Why a lead's address may never be emailed, in a user's words; null when it may be. */
export function invalidAddressReason(address: StatePair['address']): string | null {
  if (!address || !isInvalidVerdict(address.verdict)) return null;
  const on = address.at ? ` on ${address.at.toISOString().slice(0, 10)}` : '';
  return `the address was found ${address.verdict}${on}, and nothing is ever sent to it`;
}

/**
 * What an event says about the address, for leads.address_verdict: the
 * validation verdicts, and a bounce (the mail server's own verdict). Other
 * events leave it as it is.
 */
export function addressVerdictAfter(event: LeadEvent): { verdict: string | null } | null {
  switch (event.type) {
    case 'activate':
      return { verdict: event.verified ? 'valid' : null };
    case 'verify':
      return { verdict: event.unsure ?? 'valid' };
    case 'invalidate':
    case 'bounce':
      return { verdict: event.subState };
    default:
      return null;
  }
}
export type Decision = { ok: true; next: StatePair; transition: string } | { ok: false; reason: string };

const running: readonly LeadState[] = runningStates;
const stoppedByReply: readonly LeadState[] = ['hot', 'responded'];
/** States a user may continue or restart from: stopped, but not by the lead's own wish. */
const resumable: readonly LeadState[] = ['hot', 'responded', 'processed', 'deactivated'];

const unsubscribeSub = {
  lead: 'LinkClicked',
  user: 'ManualUnsubscribe',
  complaint: 'SpamComplaint',
} as const;

/** Decide what `event` does to a lead in `current`; never throws. */
export function decide(current: StatePair, event: LeadEvent): Decision {
  const s = current.state;
  const to = (state: LeadState, subState: string | null, transition: string): Decision => ({
    ok: true,
    next: { state, subState },
    transition,
  });
  const refuse = (why: string): Decision => ({
    ok: false,
    reason: `${event.type} is not allowed from ${s}: ${why}`,
  });

  switch (event.type) {
    case 'activate':
      if (s !== 'new') return refuse('only a new lead is activated');
      return event.verified ? to('cold', null, 'new→cold') : to('pending', 'Unverified', 'new→pending');
    case 'verify':
      if (s !== 'pending') return refuse('only a pending lead is verified');
      if (event.unsure) {
        if (current.subState !== 'Unverified') return refuse('the address was checked already');
        return to('pending', event.unsure, 'pending→pending');
      }
      return to('cold', null, 'pending→cold');
    case 'vouch':
      if (s !== 'pending') return refuse('only a pending lead is sent at the normal rate on a user’s word');
      if (current.subState !== 'CatchAll' && current.subState !== 'Unverifiable')
        return refuse(
          'the address is still being validated; Force send is for one that could not be verified',
        );
      return to('cold', 'Vouched', 'pending→cold');
    case 'invalidate':
      if (!['new', 'pending', 'cold'].includes(s))
        return refuse('only a lead not yet engaged is invalidated');
      return to('deactivated', event.subState, `${s}→deactivated`);
    case 'human_open':
      if (!running.includes(s)) return refuse('opens move only running leads');
      if (event.humanOpens >= 3 && s !== 'warm') return to('warm', 'ThreeOpens', `${s}→warm`);
      if (s === 'cold' || s === 'pending') return to('engaged', 'Opened', `${s}→engaged`);
      return refuse('no engagement change');
    case 'human_click':
      if (!running.includes(s)) return refuse('clicks move only running leads');
      if (s === 'warm') return refuse('already warm');
      return to('warm', 'Clicked', `${s}→warm`);
    case 'meeting_accepted':
      if (s === 'unsubscribed' || s === 'hot') return refuse('lead is unsubscribed or already hot');
      return to('hot', 'MeetingAccepted', `${s}→hot`);
    case 'mark_hot':
      if (s === 'unsubscribed' || s === 'hot') return refuse('lead is unsubscribed or already hot');
      return to('hot', 'ManualHot', `${s}→hot`);
    case 'introduce': {
      if (s === 'unsubscribed' || s === 'deactivated') return refuse('the lead is not emailed any more');
      if (s === 'new') return refuse('the lead waits for plan capacity; activate it first');
      const next = s === 'responded' ? 'responded' : 'hot';
      return to(next, 'Introduced', `${s}→${next}`);
    }
    case 'reply':
      if (s === 'unsubscribed' || s === 'deactivated' || s === 'hot')
        return refuse('a reply does not move a stopped lead');
      return to('responded', event.subState, `${s}→responded`);
    case 'stop_request':
      if (s === 'unsubscribed' || s === 'deactivated') return refuse('already stopped');
      return to('deactivated', 'StopRequest', `${s}→deactivated`);
    case 'bounce':
      if (!running.includes(s) && s !== 'out_of_office' && s !== 'new')
        return refuse('a bounce deactivates only a lead being emailed');
      return to('deactivated', event.subState, `${s}→deactivated`);
    case 'blocked':
      if (!running.includes(s) && s !== 'out_of_office' && s !== 'new')
        return refuse('only a lead still to be emailed is stopped by a block');
      return to('deactivated', event.subState, `${s}→deactivated`);
    case 'deactivate':
      if (s === 'unsubscribed' || s === 'deactivated') return refuse('already stopped');
      return to('deactivated', 'ManualStop', `${s}→deactivated`);
    case 'unsubscribe':
      if (s === 'unsubscribed') return refuse('already unsubscribed');
      return to('unsubscribed', unsubscribeSub[event.by], `${s}→unsubscribed`);
    case 'out_of_office':
      if (!running.includes(s) && s !== 'out_of_office') return refuse('only a running lead is paused');
      return to('out_of_office', 'OutOfOffice', `${s}→out_of_office`);
    case 'back_in_office':
      if (s !== 'out_of_office') return refuse('lead is not out of office');
      return to(event.resumeAs, null, `out_of_office→${event.resumeAs}`);
    case 'complete':
      if (!running.includes(s)) return refuse('only a running sequence completes');
      return to('processed', 'ScheduleCompleted', `${s}→processed`);
    case 'reclassify': {
      // A user corrects what a reply meant: only states a reply put the lead in.
      const fromReply =
        s === 'responded' || s === 'hot' || (s === 'deactivated' && current.subState === 'StopRequest');
      if (!fromReply) return refuse('only a lead whose state came from a reply can be reclassified');
      return to(event.to.state, event.to.subState, `${s}→${event.to.state}`);
    }
    case 'continue':
    case 'restart': {
      // First: whatever else holds, this is the reason a user needs.
      const invalid = invalidAddressReason(current.address);
      if (invalid) return refuse(invalid);
      if (!resumable.includes(s)) return refuse(`a ${s} lead cannot be resumed`);
      // A user's stop, or an exclusion entry (which an admin can lift), may be undone; nothing else.
      if (s === 'deactivated' && current.subState !== 'ManualStop' && current.subState !== 'Excluded')
        return refuse(`a lead deactivated for ${current.subState ?? 'an unknown reason'} stays stopped`);
      // SPEC §2: nothing goes to an address before it is validated; it resumes waiting for that.
      if (current.address && current.address.verdict === null)
        return to('pending', 'Unverified', `${s}→pending`);
      return to('cold', null, `${s}→cold`);
    }
  }
}

/** Like decide, but a refusal is an error (for user actions). */
export function transition(current: StatePair, event: LeadEvent): { next: StatePair; transition: string } {
  const d = decide(current, event);
  if (!d.ok)
    throw new AppError('INVALID_TRANSITION', d.reason, {
      details: { state: current.state, event: event.type },
    });
  return d;
}

/**
 * A state in which the remaining steps will never be sent (they are cancelled).
 * Out of office only pauses: its steps are moved past the return date.
 */
export const stopsSequence = (s: LeadState): boolean =>
  !running.includes(s) && s !== 'new' && s !== 'out_of_office';
export const isStoppedByReply = (s: LeadState): boolean => stoppedByReply.includes(s);
