import { existsSync, mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`; .ci/run installs it), or CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Screenshots of failed browser tests land here (gitignored). */
export const screenshotDir = new URL('../e2e/screenshots/', import.meta.url);

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath))
    throw new Error(
      `${chromiumPath} not found: apt-get install -y chromium (the browser tests drive a real Chromium), or set CHROMIUM_PATH`,
    );
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // As root in a container Chromium's sandbox can't start; /dev/shm is often tiny there.
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
}

/**
 * A page that remembers what went wrong in it: uncaught errors, console errors
 * (a Content-Security-Policy violation is one) and failed requests to our own
 * server, so a test can say the app ran clean.
 */
/** A fresh desktop-sized context on the app at `base`, its page watched for errors (watchPage). */
export async function openAppPage(
  browser: Browser,
  base: string,
): Promise<{ context: BrowserContext; page: Page; watched: { problems: string[] } }> {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  return { context, page, watched: watchPage(page, base) };
}

export function watchPage(page: Page, base: string): { problems: string[] } {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // The API's 4xx answers (a 401 before signing in, a 400 naming a field) are the app's to show, not faults.
    if (m.type() === 'error' && !/^Failed to load resource: .* status of 4\d\d/.test(m.text()))
      problems.push(`console error: ${m.text()}`);
  });
  page.on('requestfailed', (r) => {
    // ERR_ABORTED is the page dropping its own request as it navigates away (the sign-in page's
    // setup check when a quick click leaves it): not a fault of the app or the server.
    const error = r.failure()?.errorText ?? '';
    if (r.url().startsWith(base) && error !== 'net::ERR_ABORTED')
      problems.push(`request failed: ${r.url()} ${error}`);
  });
  return { problems };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = new URL(`${name.replace(/[^\w-]+/g, '-').slice(0, 80)}.png`, screenshotDir).pathname;
  await page.screenshot({ path: file, fullPage: true }).catch(() => {});
  return file;
}

/**
 * Runs a step of a browser scenario; a failure names the step and leaves a
 * screenshot (test/e2e/screenshots/) and the page's problems in the error.
 */
export async function runStep(
  page: Page,
  watched: { problems: string[] },
  name: string,
  fn: () => Promise<void>,
): Promise<void> {
  try {
    await fn();
  } catch (e) {
    const file = await screenshot(page, name);
    throw new Error(
      `${name}: ${(e as Error).message}\n(screenshot: ${file}; page problems: ${watched.problems.join(' | ') || 'none'})`,
    );
  }
}
