import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InitResult } from '../../src/accounts/org-setup.ts';
import { users } from '../../src/db/schema.ts';
import { launchChromium, openAppPage, runStep } from '../helpers/browser.ts';
import { sentEmails } from '../helpers/sent-emails.ts';
import { type Api, startTestNurture, waitFor } from '../helpers/test-nurture.ts';

// Issue 10, "what it must show" 1: in a real Chromium, an admin creates a
// second assistant with a brochure and a calendar link through the screen; a
// lead on it gets a first email carrying "Book a Meeting" with the calendar
// link, asks for "the deck" from the sandbox, and the answer carries the brochure.

let adminEmail = '';
const adminPassword = 'correct horse';
const brochure = 'https://initech.example/deck.pdf';
const calendar = 'https://cal.example/sam-initech';

let n: Awaited<ReturnType<typeof startTestNurture>>;
let org: InitResult;
let adminApi: Api;
let browser: Browser;
let page: Page;
let watched: { problems: string[] };

beforeAll(async () => {
  [n, browser] = await Promise.all([startTestNurture(), launchChromium()]);
  // The test org's admin (test-nurture.ts): the sandbox helpers read as that org.
  org = n.org;
  const [admin] = await n.ctx.db.select().from(users).where(eq(users.id, org.userId));
  adminEmail = admin!.email;
  adminApi = (method, path, body, opts) => n.api(method, path, body, { key: org.apiKey, ...opts });
  ({ page, watched } = await openAppPage(browser, n.url!));
});

afterAll(async () => {
  await browser?.close();
  await n?.close();
});

const step = (name: string, fn: () => Promise<void>) => runStep(page, watched, name, fn);

/** Where a link in an email leads: a tracked one (/t/c/…) is followed one hop on this server. */
async function target(link: string): Promise<string> {
  const url = new URL(link);
  if (!url.pathname.startsWith('/t/c/')) return link;
  const res = await fetch(`${n.url}${url.pathname}${url.search}`, { redirect: 'manual' });
  return res.headers.get('location') ?? `${res.status} without a location`;
}

type Lead = { id: string; state: string; subState: string | null };

describe('assistants in a browser', () => {
  it('an admin creates a second assistant with a brochure and a calendar; its lead gets Book a Meeting, asks for the deck and gets the brochure', async () => {
    let assistantId = '';
    await step('sign in and open the assistants', async () => {
      await page.goto('/login');
      await page.getByLabel('Email').fill(adminEmail);
      await page.getByLabel('Password').fill(adminPassword);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assistants' }).click();
      await page.getByRole('heading', { name: 'Assistants', level: 1 }).waitFor();
      await page.getByRole('link', { name: 'Alex', exact: true }).waitFor();
    });

    await step('create the second assistant, a bad link refused next to its field first', async () => {
      await page.getByRole('button', { name: 'New assistant' }).click();
      await page.getByLabel('Name').fill('Sam');
      await page.getByLabel('Sending email').fill('sam@acme.test');
      await page.getByLabel('Brochure URL').fill('ftp://initech.example/deck.pdf');
      await page.getByLabel('Shared Calendar URL').fill(calendar);
      await page.getByRole('button', { name: 'Create assistant' }).click();
      await page.locator('#new-assistant-brochureUrl-error').filter({ hasText: 'http' }).waitFor();
      await page.getByLabel('Brochure URL').fill(brochure);
      await page.getByRole('button', { name: 'Create assistant' }).click();
      await page.getByRole('heading', { name: /Sam/, level: 1 }).waitFor();
      await page.getByRole('heading', { name: 'Defaults', level: 2 }).waitFor();
      expect(await page.getByLabel('Brochure URL').inputValue()).toBe(brochure);
      expect(await page.getByLabel('Shared Calendar URL').inputValue()).toBe(calendar);
      assistantId = /\/assistants\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname)![1]!;
    });

    const added = await adminApi<Lead>('POST', '/api/v1/leads', {
      email: 'peter@customer.example',
      firstName: 'Peter',
      source: 'website',
      context: 'TPS reports',
      assistantId,
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const leadId = added.body.id;

    const [first] = await sentEmails(n, leadId);
    expect(first!.from).toContain('sam@acme.test');
    // Click tracking is on: the link is the assistant's signed redirect to the calendar.
    const meeting = /Book a Meeting: (\S+)/.exec(first!.text)?.[1];
    expect(meeting, first!.text).toBeDefined();
    expect(await target(meeting!)).toBe(calendar);

    const reply = await adminApi<{ inboundId: string }>(
      'POST',
      `/api/v1/sandbox/messages/${first!.id}/reply`,
      {
        text: 'Thanks Sam. Could you send me the deck?',
      },
    );
    expect(reply.status, JSON.stringify(reply.body)).toBe(202);
    const lead = await waitFor(async () => {
      const l = (await adminApi<Lead>('GET', `/api/v1/leads/${leadId}`)).body;
      return l.state === 'responded' ? l : null;
    }, 'the lead to be responded');
    expect(lead.subState).toBe('InfoRequest');
    const emails = await sentEmails(n, leadId, 2);
    const answer = emails.find((m) => m.id !== first!.id)!;
    const links = await Promise.all((answer.text.match(/https?:\/\/\S+/g) ?? []).map(target));
    expect(links, answer.text).toContain(brochure);

    expect(watched.problems).toEqual([]);
  }, 180_000);
});
