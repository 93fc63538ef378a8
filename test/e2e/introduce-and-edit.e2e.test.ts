import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrgWithAdmin } from '../../src/accounts/org-setup.ts';
import { messages, sandboxMessages } from '../../src/db/schema.ts';
import { addLead } from '../../src/leads/add-lead.ts';
import { launchChromium, openAppPage, runStep } from '../helpers/browser.ts';
import { startTestNurture, waitFor } from '../helpers/test-nurture.ts';

// Issue 11 in Chromium: editing a lead (an error next to its field, then
// saved, its tag then filtering the list) and Introduce Me (the text from the
// profile, a preview copying the user, sent: the lead is introduced and the
// email reaches the SMTP server with the user in Cc).
const email = 'dana@initech.test';
const password = 'correct horse';

let n: Awaited<ReturnType<typeof startTestNurture>>;
let browser: Browser;
let page: Page;
let watched: { problems: string[] };
let leadId: string;

beforeAll(async () => {
  [n, browser] = await Promise.all([startTestNurture(), launchChromium()]);
  const org = await createOrgWithAdmin(n.ctx.db, { orgName: 'Initech', email, password });
  const actor = { orgId: org.orgId, userId: org.userId, role: 'admin' as const };
  leadId = (
    await addLead(n.ctx, actor, { email: 'nicole@example.com', firstName: 'Nicole', source: 'event' })
  ).id;
  await waitFor(async () => {
    const [m] = await n.ctx.db
      .select()
      .from(messages)
      .where(and(eq(messages.leadId, leadId), eq(messages.status, 'sent')));
    return m;
  }, 'the first email to go');
  ({ page, watched } = await openAppPage(browser, n.url!));
});

afterAll(async () => {
  await browser?.close();
  await n?.close();
});

const step = (name: string, fn: () => Promise<void>) => runStep(page, watched, `intro-${name}`, fn);

describe('editing a lead and introducing oneself in a browser', () => {
  it('edits with an error next to the field, filters by tag, and sends an introduction copying the user', async () => {
    await step('sign in and open the lead', async () => {
      await page.goto('/');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      // Signed in (the cookie set) before the address changes, or the lead page asks to sign in.
      await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
      await page.goto(`/leads/${leadId}`);
      await page.getByRole('heading', { name: 'Nicole' }).waitFor();
    });

    await step('a bad time zone is shown next to its field, then the edit is saved', async () => {
      await page.getByRole('button', { name: 'Edit lead', exact: true }).click();
      await page.getByLabel('Company').fill('Globex');
      await page.getByLabel('Time zone').fill('Mars/Olympus');
      await page.getByLabel('Tags').fill('vip, emea');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page
        .locator('#edit-timeZone-error')
        .filter({ hasText: /unknown IANA time zone/ })
        .waitFor();
      await page.getByLabel('Time zone').fill('Europe/Paris');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByRole('heading', { name: 'Edit lead' }).waitFor({ state: 'detached' });
      await page.getByText('Globex').first().waitFor();
      await page
        .locator('.timeline')
        .getByText(/Edited by a user: company/)
        .waitFor();
    });

    await step('the tag filters the list', async () => {
      await page.goto('/leads?tag=vip');
      await page.getByRole('link', { name: 'Nicole' }).waitFor();
      await page.goto('/leads?notTag=vip');
      await page.getByText('No lead matches these filters.').waitFor();
    });

    await step('Introduce me: the profile’s text, a preview copying me, sent', async () => {
      await page.goto(`/leads/${leadId}`);
      await page.getByRole('button', { name: 'Introduce me' }).click();
      const text = page.getByLabel('Introduction', { exact: true });
      await expect.poll(() => text.inputValue()).toContain('{userName}');
      await page.getByRole('button', { name: 'Preview' }).click();
      const preview = page.getByTestId('introduce-preview');
      await preview.filter({ hasText: `Cc ${email}` }).waitFor();
      expect(await preview.textContent()).toContain('Hi Nicole,');
      await page.getByRole('button', { name: 'Send introduction' }).click();
      await page.getByTestId('lead-state').filter({ hasText: 'Introduced' }).waitFor();
    });

    const caught = await waitFor(async () => {
      const rows = await n.ctx.db.select().from(sandboxMessages);
      return rows.find((r) => /^Cc: .*dana@initech\.test/im.test(r.raw));
    }, 'the introduction to reach the SMTP server with the user in Cc');
    expect(caught.envelopeTo).toContain(email);
    expect(watched.problems).toEqual([]);
  }, 180_000);
});
