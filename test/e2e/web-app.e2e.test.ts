import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrgWithAdmin } from '../../src/accounts/org-setup.ts';
import { launchChromium, runStep, watchPage } from '../helpers/browser.ts';
import { addMember, startTestNurture } from '../helpers/test-nurture.ts';

// The web app as a person uses it, in a real Chromium against a started
// Nurture (server, worker, sandbox) on a fresh database: sign in, add a lead,
// read its first email in the sandbox, answer as the lead, see it turn hot;
// import a CSV through the upload and mapping screens and read the report.

const email = 'sam@globex.test';
const password = 'correct horse';

let n: Awaited<ReturnType<typeof startTestNurture>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let watched: { problems: string[] };
let base: string;
let globex: Awaited<ReturnType<typeof createOrgWithAdmin>>;

beforeAll(async () => {
  [n, browser] = await Promise.all([startTestNurture(), launchChromium()]);
  globex = await createOrgWithAdmin(n.ctx.db, { orgName: 'Globex', email, password });
  base = n.url!;
  context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 } });
  // Each wait ends as soon as the page shows what it waits for; the ceiling is for a busy machine.
  context.setDefaultTimeout(30_000);
  page = await context.newPage();
  watched = watchPage(page, base);
});

afterAll(async () => {
  await browser?.close();
  await n?.close();
});

const step = (name: string, fn: () => Promise<void>) => runStep(page, watched, name, fn);

const timings: [string, number][] = [];
async function timed(name: string, fn: () => Promise<void>): Promise<void> {
  const start = Date.now();
  await step(name, fn);
  timings.push([name, Date.now() - start]);
}

describe('the web app in a browser', () => {
  it('signs in, adds a lead, replies as the lead from the sandbox and sees the lead turn hot', async () => {
    await timed('sign in', async () => {
      await page.goto('/leads');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill('wrong horse');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').waitFor();
      expect(await page.getByRole('alert').textContent()).toMatch(/password|sign in|email/i);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Leads', level: 1 }).waitFor();
      // The heading comes first, the list when its data has loaded: wait for the list, don't count early.
      await page.getByText('No leads yet.').waitFor();
    });

    await timed('add a lead, a bad email first', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Add lead' }).click();
      await page.getByLabel('Email *').fill('jane-at-example.com');
      await page.getByLabel('First name').fill('Jane');
      await page.getByLabel('Last name').fill('Doe');
      await page.getByLabel('Company').fill('Initech');
      await page.getByLabel('Context').fill('SaaStr 2026');
      await page.getByRole('button', { name: 'Add lead' }).click();
      const error = page.locator('#lead-email-error');
      await error.waitFor();
      expect(await error.textContent()).toContain('not a valid email address');
      expect(await page.getByLabel('Email *').getAttribute('aria-invalid')).toBe('true');
      await page.getByLabel('Email *').fill('jane@example.com');
      await page.getByRole('button', { name: 'Add lead' }).click();
      await page.waitForURL(/\/leads\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { name: 'Jane Doe', level: 1 }).waitFor();
    });

    await timed('see it in the list and open it', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leads' }).click();
      const row = page.getByRole('row').filter({ hasText: 'jane@example.com' });
      await row.waitFor();
      expect(await row.textContent()).toContain('Initech');
      // The filters live in the address bar.
      await page.getByLabel('Search').fill('initech');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/\/leads\?q=initech$/);
      await row.waitFor();
      await row.getByRole('link', { name: 'Jane Doe' }).click();
      await page.getByRole('heading', { name: 'Timeline' }).waitFor();
      // The first email, scheduled or already sent, with its subject.
      await page.locator('.tl-out').first().waitFor();
      expect(await page.locator('.tl-out').first().textContent()).toMatch(/step 1/);
    });

    await timed('answer as the lead from the sandbox', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sandbox' }).click();
      const mail = page
        .getByRole('navigation', { name: 'Sandbox emails' })
        .getByRole('link')
        .filter({ hasText: 'jane@example.com' });
      await mail.first().click();
      await page.getByLabel(/^Reply as .*jane@example\.com/).fill('Thursday at 3 works for me');
      await page.getByRole('button', { name: 'Send reply' }).click();
      await page.getByRole('status').filter({ hasText: 'Reply sent as the lead' }).waitFor();
      await page.getByRole('link', { name: 'See what the lead became' }).click();
      // The worker reads the reply, then the lead page's next refresh (every 5 s) shows it.
      await page.getByTestId('lead-state').filter({ hasText: 'Hot' }).waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('lead-state').textContent()).toContain('MeetingAccepted');
      await page.locator('.tl-in').filter({ hasText: 'Thursday at 3 works for me' }).waitFor();
      // A hot lead can no longer be marked hot; it can be continued.
      expect(await page.getByRole('button', { name: 'Mark hot' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Continue follow-up' }).waitFor();
      // The state change's evidence opens on demand.
      const change = page.locator('.tl-state_changed').filter({ hasText: 'Hot' }).last();
      await change.locator('.evidence summary').click();
      await change.locator('.evidence dl').waitFor();
    });

    await timed('the owner is told in the app', async () => {
      const bell = page.getByRole('button', { name: /^Notifications, [1-9]\d* unread$/ });
      // The bell refreshes every 30 s: its next look, with room for a busy machine.
      await bell.waitFor({ timeout: 60_000 });
      await bell.click();
      const panel = page.getByRole('region', { name: 'Notifications' });
      await panel.getByRole('button').filter({ hasText: /Jane/ }).first().waitFor();
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
    });

    await timed('add a note', async () => {
      await page.getByLabel('Add a note').fill('Called her, meeting booked');
      await page.getByRole('button', { name: 'Add note' }).click();
      await page.locator('.tl-note').filter({ hasText: 'Called her, meeting booked' }).waitFor();
    });

    expect(watched.problems).toEqual([]);
  }, 300_000);

  it('imports a CSV through the upload and mapping screens and shows the report', async () => {
    const csv = [
      'E-Mail,Vorname,Firma,Notes',
      'ada@example.com,Ada,Analytical Engines,met at the booth',
      'grace@example.com,Grace,Navy,',
      'nicht-gueltig,Anna,ACME,',
      'jane@example.com,Jane,Initech,already a lead',
    ].join('\n');

    await timed('upload', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
      // A file over a limit: the screen names the limit the server gave, next to the file.
      await page.getByLabel('Lead list').setInputFiles({
        name: 'too-wide.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`email${',x'.repeat(1001)}\nada@example.com\n`),
      });
      await page.getByRole('button', { name: 'Upload' }).click();
      await page
        .getByText('a row with more than 1,000 columns (row 1); one import takes at most 1,000')
        .waitFor();
      await page.getByLabel('Lead list').setInputFiles({
        name: 'expo-leads.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv),
      });
      await page.getByRole('button', { name: 'Upload' }).click();
      await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { name: 'Map the columns of expo-leads.csv' }).waitFor();
    });

    await timed('map and start', async () => {
      // The suggestion knows German headers; the notes would become a custom field: ignore them instead.
      expect(await page.getByLabel('E-Mail').inputValue()).toBe('email');
      expect(await page.getByLabel('Vorname').inputValue()).toBe('firstName');
      await page.getByLabel('Notes').selectOption('ignore');
      await page.getByRole('row').filter({ hasText: 'nicht-gueltig' }).waitFor();
      await page.getByRole('button', { name: /^Start: add 4 rows$/ }).click();
      await page.getByRole('heading', { name: 'Done' }).waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('import-progress').textContent()).toMatch(
        /4 of 4 rows: 2 added, 2 refused/,
      );
    });

    await timed('read the report', async () => {
      const report = page.locator('table.report');
      await report
        .getByRole('row')
        .filter({ hasText: 'ada@example.com' })
        .getByRole('link', { name: 'Added' })
        .waitFor();
      const bad = report.getByRole('row').filter({ hasText: 'nicht-gueltig' });
      expect(await bad.textContent()).toMatch(/Refused/);
      await page.getByRole('button', { name: 'Refused' }).click();
      await report.getByRole('row').filter({ hasText: 'ada@example.com' }).waitFor({ state: 'detached' });
      await report.getByRole('row').filter({ hasText: 'jane@example.com' }).waitFor();
      expect(await report.getByRole('row').count()).toBe(3);
      const href = await page.getByRole('link', { name: 'Download report.csv' }).getAttribute('href');
      const download = await context.request.get(href!);
      expect(download.status()).toBe(200);
      expect(download.headers()['content-type']).toContain('text/csv');
      expect(await download.text()).toContain('nicht-gueltig');
    });

    await timed('the imported leads are in the list', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leads' }).click();
      await page.getByRole('row').filter({ hasText: 'ada@example.com' }).waitFor();
      await page.getByRole('row').filter({ hasText: 'grace@example.com' }).waitFor();
    });

    await timed('the admin makes a new inbound secret, shown once', async () => {
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Inbound problems' })
        .click();
      await page.getByRole('heading', { name: 'Inbound secret', level: 2 }).waitFor();
      await page.getByText(/^\s*Set on /).waitFor();
      page.once('dialog', (d) => d.accept());
      await page.getByRole('button', { name: 'Make a new secret' }).click();
      const shown = await page.locator('code.secret').textContent();
      expect(shown).toMatch(/^nis_[\w-]{32}$/);
      const r = await fetch(`${base}/api/v1/inbound/raw`, {
        method: 'POST',
        headers: { 'x-nurture-inbound-secret': shown!, 'content-type': 'message/rfc822' },
        body: 'From: someone@example.org\r\nSubject: hello\r\n\r\nhi\r\n',
      });
      expect(r.status).toBe(202);
    });

    await timed('sign out', async () => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in to Nurture' }).waitFor();
      await page.goto('/leads');
      await page.getByRole('heading', { name: 'Sign in to Nurture' }).waitFor();
    });

    expect(watched.problems).toEqual([]);
    console.info(`web app e2e steps: ${timings.map(([s, ms]) => `${s} ${ms} ms`).join(', ')}`);
  }, 300_000);
  it('an admin assigns a user to the assistant and makes them its manager', async () => {
    const member = await addMember(n.ctx.db, globex.orgId);
    await timed('sign in again', async () => {
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Leads', level: 1 }).waitFor();
    });
    await timed('assign as manager, then as a plain user, then remove', async () => {
      // The list of assistants, then the assistant's settings, then its users (issue 10).
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assistants' }).click();
      await page.getByRole('heading', { name: 'Assistants', level: 1 }).waitFor();
      await page.getByRole('link', { name: 'Alex', exact: true }).click();
      await page
        .getByRole('navigation', { name: 'Assistant', exact: true })
        .getByRole('link', { name: 'Users' })
        .click();
      await page.getByRole('heading', { name: "Assistants' users", level: 1 }).waitFor();
      await page.getByText('Nobody is assigned yet').waitFor();
      await page.getByLabel('User', { exact: true }).selectOption(member.id);
      await page.getByLabel('Assistant Manager', { exact: true }).check();
      await page.getByRole('button', { name: 'Assign' }).click();
      const box = page.getByRole('checkbox', { name: /manages/ });
      await box.waitFor();
      expect(await box.isChecked()).toBe(true);
      await box.uncheck();
      await page.getByText(/no longer manages/).waitFor();
      expect(await page.getByRole('checkbox', { name: /manages/ }).isChecked()).toBe(false);
      await page.getByRole('button', { name: 'Remove' }).click();
      await page.getByText('Nobody is assigned yet').waitFor();
    });
    expect(watched.problems).toEqual([]);
  }, 120_000);
});
