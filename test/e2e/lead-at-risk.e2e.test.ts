import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrgWithAdmin, type InitResult } from '../../src/accounts/org-setup.ts';
import { leads } from '../../src/db/schema.ts';
import { leadLinkKey, leadLinkUrl, makeLeadLink } from '../../src/lead-links/lead-link-tokens.ts';
import { launchChromium, openAppPage, runStep } from '../helpers/browser.ts';
import { startTestNurture, waitFor } from '../helpers/test-nurture.ts';

// Issue 11 in a real Chromium: a signed one-click link from an email opens a page that says what it
// will do and does it only on the button, without signing in (and once); then the owner, signed in,
// sets the notification screen: the at-risk switch, the digest, a bad team address named under its
// field, then saved.
const email = 'olga@initech.test';
const password = 'correct horse';
let n: Awaited<ReturnType<typeof startTestNurture>>;
let org: InitResult;
let browser: Browser;
let page: Page;
let watched: { problems: string[] };

beforeAll(async () => {
  [n, browser] = await Promise.all([startTestNurture(), launchChromium()]);
  org = await createOrgWithAdmin(n.ctx.db, { orgName: 'Initech', email, password });
  ({ page, watched } = await openAppPage(browser, n.url!));
});
afterAll(async () => {
  await browser?.close();
  await n?.close();
});

const step = (name: string, fn: () => Promise<void>) => runStep(page, watched, name, fn);

describe('lead at risk, in a browser', () => {
  it('a signed "not at risk" link works from the email without signing in, once; the settings screen saves', async () => {
    const added = await n.api<{ id: string }>(
      'POST',
      '/api/v1/leads',
      { email: 'rita@example.com', firstName: 'Rita', source: 'event', assistantId: org.assistantId },
      { key: org.apiKey },
    );
    expect(added.status).toBe(201);
    const leadId = added.body.id;
    // As the at-risk check leaves it (test/lead-at-risk.test.ts drives the check itself).
    await n.ctx.db.update(leads).set({ atRisk: true, atRiskSince: new Date() }).where(eq(leads.id, leadId));
    const key = await leadLinkKey(n.ctx.db, n.ctx.config);
    const token = makeLeadLink(key, {
      leadId,
      userId: org.userId,
      action: 'not-at-risk',
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    const url = leadLinkUrl(n.url!, leadId, token);

    await step('the link shows what it does and changes nothing', async () => {
      await page.goto(url);
      await page.getByRole('heading', { name: 'Not at risk' }).waitFor();
      await page.getByText('Rita').first().waitFor();
      expect(page.url()).not.toContain('token=');
      const lead = await n.api<{ atRisk: boolean }>('GET', `/api/v1/leads/${leadId}`, undefined, {
        key: org.apiKey,
      });
      expect(lead.body.atRisk).toBe(true);
    });

    await step('the button does it', async () => {
      await page.getByRole('button', { name: 'Confirm: Not at risk' }).click();
      await page.getByRole('heading', { name: 'Done' }).waitFor();
      await waitFor(async () => {
        const lead = await n.api<{ atRisk: boolean }>('GET', `/api/v1/leads/${leadId}`, undefined, {
          key: org.apiKey,
        });
        return lead.body.atRisk === false;
      }, 'the lead no longer at risk');
    });

    await step('the same link a second time is refused', async () => {
      await page.goto('about:blank'); // the same address again would only change the fragment
      await page.goto(url);
      await page.getByRole('alert').filter({ hasText: 'already used' }).waitFor();
    });

    await step('the owner signs in and sets the notification screen', async () => {
      await page.goto('/login');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
      await page.goto('/me');
      await page.getByRole('checkbox', { name: 'A lead is at risk (reminders): In the app' }).uncheck();
      await page.getByRole('checkbox', { name: 'A daily email listing my warm leads' }).check();
      await page.getByLabel('Send a copy of my lead emails to').fill('team@initech.test\nnot an address');
      await page.getByRole('button', { name: 'Save phone and copies' }).click();
      await page.locator('#prefs-copy-error').filter({ hasText: 'not an email address' }).waitFor();
      await page.getByLabel('Send a copy of my lead emails to').fill('team@initech.test');
      await page.getByRole('button', { name: 'Save phone and copies' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
      const prefs = await n.api<{
        copyTo: string[];
        warmDigest: boolean;
        kinds: Record<string, Record<string, boolean>>;
      }>('GET', '/api/v1/me/notification-preferences', undefined, { key: org.apiKey });
      expect(prefs.body).toMatchObject({
        copyTo: ['team@initech.test'],
        warmDigest: true,
        kinds: { lead_at_risk: { email: true, in_app: false } },
      });
      expect(watched.problems).toEqual([]);
    });
  });
});
