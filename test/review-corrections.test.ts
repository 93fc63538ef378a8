import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyTo } from './helpers/mail-builders.ts';
import { sentEmails } from './helpers/sent-emails.ts';
import { startTestNurture, waitFor } from './helpers/test-nurture.ts';

type Lead = { id: string; state: string; subState: string | null };
type Review = {
  id: string;
  leadId: string;
  inboundMessageId: string;
  suggestedIntent: string;
  confidence: number;
  text: string;
  from: string | null;
  receivedAt: string;
  evidence: string[];
  lead: { email: string; firstName: string | null; state: string; subState: string | null };
};

// Every reply goes to review here (threshold 1), so the queue and the
// learning from corrections can be watched one reply at a time.
let n: Awaited<ReturnType<typeof startTestNurture>>;
beforeAll(async () => {
  n = await startTestNurture({ REVIEW_CONFIDENCE_THRESHOLD: '1' });
});
afterAll(async () => n?.close());

// A house phrase the shipped model does not read as a stop.
const housePhrase = 'Kindly archive my details, the project got shelved.';

async function replyFrom(email: string, text: string, opts: { expectReview?: boolean } = {}) {
  const lead = (
    await n.api<Lead>('POST', '/api/v1/leads', {
      email,
      firstName: 'Robin',
      source: 'event',
      context: 'Expo',
    })
  ).body;
  // Sent and recorded: the reply must not overtake the record of the email it answers.
  const [mail] = await sentEmails(n, lead.id);
  const raw = await replyTo(
    { messageId: mail!.messageId, subject: mail!.subject, fromAddress: /<([^>]+)>/.exec(mail!.from)![1]! },
    email,
    text,
  );
  const r = await fetch(`${n.url}/api/v1/inbound/raw`, {
    method: 'POST',
    headers: { 'x-nurture-inbound-secret': n.org.inboundSecret, 'content-type': 'message/rfc822' },
    body: raw,
  });
  expect(r.status).toBe(202);
  if (opts.expectReview === false) {
    const inbound = await waitFor(async () => {
      const t = (
        await n.api<{ items: { kind: string; direction?: string; id: string }[] }>(
          'GET',
          `/api/v1/leads/${lead.id}/timeline`,
        )
      ).body;
      return t.items.find((i) => i.kind === 'message' && i.direction === 'in');
    }, 'the reply on the timeline');
    return { lead, item: { inboundMessageId: inbound.id } as Review };
  }
  const item = await waitFor(async () => {
    const items = (await n.api<{ items: Review[] }>('GET', '/api/v1/review-items')).body.items;
    return items.find((i) => i.leadId === lead.id);
  }, 'a review item');
  return { lead, item };
}

describe('review queue and corrections', () => {
  let firstGuess: string;
  let correctionId: string;

  it('an unsure reply stops the sequence, is flagged NeedsReview and waits in the queue', async () => {
    const { lead, item } = await replyFrom('one@example.com', housePhrase);
    firstGuess = item.suggestedIntent;
    expect(firstGuess).not.toBe('stop');
    expect(item.text).toBe(housePhrase);
    // What the screen shows beside the words: who wrote, where the lead stands, why the classifier guessed so.
    expect(item).toMatchObject({
      from: 'one@example.com',
      lead: { email: 'one@example.com', firstName: 'Robin', state: 'responded', subState: 'NeedsReview' },
    });
    expect(item.evidence.length).toBeGreaterThan(0);
    expect(item.evidence.every((e) => typeof e === 'string')).toBe(true);
    expect(Number.isNaN(Date.parse(item.receivedAt))).toBe(false);
    const l = (await n.api<Lead>('GET', `/api/v1/leads/${lead.id}`)).body;
    expect(l).toMatchObject({ state: 'responded', subState: 'NeedsReview' });

    const resolved = await n.api<{
      correction: { id: string; intent: string; predictedIntent: string };
      lead: Lead;
    }>('POST', `/api/v1/review-items/${item.id}/resolve`, { intent: 'stop' });
    expect(resolved.status).toBe(200);
    expect(resolved.body.correction).toMatchObject({ intent: 'stop', predictedIntent: firstGuess });
    expect(resolved.body.lead).toMatchObject({ state: 'deactivated', subState: 'StopRequest' });
    correctionId = resolved.body.correction.id;
    expect(
      (await n.api<{ items: Review[] }>('GET', '/api/v1/review-items')).body.items.find(
        (i) => i.id === item.id,
      ),
    ).toBeUndefined();
  });

  it("the org's classifier learns: the same phrasing from another lead now reads as stop", async () => {
    const { item } = await replyFrom('two@example.com', housePhrase);
    expect(item.suggestedIntent).toBe('stop');
  });

  it('undoing the correction undoes the learning', async () => {
    const undo = await n.api<{ undoneAt: string | null }>('DELETE', `/api/v1/corrections/${correctionId}`);
    expect(undo.status).toBe(200);
    expect(undo.body.undoneAt).not.toBeNull();
    const { item } = await replyFrom('three@example.com', housePhrase);
    expect(item.suggestedIntent).toBe(firstGuess);
  });

  it('a correction from the lead page moves the lead and is refused for a bad intent', async () => {
    // Certain enough (a rule) to skip review: classified straight away.
    const { lead, item } = await replyFrom('four@example.com', 'Please take me off your list.', {
      expectReview: false,
    });
    await waitFor(
      async () => (await n.api<Lead>('GET', `/api/v1/leads/${lead.id}`)).body.state === 'deactivated',
      'stop',
    );
    const bad = await n.api<{ error: { field: string } }>('POST', `/api/v1/leads/${lead.id}/corrections`, {
      inboundMessageId: item.inboundMessageId,
      intent: 'maybe',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('intent');
    const ok = await n.api<{ lead: Lead }>('POST', `/api/v1/leads/${lead.id}/corrections`, {
      inboundMessageId: item.inboundMessageId,
      intent: 'meeting',
    });
    expect(ok.status).toBe(201);
    // deactivated (StopRequest) → hot: the lead follows the corrected meaning.
    expect(ok.body.lead).toMatchObject({ state: 'hot', subState: 'MeetingAccepted' });
  });
});
