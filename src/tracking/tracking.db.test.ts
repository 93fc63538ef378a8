import { eq, sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sentEmails } from '../../test/helpers/sent-emails.ts';
import { startTestNurture } from '../../test/helpers/test-nurture.ts';
import { assistants, instanceSettings, leads, messageClicks, messageOpens, messages } from '../db/schema.ts';

// Opens and clicks end to end: a started Nurture sends through its sandbox,
// the test fetches the pixel and links from the email as a mail client would.
type Lead = { id: string; state: string; subState: string | null };
type Item = {
  kind: string;
  type?: string;
  toState?: string;
  reason?: string;
  evidence?: Record<string, unknown>;
};

const ua = {
  chrome:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  gmailProxy: 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)',
  appleMpp: 'Mozilla/5.0',
  barracuda: 'Mozilla/5.0 (compatible; Barracuda Sentinel URL Scanner)',
};
const calendarUrl = 'https://cal.example/acme?slot=30';

let n: Awaited<ReturnType<typeof startTestNurture>>;
beforeAll(async () => {
  n = await startTestNurture();
  await n.ctx.db.update(assistants).set({ calendarUrl }).where(eq(assistants.id, n.org.assistantId));
});
afterAll(async () => n?.close());

/** Add a lead, wait for its first email (sent and recorded), and read it as received. */
async function leadWithEmail(email: string) {
  const lead = (
    await n.api<Lead>('POST', '/api/v1/leads', {
      email,
      firstName: 'Robin',
      source: 'website',
      context: 'Widgets',
    })
  ).body;
  // Recorded as sent too: the tests move its sent time, which is written after the sandbox has it.
  const [listed] = await sentEmails(n, lead.id);
  const { raw } = (await n.api<{ raw: string }>('GET', `/api/v1/sandbox/messages/${listed!.id}`)).body;
  const parsed = await simpleParser(raw);
  const pixel = /<img src="([^"]+\/t\/o\/[^"]+\.gif)"/.exec(String(parsed.html))?.[1];
  const clicks = [...(parsed.text ?? '').matchAll(/\S+\/t\/c\/[A-Za-z0-9_-]+/g)].map((m) => m[0]);
  return { lead, raw, parsed, pixel: pixel!, clicks };
}

/** Our links carry PUBLIC_URL (localhost:PORT); the test server listens on an ephemeral port. */
const hit = (url: string, userAgent: string | null, method = 'GET') =>
  fetch(`${n.url}${new URL(url).pathname}`, {
    method,
    redirect: 'manual',
    headers: userAgent ? { 'user-agent': userAgent } : {},
  });

/** Time passes: the lead's emails were sent `seconds` earlier than they were. */
const sentEarlier = (leadId: string, seconds: number) =>
  n.ctx.db
    .update(messages)
    .set({ sentAt: sql`${messages.sentAt} - make_interval(secs => ${seconds})` })
    .where(eq(messages.leadId, leadId));

const leadNow = async (id: string) => (await n.api<Lead>('GET', `/api/v1/leads/${id}`)).body;
const timeline = async (id: string) =>
  (await n.api<{ items: Item[] }>('GET', `/api/v1/leads/${id}/timeline`)).body.items;
const opensOf = (leadId: string) =>
  n.ctx.db.select().from(messageOpens).where(eq(messageOpens.leadId, leadId));
const clicksOf = (leadId: string) =>
  n.ctx.db.select().from(messageClicks).where(eq(messageClicks.leadId, leadId));

describe('open and click tracking', () => {
  it('the email carries a pixel and tracked links; the unsubscribe link and headers stay direct', async () => {
    const { raw, parsed, pixel, clicks, lead } = await leadWithEmail('reader@track.example');
    // Plain text first, then the HTML alternative.
    expect(parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    expect(raw.indexOf('Content-Type: text/plain')).toBeLessThan(raw.indexOf('Content-Type: text/html'));
    expect(pixel).toMatch(/\/t\/o\/[A-Za-z0-9_-]+\.gif$/);
    const [row] = await n.ctx.db.select().from(leads).where(eq(leads.id, lead.id));
    const unsubscribe = `http://localhost:0/u/${row!.unsubscribeToken}`;
    expect(parsed.text).toContain(`Unsubscribe: ${unsubscribe}`);
    expect(String(parsed.html)).toContain(`<a href="${unsubscribe}">`);
    expect(raw).toContain(`List-Unsubscribe: <${unsubscribe}>`);
    expect(raw).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    // The calendar link goes through the redirect, in both parts, and lands where it should.
    expect(parsed.text).not.toContain(calendarUrl);
    expect(clicks).toHaveLength(1);
    expect(String(parsed.html)).toContain(`<a href="${clicks[0]}">${calendarUrl}</a>`);
    const res = await hit(clicks[0]!, ua.chrome);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(calendarUrl);
    // One signing key for the instance, kept in the database.
    expect(await n.ctx.db.select().from(instanceSettings)).toHaveLength(1);
  });

  it('with tracking off, the email is the plain-text message it always was', async () => {
    await n.ctx.db
      .update(assistants)
      .set({ trackOpens: false, trackClicks: false })
      .where(eq(assistants.id, n.org.assistantId));
    try {
      const { raw, parsed } = await leadWithEmail('private@track.example');
      expect(parsed.headers.get('content-type')).toMatchObject({ value: 'text/plain' });
      expect(parsed.html).toBe(false);
      expect(parsed.text).toContain(`Book a Meeting: ${calendarUrl}`);
      expect(raw).not.toMatch(/\/t\/[oc]\//);
    } finally {
      await n.ctx.db
        .update(assistants)
        .set({ trackOpens: true, trackClicks: true })
        .where(eq(assistants.id, n.org.assistantId));
    }
  });

  it('a person opening the email engages the lead, with the verdict as evidence', async () => {
    const { lead, pixel } = await leadWithEmail('opener@track.example');
    await sentEarlier(lead.id, 3600);
    const res = await hit(pixel, ua.chrome);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/gif');
    expect(res.headers.get('cache-control')).toMatch(/no-store/);
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 6)
        .toString(),
    ).toBe('GIF89a');
    expect(await leadNow(lead.id)).toMatchObject({ state: 'engaged', subState: 'Opened' });
    const items = await timeline(lead.id);
    expect(items.find((i) => i.type === 'message_opened')).toMatchObject({
      evidence: { userAgent: ua.chrome, humanOpens: 1, machineFilter: { verdict: 'human' } },
    });
    expect(items.find((i) => i.type === 'state_changed' && i.toState === 'engaged')).toMatchObject({
      evidence: { transition: 'cold→engaged', userAgent: ua.chrome, machineFilter: { verdict: 'human' } },
    });
    const [open] = await opensOf(lead.id);
    expect(open).toMatchObject({ isMachine: false, machineReason: null, userAgent: ua.chrome });
    expect(open!.ip).toMatch(/127\.0\.0\.1/);
    const [row] = await n.ctx.db.select().from(leads).where(eq(leads.id, lead.id));
    expect(row).toMatchObject({ humanOpens: 1 });
    expect(row!.preferredSendMinute).not.toBeNull();
  });

  it('proxy, Apple Privacy Protection and scanner opens are stored with their reason and move nothing', async () => {
    const { lead, pixel } = await leadWithEmail('proxied@track.example');
    await sentEarlier(lead.id, 3600);
    for (const agent of [ua.gmailProxy, ua.appleMpp, ua.barracuda, null])
      expect((await hit(pixel, agent)).status).toBe(200);
    const reasons = (await opensOf(lead.id)).map((o) => [o.isMachine, o.machineReason]);
    expect(reasons).toEqual(
      expect.arrayContaining([
        [true, 'image_proxy:gmail'],
        [true, 'apple_mpp:bare_user_agent'],
        [true, 'security_scanner:barracuda'],
        // Node's fetch sends "node" when no agent is given: a script.
        [true, 'bot:http_library'],
      ]),
    );
    expect(await leadNow(lead.id)).toMatchObject({ state: 'cold' });
    expect((await timeline(lead.id)).some((i) => i.type === 'message_opened')).toBe(false);
    const [row] = await n.ctx.db.select().from(leads).where(eq(leads.id, lead.id));
    expect(row).toMatchObject({ humanOpens: 0, preferredSendMinute: null });
  });

  it('an open within seconds of delivery is a prefetch, even with a browser agent', async () => {
    const { lead, pixel } = await leadWithEmail('prefetched@track.example');
    await hit(pixel, ua.chrome);
    expect((await opensOf(lead.id)).map((o) => o.machineReason)).toEqual(['at_delivery']);
    expect(await leadNow(lead.id)).toMatchObject({ state: 'cold' });
  });

  it('three human opens make the lead warm', async () => {
    const { lead, pixel } = await leadWithEmail('fan@track.example');
    await sentEarlier(lead.id, 3600);
    await hit(pixel, ua.chrome);
    expect((await leadNow(lead.id)).state).toBe('engaged');
    await hit(pixel, ua.chrome);
    expect((await leadNow(lead.id)).state).toBe('engaged');
    await hit(pixel, ua.chrome);
    expect(await leadNow(lead.id)).toMatchObject({ state: 'warm', subState: 'ThreeOpens' });
    const changes = (await timeline(lead.id)).filter((i) => i.type === 'state_changed').map((i) => i.toState);
    expect(changes).toEqual(['cold', 'engaged', 'warm']);
  });

  it('a click in the first 180 seconds is a scanner; a person’s click later makes the lead warm', async () => {
    const { lead, clicks } = await leadWithEmail('clicker@track.example');
    const early = await hit(clicks[0]!, ua.chrome);
    expect(early.status).toBe(302); // the scanner still gets where the link goes
    expect((await clicksOf(lead.id)).map((c) => [c.isMachine, c.machineReason, c.url])).toEqual([
      [true, 'click_too_soon', calendarUrl],
    ]);
    expect((await leadNow(lead.id)).state).toBe('cold');

    await sentEarlier(lead.id, 600);
    // A link checker's HEAD, however late, is not a person.
    expect((await hit(clicks[0]!, ua.chrome, 'HEAD')).status).toBe(302);
    expect((await clicksOf(lead.id)).map((c) => c.machineReason)).toContain('head_request');
    expect((await leadNow(lead.id)).state).toBe('cold');
    const later = await hit(clicks[0]!, ua.chrome);
    expect(later.headers.get('location')).toBe(calendarUrl);
    expect(await leadNow(lead.id)).toMatchObject({ state: 'warm', subState: 'Clicked' });
    expect((await timeline(lead.id)).find((i) => i.type === 'link_clicked')).toMatchObject({
      evidence: { url: calendarUrl, humanClicks: 1, machineFilter: { verdict: 'human' } },
    });
  });

  it('a forged or altered click token is a 404, never a redirect; a forged pixel is still a GIF', async () => {
    const { lead, clicks, pixel } = await leadWithEmail('victim@track.example');
    const forged = await hit(
      'http://x/t/c/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      ua.chrome,
    );
    expect(forged.status).toBe(404);
    expect(forged.headers.get('location')).toBeNull();
    // Open redirect attempt: the token's URL swapped for another under the same signature.
    const token = clicks[0]!.split('/t/c/')[1]!;
    const payload = Buffer.from(token.slice(0, -22), 'base64url');
    const evil = Buffer.concat([payload.subarray(0, 16), Buffer.from('https://evil.example/login')]);
    const swapped = await hit(`http://x/t/c/${evil.toString('base64url')}${token.slice(-22)}`, ua.chrome);
    expect(swapped.status).toBe(404);
    expect(swapped.headers.get('location')).toBeNull();
    const badPixel = await hit(pixel.replace(/[A-Za-z0-9_-]{4}\.gif$/, 'AAAA.gif'), ua.chrome);
    expect(badPixel.status).toBe(200);
    expect(badPixel.headers.get('content-type')).toBe('image/gif');
    expect(await opensOf(lead.id)).toEqual([]);
    expect(await clicksOf(lead.id)).toEqual([]);
  });
});
