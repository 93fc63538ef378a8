import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assistants, inboundMessages } from '../src/db/schema.ts';
import { readWholeRaw } from '../src/inbound/stored-raw.ts';
import { postfixBounce, replyTo } from './helpers/mail-builders.ts';
import { sentEmails } from './helpers/sent-emails.ts';
import { startTestNurture, waitFor } from './helpers/test-nurture.ts';

type Lead = { id: string; state: string; subState: string | null };
type Item = {
  kind: string;
  type?: string;
  direction?: string;
  status?: string;
  toState?: string;
  reason?: string;
  evidence?: Record<string, unknown>;
  at: string;
  subject?: string;
  text?: string;
};
type Sandboxed = {
  id: string;
  leadId: string | null;
  subject: string;
  messageId: string;
  from: string;
  text: string;
};

let n: Awaited<ReturnType<typeof startTestNurture>>;
beforeAll(async () => {
  // A message that overruns its budget is tried again soon and quarantined quickly (issue 8).
  n = await startTestNurture({ INBOUND_CLASSIFY_BUDGET_MS: '3000', INBOUND_RETRY_BASE_MS: '100' });
  await n.ctx.db
    .update(assistants)
    .set({ brochureUrl: 'https://acme.example/deck.pdf' })
    .where(eq(assistants.id, n.org.assistantId));
});
afterAll(async () => n?.close());

/** Add a lead and wait for its first email: in the sandbox, and recorded as sent. */
async function leadWithFirstEmail(email: string, extra: Record<string, unknown> = {}) {
  const lead = (
    await n.api<Lead>('POST', '/api/v1/leads', {
      email,
      firstName: 'Sam',
      source: 'website',
      context: 'Widgets',
      ...extra,
    })
  ).body;
  // Sent and recorded: the reply must not overtake the record of the email it answers.
  const [mail] = await sentEmails(n, lead.id);
  const fromAddress = /<([^>]+)>/.exec(mail!.from)?.[1] ?? mail!.from;
  return { lead, original: { messageId: mail!.messageId, subject: mail!.subject, fromAddress } };
}

const post = (raw: Buffer) =>
  fetch(`${n.url}/api/v1/inbound/raw`, {
    method: 'POST',
    headers: { 'x-nurture-inbound-secret': n.org.inboundSecret, 'content-type': 'message/rfc822' },
    body: raw,
  });

const leadNow = async (id: string) => (await n.api<Lead>('GET', `/api/v1/leads/${id}`)).body;
const waitForState = (id: string, state: string, what = state) =>
  waitFor(async () => {
    const l = await leadNow(id);
    return l.state === state ? l : null;
  }, `lead to become ${what}`);
const timeline = async (id: string) =>
  (await n.api<{ items: Item[] }>('GET', `/api/v1/leads/${id}/timeline`)).body.items;

describe('replies are understood and acted on', () => {
  it('a hard bounce deactivates the lead with the reason and status', async () => {
    const { lead, original } = await leadWithFirstEmail('nobody@bounce.example.com');
    expect((await post(postfixBounce(original, 'nobody@bounce.example.com'))).status).toBe(202);
    const after = await waitForState(lead.id, 'deactivated');
    expect(after.subState).toBe('BounceDeactivated');
    const b = (await timeline(lead.id)).find((i) => i.type === 'bounce_received')!;
    expect(b.evidence).toMatchObject({
      kind: 'bounce',
      matchedBy: 'embedded-message-id',
      bounce: { reason: 'userunknown', status: '5.1.1', permanent: true },
    });
  });

  it('an out-of-office pauses the sequence until the return date and is never answered', async () => {
    const { lead, original } = await leadWithFirstEmail('away@ooo.example.com', {
      timeZone: 'Europe/Berlin',
    });
    const before = (await timeline(lead.id))
      .filter((i) => i.kind === 'message' && i.status === 'scheduled')
      .map((i) => i.at);
    const raw = await replyTo(
      original,
      'away@ooo.example.com',
      'Thank you for your message. I am out of the office until 14 January 2027 with limited access to email.',
      {
        date: new Date('2026-12-20T09:00:00+01:00'),
        headers: { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' },
      },
    );
    await post(raw);
    const after = await waitForState(lead.id, 'out_of_office');
    expect(after.subState).toBe('OutOfOffice');
    const items = await timeline(lead.id);
    const auto = items.find((i) => i.type === 'auto_reply_received')!;
    expect(auto.evidence).toMatchObject({ kind: 'auto_reply', returnDate: '2027-01-15' });
    const scheduled = items.filter((i) => i.kind === 'message' && i.status === 'scheduled').map((i) => i.at);
    expect(scheduled).toHaveLength(before.length); // paused, not cancelled
    // The first remaining step moves to the first business morning back (08:00 Berlin).
    expect(scheduled[0]).toBe('2027-01-15T07:00:00.000Z');
    const sent = (await n.api<{ items: Sandboxed[] }>('GET', '/api/v1/sandbox/messages')).body.items.filter(
      (m) => m.leadId === lead.id,
    );
    expect(sent).toHaveLength(1); // nothing answered the auto-reply
  });

  it('"please remove me" deactivates with StopRequest and the deciding phrase as evidence', async () => {
    const { lead, original } = await leadWithFirstEmail('stop@example.org');
    await post(
      await replyTo(original, 'stop@example.org', 'Please remove me from your mailing list. Thanks.'),
    );
    const after = await waitForState(lead.id, 'deactivated');
    expect(after.subState).toBe('StopRequest');
    const change = (await timeline(lead.id)).find(
      (i) => i.type === 'state_changed' && i.toState === 'deactivated',
    )!;
    expect(change.evidence).toMatchObject({ intent: 'stop' });
    expect(JSON.stringify(change.evidence!.evidence)).toMatch(/remove me/i);
  });

  it('"unsubscribe" only in the quoted text is not a stop', async () => {
    const { lead, original } = await leadWithFirstEmail('quoted@example.org');
    await post(
      await replyTo(
        original,
        'quoted@example.org',
        'Yes, happy to talk. Does Thursday at 3pm work for you?',
        {
          date: new Date('2026-12-01T10:00:00-05:00'),
          quoted:
            "> Hi Sam,\n> Would you be open to a short call?\n> Don't want to hear from me again? Unsubscribe: https://x/u/t",
        },
      ),
    );
    const after = await waitForState(lead.id, 'hot');
    expect(after.subState).toBe('MeetingAccepted');
    const change = (await timeline(lead.id)).find((i) => i.type === 'state_changed' && i.toState === 'hot')!;
    expect(change.evidence).toMatchObject({
      intent: 'meeting',
      meeting: { date: '2026-12-03', time: '15:00' },
    });
  });

  it('an info request is answered with the Brochure URL, threaded under the reply', async () => {
    const { lead, original } = await leadWithFirstEmail('curious@example.org');
    const raw = await replyTo(
      original,
      'curious@example.org',
      'Could you send me your deck and some pricing information?',
    );
    await post(raw);
    await waitForState(lead.id, 'responded');
    // Click tracking wraps the link (SPEC §5.4): the answer's only tracked link.
    const answer = await waitFor(async () => {
      const list = (await n.api<{ items: Sandboxed[] }>('GET', '/api/v1/sandbox/messages')).body.items;
      return list.find((m) => m.leadId === lead.id && m.text.includes('/t/c/'));
    }, 'the brochure answer');
    expect(answer.subject).toMatch(/^Re: /);
    const link = new URL(/\S+\/t\/c\/[A-Za-z0-9_-]+/.exec(answer.text)![0]);
    const res = await fetch(`${n.url}${link.pathname}`, { redirect: 'manual' });
    expect(res.headers.get('location')).toBe('https://acme.example/deck.pdf');
    expect((await leadNow(lead.id)).subState).toBe('InfoRequest');
  });

  it('the same message delivered twice is processed once', async () => {
    const { lead, original } = await leadWithFirstEmail('twice@example.org');
    const raw = await replyTo(original, 'twice@example.org', 'Not interested, thanks.');
    const [a, b] = await Promise.all([post(raw), post(raw)]);
    const bodies = [(await a.json()) as { duplicate: boolean }, (await b.json()) as { duplicate: boolean }];
    expect(bodies.map((x) => x.duplicate).sort()).toEqual([false, true]);
    await waitForState(lead.id, 'responded');
    await new Promise((r) => setTimeout(r, 300));
    expect((await timeline(lead.id)).filter((i) => i.type === 'reply_received')).toHaveLength(1);
  });
});

describe('bad input never crashes the worker and never loses a message', () => {
  const cases: [string, () => Buffer][] = [
    [
      'malformed MIME',
      () =>
        Buffer.from(
          'From: x@example.com\r\nContent-Type: multipart/mixed; boundary="nope\r\n\r\n--wrong\r\nbroken\r\n',
        ),
    ],
    [
      'no Date header',
      () =>
        Buffer.from(
          'From: a@example.com\r\nTo: b@example.com\r\nSubject: hi\r\nMessage-ID: <nodate@example.com>\r\n\r\nhello',
        ),
    ],
    [
      'broken charset',
      () =>
        Buffer.concat([
          Buffer.from(
            'From: a@example.com\r\nSubject: =?x-unknown?Q?caf=E9?=\r\nContent-Type: text/plain; charset=x-klingon\r\nMessage-ID: <charset@example.com>\r\n\r\n',
          ),
          Buffer.from([0xff, 0xfe, 0xe9, 0x00, 0xc3]),
        ]),
    ],
    [
      'an HTML bomb',
      () =>
        Buffer.from(
          `From: a@example.com\r\nMessage-ID: <bomb@example.com>\r\nContent-Type: text/html\r\n\r\n${'<div>'.repeat(200_000)}x${'</div>'.repeat(10)}`,
        ),
    ],
    [
      'a 30 MB attachment',
      () => {
        const blob = Buffer.alloc(30 * 1024 * 1024, 'A')
          .toString('base64')
          .replace(/.{76}/g, '$&\r\n');
        return Buffer.from(
          `From: a@example.com\r\nMessage-ID: <big@example.com>\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n--b\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n${blob.slice(0, 30 * 1024 * 1024)}\r\n--b--\r\n`,
        );
      },
    ],
  ];
  for (const [what, make] of cases) {
    // Ceilings: building and reading the 30 MB message alone takes minutes on a busy machine.
    it(`${what}: stored, then processed or quarantined with its reason, worker alive`, {
      timeout: 300_000,
    }, async () => {
      const raw = make();
      const r = await post(raw);
      if (raw.length > 40 * 1024 * 1024) {
        expect(r.status).toBe(400);
        return;
      }
      expect(r.status).toBe(202);
      const { id } = (await r.json()) as { id: string };
      const row = await waitFor(
        async () => {
          const [m] = await n.ctx.db.select().from(inboundMessages).where(eq(inboundMessages.id, id));
          return m && !['received', 'processing'].includes(m.status) ? m : null;
        },
        `${what} to be processed`,
        240_000,
      );
      expect(['unmatched', 'processed', 'quarantined']).toContain(row.status);
      if (row.status === 'quarantined') expect(row.error).toBeTruthy();
      // Kept byte for byte: the row's head and the slices after it (inbound/stored-raw.ts).
      expect(Buffer.compare(await readWholeRaw(n.ctx, row.raw, id), raw)).toBe(0);
    });
  }

  it('keeps processing real replies afterwards', async () => {
    const { lead, original } = await leadWithFirstEmail('after@example.org');
    await post(
      await replyTo(original, 'after@example.org', 'I have left the company, please contact Maria instead.'),
    );
    const after = await waitForState(lead.id, 'responded');
    expect(after.subState).toBe('WrongPerson');
  });
});
