import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrgWithAdmin, type InitResult } from '../../src/accounts/org-setup.ts';
import { publicUrl } from '../../src/config/config.ts';
import { inboundMessages, messages, users } from '../../src/db/schema.ts';
import { launchChromium, openAppPage, runStep } from '../helpers/browser.ts';
import { openAssistantWindow } from '../helpers/seed.ts';
import { type Api, startTestNurture, waitFor } from '../helpers/test-nurture.ts';

// Issue 11, "what it must show" 1, in Chromium against a started Nurture
// (server, worker, sandbox): a lead replies "Thursday at 3 works" in the
// sandbox → it becomes hot → the owner's notification email, read from the
// sandbox, links to the lead's page → the owner follows it, signs in and
// writes to the lead as the assistant → the lead receives it in the same
// thread (its headers checked) → answers → the conversation shows both. On
// the way: a message for later, edited and skipped on the same page.

const ownerEmail = 'sam@initech.test';
const password = 'correct horse';
const leadEmail = 'jane@globex.example';

let n: Awaited<ReturnType<typeof startTestNurture>>;
let browser: Browser;
let page: Page;
let watched: { problems: string[] };
let org: InitResult;
let api: Api;

beforeAll(async () => {
  [n, browser] = await Promise.all([startTestNurture({ NOTIFY_POLL_MS: '50' }), launchChromium()]);
  org = await createOrgWithAdmin(n.ctx.db, { orgName: 'Initech', email: ownerEmail, password });
  await n.ctx.db.update(users).set({ name: 'Sam Seller' }).where(eq(users.id, org.userId));
  await openAssistantWindow(n.ctx.db, org.assistantId);
  api = (method, path, body, opts) => n.api(method, path, body, { key: org.apiKey, ...opts });
  ({ page, watched } = await openAppPage(browser, n.url!));
});

afterAll(async () => {
  await browser?.close();
  await n?.close();
});

const step = (name: string, fn: () => Promise<void>) => runStep(page, watched, name, fn);

type Mail = {
  id: string;
  to: string;
  from: string;
  subject: string;
  text: string;
  messageId: string;
  leadId: string | null;
};
const sandbox = async () =>
  (await api<{ items: Mail[] }>('GET', '/api/v1/sandbox/messages?limit=1000')).body.items;
const headersOf = async (id: string) =>
  (await api<{ headers: Record<string, string> }>('GET', `/api/v1/sandbox/messages/${id}`)).body.headers;
/** The Message-IDs of the lead's replies, oldest first, once the pipeline has processed `count` of them. */
const repliesOf = (leadId: string, count: number) =>
  waitFor(async () => {
    const rows = await n.ctx.db
      .select({ messageId: inboundMessages.messageId, at: inboundMessages.receivedAt })
      .from(inboundMessages)
      .where(and(eq(inboundMessages.leadId, leadId), eq(inboundMessages.status, 'processed')));
    return (
      rows.length >= count && rows.sort((a, b) => a.at.getTime() - b.at.getTime()).map((r) => r.messageId!)
    );
  }, `${count} processed replies of the lead`);

describe('the salesperson answers a hot lead from the app', () => {
  it('from the notification email to a message as the assistant in the lead thread, and the answer', async () => {
    const assistant = (
      await api<{ name: string; email: string }>('GET', `/api/v1/assistants/${org.assistantId}`)
    ).body;
    const lead = await api<{ id: string }>('POST', '/api/v1/leads', {
      email: leadEmail,
      firstName: 'Jane',
      lastName: 'Doe',
      company: 'Globex',
      source: 'event',
      context: 'SaaStr',
    });
    expect(lead.status).toBe(201);
    const leadId = lead.body.id;
    const conversationMessage = page.getByTestId('conversation-message');

    let first!: Mail;
    await step('the lead replies "Thursday at 3 works" in the sandbox and becomes hot', async () => {
      first = await waitFor(async () => {
        const mail = (await sandbox()).find((m) => m.leadId === leadId);
        const [row] = mail
          ? await n.ctx.db.select().from(messages).where(eq(messages.messageId, mail.messageId))
          : [];
        return row?.status === 'sent' && mail;
      }, 'the first email sent and recorded');
      const r = await api('POST', `/api/v1/sandbox/messages/${first.id}/reply`, {
        text: 'Thursday at 3 works',
      });
      expect(r.status).toBe(202);
      await waitFor(
        async () => (await api<{ state: string }>('GET', `/api/v1/leads/${leadId}`)).body.state === 'hot',
        'the lead to become hot',
      );
    });

    let link!: URL;
    await step("the owner's notification email links to the lead's page", async () => {
      const notice = await waitFor(
        async () =>
          (await sandbox()).find((m) => m.to.includes(ownerEmail) && m.subject.startsWith('Hot lead:')),
        'the hot-lead email to the owner',
      );
      expect(notice.text).toContain('Thursday at 3 works');
      const urls = [...notice.text.matchAll(/https?:\/\/[^\s/]+\/leads\/[0-9a-f-]{36}(?=\s|$)/g)].map(
        (m) => m[0],
      );
      expect(urls.length).toBeGreaterThan(0);
      expect(new Set(urls)).toEqual(new Set([`${publicUrl(n.ctx.config)}/leads/${leadId}`]));
      expect(notice.text).not.toMatch(/POST \S*\/api\/v1\//);
      link = new URL(urls[0]!);
    });

    await step('the link opens the lead page after signing in', async () => {
      // PUBLIC_URL names the server as configured; the browser reaches it on the test's port.
      await page.goto(link.pathname);
      await page.getByLabel('Email').fill(ownerEmail);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Jane Doe', level: 1 }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/leads/${leadId}`);
      await page.getByRole('heading', { name: 'Conversation' }).waitFor();
      const reply = conversationMessage.filter({ hasText: 'Thursday at 3 works' });
      await reply.waitFor();
      // The quoted history under the reply is folded away, there when asked for.
      const quoted = reply.locator('details.msg-quoted');
      expect(await quoted.getAttribute('open')).toBeNull();
      await quoted.locator('summary').click();
      expect(await quoted.locator('pre').textContent()).toContain('wrote:');
      expect(await conversationMessage.count()).toBe(2);
    });

    await step(
      'a message for later: a past time is refused next to the field, then edited and skipped',
      async () => {
        const box = page.getByLabel(`Write as ${assistant.name}`);
        await box.fill('Shall we say 3pm your time?');
        await page.getByLabel('Send at', { exact: true }).fill('2020-01-01T09:00');
        await page.getByRole('button', { name: 'Send at this time' }).click();
        const error = page.locator('#message-send-at-error');
        await error.waitFor();
        expect(await error.textContent()).toContain('in the past');
        expect(await page.getByLabel('Send at', { exact: true }).getAttribute('aria-invalid')).toBe('true');

        const tomorrow = new Date(Date.now() + 86_400_000);
        const pad = (x: number) => String(x).padStart(2, '0');
        await page
          .getByLabel('Send at', { exact: true })
          .fill(`${tomorrow.getFullYear()}-${pad(tomorrow.getMonth() + 1)}-${pad(tomorrow.getDate())}T10:00`);
        await page.getByRole('button', { name: 'Send at this time' }).click();
        await page.getByRole('status').filter({ hasText: 'Message scheduled' }).waitFor();
        const upcoming = page.getByTestId('upcoming-email');
        await upcoming.filter({ hasText: 'Shall we say 3pm your time?' }).waitFor();

        await upcoming.getByRole('button', { name: 'Edit' }).click();
        const text = upcoming.getByLabel('Text');
        expect(await text.inputValue()).toContain('Shall we say 3pm your time?');
        await text.fill('Shall we say 3pm, Thursday?\n\nAva');
        await upcoming.getByRole('button', { name: 'Save changes' }).click();
        await upcoming.filter({ hasText: 'Shall we say 3pm, Thursday?' }).waitFor();
        await page.locator('.tl-message_edited').filter({ hasText: 'edited by Sam Seller' }).waitFor();

        await upcoming.getByRole('button', { name: 'Skip' }).click();
        await upcoming.getByRole('button', { name: 'Skip email' }).click();
        await upcoming.waitFor({ state: 'detached' });
        await page.locator('.tl-message_skipped').filter({ hasText: 'skipped by Sam Seller' }).waitFor();
      },
    );

    let sent!: Mail;
    await step(
      'the owner writes as the assistant and sends now; the lead receives it in the thread',
      async () => {
        await page
          .getByLabel(`Write as ${assistant.name}`)
          .fill('Great, Thursday at 3 it is.\nI will send an invitation.');
        await page.getByRole('button', { name: 'Send now' }).click();
        await page.getByRole('status').filter({ hasText: 'Message on its way' }).waitFor();
        sent = await waitFor(
          async () =>
            (await sandbox()).find(
              (m) => m.leadId === leadId && m.text.includes('Great, Thursday at 3 it is.'),
            ),
          'the message in the sandbox',
        );
        const [replyId] = await repliesOf(leadId, 1);
        const headers = await headersOf(sent.id);
        expect(headers['in-reply-to']).toBe(replyId);
        expect(headers.references!.split(/\s+/)).toEqual([first.messageId, replyId]);
        expect(headers.from).toContain(`<${assistant.email}>`);
        expect(headers.from).toContain(assistant.name);
        expect(sent.to).toContain(leadEmail);
        expect(sent.subject).toBe(`Re: ${first.subject}`);
        expect(sent.text).toContain('> Thursday at 3 works');
      },
    );

    await step('the lead answers; the conversation shows the message and the answer', async () => {
      const r = await api('POST', `/api/v1/sandbox/messages/${sent.id}/reply`, {
        text: 'Perfect, see you then!',
      });
      expect(r.status).toBe(202);
      const [, answerId] = await repliesOf(leadId, 2);
      // The answer is matched to the lead by our message's id: the thread held.
      const [answer] = await n.ctx.db
        .select({ matchedBy: inboundMessages.matchedBy })
        .from(inboundMessages)
        .where(eq(inboundMessages.messageId, answerId!));
      expect(answer!.matchedBy).toBe('in-reply-to');
      await conversationMessage.filter({ hasText: 'Perfect, see you then!' }).waitFor({ timeout: 60_000 });
      const texts = await conversationMessage.locator('pre.mail-text:not(.quoted)').allTextContents();
      expect(texts).toHaveLength(4);
      expect(texts[0]).toContain('Jane');
      expect(texts[1]).toContain('Thursday at 3 works');
      expect(texts[2]).toContain('Great, Thursday at 3 it is.');
      expect(texts[3]).toContain('Perfect, see you then!');
      const mine = conversationMessage.nth(2);
      expect(await mine.locator('.msg-from').textContent()).toContain(
        `${assistant.name} (written by Sam Seller`,
      );
    });

    expect(watched.problems).toEqual([]);
  }, 300_000);
});
