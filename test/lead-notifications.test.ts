import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicUrl } from '../src/config/config.ts';
import { assistants, messages, timelineEvents, users } from '../src/db/schema.ts';
import { trackingKey, trackingLinks } from '../src/tracking/tracking-tokens.ts';
import { replyTo } from './helpers/mail-builders.ts';
import { listNotices, type Notice, postRaw, sandboxMessages } from './helpers/notices.ts';
import { sentEmails } from './helpers/sent-emails.ts';
import { addMember, startTestNurture, waitFor } from './helpers/test-nurture.ts';
import { startWhatsAppCloudApi } from './helpers/whatsapp-cloud-api.ts';

// SPEC §8: a lead that becomes hot, responded or warm tells its owner by
// email, by WhatsApp (the Cloud API, here a local server speaking it) and in
// the app, in the transaction of the change.

type Lead = { id: string; state: string; subState: string | null };
type Prefs = {
  phone: string | null;
  whatsappConfigured: boolean;
  kinds: Record<string, { email: boolean; whatsapp: boolean; in_app: boolean }>;
};

const version = 'v23.0';
const phoneNumberId = '106540352242922';
const token = 'EAAG-test-token';
const ownerPhone = '+447700900123';

let api: Awaited<ReturnType<typeof startWhatsAppCloudApi>>;
let n: Awaited<ReturnType<typeof startTestNurture>>;
let owner: { id: string; key: string };
let ownerEmail: string;

beforeAll(async () => {
  api = await startWhatsAppCloudApi({ version, phoneNumberId, token });
  n = await startTestNurture({
    NOTIFY_POLL_MS: '50',
    MACHINE_OPEN_WINDOW_SECONDS: '0',
    WHATSAPP_API_URL: api.url,
    WHATSAPP_API_VERSION: version,
    WHATSAPP_PHONE_NUMBER_ID: phoneNumberId,
    WHATSAPP_ACCESS_TOKEN: token,
  });
  await n.ctx.db
    .update(assistants)
    .set({ brochureUrl: 'https://acme.example/deck.pdf' })
    .where(eq(assistants.id, n.org.assistantId));
  owner = await addMember(n.ctx.db, n.org.orgId);
  await n.ctx.db.update(users).set({ name: 'Sam Seller' }).where(eq(users.id, owner.id));
  ownerEmail = (await n.ctx.db.select().from(users).where(eq(users.id, owner.id)))[0]!.email;
  const set = await n.api<Prefs>(
    'PATCH',
    '/api/v1/me/notification-preferences',
    { phone: '+44 7700 900123' },
    {
      key: owner.key,
    },
  );
  expect(set.status).toBe(200);
  expect(set.body.phone).toBe(ownerPhone);
});
afterAll(async () => {
  await n?.close();
  await api?.close();
});

const sandbox = () => sandboxMessages(n);
const notices = (key = owner.key, query = '') => listNotices(n, key, query);
const noticesFor = async (leadId: string) => (await notices()).items.filter((i) => i.leadId === leadId);
/** Wait until the lead's notifications are written and none is still pending. */
const settled = (leadId: string, count: number) =>
  waitFor(async () => {
    const items = await noticesFor(leadId);
    return items.length >= count && items.every((i) => i.status !== 'pending') ? items : null;
  }, `${count} notifications about lead ${leadId} delivered`);
const byChannel = (items: Notice[]) => Object.fromEntries(items.map((i) => [i.channel, i]));
const leadNow = async (id: string) => (await n.api<Lead>('GET', `/api/v1/leads/${id}`)).body;
const waitForState = (id: string, state: string) =>
  waitFor(async () => {
    const l = await leadNow(id);
    return l.state === state ? l : null;
  }, `lead to become ${state}`);
const post = (raw: Buffer) => postRaw(n, raw);
const emailsToOwner = async () => (await sandbox()).filter((m) => m.to.includes(ownerEmail));
const whatsappTo = (digits: string) =>
  api.received.filter((r) => (r.body as { to?: string } | null)?.to === digits);

/** A lead owned by `owner`, and its first email as the sandbox caught it. */
async function ownedLead(email: string, extra: Record<string, unknown> = {}) {
  const r = await n.api<Lead>('POST', '/api/v1/leads', {
    email,
    source: 'website',
    context: 'Widgets',
    ownerId: owner.id,
    ...extra,
  });
  expect(r.status).toBe(201);
  const lead = r.body;
  // Sent and recorded (not only caught): the tests answer it and count its opens.
  const [mail] = await sentEmails(n, lead.id);
  const fromAddress = /<([^>]+)>/.exec(mail!.from)?.[1] ?? mail!.from;
  return { lead, original: { messageId: mail!.messageId, subject: mail!.subject, fromAddress } };
}

describe('a lead that replies', () => {
  it('responded: the owner gets an email with the reply and how it was read, a WhatsApp and an in-app notification', async () => {
    const { lead, original } = await ownedLead('jane@globex.example', {
      firstName: 'Jane',
      lastName: 'Doe',
      company: 'Globex',
      phone: '+44 20 7946 0000',
    });
    const whatsappBefore = api.received.length;
    await post(
      await replyTo(original, 'jane@globex.example', 'Could you send me the brochure please?', {
        date: new Date('2026-12-01T10:00:00Z'),
        quoted: '> Hi Jane, a quick question about widgets.',
      }),
    );
    const after = await waitForState(lead.id, 'responded');
    expect(after.subState).toBe('InfoRequest');
    const items = await settled(lead.id, 3);
    expect(items).toHaveLength(3);
    const c = byChannel(items);
    const subject = 'Lead responded: Jane Doe (Globex) asked for the brochure or more information';
    // The source: the state_changed event of this transition, the same on every channel.
    const [changed] = await n.ctx.db
      .select({ id: timelineEvents.id })
      .from(timelineEvents)
      .where(
        and(
          eq(timelineEvents.leadId, lead.id),
          eq(timelineEvents.type, 'state_changed'),
          eq(timelineEvents.toState, 'responded'),
        ),
      );
    for (const i of items)
      expect(i).toMatchObject({
        kind: 'lead_responded',
        subject,
        sourceId: String(changed!.id),
        status: 'sent',
      });
    expect(c.email).toMatchObject({ destination: ownerEmail, attempts: 1, lastError: null });
    expect(c.whatsapp).toMatchObject({ destination: ownerPhone, attempts: 1, lastError: null });
    expect(c.in_app).toMatchObject({ destination: 'app', attempts: 0, readAt: null });

    // The email itself, in the sandbox: from the assistant's mailbox to the owner.
    const mail = await waitFor(
      async () => (await emailsToOwner()).find((m) => m.subject === subject),
      'the email to the owner in the sandbox',
    );
    expect(mail.from).toMatch(/^"?Alex"? <alex@/);
    expect(mail.text).toContain('Hello Sam Seller,');
    expect(mail.text).toContain('    Could you send me the brochure please?');
    expect(mail.text).not.toContain('a quick question about widgets'); // the quote is stripped
    expect(mail.text).toMatch(/How Alex read it: a request for information \(confidence \d\.\d\d\)/);
    expect(mail.text).toContain('Alex answers at once with the brochure (https://acme.example/deck.pdf)');
    expect(mail.text).toContain('  Email:      jane@globex.example');
    expect(mail.text).toContain('  Phone:      +44 20 7946 0000');
    expect(mail.text).toContain(`GET ${publicUrl(n.ctx.config)}/api/v1/leads/${lead.id}`);
    expect(mail.text).toContain('What to do next:');

    // The WhatsApp message, as the Cloud API received it.
    const sent = api.received.slice(whatsappBefore);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      method: 'POST',
      path: `/${version}/${phoneNumberId}/messages`,
      authorization: `Bearer ${token}`,
      contentType: 'application/json',
      body: { messaging_product: 'whatsapp', recipient_type: 'individual', to: '447700900123', type: 'text' },
    });
    const text = (sent[0]!.body as { text: { body: string } }).text.body;
    expect(text).toContain(`Nurture — ${subject}`);
    expect(text).toContain('"Could you send me the brochure please?"');
    expect(text).toContain(`/leads/${lead.id}`);
    expect(text).not.toContain('/api/v1/');
  });

  it('a meeting makes it hot; the same reply delivered twice tells once; hot again after continue tells again', async () => {
    const { lead, original } = await ownedLead('sam@initech.example', {
      firstName: 'Sam',
      lastName: 'Lee',
      company: 'Initech',
    });
    const raw = await replyTo(
      original,
      'sam@initech.example',
      "Thursday at 3pm works for me, let's talk then.",
      {
        date: new Date('2026-12-01T10:00:00Z'),
      },
    );
    const first = await post(raw);
    const again = await post(raw);
    expect(again).toEqual({ id: first.id, duplicate: true });
    await waitForState(lead.id, 'hot');
    const items = await settled(lead.id, 3);
    const subject = 'Hot lead: Sam Lee (Initech) wants a meeting on Thursday 3 December 2026 at 15:00';
    expect(items.map((i) => [i.kind, i.channel, i.subject]).sort()).toEqual(
      [
        ['lead_hot', 'email', subject],
        ['lead_hot', 'in_app', subject],
        ['lead_hot', 'whatsapp', subject],
      ].sort(),
    );
    const mail = await waitFor(
      async () => (await emailsToOwner()).find((m) => m.subject === subject),
      'the hot email',
    );
    expect(mail.text).toContain("    Thursday at 3pm works for me, let's talk then.");
    expect(mail.text).toMatch(
      /How Alex read it: a meeting \(confidence \d\.\d\d\); the words that decided: .*"Thursday"/,
    );
    expect(mail.text).toContain('Confirm the meeting with Sam within 24 hours');
    // Delivered twice, processed once: still one per channel after the worker had time for a second.
    await new Promise((r) => setTimeout(r, 300));
    expect(await noticesFor(lead.id)).toHaveLength(3);
    expect((await emailsToOwner()).filter((m) => m.subject === subject)).toHaveLength(1);

    // The owner continues the sequence; a new reply makes the lead hot again: a new transition, told again.
    const cont = await n.api('POST', `/api/v1/leads/${lead.id}/actions/continue`, undefined, {
      key: owner.key,
    });
    expect(cont.status).toBe(200);
    await post(
      await replyTo(original, 'sam@initech.example', 'Friday at 10am works for me.', {
        date: new Date('2026-12-02T09:00:00Z'),
      }),
    );
    const twice = await settled(lead.id, 6);
    expect(twice).toHaveLength(6);
    expect(new Set(twice.map((i) => i.sourceId)).size).toBe(2);
    expect(twice.filter((i) => i.channel === 'email').map((i) => i.subject)).toContain(
      'Hot lead: Sam Lee (Initech) wants a meeting on Friday 4 December 2026 at 10:00',
    );
  });
});

describe('a lead that reads', () => {
  it('three human opens make it warm: the owner is told, with the opens', async () => {
    const { lead } = await ownedLead('reader@umbrella.example', { firstName: 'Ada', company: 'Umbrella' });
    const [first] = await n.ctx.db
      .select({ id: messages.id })
      .from(messages)
      .where(and(eq(messages.leadId, lead.id), eq(messages.status, 'sent')));
    const links = trackingLinks(n.url!, await trackingKey(n.ctx.db, n.ctx.config));
    const open = async () => {
      const r = await fetch(links.openPixel(first!.id), {
        headers: {
          'user-agent':
            'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
        },
      });
      expect(r.status).toBe(200);
    };
    await open();
    await waitForState(lead.id, 'engaged');
    await open();
    expect(await noticesFor(lead.id)).toEqual([]); // engaged is not worth a notification
    await open();
    await waitForState(lead.id, 'warm');
    const items = await settled(lead.id, 3);
    const subject = 'Warm lead: Ada (Umbrella) opened your emails 3 times';
    expect(items.every((i) => i.kind === 'lead_warm' && i.subject === subject)).toBe(true);
    const mail = await waitFor(
      async () => (await emailsToOwner()).find((m) => m.subject === subject),
      'the warm email',
    );
    expect(mail.text).toContain('human open number 3');
    expect(mail.text).toContain('The sequence goes on');
    expect(mail.text).toContain('  Engagement: 3 human opens, 0 clicks');
  });
});

describe('WhatsApp refuses', () => {
  it('an expired token: the WhatsApp notification fails with its error kept; the email still goes', async () => {
    const { lead, original } = await ownedLead('nope@hooli.example', {
      firstName: 'Gavin',
      company: 'Hooli',
    });
    api.state.mode = 'expired';
    try {
      await post(await replyTo(original, 'nope@hooli.example', 'No thanks, we are not interested.'));
      const items = await settled(lead.id, 3);
      const c = byChannel(items);
      expect(c.whatsapp).toMatchObject({ status: 'failed', attempts: 1 });
      expect(c.whatsapp!.lastError).toMatch(
        /^WhatsApp 401 OAuthException 190\/463: Error validating access token: Session has expired/,
      );
      expect(c.whatsapp!.lastError).toContain('set a new WHATSAPP_ACCESS_TOKEN');
      expect(c.email).toMatchObject({
        status: 'sent',
        subject: 'Lead responded: Gavin (Hooli) is not interested',
      });
      expect(c.in_app).toMatchObject({ status: 'sent' });
    } finally {
      api.state.mode = 'ok';
    }
  });
});

describe('in the app', () => {
  it('unread count; reading one reads its other channels; read all', async () => {
    const before = await notices(owner.key, '&channel=in_app');
    expect(before.items.length).toBeGreaterThanOrEqual(4);
    expect(before.items.every((i) => i.channel === 'in_app')).toBe(true);
    // Each notification counted once, whatever its channels: as many as its in-app rows here.
    expect(before.unreadCount).toBe(before.items.length);

    const one = before.items[0]!;
    const read = await n.api<Notice>('POST', `/api/v1/notifications/${one.id}/read`, undefined, {
      key: owner.key,
    });
    expect(read.status).toBe(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    const all = await notices();
    expect(all.unreadCount).toBe(before.unreadCount - 1);
    const siblings = all.items.filter((i) => i.sourceId === one.sourceId);
    expect(siblings.map((i) => i.channel).sort()).toEqual(['email', 'in_app', 'whatsapp']);
    expect(siblings.every((i) => i.readAt !== null)).toBe(true);
    expect((await notices(owner.key, '&unread=true')).items.some((i) => i.sourceId === one.sourceId)).toBe(
      false,
    );

    // Not yours, or nothing: 404.
    expect((await n.api('POST', `/api/v1/notifications/${one.id}/read`)).status).toBe(404);
    expect(
      (
        await n.api('POST', '/api/v1/notifications/00000000-0000-4000-8000-000000000000/read', undefined, {
          key: owner.key,
        })
      ).status,
    ).toBe(404);

    const everything = await n.api<{ marked: number; unreadCount: number }>(
      'POST',
      '/api/v1/notifications/read-all',
      undefined,
      { key: owner.key },
    );
    expect(everything.status).toBe(200);
    expect(everything.body.marked).toBeGreaterThan(0);
    expect(everything.body.unreadCount).toBe(0);
    expect((await notices()).unreadCount).toBe(0);
  });
});

describe('preferences', () => {
  it('validates the phone, naming the field', async () => {
    for (const phone of ['12345', 'call me', '+0 123 456 789'])
      expect(
        await n.api('PATCH', '/api/v1/me/notification-preferences', { phone }, { key: owner.key }),
      ).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION', field: 'phone' } } });
    const bad = await n.api(
      'PATCH',
      '/api/v1/me/notification-preferences',
      { kinds: { lead_cold: { email: false } } },
      {
        key: owner.key,
      },
    );
    expect(bad).toMatchObject({ status: 400, body: { error: { field: 'kinds.lead_cold' } } });
    const prefs = await n.api<Prefs>('GET', '/api/v1/me/notification-preferences', undefined, {
      key: owner.key,
    });
    expect(prefs.body).toEqual({
      phone: ownerPhone,
      whatsappConfigured: true,
      kinds: {
        lead_hot: { email: true, whatsapp: true, in_app: true },
        lead_responded: { email: true, whatsapp: true, in_app: true },
        lead_warm: { email: true, whatsapp: true, in_app: true },
        lead_at_risk: { email: true, whatsapp: true, in_app: true },
      },
      copyTo: [],
      warmDigest: false,
    });
  });

  it('a channel switched off is not used; the others still are', async () => {
    const off = await n.api<Prefs>(
      'PATCH',
      '/api/v1/me/notification-preferences',
      { kinds: { lead_responded: { email: false, whatsapp: false } } },
      { key: owner.key },
    );
    expect(off.status).toBe(200);
    expect(off.body.kinds).toMatchObject({
      lead_responded: { email: false, whatsapp: false, in_app: true },
      lead_hot: { email: true, whatsapp: true, in_app: true },
    });
    const { lead, original } = await ownedLead('quiet@vandelay.example', {
      firstName: 'Art',
      company: 'Vandelay',
    });
    const whatsappBefore = api.received.length;
    await post(await replyTo(original, 'quiet@vandelay.example', 'Interesting. Who else uses this?'));
    await waitForState(lead.id, 'responded');
    const items = await settled(lead.id, 1);
    await new Promise((r) => setTimeout(r, 200));
    expect((await noticesFor(lead.id)).map((i) => [i.kind, i.channel])).toEqual([
      ['lead_responded', 'in_app'],
    ]);
    expect(items[0]!.subject).toBe('Lead responded: Art (Vandelay) replied');
    expect((await emailsToOwner()).some((m) => m.subject === items[0]!.subject)).toBe(false);
    expect(api.received.length).toBe(whatsappBefore);
    // Back on for the tests after this one.
    await n.api(
      'PATCH',
      '/api/v1/me/notification-preferences',
      { kinds: { lead_responded: { email: true, whatsapp: true } } },
      { key: owner.key },
    );
  });

  it("without a phone of one's own, WhatsApp goes to the assistant's phone", async () => {
    await n.ctx.db
      .update(assistants)
      .set({ phone: '+1 415 555 0100' })
      .where(eq(assistants.id, n.org.assistantId));
    const cleared = await n.api<Prefs>(
      'PATCH',
      '/api/v1/me/notification-preferences',
      { phone: null },
      {
        key: owner.key,
      },
    );
    expect(cleared.body.phone).toBeNull();
    const { lead, original } = await ownedLead('call@soylent.example', {
      firstName: 'Sol',
      company: 'Soylent',
    });
    await post(await replyTo(original, 'call@soylent.example', 'Friday at 10am works for me.'));
    const items = await settled(lead.id, 3);
    expect(byChannel(items).whatsapp).toMatchObject({ destination: '+1 415 555 0100', status: 'sent' });
    expect(whatsappTo('14155550100')).toHaveLength(1);
  });
});

describe('who is told', () => {
  it('an owner marking their own lead hot is not told; an admin marking it is', async () => {
    const mine = await ownedLead('self@wonka.example', { firstName: 'Willy', company: 'Wonka' });
    expect(
      (await n.api('POST', `/api/v1/leads/${mine.lead.id}/actions/hot`, undefined, { key: owner.key }))
        .status,
    ).toBe(200);
    const theirs = await ownedLead('other@wonka.example', { firstName: 'Charlie', company: 'Wonka' });
    expect((await n.api('POST', `/api/v1/leads/${theirs.lead.id}/actions/hot`)).status).toBe(200);
    const items = await settled(theirs.lead.id, 3);
    expect(items[0]!.subject).toMatch(/^Hot lead: Charlie \(Wonka\) was marked hot by admin-/);
    expect(await noticesFor(mine.lead.id)).toEqual([]);
  });
});
