import { describe, expect, it } from 'vitest';
import { invitationNotice, passwordResetNotice } from './account-notice.ts';

describe('account emails', () => {
  const expiresAt = new Date('2026-12-14T18:30:00Z');

  it('an invitation names who invited, the org, the role, the link and when it expires', () => {
    const n = invitationNotice({
      orgName: 'Acme',
      inviterName: 'Ada',
      role: 'admin',
      link: 'https://nurture.example/accept-invitation#token=ni_abc',
      expiresAt,
    });
    expect(n.subject).toBe('Ada invited you to Acme on Nurture');
    expect(n.body).toContain('as an admin');
    expect(n.body).toContain('\nhttps://nurture.example/accept-invitation#token=ni_abc\n');
    expect(n.body).toContain('2026-12-14 18:30 UTC');
  });

  it('an invitation from an admin without a name still reads', () => {
    const n = invitationNotice({ orgName: 'Acme', inviterName: ' ', role: 'member', link: 'x', expiresAt });
    expect(n.subject).toBe('An admin invited you to Acme on Nurture');
    expect(n.body).toContain('as a member');
  });

  it('a reset email carries the link, its expiry, and says ignoring it changes nothing', () => {
    const n = passwordResetNotice({ link: 'https://nurture.example/reset-password#token=nr_x', expiresAt });
    expect(n.body).toContain('\nhttps://nurture.example/reset-password#token=nr_x\n');
    expect(n.body).toContain('2026-12-14 18:30 UTC');
    expect(n.body).toMatch(/ignore this email/);
  });
});
