import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Running, startNurture } from '../../src/app/start.ts';
import { loadConfig } from '../../src/config/config.ts';
import { launchChromium, runStep, watchPage } from '../helpers/browser.ts';

// First run in a real Chromium (issue 9, SPEC §10.1): an instance with no
// organisation shows "Set up Nurture" instead of a sign-in nobody could pass;
// the token from the server's log creates the org and its admin, who is
// signed in, and later signs in with the password chosen here.

let running: Running;
let browser: Browser;
let page: Page;
let watched: { problems: string[] };

beforeAll(async () => {
  [running, browser] = await Promise.all([
    startNurture(
      loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        SANDBOX_SMTP_PORT: '0',
        NURTURE_DATA_DIR: 'memory://',
        LOG_LEVEL: 'error',
        VALIDATION_MODE: 'offline',
      }),
      { http: true, worker: true },
    ),
    launchChromium(),
  ]);
  const context = await browser.newContext({ baseURL: running.url!, viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(30_000);
  page = await context.newPage();
  watched = watchPage(page, running.url!);
});

afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

const step = (name: string, fn: () => Promise<void>) => runStep(page, watched, `first-run-${name}`, fn);

describe('first run in a browser', () => {
  it('sets up the organisation with the logged token, signs the admin in, and then offers only sign-in', async () => {
    const token = running.setupToken!;
    expect(token).toBeTruthy();

    await step('the setup form says where the token is', async () => {
      await page.goto('/');
      await page.getByRole('heading', { name: 'Set up Nurture' }).waitFor();
      expect(await page.getByText(/server’s log/).count()).toBeGreaterThan(0);
    });

    await step('a wrong token is refused, next to its field', async () => {
      await page.getByLabel('Setup token').fill('setup_not-it');
      await page.getByLabel('Organisation name').fill('Globex');
      await page.getByLabel('Your email').fill('hank@globex.test');
      await page.getByLabel('Password').fill('a long password');
      await page.getByRole('button', { name: 'Set up Nurture' }).click();
      await page.locator('#setup-setupToken-error').waitFor();
      expect(await page.locator('#setup-setupToken-error').textContent()).toMatch(/setup token/i);
    });

    await step('the right token sets up and signs in', async () => {
      await page.getByLabel('Setup token').fill(token);
      await page.getByRole('button', { name: 'Set up Nurture' }).click();
      await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    });

    await step('signed out, the page offers sign-in, and the chosen password opens it', async () => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in to Nurture' }).waitFor();
      expect(await page.getByRole('heading', { name: 'Set up Nurture' }).count()).toBe(0);
      await page.getByLabel('Email').fill('hank@globex.test');
      await page.getByLabel('Password').fill('a long password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    });

    expect(watched.problems).toEqual([]);
  }, 300_000);
});
