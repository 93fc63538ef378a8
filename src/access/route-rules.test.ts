import { describe, expect, it } from 'vitest';
import { ruleFor } from './route-rules.ts';

describe('route rules', () => {
  it('finds the rule of a concrete path, a parameter being one segment', () => {
    expect(ruleFor('GET', '/api/v1/leads/0b0e2c52-8f2a-4a57-9d1e-1f4b7b9a0c11')).toEqual({
      template: '/api/v1/leads/{id}',
      rule: 'lead',
    });
    expect(ruleFor('POST', '/api/v1/leads/actions/hot')?.template).toBe('/api/v1/leads/actions/{action}');
    expect(ruleFor('POST', '/api/v1/leads/x/actions/hot')?.template).toBe(
      '/api/v1/leads/{id}/actions/{action}',
    );
    expect(ruleFor('HEAD', '/api/v1/leads')?.rule).toBe('signed-in');
  });

  it('names no rule for a path or method no route has', () => {
    expect(ruleFor('GET', '/api/v1/leads/a/b')).toBeNull();
    expect(ruleFor('DELETE', '/api/v1/leads')).toBeNull();
    expect(ruleFor('GET', '/api/v1/leadsx')).toBeNull();
    expect(ruleFor('POST', '/api/v1/inbound/raw')?.rule).toBe('public');
  });
});
