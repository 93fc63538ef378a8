import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64InSlices } from './base64-in-slices.ts';

describe('base64InSlices', () => {
  it('gives exactly what one toString("base64") gives, at and around the slice edges', async () => {
    for (const size of [0, 1, 2, 3, 786_431, 786_432, 786_433, 2 * 786_432 + 2, 5_000_001]) {
      const bytes = randomBytes(size);
      expect(await base64InSlices(bytes), `${size} bytes`).toBe(bytes.toString('base64'));
    }
  });
});
