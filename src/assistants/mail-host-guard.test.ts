import { describe, expect, it } from 'vitest';
import { canonicalHost, checkMailHost, isSpecialUseAddress } from './mail-host-guard.ts';

const strict = { ALLOW_PRIVATE_MAIL_HOSTS: false, SMTP_URL: undefined };
const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as { code: string; field: string; message: string };
  }
  return null;
};
const resolvesTo =
  (...addresses: string[]) =>
  async () =>
    addresses;

describe('mail host guard', () => {
  it('knows the special-use ranges, IPv4 inside IPv6 included', () => {
    for (const ip of [
      '127.0.0.1',
      '10.0.0.1',
      '172.16.5.4',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '::1',
      '::',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '64:ff9b::a00:1',
      '2002:7f00:1::1',
    ])
      expect(isSpecialUseAddress(ip), ip).toBe(true);
    for (const ip of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])
      expect(isSpecialUseAddress(ip), ip).toBe(false);
  });

  it('reads numeric host forms as the address they stand for', () => {
    expect(canonicalHost('2130706433')).toBe('127.0.0.1');
    expect(canonicalHost('0x7f.1')).toBe('127.0.0.1');
    expect(canonicalHost('017700000001')).toBe('127.0.0.1');
    expect(canonicalHost('[::1]')).toBe('::1');
    expect(canonicalHost('Mail.Example.com')).toBe('mail.example.com');
  });

  it('refuses a name when any of its answers is special-use, and a name that does not resolve', async () => {
    expect(
      await refusal(checkMailHost(strict, 'mail.example.com', 'smtp.host', resolvesTo('93.184.216.34'))),
    ).toBeNull();
    const mixed = await refusal(
      checkMailHost(strict, 'mail.example.com', 'smtp.host', resolvesTo('93.184.216.34', '10.0.0.1')),
    );
    expect(mixed).toMatchObject({ code: 'VALIDATION', field: 'smtp.host' });
    expect(mixed!.message).toMatch(/^smtp\.host: mail\.example\.com resolves to 10\.0\.0\.1/);
    const missing = await refusal(
      checkMailHost(strict, 'nowhere.example', 'imap.host', async () => {
        throw Object.assign(new Error('nope'), { code: 'ENOTFOUND' });
      }),
    );
    expect(missing).toMatchObject({ field: 'imap.host' });
    expect(await refusal(checkMailHost(strict, '0x7f.1', 'host', resolvesTo('93.184.216.34')))).toMatchObject(
      {
        field: 'host',
      },
    );
  });

  it('lets everything through when allowed, and by default only in the sandbox', async () => {
    const lookupFails = async () => {
      throw new Error('not asked');
    };
    expect(
      await refusal(
        checkMailHost(
          { ALLOW_PRIVATE_MAIL_HOSTS: true, SMTP_URL: undefined },
          '127.0.0.1',
          'host',
          lookupFails,
        ),
      ),
    ).toBeNull();
    expect(
      await refusal(
        checkMailHost({ ALLOW_PRIVATE_MAIL_HOSTS: undefined, SMTP_URL: undefined }, '10.0.0.1', 'host'),
      ),
    ).toBeNull();
    expect(
      await refusal(
        checkMailHost(
          { ALLOW_PRIVATE_MAIL_HOSTS: undefined, SMTP_URL: 'smtp://relay.example:587' },
          '10.0.0.1',
          'host',
        ),
      ),
    ).toMatchObject({ field: 'host' });
  });
});
