import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrgWithAdmin } from '../../src/accounts/org-setup.ts';
import { leads } from '../../src/db/schema.ts';
import { addLead } from '../../src/leads/add-lead.ts';
import { setActiveLeadCap } from '../../src/plans/org-plan.ts';
import { launchChromium, openAppPage, runStep } from '../helpers/browser.ts';
import { startTestNurture } from '../helpers/test-nurture.ts';

// SPEC §9 and §4 in Chromium: an admin sees the plan on the dashboard (used of
// cap, the reserve, the waiting leads), a waiting lead's Activate is refused
// while the plan is full, and Force send moves a catch-all lead to cold.
const email = 'pat@initech.test';
const password = 'correct horse';

let n: Awaited<ReturnType<typeof startTestNurture>>;
let browser: Browser;
let page: Page;
let watched: { problems: string[] };
let waitingId: string;
let pendingId: string;

beforeAll(async () => {
  [n, browser] = await Promise.all([startTestNurture(), launchChromium()]);
  const org = await createOrgWithAdmin(n.ctx.db, { orgName: 'Initech', email, password });
  const actor = { orgId: org.orgId, userId: org.userId, role: 'admin' as const };
  // A cap of 1: only an EmailCC lead may take it (the 5 % reserve); the event lead waits.
  await setActiveLeadCap(n.ctx.db, org.orgId, 1);
  pendingId = (await addLead(n.ctx, actor, { email: 'cc@example.com', source: 'emailcc' })).id;
  waitingId = (await addLead(n.ctx, actor, { email: 'wait@example.com', source: 'event' })).id;
  // What validation leaves for a catch-all domain.
  await n.ctx.db
    .update(leads)
    .set({ state: 'pending', subState: 'CatchAll', addressVerdict: 'CatchAll' })
    .where(eq(leads.id, pendingId));
  ({ page, watched } = await openAppPage(browser, n.url!));
});

afterAll(async () => {
  await browser?.close();
  await n?.close();
});

const step = (name: string, fn: () => Promise<void>) => runStep(page, watched, `plan-${name}`, fn);

describe('the plan and Force send in a browser', () => {
  it('shows the plan to an admin, refuses Activate while full, and Force sends a catch-all lead', async () => {
    await step('the dashboard shows the plan', async () => {
      await page.goto('/');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Plan' }).waitFor();
      await page.getByTestId('capacity-used').filter({ hasText: '1 of 1 active leads used' }).waitFor();
      expect(await page.getByTestId('capacity-waiting').textContent()).toMatch(/1 lead waiting as new/);
      expect(await page.getByText(/5 % of the cap is kept for EmailCC leads/).count()).toBe(1);
    });

    await step('activating the waiting lead is refused while the plan is full', async () => {
      await page.goto(`/leads/${waitingId}`);
      await page.getByTestId('lead-state').filter({ hasText: 'New' }).waitFor();
      await page.getByRole('button', { name: 'Activate', exact: true }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: /No room to activate this lead/ })
        .waitFor();
    });

    await step('Force send moves the catch-all lead to cold', async () => {
      await page.goto(`/leads/${pendingId}`);
      await page.getByTestId('lead-state').filter({ hasText: 'CatchAll' }).waitFor();
      await page.getByRole('button', { name: 'Force send' }).click();
      await page
        .getByRole('group', { name: 'Confirm Force send' })
        .getByRole('button', { name: 'Force send' })
        .click();
      await page.getByTestId('lead-state').filter({ hasText: 'Vouched' }).waitFor();
      expect(await page.getByTestId('lead-state').textContent()).toMatch(/Cold/);
    });
    expect(watched.problems).toEqual([]);
  });
});
