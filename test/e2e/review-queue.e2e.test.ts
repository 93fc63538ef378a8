import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema.ts';
import { launchChromium, openAppPage, runStep } from '../helpers/browser.ts';
import { replyTo } from '../helpers/mail-builders.ts';
import { sentEmails } from '../helpers/sent-emails.ts';
import { startTestNurture, waitFor } from '../helpers/test-nurture.ts';

// The review queue in Chromium (issue 11): unsure replies with their words, the
// classifier's guess, confidence and evidence; one click corrects or confirms,
// the lead moves, and a decision can be undone.
type Lead = { id: string; state: string; subState: string | null };
type Correction = { id: string; intent: string; undoneAt: string | null };

let n: Awaited<ReturnType<typeof startTestNurture>>;
let browser: Browser;
let page: Page;
let watched: { problems: string[] };
let adminEmail: string;

beforeAll(async () => {
  // Every reply goes to review (threshold 1), as test/review-corrections.test.ts does.
  [n, browser] = await Promise.all([
    startTestNurture({ REVIEW_CONFIDENCE_THRESHOLD: '1' }),
    launchChromium(),
  ]);
  adminEmail = (await n.ctx.db.select().from(users).where(eq(users.id, n.org.userId)))[0]!.email;
  ({ page, watched } = await openAppPage(browser, n.url!));
});

afterAll(async () => {
  await browser?.close();
  await n?.close();
});

const step = (name: string, fn: () => Promise<void>) => runStep(page, watched, `review-${name}`, fn);

/** A lead who answers its first email with `text`; returns once the reply waits in the queue. */
async function unsureReply(email: string, firstName: string, text: string): Promise<Lead> {
  const lead = (await n.api<Lead>('POST', '/api/v1/leads', { email, firstName, source: 'event' })).body;
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
  await waitFor(async () => {
    const items = (await n.api<{ items: { leadId: string }[] }>('GET', '/api/v1/review-items')).body.items;
    return items.some((i) => i.leadId === lead.id);
  }, `${firstName}'s reply in review`);
  return lead;
}

const leadNow = async (id: string) => (await n.api<Lead>('GET', `/api/v1/leads/${id}`)).body;

describe('the review queue in a browser', () => {
  it('shows unsure replies, corrects one and confirms another in a click, the leads move, and undoes', async () => {
    const archive = 'Kindly archive my details, the project got shelved.';
    const [robin, kim] = await Promise.all([
      unsureReply('robin@example.com', 'Robin', archive),
      unsureReply('kim@example.com', 'Kim', 'Thursday at 3 works for a call.'),
    ]);
    expect((await leadNow(robin.id)).subState).toBe('NeedsReview');

    await step('sign in and open the queue from the navigation', async () => {
      await page.goto('/');
      await page.getByLabel('Email').fill(adminEmail);
      await page.getByLabel('Password').fill('correct horse');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review' }).click();
      await page.getByRole('heading', { name: 'Waiting for you (2)' }).waitFor();
    });

    const card = (name: string) =>
      page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });

    await step('each reply shows its words, the guess, the confidence and why', async () => {
      const r = card('Robin');
      expect(await r.getByTestId('reply-text').textContent()).toBe(archive);
      expect(await r.textContent()).toMatch(/The assistant thinks: .+\(confidence \d+%\)/);
      await r.getByText('Why').click();
      expect(await r.locator('details li').count()).toBeGreaterThan(0);
    });

    await step('correcting Robin’s reply to a stop moves the lead', async () => {
      await card('Robin').getByRole('button', { name: 'Stop emailing' }).click();
      await page
        .getByTestId('decided')
        .filter({ hasText: /Robin: Stop emailing\.\s+The lead is now\s+Deactivated/ })
        .waitFor();
      expect(await leadNow(robin.id)).toMatchObject({ state: 'deactivated', subState: 'StopRequest' });
      await page.getByRole('heading', { name: 'Waiting for you (1)' }).waitFor();
    });

    await step('confirming Kim’s reply in one click moves that lead as guessed', async () => {
      const confirm = card('Kim').getByRole('button', { name: /^Confirm: / });
      const guessed = (await confirm.textContent())!.replace('Confirm:', '').trim();
      await confirm.click();
      await page
        .getByTestId('decided')
        .filter({ hasText: `Kim: ${guessed}.` })
        .waitFor();
      await page.getByText('Nothing to review: every reply was read with confidence.').waitFor();
      const after = await leadNow(kim.id);
      expect(after.subState).not.toBe('NeedsReview');
      expect(['hot', 'responded', 'deactivated']).toContain(after.state);
    });

    await step('undoing Robin’s decision takes it out of what the classifier learns', async () => {
      await page
        .getByTestId('decided')
        .getByRole('listitem')
        .filter({ hasText: 'Robin' })
        .getByRole('button', { name: 'Undo' })
        .click();
      await page
        .getByTestId('decided')
        .filter({ hasText: /Undone for\s+Robin/ })
        .waitFor();
      const corrections = (await n.api<{ items: Correction[] }>('GET', '/api/v1/corrections')).body.items;
      const stop = corrections.find((c) => c.intent === 'stop')!;
      expect(stop.undoneAt).not.toBeNull();
      expect(corrections.filter((c) => c.undoneAt === null)).toHaveLength(1);
      // The recent decisions list says so too.
      await page.getByRole('cell', { name: 'Undone' }).waitFor();
    });

    expect(watched.problems).toEqual([]);
  });
});
