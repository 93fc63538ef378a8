import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../src/db/schema.ts';
import { changeLeadState } from '../src/leads/lead-state-change.ts';
import { runWarmDigest } from '../src/notify/warm-lead-digest.ts';
import { leadRow } from './helpers/lead-records.ts';
import { startTestNurture } from './helpers/test-nurture.ts';

// The notification settings (SPEC §8, issue 11): channels per kind (at-risk reminders too), team
// addresses that get a copy, and the daily digest of warm leads.
let n: Awaited<ReturnType<typeof startTestNurture>>;
type Prefs = {
  kinds: Record<string, Record<string, boolean>>;
  copyTo: string[];
  warmDigest: boolean;
  error?: { field?: string };
};

beforeAll(async () => {
  n = await startTestNurture();
});
afterAll(async () => n?.close());

let seq = 0;
async function leadOfAdmin(): Promise<string> {
  const r = await n.api<{ id: string }>('POST', '/api/v1/leads', {
    email: `digest${++seq}@example.com`,
    firstName: 'Dana',
    source: 'event',
  });
  expect(r.status).toBe(201);
  return r.body.id;
}

describe('notification settings', () => {
  it('switch at-risk reminders per channel, and keep team addresses, refusing a bad one by its field', async () => {
    const before = await n.api<Prefs>('GET', '/api/v1/me/notification-preferences');
    expect(before.body).toMatchObject({
      kinds: { lead_at_risk: { email: true, whatsapp: true, in_app: true } },
      copyTo: [],
      warmDigest: false,
    });
    const bad = await n.api<Prefs>('PATCH', '/api/v1/me/notification-preferences', {
      copyTo: ['team@acme.test', 'not an address'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.field).toBe('copyTo.1');
    const ok = await n.api<Prefs>('PATCH', '/api/v1/me/notification-preferences', {
      copyTo: ['Team@Acme.test', 'sales-lead@acme.test', 'team@acme.test'],
      kinds: { lead_at_risk: { in_app: false } },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.copyTo).toEqual(['team@acme.test', 'sales-lead@acme.test']);
    expect(ok.body.kinds.lead_at_risk).toEqual({ email: true, whatsapp: true, in_app: false });
  });

  it("copy the owner's lead emails to the team addresses, without the one-click links, unread for nobody", async () => {
    const lead = await leadOfAdmin();
    const row = await leadRow(n.ctx.db, lead);
    await n.ctx.db.transaction((tx) =>
      changeLeadState(
        tx,
        row,
        { type: 'reply', subState: 'InfoRequest' },
        { actorType: 'lead', reason: 'Replied' },
        { notify: n.ctx.config },
      ),
    );
    const emails = await n.ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.leadId, lead), eq(notifications.channel, 'email')));
    const own = emails.find((e) => !e.sourceId.includes(':copy:'))!;
    expect(own.body).toMatch(/#token=/);
    const copies = emails.filter((e) => e.sourceId.includes(':copy:'));
    expect(copies.map((c) => c.destination).sort()).toEqual(['sales-lead@acme.test', 'team@acme.test']);
    for (const c of copies) {
      expect(c.body).not.toMatch(/#token=/);
      expect(c.body).toContain(`/leads/${lead}`);
      expect(c.readAt).not.toBeNull();
    }
    // The copies really go: the worker delivers them like any email.
    const sent = await (async () => {
      for (let i = 0; i < 1200; i++) {
        const rows = await n.ctx.db.select().from(notifications).where(eq(notifications.leadId, lead));
        if (rows.filter((r) => r.channel === 'email').every((r) => r.status === 'sent')) return rows;
        await new Promise((r) => setTimeout(r, 50));
      }
      return null;
    })();
    expect(sent).not.toBeNull();
    const list = await n.api<{ unreadCount: number }>('GET', '/api/v1/notifications');
    expect(list.body.unreadCount).toBe(1);
  });

  it('send a daily digest of warm leads to those who turned it on, once a day across workers', async () => {
    const lead = await leadOfAdmin();
    const row = await leadRow(n.ctx.db, lead);
    await n.ctx.db.transaction((tx) =>
      changeLeadState(
        tx,
        row,
        { type: 'human_click' },
        { actorType: 'lead', reason: 'Clicked' },
        { notify: n.ctx.config },
      ),
    );
    expect((await leadRow(n.ctx.db, lead)).state).toBe('warm');
    // Days ahead: the started worker's own digest loop (the real clock) never claims these days.
    const at = new Date(Date.now() + 10 * 86_400_000);
    at.setUTCHours(n.ctx.config.WARM_DIGEST_HOUR_UTC, 30, 0, 0);
    const ctx = { ...n.ctx, now: () => at };
    // Off: nothing.
    expect(await runWarmDigest(ctx, 'w0')).toEqual({ users: 0 });
    const on = await n.api<Prefs>('PATCH', '/api/v1/me/notification-preferences', { warmDigest: true });
    expect(on.body.warmDigest).toBe(true);
    const next = new Date(at.getTime() + 86_400_000);
    const ctx2 = { ...n.ctx, now: () => next };
    const runs = await Promise.all([runWarmDigest(ctx2, 'w1'), runWarmDigest(ctx2, 'w2')]);
    expect(runs.filter((r) => r !== null)).toEqual([{ users: 1 }]);
    const digests = await n.ctx.db.select().from(notifications).where(eq(notifications.kind, 'warm_digest'));
    expect(digests).toHaveLength(1);
    expect(digests[0]!.subject).toMatch(/^Your warm leads, \d{4}-\d{2}-\d{2}: 1 lead reading your emails$/);
    expect(digests[0]!.body).toContain(`/leads/${lead}`);
    expect(digests[0]!.body).toMatch(/Mark it hot: \S+\/lead-action\?lead=[0-9a-f-]+#token=/);
  });
});
