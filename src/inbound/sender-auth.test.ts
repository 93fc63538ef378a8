import { describe, expect, it } from 'vitest';
import { dmarcFromAuthenticationResults, failsDmarc } from './sender-auth.ts';

const fail =
  'mx.acme.test;\r\n dkim=none;\r\n spf=softfail (mx.acme.test: domain of x@bank.example does not designate 203.0.113.9) smtp.mailfrom=x@bank.example;\r\n dmarc=fail (p=REJECT sp=REJECT dis=NONE) header.from=bank.example';

describe('Authentication-Results from trusted servers only', () => {
  it('reads the DMARC verdict of a trusted authserv-id, with its domain and policy', () => {
    const v = dmarcFromAuthenticationResults([fail], ['mx.acme.test']);
    expect(v).toMatchObject({
      dmarc: 'fail',
      domain: 'bank.example',
      policy: 'reject',
      source: 'authentication-results',
    });
    expect(failsDmarc(v)).toBe(true);
  });

  it('ignores headers from any other authserv-id, and everything when none is trusted', () => {
    expect(dmarcFromAuthenticationResults([fail], [])).toBeNull();
    expect(dmarcFromAuthenticationResults([fail], ['mx.other.test'])).toBeNull();
    const forged = 'mx.other.test; dmarc=pass header.from=bank.example';
    expect(dmarcFromAuthenticationResults([forged, fail], ['mx.acme.test'])?.dmarc).toBe('fail');
  });

  it('takes the topmost trusted header; a trusted header without DMARC is no verdict', () => {
    const pass = 'mx.acme.test 1; spf=pass smtp.mailfrom=a@b.example; dmarc=pass header.from=b.example';
    expect(dmarcFromAuthenticationResults([pass, fail], ['mx.acme.test'])?.dmarc).toBe('pass');
    expect(dmarcFromAuthenticationResults(['mx.acme.test; spf=pass', fail], ['mx.acme.test'])).toBeNull();
    expect(failsDmarc(null)).toBe(false);
  });

  it('a comment cannot smuggle a verdict in', () => {
    const sneaky =
      'mx.acme.test; spf=pass (dmarc=pass) smtp.mailfrom=a@b.example; dmarc=fail header.from=b.example';
    expect(dmarcFromAuthenticationResults([sneaky], ['mx.acme.test'])?.dmarc).toBe('fail');
    expect(dmarcFromAuthenticationResults(['"MX.Acme.Test"; dmarc=fail'], ['mx.acme.test'])?.dmarc).toBe(
      'fail',
    );
  });
});
