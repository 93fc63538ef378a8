import type { Config } from '../config/config.ts';
import type { DeliveryOutcome, NotificationRow, Notifier } from './notifier.ts';

/**
 * WhatsApp through Meta's WhatsApp Cloud API (SPEC §8): one message per
 * notification, `POST {WHATSAPP_API_URL}/{version}/{phone-number-id}/messages`
 * with the access token as a bearer token. With WHATSAPP_TEMPLATE_NAME the
 * message is that approved template, its body parameters the notification's
 * `params` ({{1}} headline, {{2}} what happened, {{3}} link); without it, a
 * text message, which WhatsApp delivers only inside the 24-hour window
 * after the user last wrote to the business number (else error 131047).
 */
export type WhatsAppConfig = Pick<
  Config,
  | 'WHATSAPP_API_URL'
  | 'WHATSAPP_API_VERSION'
  | 'WHATSAPP_PHONE_NUMBER_ID'
  | 'WHATSAPP_ACCESS_TOKEN'
  | 'WHATSAPP_TEMPLATE_NAME'
  | 'WHATSAPP_TEMPLATE_LANGUAGE'
>;

export type WhatsAppRequest = { url: string; headers: Record<string, string>; body: Record<string, unknown> };

/** A template parameter may not hold line breaks, tabs or more than four spaces in a row; the API caps its length. */
const templateParam = (s: string): string => {
  const flat = s.replace(/\s+/g, ' ').trim() || '-';
  return flat.length > 1000 ? `${flat.slice(0, 999)}…` : flat;
};

/** A text message's body is at most 4096 characters. */
const textBody = (s: string): string => (s.length > 4096 ? `${s.slice(0, 4095)}…` : s);

/** The Cloud API request for one notification (pure). */
export function whatsappRequest(
  config: WhatsAppConfig,
  n: Pick<NotificationRow, 'destination' | 'body' | 'params'>,
): WhatsAppRequest {
  const base = config.WHATSAPP_API_URL.replace(/\/+$/, '');
  const url = `${base}/${config.WHATSAPP_API_VERSION}/${encodeURIComponent(config.WHATSAPP_PHONE_NUMBER_ID ?? '')}/messages`;
  // The recipient: the number with its country code, digits only.
  const to = n.destination.replace(/[^\d]/g, '');
  const message =
    config.WHATSAPP_TEMPLATE_NAME && n.params?.length
      ? {
          type: 'template',
          template: {
            name: config.WHATSAPP_TEMPLATE_NAME,
            language: { code: config.WHATSAPP_TEMPLATE_LANGUAGE },
            components: [
              {
                type: 'body',
                parameters: n.params.map((text) => ({ type: 'text', text: templateParam(text) })),
              },
            ],
          },
        }
      : { type: 'text', text: { preview_url: false, body: textBody(n.body) } };
  return {
    url,
    headers: {
      authorization: `Bearer ${config.WHATSAPP_ACCESS_TOKEN ?? ''}`,
      'content-type': 'application/json',
    },
    body: { messaging_product: 'whatsapp', recipient_type: 'individual', to, ...message },
  };
}

/**
 * Graph API error codes worth retrying: the service was down or busy, or a
 * rate limit was hit. Every other code (an expired or invalid token 190,
 * missing permission, a bad parameter, the 24-hour window 131047, an unknown
 * template 132001, a number without WhatsApp 131026…) fails the same way
 * until someone changes something, so it is permanent.
 */
const transientCodes = new Set([
  1, // API Unknown: possibly temporary
  2, // API Service: temporary downtime
  4, // too many calls (application rate limit)
  17, // user request limit reached
  341, // application limit reached
  613, // calls within one hour exceeded
  80007, // WhatsApp Business Account rate limit
  130429, // Cloud API throughput reached
  131000, // something went wrong
  131016, // service unavailable
  131048, // spam rate limit
  131056, // too many messages to one recipient (pair rate limit)
  133004, // server temporarily unavailable
]);

/** What to do about the common permanent errors, said in the error kept on the notification. */
const hints: Record<number, string> = {
  0: 'the token could not be authenticated: set a valid WHATSAPP_ACCESS_TOKEN',
  10: 'the token lacks permission: give its System User whatsapp_business_messaging',
  190: 'the access token expired or is invalid: set a new WHATSAPP_ACCESS_TOKEN',
  100: 'a parameter is invalid: check WHATSAPP_PHONE_NUMBER_ID and the phone number',
  131026: 'the number cannot receive WhatsApp messages',
  131030: "the number is not in the test sender's allowed list",
  131047:
    'more than 24 hours since the user last wrote to the business number: set WHATSAPP_TEMPLATE_NAME to an approved template',
  132000: "the template's parameter count is not 3 (headline, what happened, link)",
  132001: 'the template does not exist in WHATSAPP_TEMPLATE_LANGUAGE',
};

type GraphError = {
  message?: unknown;
  type?: unknown;
  code?: unknown;
  error_subcode?: unknown;
  error_data?: { details?: unknown };
  fbtrace_id?: unknown;
};

const excerpt = (s: string): string => s.replace(/\s+/g, ' ').trim().slice(0, 300);

/**
 * What the Cloud API's answer means (pure): a 2xx with a message id is sent
 * (its `wamid`); an error body `{"error": {message, type, code,
 * error_subcode, error_data: {details}, fbtrace_id}}` is a failure kept
 * with its code and words, retried only for the transient codes (or a 429 /
 * 5xx without a known code).
 */
export function whatsappOutcome(status: number, text: string): DeliveryOutcome {
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {}
  if (status >= 200 && status < 300) {
    const id = (json as { messages?: { id?: unknown; message_status?: unknown }[] } | null)?.messages?.[0];
    if (typeof id?.id === 'string')
      return {
        ok: true,
        detail: `${status} ${id.id}${typeof id.message_status === 'string' ? ` (${id.message_status})` : ''}`,
      };
    return {
      ok: false,
      permanent: false,
      error: `WhatsApp ${status}: no message id in the answer: ${excerpt(text)}`,
    };
  }
  const e = (json as { error?: GraphError } | null)?.error;
  const retryStatus = status === 429 || status === 408 || status >= 500;
  if (!e || typeof e !== 'object')
    return { ok: false, permanent: !retryStatus, error: `WhatsApp ${status}: ${excerpt(text) || 'no body'}` };
  const code = typeof e.code === 'number' ? e.code : null;
  const sub = typeof e.error_subcode === 'number' ? `/${e.error_subcode}` : '';
  const details = typeof e.error_data?.details === 'string' ? ` — ${e.error_data.details}` : '';
  const hint = code !== null && hints[code] ? ` (${hints[code]})` : '';
  const trace = typeof e.fbtrace_id === 'string' ? ` [fbtrace_id ${e.fbtrace_id}]` : '';
  const kind = typeof e.type === 'string' ? ` ${e.type}` : '';
  const error = `WhatsApp ${status}${kind} ${code ?? '?'}${sub}: ${typeof e.message === 'string' ? e.message : 'error'}${details}${hint}${trace}`;
  const permanent = code !== null ? !transientCodes.has(code) : !retryStatus;
  return { ok: false, permanent, error };
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** The WhatsApp notifier the worker uses when WHATSAPP_PHONE_NUMBER_ID and WHATSAPP_ACCESS_TOKEN are set. */
export function createWhatsAppNotifier(
  config: WhatsAppConfig,
  opts: { fetch?: FetchLike; timeoutMs?: number } = {},
): Notifier {
  const send = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 15_000;
  return {
    channel: 'whatsapp',
    async deliver(n): Promise<DeliveryOutcome> {
      const req = whatsappRequest(config, n);
      let res: Response;
      try {
        res = await send(req.url, {
          method: 'POST',
          headers: req.headers,
          body: JSON.stringify(req.body),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (e) {
        // Not reached, refused, or timed out: the message may not have left; try again later.
        const why = e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e);
        return { ok: false, permanent: false, error: `WhatsApp API unreachable: ${why}` };
      }
      return whatsappOutcome(res.status, await res.text().catch(() => ''));
    },
  };
}
