import { firstHeader, type HeaderMap } from './header-map.ts';
import { uRegex } from './unicode-regex.ts';

/**
 * Bounces are the bounce parser's job and it runs first (SPEC §6.2), but
 * nearly every DSN also carries `Auto-Submitted: auto-replied` or
 * `auto-generated (failure)`, so this module must not call them auto-replies
 * on its own. These are cheap signs that a message is a delivery failure,
 * after sisimai's RFC3834 exclusions (mailer-daemon / postmaster senders,
 * "mail failure -") and common DSN subjects.
 */
const daemonSender = /(?:^|[<\s"])(?:mailer-daemon|postmaster|mail-daemon|mailerdaemon)@/i;
const daemonName = /^\s*"?(?:mailer-daemon|mail delivery (?:subsystem|system)|postmaster)\b/i;

const bounceSubject = uRegex(
  String.raw`^\s*(?:undeliver\w*|undelivered\smail|returned\smail|mail\sdelivery\s(?:failed|failure|subsystem|system)|delivery\s(?:status\snotification|failure|has\sfailed|failed|notification|report)|failure\snotice|non\sremis|non\srecapitabile|unzustellbar|nicht\szustellbar|no\sse\spuede\sentregar|onbestelbaar|mail\serror|message\snot\sdelivered|delayed\smail|warning:\scould\snot\ssend|mail\ssystem\serror|returned\sto\ssender|nondeliverable|message\sdelivery\sfailure|mail\sfailure\s-|delivery\sdelayed|zustellung\sfehlgeschlagen|unzustellbare)`,
);

const bounceBody = uRegex(
  String.raw`\b(?:could\snot\sbe\sdelivered|cannot\sbe\sdelivered|couldn['’]t\sbe\sdelivered|was\snot\sdelivered|undeliverable|delivery\s(?:has\s)?failed|permanent(?:ly)?\s(?:error|fatal)|user\sunknown|unknown\suser|no\ssuch\suser|not\sa\svalid\suser|mailbox\s(?:is\s)?(?:full|unavailable|not\sfound)|does\snot\sexist|address\srejected|this\sis\sthe\smail\ssystem\sat\shost|following\saddress(?:es)?\shad\spermanent)\b`,
);

export function looksLikeBounce(
  headers: HeaderMap,
  subject: string,
  text: string,
  from: string | null,
): string | null {
  const sender = from ?? firstHeader(headers, 'from') ?? '';
  if (daemonSender.test(sender) || daemonName.test(sender))
    return `bounce-like sender: ${sender.slice(0, 80)}`;
  if (bounceSubject.test(subject)) return `bounce-like subject: ${subject.slice(0, 80)}`;
  const nullSender = !/@/.test(sender) || /^\s*<\s*>\s*$/.test(firstHeader(headers, 'return-path') ?? '');
  const failure = bounceBody.exec(text.slice(0, 1500));
  if (nullSender && failure) return `bounce-like text from a null sender: ${failure[0]}`;
  return null;
}
