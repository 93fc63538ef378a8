import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setActiveLeadCap } from '../src/plans/org-plan.ts';
import { addMember, startTestNurture } from './helpers/test-nurture.ts';

// SPEC §9: admins see the plan; members don't.
let n: Awaited<ReturnType<typeof startTestNurture>>;
beforeAll(async () => {
  n = await startTestNurture();
});
afterAll(async () => n?.close());

describe('GET /api/v1/capacity', () => {
  it('shows an admin the cap, what is used, the reserve, the waiting leads and the next activation', async () => {
    await setActiveLeadCap(n.ctx.db, n.org.orgId, 2);
    for (const email of ['one@example.com', 'two@example.com', 'three@example.com'])
      expect((await n.api('POST', '/api/v1/leads', { email, source: 'event' })).status).toBe(201);
    const r = await n.api<Record<string, unknown>>('GET', '/api/v1/capacity');
    expect(r.status).toBe(200);
    // A cap of 2 with a 5 % reserve: other sources may reach 1 active lead; the other two wait.
    expect(r.body).toMatchObject({
      orgId: n.org.orgId,
      cap: 2,
      active: 1,
      reservePercent: 5,
      usableByOthers: 1,
      usableByEmailcc: 2,
      waitingNew: 2,
      waitingAutoActivate: 2,
    });
    expect(Date.parse(r.body.nextActivationAt as string)).not.toBeNaN();
  });

  it('is refused to a member', async () => {
    const member = await addMember(n.ctx.db, n.org.orgId);
    expect((await n.api('GET', '/api/v1/capacity', undefined, { key: member.key })).status).toBe(403);
  });
});
