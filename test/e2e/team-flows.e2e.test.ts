import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrgWithAdmin, type InitResult } from '../../src/accounts/org-setup.ts';
import { waitForAccountLink } from '../helpers/account-mail.ts';
import { launchChromium, openAppPage, runStep } from '../helpers/browser.ts';
import { type Api, startTestNurture } from '../helpers/test-nurture.ts';

// Team and account flows as people live them, in a real Chromium against a
// started Nurture: an admin invites someone from the Team screen, the
// invitation email is read from the sandbox, the invitee follows its link,
// chooses a name and password and lands signed in; someone who forgot their
// password asks for a link, follows the emailed one, and only the new
// password opens the door afterwards.

const adminEmail = 'olive@umbrella.test';
const adminPassword = 'correct horse';

let n: Awaited<ReturnType<typeof startTestNurture>>;
let org: InitResult;
let adminApi: Api;
let browser: Browser;
let page: Page;
let watched: { problems: string[] };

beforeAll(async () => {
  [n, browser] = await Promise.all([startTestNurture({ NOTIFY_POLL_MS: '100' }), launchChromium()]);
  org = await createOrgWithAdmin(n.ctx.db, {
    orgName: 'Umbrella',
    email: adminEmail,
    password: adminPassword,
  });
  adminApi = (method, path, body, opts) => n.api(method, path, body, { key: org.apiKey, ...opts });
  ({ page, watched } = await openAppPage(browser, n.url!));
});

afterAll(async () => {
  await browser?.close();
  await n?.close();
});

const step = (name: string, fn: () => Promise<void>) => runStep(page, watched, name, fn);

async function signIn(email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const signOut = () => page.getByRole('button', { name: 'Sign out' }).click();

describe('team and account flows in a browser', () => {
  it('an admin invites from the Team screen; the invitee accepts the emailed link and lands signed in; the admin removes her, her lead handed over', async () => {
    const invitee = 'ines@umbrella.test';
    await step('the admin invites', async () => {
      await signIn(adminEmail, adminPassword);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click();
      await page.getByRole('heading', { name: 'Team', level: 1 }).waitFor();
      await page.getByLabel('Email').fill(invitee);
      await page.getByRole('button', { name: 'Send invitation' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Invitation sent to ${invitee}` })
        .waitFor();
      await page.getByRole('row').filter({ hasText: invitee }).waitFor();
      await signOut();
      await page.getByRole('heading', { name: 'Sign in to Nurture' }).waitFor();
    });

    const link = await waitForAccountLink(adminApi, invitee, 'accept-invitation');
    expect(link.subject).toContain('invited you to Umbrella');

    await step('the invitee accepts', async () => {
      await page.goto(link.path);
      await page.getByRole('heading', { name: 'Join Umbrella on Nurture' }).waitFor();
      await page.getByText(invitee).waitFor();
      // The token leaves the address bar once read.
      expect(page.url()).not.toContain('token=');
      await page.getByLabel('Your name').fill('Ines Invited');
      await page.getByLabel('Choose a password').fill('short');
      await page.getByRole('button', { name: 'Join and sign in' }).click();
      await page.locator('#accept-password-error').waitFor();
      await page.getByLabel('Choose a password').fill('ines has a long password');
      await page.getByRole('button', { name: 'Join and sign in' }).click();
      await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
      // A member: no Team screen in the nav.
      await page.getByRole('link', { name: 'My profile' }).click();
      await page.getByRole('heading', { name: invitee }).waitFor();
      expect(await page.getByLabel('Name').inputValue()).toBe('Ines Invited');
      expect(
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).count(),
      ).toBe(0);
    });

    await step('the link does not work twice', async () => {
      await signOut();
      await page.goto(link.path);
      await page.getByRole('alert').filter({ hasText: 'not valid any more' }).waitFor();
    });

    await step('the admin removes her, handing her lead over', async () => {
      const team = await adminApi<{ users: { id: string; email: string }[] }>('GET', '/api/v1/users');
      const ines = team.body.users.find((u) => u.email === invitee)!;
      const lead = await adminApi<{ id: string }>('POST', '/api/v1/leads', {
        email: 'buyer@example.com',
        firstName: 'Bea',
        source: 'website',
        ownerId: ines.id,
      });
      await signIn(adminEmail, adminPassword);
      await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
      await page.goto(`/leads/${lead.body.id}`);
      await page.getByText('Ines Invited').waitFor();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click();
      await page
        .getByRole('row')
        .filter({ hasText: invitee })
        .getByRole('button', { name: 'Remove…' })
        .click();
      await page.getByLabel('Hand their leads to').selectOption({ label: adminEmail });
      await page.getByRole('button', { name: `Remove ${invitee}` }).click();
      await page.getByRole('status').filter({ hasText: '1 lead handed over' }).waitFor();
      expect(await page.getByRole('row').filter({ hasText: invitee }).count()).toBe(0);
      await page.goto(`/leads/${lead.body.id}`);
      await page.getByText('removed from the team').waitFor();
      await signOut();
    });
    expect(watched.problems).toEqual([]);
  });

  it('forgot password: the emailed link sets a new password; the old one no longer works', async () => {
    await step('ask for a link from the sign-in page', async () => {
      await page.goto('/login');
      await page.getByRole('link', { name: 'Forgot your password?' }).click();
      await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
      await page.getByLabel('Email').fill(adminEmail);
      await page.getByRole('button', { name: 'Email me a link' }).click();
      await page.getByRole('status').filter({ hasText: 'is on its way' }).waitFor();
    });

    const link = await waitForAccountLink(adminApi, adminEmail, 'reset-password');

    await step('set a new password through the link', async () => {
      await page.goto(link.path);
      await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
      await page.getByLabel('New password', { exact: true }).fill('a fresh new password');
      await page.getByRole('button', { name: 'Set password' }).click();
      await page.getByRole('status').filter({ hasText: 'Your password is set' }).waitFor();
    });

    await step('the old password fails, the new one works', async () => {
      await signIn(adminEmail, adminPassword);
      await page.getByRole('alert').waitFor();
      await page.getByLabel('Password').fill('a fresh new password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    });
    expect(watched.problems).toEqual([]);
  });
});
