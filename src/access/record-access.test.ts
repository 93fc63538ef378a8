import { describe, expect, it } from 'vitest';
import { routesWithoutTheirRecord } from './record-access.ts';
import { routeRules } from './route-rules.ts';

describe('record rules', () => {
  it('every record rule of the API names a record access/ can load', () => {
    expect(routesWithoutTheirRecord(routeRules)).toEqual([]);
  });

  it('a record rule on a path whose record it cannot load is reported (the server then refuses to start)', () => {
    expect(
      routesWithoutTheirRecord({
        'GET /api/v1/widgets/{id}': 'lead',
        'GET /api/v1/review-items/{id}': 'assistant',
        'GET /api/v1/leads/{id}': 'lead',
        'GET /api/v1/leads': 'lead',
        'DELETE /api/v1/me/api-keys/{id}': 'self',
      }),
    ).toEqual(['GET /api/v1/widgets/{id} (lead)', 'GET /api/v1/review-items/{id} (assistant)']);
  });
});
