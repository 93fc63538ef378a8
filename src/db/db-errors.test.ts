import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, isUniqueViolation } from './db-errors.ts';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it('is true for what an outage throws, however wrapped', () => {
    for (const e of [
      pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
      pgError('ECONNRESET', 'read ECONNRESET'),
      new Error('Connection terminated unexpectedly'),
      new Error('Connection terminated due to connection timeout'),
      new Error('timeout exceeded when trying to connect'),
      pgError('57P01', 'terminating connection due to administrator command'),
      pgError('57P03', 'the database system is starting up'),
      pgError('08006', 'connection failure'),
      pgError('53300', 'sorry, too many clients already'),
      new DrizzleQueryError('select 1', [], pgError('57P02') as Error),
      new AggregateError([pgError('ECONNREFUSED'), pgError('ECONNREFUSED')], 'connect failed'),
    ])
      expect(isDatabaseUnavailable(e), String((e as Error).message)).toBe(true);
  });

  it('is false for a query that is wrong, and for anything else', () => {
    for (const e of [
      pgError('23505', 'duplicate key value violates unique constraint'),
      pgError('22P02', 'invalid input syntax for type uuid: "x"'),
      new DrizzleQueryError('select nope', [], pgError('42703') as Error),
      new Error('Connection string is wrong'),
      null,
      'ECONNREFUSED',
    ])
      expect(isDatabaseUnavailable(e)).toBe(false);
    expect(isUniqueViolation(pgError('23505'))).toBe(true);
  });
});
