/**
 * The words of account emails (pure): an invitation to join an org, a
 * password reset link. The link carries its token after `#`, so it never
 * reaches a server log or a Referer header; the page reads it.
 */

const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export function invitationNotice(p: {
  orgName: string;
  inviterName: string;
  role: 'admin' | 'member';
  link: string;
  expiresAt: Date;
}): { subject: string; body: string } {
  const who = p.inviterName.trim() || 'An admin';
  return {
    subject: `${who} invited you to ${p.orgName} on Nurture`,
    body: [
      `${who} invited you to join ${p.orgName} on Nurture as ${p.role === 'admin' ? 'an admin' : 'a member'}.`,
      '',
      'Choose your name and password here (the link works once):',
      p.link,
      '',
      `The link expires ${utc(p.expiresAt)}. If you weren't expecting this, ignore this email.`,
    ].join('\n'),
  };
}

export function passwordResetNotice(p: { link: string; expiresAt: Date }): { subject: string; body: string } {
  return {
    subject: 'Reset your Nurture password',
    body: [
      'Someone (we hope you) asked to reset the password of your Nurture account.',
      '',
      'Choose a new password here (the link works once):',
      p.link,
      '',
      `The link expires ${utc(p.expiresAt)}. Setting a new password signs you out everywhere.`,
      "If you didn't ask for this, ignore this email: your password stays as it is.",
    ].join('\n'),
  };
}
