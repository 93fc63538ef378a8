import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.ts';
import type { Ctx } from '../platform/context.ts';
import { createLogger } from '../platform/logger.ts';
import { createHttpApp } from './app.ts';

describe('OpenAPI document', () => {
  it('describes every /api/v1 route the app serves, and nothing else', async () => {
    // Building the app touches no database; the routes are what matter here.
    const ctx = {
      db: null,
      config: loadConfig({}),
      log: createLogger('silent'),
      now: () => new Date(),
      wake: {},
    } as unknown as Ctx;
    const app = createHttpApp(ctx);
    const served = new Set(
      app.routes
        .filter((r) => r.path.startsWith('/api/v1/') && r.method !== 'ALL')
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const res = await app.request('/api/openapi.json');
    const doc = (await res.json()) as {
      paths: Record<string, Record<string, { summary?: string; responses?: object }>>;
    };
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`)),
    );
    expect([...served].sort()).toEqual([...documented].sort());
    for (const ops of Object.values(doc.paths))
      for (const op of Object.values(ops)) {
        expect(op.summary).toBeTruthy();
        expect(Object.keys(op.responses ?? {})).not.toHaveLength(0);
      }
  });
});
