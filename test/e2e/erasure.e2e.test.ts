import { readFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema.ts';
import { launchChromium, openAppPage, runStep } from '../helpers/browser.ts';
import { sentEmails } from '../helpers/sent-emails.ts';
import { startTestNurture } from '../helpers/test-nurture.ts';

// Erasure in Chromium (SPEC §12, issue 11): on the lead's page, the person's
// data downloads as JSON; erasing asks for the address typed, then the lead is
// gone and the list says so; the address can't be added again.
type Lead = { id: string };
type Err = { error: { message: string; field?: string } };

const address = 'erase.me@example.com';
let n: Awaited<ReturnType<typeof startTestNurture>>;
let browser: Browser;
let page: Page;
let watched: { problems: string[] };
let adminEmail: string;

beforeAll(async () => {
  [n, browser] = await Promise.all([startTestNurture(), launchChromium()]);
  adminEmail = (await n.ctx.db.select().from(users).where(eq(users.id, n.org.userId)))[0]!.email;
  ({ page, watched } = await openAppPage(browser, n.url!));
});

afterAll(async () => {
  await browser?.close();
  await n?.close();
});

const step = (name: string, fn: () => Promise<void>) => runStep(page, watched, `erasure-${name}`, fn);

describe('erasing a person in a browser', () => {
  it('downloads their data, erases them after the address is typed, and lands on the list', async () => {
    const lead = (
      await n.api<Lead>('POST', '/api/v1/leads', { email: address, firstName: 'Erin', source: 'event' })
    ).body;
    await sentEmails(n, lead.id);

    await step('sign in and open the lead', async () => {
      await page.goto('/');
      await page.getByLabel('Email').fill(adminEmail);
      await page.getByLabel('Password').fill('correct horse');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('link', { name: 'Dashboard' }).waitFor();
      await page.goto(`/leads/${lead.id}`);
      await page.getByRole('heading', { name: 'This person’s data' }).waitFor();
    });

    await step('Download data gives the JSON of what Nurture holds', async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download data' }).click(),
      ]);
      const data = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
        email: string;
        records: { leads: { id: string }[]; messages: unknown[] };
      };
      expect(data.email).toBe(address);
      expect(data.records.leads.map((l) => l.id)).toEqual([lead.id]);
      expect(data.records.messages.length).toBeGreaterThan(0);
    });

    await step('erasing needs the address typed', async () => {
      await page.getByRole('button', { name: 'Erase this person…' }).click();
      const confirm = page.getByLabel(`Type ${address} to confirm`);
      const erase = page.getByRole('button', { name: 'Erase this person', exact: true });
      await confirm.fill('someone.else@example.com');
      expect(await erase.isDisabled()).toBe(true);
      await confirm.fill(address.toUpperCase());
      expect(await erase.isDisabled()).toBe(false);
      await erase.click();
      await page.getByRole('status').filter({ hasText: 'The person was erased' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/leads');
    });

    expect((await n.api('GET', `/api/v1/leads/${lead.id}`)).status).toBe(404);
    const again = await n.api<Err>('POST', '/api/v1/leads', { email: address, source: 'event' });
    expect(again.status).toBe(422);
    expect(again.body.error.message).toMatch(/erased on request/);
    expect(watched.problems).toEqual([]);
  });
});
