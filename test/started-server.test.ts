import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, nurtureCli, startProcess, stopProcess } from './helpers/processes.ts';
import { freshDatabaseUrl, testDbKind } from './helpers/test-database.ts';
import { waitFor } from './helpers/test-nurture.ts';

// SPEC §11 as a user meets it: `nurture init`, then `npm start`'s entry point
// as a separate process, then nothing but HTTP.
describe('a started Nurture, end to end over HTTP', () => {
  let env: Record<string, string>;
  let dataDir: string;
  let drop: () => Promise<void>;
  let server: ReturnType<typeof startProcess>;
  let base: string;
  let key: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'nurture-e2e-'));
    const fresh = await freshDatabaseUrl();
    drop = fresh.drop;
    env = {
      NURTURE_DATA_DIR: dataDir,
      SANDBOX_SMTP_PORT: '0', // any free port: nothing outside the process needs to know it
      ...(fresh.url ? { DATABASE_URL: fresh.url } : {}),
    };
    const init = nurtureCli(
      ['init', '--org', 'Acme', '--email', 'owner@acme.test', '--password', 'hunter2hunter2', '--json'],
      env,
    );
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    const ids = JSON.parse(init.stdout) as {
      orgId: string;
      userId: string;
      assistantId: string;
      apiKey: string;
      inboundSecret: string;
    };
    // A contract (SPEC §11): scripts read these; the inbound secret is for POST /api/v1/inbound/raw.
    expect(Object.keys(ids).sort()).toEqual(['apiKey', 'assistantId', 'inboundSecret', 'orgId', 'userId']);
    expect(ids.inboundSecret).toMatch(/^nis_[\w-]{32}$/);
    key = ids.apiKey;
    // PORT is set as a user sets it. A port found free can be taken by another process (another
    // suite on this machine) before the server binds it: then this server exits, and starts again
    // on another. Serving means answering with this org's key, so another server on the port is
    // never mistaken for this one.
    for (let attempt = 1; ; attempt++) {
      env.PORT = String(await freePort());
      server = startProcess('src/main.ts', env);
      base = `http://127.0.0.1:${env.PORT}`;
      const started = await waitFor(
        async () => {
          if (server.exitCode !== null || server.signalCode !== null) return 'exited';
          const r = await fetch(`${base}/api/v1/leads?limit=1`, {
            headers: { authorization: `Bearer ${key}` },
          }).catch(() => null);
          return r?.ok ? 'serving' : null;
        },
        'the server to serve',
        120_000,
      ).catch((e: Error) => {
        throw new Error(`${e.message} (output: ${server.output()})`);
      });
      if (started === 'serving') break;
      if (attempt === 3) throw new Error(`the server exited three times: ${server.output()}`);
    }
  });

  afterAll(async () => {
    if (server) expect(await stopProcess(server)).toBe(0);
    await drop?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const api = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };

  it('emails a new lead within 10 s, stops when the lead replies, and tells the story', async () => {
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok' });
    const added = await api('POST', '/api/v1/leads', {
      email: 'grace@navy.example.com',
      firstName: 'Grace',
      lastName: 'Hopper',
      company: 'US Navy',
      source: 'event',
      context: 'COBOL Summit',
    });
    expect(added.status).toBe(201);
    const leadId = String(added.body.id);
    const t0 = Date.now();

    type Summary = {
      id: string;
      leadId: string;
      to: string;
      subject: string;
      text: string;
      messageId: string;
    };
    const mail = await waitFor(
      async () => {
        const list = (await api('GET', '/api/v1/sandbox/messages')).body.items as unknown as Summary[];
        return list.find((m) => m.leadId === leadId);
      },
      'the first email in the sandbox',
      10_000,
    );
    expect(Date.now() - t0).toBeLessThan(10_000);
    // The reply must not overtake the record of the email it answers (the story below is in order).
    await waitFor(async () => {
      const items = (await api('GET', `/api/v1/leads/${leadId}/timeline`)).body.items as { type?: string }[];
      return items.some((i) => i.type === 'message_sent');
    }, 'the first email recorded as sent');
    expect(mail.to).toContain('grace@navy.example.com');
    expect(mail.text).toContain('COBOL Summit');

    const full = (await api('GET', `/api/v1/sandbox/messages/${mail.id}`)).body as unknown as {
      headers: Record<string, string>;
      raw: string;
    };
    expect(full.headers['list-unsubscribe']).toMatch(/^<http:\/\/localhost:\d+\/u\/[\w-]+>$/);
    expect(full.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const link = /<([^>]+)>/.exec(full.headers['list-unsubscribe']!)![1]!;
    expect(mail.text).toContain(link);
    expect(full.raw).toContain(`Message-ID: ${mail.messageId}`);

    const reply = await api('POST', `/api/v1/sandbox/messages/${mail.id}/reply`, {
      text: 'Sounds interesting, could you send me more information?',
    });
    expect(reply.status).toBe(202);
    const lead = await waitFor(async () => {
      const l = (await api('GET', `/api/v1/leads/${leadId}`)).body;
      return l.state === 'responded' ? l : null;
    }, 'the lead to become responded');
    expect(lead).toMatchObject({ state: 'responded', subState: 'InfoRequest', atRisk: false });

    type Item = {
      kind: string;
      type?: string;
      direction?: string;
      status?: string;
      toState?: string;
      evidence?: Record<string, unknown>;
      text?: string;
    };
    const items = (await api('GET', `/api/v1/leads/${leadId}/timeline`)).body.items as unknown as Item[];
    const story = items
      .filter((i) => i.kind === 'event')
      .map((i) => (i.type === 'state_changed' ? `state→${i.toState}` : i.type));
    expect(story).toEqual([
      'lead_added',
      'state→cold',
      'steps_scheduled',
      'message_sent',
      'reply_received',
      'state→responded',
      'steps_cancelled',
      'note', // no Brochure URL set: the owner is told to answer
    ]);
    const replied = items.find((i) => i.type === 'reply_received')!;
    expect(replied.evidence).toMatchObject({
      matchedBy: 'in-reply-to',
      excerpt: 'Sounds interesting, could you send me more information?',
    });
    const inbound = items.find((i) => i.kind === 'message' && i.direction === 'in')!;
    expect(inbound.text).toBe('Sounds interesting, could you send me more information?');
    const out = items.filter((i) => i.kind === 'message' && i.direction === 'out').map((i) => i.status);
    expect(out).toEqual([
      'sent',
      'cancelled',
      'cancelled',
      'cancelled',
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
  });

  it(
    testDbKind === 'pglite'
      ? 'refuses a second process on the same embedded data folder, clearly'
      : 'lets `nurture init` run beside the server on PostgreSQL',
    () => {
      const second = nurtureCli(
        ['init', '--org', 'Other', '--email', 'x@other.test', '--password', 'password123', '--json'],
        env,
      );
      if (testDbKind === 'pglite') {
        expect(second.status).toBe(2);
        expect(second.stderr).toMatch(/is in use by process \d+/);
      } else {
        expect(second.status).toBe(0);
        expect(JSON.parse(second.stdout)).toHaveProperty('apiKey');
      }
    },
  );
});
