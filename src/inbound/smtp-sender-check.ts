import { Resolver } from 'node:dns/promises';
import { authenticate } from 'mailauth';
import type { Config } from '../config/config.ts';
import type { SenderAuth } from './sender-auth.ts';

export type SmtpSession = { ip: string; helo: string; mailFrom: string };
export type SenderCheck = (raw: Buffer, session: SmtpSession) => Promise<SenderAuth>;
export type SenderCheckOptions = { dnsServers: string[] | undefined; dnsTimeoutMs: number; hostname: string };

export const senderCheckOptions = (config: Config, hostname: string): SenderCheckOptions => ({
  dnsServers: config.DNS_SERVERS,
  dnsTimeoutMs: config.DNS_TIMEOUT_MS,
  hostname,
});

/** A whole check's bound: SPF may take ten lookups, then DKIM and DMARC theirs. */
export const senderCheckBudgetMs = (o: SenderCheckOptions): number => o.dnsTimeoutMs * 4;

/**
 * Check a message's sender as a receiving server does (SPF for the client
 * address and MAIL FROM, DKIM signatures, the From domain's DMARC policy)
 * with mailauth, asking DNS_SERVERS (one try of DNS_TIMEOUT_MS per query). A
 * check that cannot finish in time or fails is `temperror`: no verdict, never
 * a reason to refuse or hold the mail. The listener runs it in a thread of
 * its own (`sender-check-thread.ts`), off the thread that answers HTTP.
 */
export function senderCheckHere(o: SenderCheckOptions): SenderCheck {
  const resolver = new Resolver({ timeout: o.dnsTimeoutMs, tries: 1 });
  if (o.dnsServers?.length) resolver.setServers(o.dnsServers);
  const resolve = (name: string, rr: string) => resolver.resolve(name, rr as 'TXT') as Promise<never>;
  const hostname = o.hostname;
  const budgetMs = senderCheckBudgetMs(o);
  return async (raw, s) => {
    if (!headerBlockWithin(raw, maxHeaderBlockBytes))
      // No real mail server writes such a header block; checking it would only cost the server's
      // thread. It counts as failing: matched only by its sender, it is held for a human.
      return {
        dmarc: 'fail',
        source: 'smtp-listener',
        domain: null,
        policy: null,
        evidence: { skipped: `header block over ${maxHeaderBlockBytes} bytes, not checked`, client: s },
      };
    let timer: NodeJS.Timeout | undefined;
    try {
      const checked = authenticate(raw, {
        ip: s.ip,
        helo: s.helo,
        sender: s.mailFrom,
        mta: hostname,
        resolver: resolve,
        disableArc: true,
        disableBimi: true,
      });
      // Lost the race below: its later failure is nobody's to handle.
      checked.catch(() => {});
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`sender check took over ${budgetMs} ms`)), budgetMs);
      });
      const r = await Promise.race([checked, timeout]);
      const spf = r.spf ? r.spf.status?.result : null;
      const dkim = (r.dkim?.results ?? []).map((d) => ({
        domain: d.signingDomain ?? null,
        result: d.status?.result ?? null,
      }));
      if (!r.dmarc) {
        // No single author domain: one From with several addresses or several From fields could
        // name a lead beside a domain the sender controls, so it counts as failing (RFC 9989 §11.5).
        const suspicious = /^multiple-/.test(r.dmarcSkipReason ?? '');
        return {
          dmarc: suspicious ? 'fail' : 'none',
          source: 'smtp-listener',
          domain: null,
          policy: null,
          evidence: { skipped: r.dmarcSkipReason ?? null, spf, dkim, client: s },
        };
      }
      return {
        dmarc: r.dmarc.status?.result ?? 'none',
        source: 'smtp-listener',
        domain: r.dmarc.status?.header?.from ?? r.dmarc.domain ?? null,
        policy: r.dmarc.policy ?? null,
        evidence: {
          spf,
          dkim,
          alignment: {
            spf: r.dmarc.alignment?.spf?.result ?? null,
            dkim: r.dmarc.alignment?.dkim?.result ?? null,
          },
          client: s,
        },
      };
    } catch (e) {
      return {
        dmarc: 'temperror',
        source: 'smtp-listener',
        evidence: { error: String((e as Error)?.message ?? e).slice(0, 500), client: s },
      };
    } finally {
      clearTimeout(timer);
    }
  };
}

const maxHeaderBlockBytes = 128 * 1024;

/** Whether the blank line that ends the header block comes within `max` bytes. */
function headerBlockWithin(raw: Buffer, max: number): boolean {
  const head = raw.subarray(0, Math.min(raw.length, max + 4));
  return head.indexOf('\r\n\r\n') !== -1 || head.indexOf('\n\n') !== -1 || raw.length <= max;
}
