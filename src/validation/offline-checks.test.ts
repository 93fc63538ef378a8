import { describe, expect, it } from 'vitest';
import { disposableEntry } from './disposable-domains.ts';
import { offlineVerdict } from './offline-checks.ts';
import { reservedName } from './reserved-domains.ts';
import { roleAccount } from './role-accounts.ts';
import { spamTrapHit } from './spam-traps.ts';

describe('disposable domains (mailchecker list)', () => {
  it.each([
    ['mailinator.com', 'mailinator.com'],
    ['yopmail.com', 'yopmail.com'],
    ['guerrillamail.com', 'guerrillamail.com'],
    ['10minutemail.com', '10minutemail.com'],
    ['anything.mailinator.com', 'mailinator.com'],
  ])('%s is disposable (entry %s)', (domain, entry) => {
    expect(disposableEntry(domain)).toBe(entry);
  });
  it.each(['gmail.com', 'outlook.com', 'proton.me', 'acme.com', 'example.com', 'bücher.de', 'co.uk', 'com'])(
    '%s is not',
    (domain) => expect(disposableEntry(domain)).toBeNull(),
  );
});

describe('spam-trap patterns', () => {
  it.each([
    ['spamtrap', 'example.org', 'local-word'],
    ['spam-trap', 'example.org', 'local-word'],
    ['my.honeypot.2024', 'example.org', 'local-word'],
    ['honey_pot', 'example.org', 'local-word'],
    ['trap', 'example.org', 'local-word'],
    ['spam', 'example.org', 'local-word'],
    ['abuse', 'acme.com', 'abuse'],
    ['abuse+reports', 'acme.com', 'abuse'],
    ['jane', 'spamtrap.acme.com', 'domain-label'],
    ['jane', 'gmial.com', 'typo-domain'],
    ['jane', 'hotmial.com', 'typo-domain'],
  ])('%s@%s is a %s trap', (local, domain, pattern) => {
    expect(spamTrapHit(local, domain)).toMatchObject({ pattern });
  });
  it.each([
    ['jane', 'gmail.com'],
    ['trapper', 'acme.com'],
    ['spamalot', 'acme.com'],
    ['abusers.desk', 'acme.com'],
    ['jane', 'trap.acme.com'],
    ['blackholesun', 'acme.com'],
  ])('%s@%s is not', (local, domain) => expect(spamTrapHit(local, domain)).toBeNull());
});

describe('role accounts', () => {
  it.each([
    ['noreply', 'unattended'],
    ['no-reply', 'unattended'],
    ['No_Reply', 'unattended'],
    ['do-not-reply', 'unattended'],
    ['mailer-daemon', 'unattended'],
    ['info', 'shared'],
    ['Sales', 'shared'],
    ['info+web', 'shared'],
    ['customer.service', 'shared'],
    ['postmaster', 'shared'],
  ])('%s@ is %s', (local, kind) => expect(roleAccount(local)).toMatchObject({ kind }));
  it.each(['jane', 'jane.doe', 'salesforce', 'information.officer', 'j.sales'])('%s@ is a person', (local) =>
    expect(roleAccount(local)).toBeNull(),
  );
});

describe('reserved names', () => {
  it.each([
    ['x.invalid', 'no-mail'],
    ['printer.local', 'no-mail'],
    ['a.localhost', 'no-mail'],
    ['x.onion', 'no-mail'],
    ['nas.home.arpa', 'no-mail'],
    ['acme.test', 'test'],
    ['track.example', 'test'],
    ['example.com', 'test'],
    ['sales.example.org', 'test'],
    ['example.net', 'test'],
  ])('%s is %s', (d, kind) => expect(reservedName(d)).toMatchObject({ kind }));
  it.each(['example.de', 'notexample.com', 'example.com.au', 'testing.com', 'acme.com'])(
    '%s is not reserved',
    (d) => expect(reservedName(d)).toBeNull(),
  );
});

describe('offlineVerdict', () => {
  const full = { mode: 'full' as const, sandbox: false };
  it('invalid syntax is InvalidEmail with the reason', () => {
    expect(offlineVerdict('a..b@acme.com', full)).toMatchObject({
      outcome: 'invalid',
      subState: 'InvalidEmail',
    });
  });
  it('maps each failed check to its invalid sub-state', () => {
    expect(offlineVerdict('jane@x.invalid', full)).toMatchObject({ subState: 'ServerUnReachable' });
    expect(offlineVerdict('jane@mailinator.com', full)).toMatchObject({ subState: 'Disposable' });
    expect(offlineVerdict('spamtrap@acme.com', full)).toMatchObject({ subState: 'SpamTrap' });
    expect(offlineVerdict('noreply@acme.com', full)).toMatchObject({ subState: 'InvalidEmail' });
  });
  it('a shared role account goes on to DNS, with a warning', () => {
    const v = offlineVerdict('info@acme.com', full);
    expect(v).toMatchObject({ outcome: 'network', asciiDomain: 'acme.com' });
    expect(v.findings.find((f) => f.check === 'role')).toMatchObject({ result: 'warn' });
  });
  it('test names are accepted without DNS only when the mail stays in the sandbox', () => {
    expect(offlineVerdict('jane@example.com', { mode: 'full', sandbox: true })).toMatchObject({
      outcome: 'valid',
      reason: expect.stringContaining('reserved for testing'),
    });
    expect(offlineVerdict('jane@acme.test', full)).toMatchObject({ outcome: 'network' });
    // .invalid stays invalid, sandbox or not.
    expect(offlineVerdict('jane@x.invalid', { mode: 'full', sandbox: true })).toMatchObject({
      outcome: 'invalid',
      subState: 'ServerUnReachable',
    });
  });
  it('offline mode decides without the network; off checks syntax only', () => {
    expect(offlineVerdict('info@acme.com', { mode: 'offline', sandbox: false })).toMatchObject({
      outcome: 'valid',
      reason: expect.stringContaining('role account'),
    });
    expect(offlineVerdict('jane@mailinator.com', { mode: 'offline', sandbox: false })).toMatchObject({
      subState: 'Disposable',
    });
    expect(offlineVerdict('jane@mailinator.com', { mode: 'off', sandbox: false })).toMatchObject({
      outcome: 'valid',
    });
    expect(offlineVerdict('jane@', { mode: 'off', sandbox: false })).toMatchObject({ outcome: 'invalid' });
  });
});
