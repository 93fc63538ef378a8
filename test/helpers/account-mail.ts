import type { Api } from './test-nurture.ts';
import { waitFor } from './test-nurture.ts';

type SandboxItem = { id: string; to: string; subject: string; text: string; sentAt: string };

/** Every sandbox email to this address, newest first (read through the API, as a person would). */
export async function mailsTo(api: Api, address: string): Promise<SandboxItem[]> {
  const r = await api<{ items: SandboxItem[] }>('GET', '/api/v1/sandbox/messages?limit=100');
  return r.body.items.filter((m) => m.to.toLowerCase().includes(address.toLowerCase()));
}

/**
 * Waits for the `nth` (1 = first) account email to this address in the
 * sandbox and returns its link's path (`/accept-invitation#token=…`), its
 * token and its text.
 */
export async function waitForAccountLink(
  api: Api,
  address: string,
  page: 'accept-invitation' | 'reset-password',
  nth = 1,
): Promise<{ path: string; token: string; text: string; subject: string }> {
  const mails = await waitFor(async () => {
    const found = (await mailsTo(api, address)).filter((m) => m.text.includes(`/${page}#token=`));
    return found.length >= nth && found;
  }, `email ${nth} to ${address} with a /${page} link`);
  // Newest first: the nth sent is nth from the end.
  const mail = mails[mails.length - nth]!;
  const m = new RegExp(`https?://[^\\s/]+(/${page}#token=([\\w-]+))`).exec(mail.text)!;
  return { path: m[1]!, token: m[2]!, text: mail.text, subject: mail.subject };
}
