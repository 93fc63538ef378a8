import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrgWithAdmin, type InitResult } from '../../src/accounts/org-setup.ts';
import { launchChromium, openAppPage, runStep } from '../helpers/browser.ts';
import { startTestNurture, waitFor } from '../helpers/test-nurture.ts';

// The assistant's content screens as an admin uses them, in a real Chromium
// against a started Nurture: a schedule's steps edited (a bad day named next
// to its field, then the count of re-planned leads), a template edited with
// the live preview showing the new words before saving, a proof point added,
// an exclusion refused for a bad entry then added, and a DKIM key generated
// with the DNS record to publish.

const adminEmail = 'dora@initech.test';
const adminPassword = 'correct horse';

let n: Awaited<ReturnType<typeof startTestNurture>>;
let org: InitResult;
let browser: Browser;
let page: Page;
let watched: { problems: string[] };

beforeAll(async () => {
  [n, browser] = await Promise.all([
    startTestNurture({ SECRET_KEY: randomBytes(32).toString('hex') }),
    launchChromium(),
  ]);
  org = await createOrgWithAdmin(n.ctx.db, {
    orgName: 'Initech',
    email: adminEmail,
    password: adminPassword,
  });
  ({ page, watched } = await openAppPage(browser, n.url!));
});

afterAll(async () => {
  await browser?.close();
  await n?.close();
});

const step = (name: string, fn: () => Promise<void>) => runStep(page, watched, name, fn);

describe('the assistant content screens in a browser', () => {
  it('an admin edits a schedule, a template with its live preview, proof points, exclusions and DKIM', async () => {
    // One lead running on the assistant's default schedule, for the edit to re-plan.
    const lead = await n.api<{ id: string }>(
      'POST',
      '/api/v1/leads',
      { email: 'priya@example.com', firstName: 'Priya', source: 'linkedin', assistantId: org.assistantId },
      { key: org.apiKey },
    );
    expect(lead.status).toBe(201);
    await waitFor(async () => {
      const r = await n.api<{ state: string }>('GET', `/api/v1/leads/${lead.body.id}`, undefined, {
        key: org.apiKey,
      });
      return r.body.state !== 'new' && r.body.state !== 'pending';
    }, 'the lead to start its sequence');
    const base = `/assistants/${org.assistantId}`;

    await step('sign in and open the schedules', async () => {
      await page.goto('/login');
      await page.getByLabel('Email').fill(adminEmail);
      await page.getByLabel('Password').fill(adminPassword);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schedules' }).click();
      await page.getByRole('heading', { name: 'Schedules', level: 1 }).waitFor();
    });

    await step('a bad day is named next to its field', async () => {
      await page.getByRole('link', { name: 'Default', exact: true }).click();
      await page.locator('#schedule-step-1').waitFor();
      await page.locator('#schedule-step-1').fill('0');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.locator('#schedule-step-1-error').filter({ hasText: 'must come after day 0' }).waitFor();
    });

    await step('the edited steps are saved and the re-planned leads counted', async () => {
      await page.locator('#schedule-step-1').fill('2');
      await page.getByRole('button', { name: 'Add a step' }).click();
      await expect.poll(() => page.locator('#schedule-step-7').inputValue()).toBe('37');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Saved. 1 lead was re-planned.' }).waitFor();
      await expect.poll(() => page.locator('#schedule-step-1-error').count()).toBe(0);
    });

    await step('a template edit shows in the live preview before it is saved', async () => {
      await page.goto(`${base}/templates`);
      await page.getByRole('heading', { name: /^Templates/, level: 1 }).waitFor();
      const subnav = page.getByRole('navigation', { name: 'Assistant' });
      expect(await subnav.getByRole('link', { name: 'Templates' }).getAttribute('aria-current')).toBe('page');
      await page.getByLabel('Source').selectOption('linkedin');
      const preview = page.getByTestId('template-preview');
      await preview.filter({ hasText: 'LinkedIn' }).waitFor();
      await page
        .locator('#variant-0-body')
        .fill('Hi {firstName},\n\nWe met on LinkedIn, and here are my own words.');
      await preview.filter({ hasText: 'Hi Jane,' }).filter({ hasText: 'here are my own words' }).waitFor();
      await page.locator('#variant-0-body').fill('Hi {nickname}');
      await page.locator('#variant-0-body-error').filter({ hasText: '{nickname}' }).waitFor();
      await page
        .locator('#variant-0-body')
        .fill('Hi {firstName},\n\nWe met on LinkedIn, and here are my own words.');
      await page.getByRole('button', { name: 'Save template' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
      await page.getByRole('button', { name: 'Revert to built-in' }).waitFor();
    });

    await step('a proof point is added', async () => {
      await page
        .getByRole('navigation', { name: 'Assistant' })
        .getByRole('link', { name: 'Proof points' })
        .click();
      await page.getByRole('heading', { name: /^Proof points/, level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Add a proof point' }).click();
      await page.getByLabel('Proof point 1', { exact: true }).fill('Globex doubled its replies in a month.');
      await page.getByRole('button', { name: 'Save proof points' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved 1 proof point.' }).waitFor();
    });

    await step('an exclusion: a bad entry is named next to the field, a good one is listed', async () => {
      await page
        .getByRole('navigation', { name: 'Assistant' })
        .getByRole('link', { name: 'Exclusions' })
        .click();
      await page.getByRole('heading', { name: /^Exclusions/, level: 1 }).waitFor();
      await page.getByLabel('Address or domain').fill('not an address!');
      await page.getByRole('button', { name: 'Add to the exclusion list' }).click();
      await page.locator('#exclusion-entries-error').filter({ hasText: 'not an address!' }).waitFor();
      await page.getByLabel('Address or domain').fill('globex.com');
      await page.getByRole('button', { name: 'Add to the exclusion list' }).click();
      await page.getByRole('row').filter({ hasText: 'globex.com' }).waitFor();
      await expect.poll(() => page.locator('#exclusion-entries-error').count()).toBe(0);
    });

    await step('a DKIM key is generated and its DNS record shown', async () => {
      await page.getByRole('navigation', { name: 'Assistant' }).getByRole('link', { name: 'DKIM' }).click();
      await page.getByRole('heading', { name: /^DKIM/, level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Generate key' }).click();
      await page.getByRole('button', { name: 'Rotate key' }).waitFor();
      expect(await page.getByTestId('dkim-dns-name').textContent()).toMatch(
        /^nurture-\d{8}\._domainkey\.initech\.test$/,
      );
      expect(await page.getByTestId('dkim-dns-value').textContent()).toMatch(
        /^v=DKIM1; k=rsa; p=[A-Za-z0-9+/=]{300,}$/,
      );
      await page.getByRole('button', { name: 'Copy the value' }).waitFor();
    });

    expect(watched.problems).toEqual([]);
    // What the screens saved is what the API holds.
    const templates = await n.api<{
      proofPoints: string[];
      items: { source: string; step: string; custom: boolean }[];
    }>('GET', `/api/v1/assistants/${org.assistantId}/templates`, undefined, { key: org.apiKey });
    expect(templates.body.proofPoints).toEqual(['Globex doubled its replies in a month.']);
    expect(
      templates.body.items.find((e) => e.source === 'linkedin' && e.step === 'introduction')?.custom,
    ).toBe(true);
  });
});
