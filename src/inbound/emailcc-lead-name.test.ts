import { describe, expect, it } from 'vitest';
import { emailCcLeadName } from './emailcc-lead-name.ts';

describe('the name of a lead an EmailCC creates', () => {
  it('comes from the display name: first word and the rest, or "Last, First"', () => {
    expect(emailCcLeadName('Dana Lee', 'dana@example.net', 'Sir/Madam')).toEqual({
      firstName: 'Dana',
      lastName: 'Lee',
    });
    expect(emailCcLeadName('  "Mary Ann  van Dijk" ', 'm@example.net', 'Sir/Madam')).toEqual({
      firstName: 'Mary',
      lastName: 'Ann van Dijk',
    });
    expect(emailCcLeadName('Lee, Dana', 'dana@example.net', '')).toEqual({
      firstName: 'Dana',
      lastName: 'Lee',
    });
    expect(emailCcLeadName('Cher', 'cher@example.net', '')).toEqual({ firstName: 'Cher', lastName: null });
  });

  it('without a name: the preference, or (saved empty) the part before @ capitalised', () => {
    expect(emailCcLeadName('', 'jo.smith@example.net', 'Sir/Madam')).toEqual({
      firstName: 'Sir/Madam',
      lastName: null,
    });
    expect(emailCcLeadName('jo.smith@example.net', 'jo.smith@example.net', 'Friend')).toEqual({
      firstName: 'Friend',
      lastName: null,
    });
    expect(emailCcLeadName('', 'jo.smith@example.net', '  ')).toEqual({
      firstName: 'Jo.smith',
      lastName: null,
    });
  });
});
