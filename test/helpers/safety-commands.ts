import fc from 'fast-check';

/**
 * The commands of the sending-safety property (test/sending-safety.property.test.ts):
 * what can happen to leads, to time and to workers, with weights that keep
 * histories of at most 30 commands busy enough to send email.
 */
const sources = ['event', 'website', 'upsell', 'meeting', 'phone_meeting', 'import', 'api'] as const;
const zones = [
  null,
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Asia/Kolkata',
];
const countries = [null, 'DE', 'US', 'JP', 'AU', 'IN', 'FR'];
export const replies = {
  stop: 'Please remove me from your mailing list and stop emailing me.',
  meeting: "Sounds good. Thursday at 3pm works for me, let's meet then.",
  info_request: 'Could you send me the deck and pricing information?',
  connect_later: 'Not right now, please reach out again in March.',
  not_interested: 'Thanks, but we are not interested.',
  wrong_person: 'I have left the company, please contact someone else.',
  other: 'Who gave you my address?',
} as const;
export const bounces = {
  hard: ['5.1.1', '550 5.1.1 Recipient address rejected: User unknown'],
  soft: ['4.2.2', '452 4.2.2 Mailbox full'],
  sender: ['5.7.1', '554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using zen.spamhaus.org'],
} as const;

/**
 * Addresses whose validation (SPEC §7) needs no network, so the verdict is
 * there when the lead is added: each invalid for its own reason. `unchecked`
 * needs DNS, which no worker of these histories runs: its lead stays pending,
 * its emails held.
 */
export const addressKinds = ['disposable', 'spamTrap', 'noreply', 'reserved', 'unchecked'] as const;
export type AddressKind = (typeof addressKinds)[number];
export function addressOf(kind: AddressKind | 'valid', n: number, run: number): string {
  switch (kind) {
    case 'valid':
      return `l${n}@r${run}.example.com`;
    case 'disposable':
      return `l${n}.r${run}@mailinator.com`;
    case 'spamTrap':
      return `l${n}@honeypot.r${run}.example.com`;
    case 'noreply':
      return `noreply@l${n}.r${run}.example.com`;
    case 'reserved':
      return `l${n}@r${run}.example.invalid`;
    case 'unchecked':
      return `l${n}@r${run}-corp.de`;
  }
}

/** A lead by position (modulo how many the history has added so far). */
const lead = fc.nat(40);
export const command = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('add' as const),
      source: fc.constantFrom(...sources),
      zone: fc.constantFrom(...zones),
      country: fc.constantFrom(...countries),
      firstSendInHours: fc.option(fc.integer({ min: 0, max: 72 }), { freq: 3 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('reply' as const),
      lead,
      intent: fc.constantFrom(...(Object.keys(replies) as (keyof typeof replies)[])),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('bounce' as const),
      lead,
      kind: fc.constantFrom('hard', 'soft', 'sender'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('complaint' as const), lead }) },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('ooo' as const),
      lead,
      backInDays: fc.option(fc.integer({ min: 1, max: 20 })),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('unsubscribe' as const),
      lead,
      via: fc.constantFrom('link', 'one-click', 'user'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('action' as const),
      lead,
      action: fc.constantFrom('deactivate', 'hot'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ t: fc.constant('addInvalid' as const), kind: fc.constantFrom(...addressKinds) }),
  },
  {
    // A user resumes a lead (SPEC §5.1): from where it stopped, or from step 1.
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('resume' as const),
      lead,
      how: fc.constantFrom('continue', 'restart'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('bulk' as const),
      leads: fc.array(lead, { minLength: 1, maxLength: 5 }),
      action: fc.constantFrom('continue', 'restart', 'hot'),
    }),
  },
  {
    // A spreadsheet whose rows mix good addresses with ones validation refuses.
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('import' as const),
      rows: fc.array(fc.constantFrom('valid' as const, ...addressKinds), { minLength: 1, maxLength: 4 }),
    }),
  },
  {
    // A small daily cap makes first emails slip by a day (and their later steps with them).
    weight: 1,
    arbitrary: fc.record({ t: fc.constant('cap' as const), cap: fc.integer({ min: 1, max: 3 }) }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      t: fc.constant('advance' as const),
      // Time passing with the worker running: hours (inside one send window) or days (steps come due).
      hours: fc.oneof(
        { weight: 2, arbitrary: fc.integer({ min: 1, max: 10 }) },
        { weight: 2, arbitrary: fc.integer({ min: 11, max: 96 }) },
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ t: fc.constant('idle' as const), hours: fc.integer({ min: 1, max: 72 }) }),
  },
  { weight: 4, arbitrary: fc.constant({ t: 'dispatch' as const }) },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('crash' as const),
      deliver: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ t: 'restart' as const }) },
);
export type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;

/**
 * Histories that must always be tried (besides the random ones): the paths
 * where only the last line of defence — the send rules at dispatch — stands
 * between a stopped lead and an email, because the email was in flight (a
 * dying worker's claim) when the lead stopped and its steps were cancelled.
 */
const explicitNow = {
  t: 'add',
  source: 'website',
  zone: 'Asia/Tokyo',
  country: 'JP',
  firstSendInHours: 0,
} as const;
const disposable = { t: 'addInvalid', kind: 'disposable' } as const;
const everyDay = { t: 'add', source: 'event', zone: 'UTC', country: null, firstSendInHours: null } as const;
export const examples: [Command[]][] = [
  // Issue 8: a Disposable address marked hot, then continued (one lead, then in bulk).
  [
    [
      disposable,
      { t: 'action', lead: 1, action: 'hot' },
      { t: 'resume', lead: 1, how: 'continue' },
      { t: 'advance', hours: 96 },
    ],
  ],
  [
    [
      disposable,
      { t: 'bulk', leads: [1, 0], action: 'hot' },
      { t: 'bulk', leads: [1, 0], action: 'restart' },
      { t: 'advance', hours: 96 },
    ],
  ],
  // Issue 8: the cap (2 a day, 4 leads) defers first emails by a day; their second steps must keep the gap.
  [
    [
      { t: 'cap', cap: 2 },
      everyDay,
      everyDay,
      everyDay,
      { t: 'advance', hours: 96 },
      { t: 'advance', hours: 96 },
    ],
  ],
  // A lead whose address is still being validated stays held, whatever a user does.
  [
    [
      { t: 'addInvalid', kind: 'unchecked' },
      { t: 'action', lead: 1, action: 'hot' },
      { t: 'resume', lead: 1, how: 'continue' },
      { t: 'advance', hours: 50 },
    ],
  ],
  [
    [
      explicitNow,
      { t: 'crash', deliver: [false] },
      { t: 'reply', lead: 1, intent: 'other' },
      { t: 'restart' },
      { t: 'dispatch' },
    ],
  ],
  [
    [
      explicitNow,
      { t: 'crash', deliver: [false] },
      { t: 'action', lead: 1, action: 'hot' },
      { t: 'restart' },
      { t: 'advance', hours: 2 },
    ],
  ],
  [
    [
      explicitNow,
      { t: 'crash', deliver: [false] },
      { t: 'unsubscribe', lead: 1, via: 'link' },
      { t: 'restart' },
      { t: 'dispatch' },
    ],
  ],
  [
    [
      explicitNow,
      { t: 'crash', deliver: [true] },
      { t: 'restart' },
      { t: 'advance', hours: 80 },
      { t: 'crash', deliver: [true, false] },
      { t: 'restart' },
      { t: 'advance', hours: 80 },
    ],
  ],
];
