import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, startTestNurture } from './helpers/test-nurture.ts';

// The APIs behind the assistant's content screens that issue 10 changed: a
// DKIM key the server generates and rotates, the built-in wording beside an
// assistant's own in the template list, and the new lead sources (reference,
// LinkedIn, Facebook, Twitter/X) accepted by the API with their own emails.

type Dkim = { source: string; selector: string | null; dnsName: string | null; dnsValue: string | null };
type Entry = {
  source: string;
  step: string;
  custom: boolean;
  variants: { subject: string | null; body: string }[];
  builtIn: { subject: string | null; body: string }[];
};
type Err = { error: { field?: string; message: string } };

let n: Awaited<ReturnType<typeof startTestNurture>>;
let memberKey: string;
beforeAll(async () => {
  n = await startTestNurture({ SECRET_KEY: randomBytes(32).toString('hex') });
  memberKey = (await addMember(n.ctx.db, n.org.orgId)).key;
});
afterAll(async () => n?.close());

describe('assistant content APIs', () => {
  it('DKIM: an admin has the server generate a key, rotates it under a new selector, and removes it', async () => {
    const path = `/api/v1/deliverability/dkim/${n.org.assistantId}`;
    expect((await n.api('PUT', path, {}, { key: memberKey })).status).toBe(403);
    const made = await n.api<Dkim>('PUT', path, {});
    expect(made.status).toBe(200);
    expect(made.body.source).toBe('assistant');
    expect(made.body.selector).toMatch(/^nurture-\d{8}$/);
    expect(made.body.dnsName).toBe(`${made.body.selector}._domainkey.acme.test`);
    expect(made.body.dnsValue).toMatch(/^v=DKIM1; k=rsa; p=[A-Za-z0-9+/=]{300,}$/);
    expect((await n.api<Dkim>('GET', path)).body).toEqual(made.body);

    const rotated = await n.api<Dkim>('PUT', path, {});
    expect(rotated.status).toBe(200);
    expect(rotated.body.selector).toBe(`${made.body.selector}-2`);
    expect(rotated.body.dnsValue).not.toBe(made.body.dnsValue);

    const named = await n.api<Dkim>('PUT', path, { selector: 'mail2027' });
    expect(named.body).toMatchObject({ selector: 'mail2027', dnsName: 'mail2027._domainkey.acme.test' });
    const bad = await n.api<Err>('PUT', path, { selector: 'no spaces' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('selector');

    const shown = JSON.stringify((await n.api('GET', `/api/v1/assistants/${n.org.assistantId}`)).body);
    expect(shown).not.toMatch(/PRIVATE KEY/);
    expect((await n.api<Dkim>('DELETE', path)).body).toMatchObject({ source: 'none', dnsValue: null });
  });

  it('the template list shows the built-in wording beside the assistant’s own, for every source including the new ones', async () => {
    const base = `/api/v1/assistants/${n.org.assistantId}/templates`;
    const list = await n.api<{ items: Entry[] }>('GET', base);
    for (const source of ['reference', 'linkedin', 'facebook', 'twitter'])
      expect(list.body.items.filter((e) => e.source === source)).toHaveLength(6);
    const intro = list.body.items.find((e) => e.source === 'linkedin' && e.step === 'introduction')!;
    expect(intro.custom).toBe(false);
    expect(intro.variants).toEqual(intro.builtIn);
    expect(intro.builtIn.some((v) => `${v.subject} ${v.body}`.includes('LinkedIn'))).toBe(true);

    const saved = await n.api<Entry>('PUT', `${base}/linkedin/introduction`, {
      variants: [{ subject: 'Hello from LinkedIn', body: 'Hi {firstName},\n\nOur own words.' }],
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ custom: true, variants: [{ subject: 'Hello from LinkedIn' }] });
    expect(saved.body.builtIn).toEqual(intro.builtIn);
    const reverted = await n.api<Entry>('DELETE', `${base}/linkedin/introduction`);
    expect(reverted.body).toMatchObject({ custom: false, variants: intro.builtIn });
  });

  it('accepts leads from the new sources; a referral’s first email names who referred them', async () => {
    const add = (source: string, extra: Record<string, unknown> = {}) =>
      n.api<{ id: string; source: string } & Err>('POST', '/api/v1/leads', {
        email: `${source}-${randomBytes(4).toString('hex')}@example.com`,
        firstName: 'Priya',
        company: 'Initech',
        source,
        ...extra,
      });
    for (const source of ['linkedin', 'facebook', 'twitter']) {
      const r = await add(source);
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(r.body.source).toBe(source);
    }
    const referred = await add('reference', { customFields: { referred_by: 'Maria Lopez' } });
    expect(referred.status).toBe(201);
    const preview = await n.api<{ subject: string; text: string; source: string }>(
      'POST',
      `/api/v1/assistants/${n.org.assistantId}/preview`,
      { leadId: referred.body.id, step: 0 },
    );
    expect(preview.status).toBe(200);
    expect(preview.body.source).toBe('reference');
    expect(`${preview.body.subject}\n${preview.body.text}`).toContain('Maria Lopez');

    const unknown = await add('myspace');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.field).toBe('source');
  });

  it('the preview renders an unsaved draft for a new source, and names a bad placeholder in it', async () => {
    const path = `/api/v1/assistants/${n.org.assistantId}/preview`;
    const ok = await n.api<{ subject: string; text: string; template: string }>('POST', path, {
      source: 'twitter',
      step: 'introduction',
      lead: { firstName: 'Sam' },
      template: { subject: 'Draft for {firstName}', body: 'Hi {firstName},\n\nA draft line.' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ subject: 'Draft for Sam', template: 'draft' });
    expect(ok.body.text).toContain('A draft line.');
    const bad = await n.api<Err>('POST', path, {
      source: 'twitter',
      step: 'introduction',
      template: { subject: 'x', body: 'Hi {nickname}' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('template.body');
  });
});
