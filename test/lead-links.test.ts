import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../src/db/schema.ts';
import { leadLinkKey, makeLeadLink } from '../src/lead-links/lead-link-tokens.ts';
import { changeLeadState } from '../src/leads/lead-state-change.ts';
import { leadEvents, leadRow } from './helpers/lead-records.ts';
import { addMember, startTestNurture } from './helpers/test-nurture.ts';

// Signed one-click links of notification emails (issue 11): public, one action on one lead, once,
// before they expire; the page and the preview change nothing.
let n: Awaited<ReturnType<typeof startTestNurture>>;
let owner: { id: string; key: string };
let key: Buffer;

beforeAll(async () => {
  n = await startTestNurture();
  owner = await addMember(n.ctx.db, n.org.orgId);
  key = await leadLinkKey(n.ctx.db, n.ctx.config);
});
afterAll(async () => n?.close());

let seq = 0;
async function addLead(): Promise<string> {
  const r = await n.api<{ id: string }>('POST', '/api/v1/leads', {
    email: `link${++seq}@example.com`,
    firstName: 'Lina',
    source: 'event',
    ownerId: owner.id,
  });
  expect(r.status).toBe(201);
  return r.body.id;
}
const link = (leadId: string, action: 'hot' | 'not-at-risk' | 'handled-outside', expiresInMs = 3_600_000) =>
  makeLeadLink(key, { leadId, userId: owner.id, action, expiresAt: new Date(Date.now() + expiresInMs) });
const post = (leadId: string, what: 'preview' | 'use', token: string) =>
  n.api<{ action: string; lead: { state: string }; error?: { code: string } }>(
    'POST',
    `/api/v1/lead-links/${leadId}/${what}`,
    { token },
    { key: null },
  );

describe('a signed one-click link', () => {
  it('is previewed without acting, then acts once, as its user, without signing in', async () => {
    const lead = await addLead();
    const token = link(lead, 'hot');
    const page = await fetch(`${n.url}/lead-action?lead=${lead}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="app"');
    const preview = await post(lead, 'preview', token);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ action: 'hot', lead: { id: lead, state: 'cold' } });
    expect((await leadRow(n.ctx.db, lead)).state).toBe('cold');

    const used = await post(lead, 'use', token);
    expect(used.status).toBe(200);
    expect(used.body.lead.state).toBe('hot');
    const [change] = (await leadEvents(n.ctx.db, lead, 'state_changed')).filter((e) => e.toState === 'hot');
    expect(change).toMatchObject({ actorType: 'user', actorId: owner.id });
    expect(change!.evidence).toMatchObject({ via: 'signed-link' });

    const again = await post(lead, 'use', token);
    expect(again.status).toBe(409);
    expect((await post(lead, 'preview', token)).status).toBe(409);
  });

  it("works only for its lead: another lead's URL, a tampered or an expired token fail and change nothing", async () => {
    const a = await addLead();
    const b = await addLead();
    const forA = link(a, 'hot');
    expect((await post(b, 'use', forA)).status).toBe(404);
    expect((await post(b, 'preview', forA)).status).toBe(404);
    const flipped = `${forA.slice(0, 20)}${forA[20] === 'A' ? 'B' : 'A'}${forA.slice(21)}`;
    expect((await post(a, 'use', flipped)).status).toBe(404);
    const expired = link(a, 'hot', -1000);
    const late = await post(a, 'use', expired);
    expect(late.status).toBe(422);
    expect((await leadRow(n.ctx.db, a)).state).toBe('cold');
    expect((await leadRow(n.ctx.db, b)).state).toBe('cold');
    // The genuine one still works, once.
    expect((await post(a, 'use', forA)).status).toBe(200);
    expect((await leadRow(n.ctx.db, a)).state).toBe('hot');
  });

  it('a refused action leaves the link unused', async () => {
    const lead = await addLead();
    expect((await post(lead, 'use', link(lead, 'hot'))).status).toBe(200);
    const second = link(lead, 'hot');
    expect((await post(lead, 'use', second)).status).toBe(409); // hot already: the state machine says no
    expect((await post(lead, 'preview', second)).status).toBe(200);
  });

  it("is in the owner's notification email, and works from there", async () => {
    const lead = await addLead();
    const row = await leadRow(n.ctx.db, lead);
    await n.ctx.db.transaction((tx) =>
      changeLeadState(
        tx,
        row,
        { type: 'reply', subState: 'InfoRequest' },
        { actorType: 'lead', reason: 'Replied' },
        {
          notify: n.ctx.config,
        },
      ),
    );
    const [email] = await n.ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.leadId, lead), eq(notifications.channel, 'email')));
    expect(email!.body).toContain(`/leads/${lead}`);
    const found = /Mark it hot: +\S+\/lead-action\?lead=([0-9a-f-]+)#token=([\w-]+)/.exec(email!.body);
    expect(found?.[1]).toBe(lead);
    expect(email!.body).toMatch(/Not at risk: +\S+#token=/);
    expect(email!.body).toMatch(/Handled outside Nurture: +\S+#token=/);
    const used = await post(lead, 'use', found![2]!);
    expect(used.status).toBe(200);
    expect(used.body.lead.state).toBe('hot');
  });
});
