import { describe, expect, it } from 'vitest';
import { describeConfig, loadConfig, whatsappConfigured } from '../config/config.ts';
import type { NotificationRow } from './notifier.ts';
import {
  createWhatsAppNotifier,
  type FetchLike,
  type WhatsAppConfig,
  whatsappOutcome,
  whatsappRequest,
} from './whatsapp-notifier.ts';

const config: WhatsAppConfig = {
  WHATSAPP_API_URL: 'https://graph.facebook.com/',
  WHATSAPP_API_VERSION: 'v23.0',
  WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
  WHATSAPP_ACCESS_TOKEN: 'EAAJB-token',
  WHATSAPP_TEMPLATE_NAME: undefined,
  WHATSAPP_TEMPLATE_LANGUAGE: 'en',
};

const notice = {
  destination: '+447700900123',
  body: 'Nurture — Hot lead: Jane Doe (Globex) wants a meeting\nhttps://n.example/api/v1/leads/1/timeline',
  params: ['Hot lead: Jane Doe (Globex)', 'line one\nline two\t     spaced', 'https://n.example/l/1'],
};

// The Cloud API's documented answers.
const success = JSON.stringify({
  messaging_product: 'whatsapp',
  contacts: [{ input: '447700900123', wa_id: '447700900123' }],
  messages: [{ id: 'wamid.HBgLNDQ3NzAwOTAwMTIzFQIAERgSQ0I5QjY2' }],
});
const expired = JSON.stringify({
  error: {
    message:
      'Error validating access token: Session has expired on Wednesday, 14-Feb-18 18:00:00 PST. The current time is Thursday, 15-Feb-18 13:46:35 PST.',
    type: 'OAuthException',
    code: 190,
    error_subcode: 463,
    fbtrace_id: 'H2il2t5bn4e',
  },
});
const graphError = (code: number, message: string, details?: string) =>
  JSON.stringify({
    error: {
      message,
      type: 'OAuthException',
      code,
      ...(details ? { error_data: { messaging_product: 'whatsapp', details } } : {}),
      fbtrace_id: 'AbCdEf',
    },
  });

describe('the Cloud API request', () => {
  it('a text message to the number, digits only, with the bearer token', () => {
    const r = whatsappRequest(config, notice);
    expect(r.url).toBe('https://graph.facebook.com/v23.0/106540352242922/messages');
    expect(r.headers).toEqual({ authorization: 'Bearer EAAJB-token', 'content-type': 'application/json' });
    expect(r.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '447700900123',
      type: 'text',
      text: { preview_url: false, body: notice.body },
    });
  });

  it('with a template configured: the template, its language, the parameters flattened', () => {
    const r = whatsappRequest(
      { ...config, WHATSAPP_TEMPLATE_NAME: 'lead_alert', WHATSAPP_TEMPLATE_LANGUAGE: 'en_US' },
      notice,
    );
    expect(r.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '447700900123',
      type: 'template',
      template: {
        name: 'lead_alert',
        language: { code: 'en_US' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Hot lead: Jane Doe (Globex)' },
              { type: 'text', text: 'line one line two spaced' },
              { type: 'text', text: 'https://n.example/l/1' },
            ],
          },
        ],
      },
    });
    // A notification written without parameters still goes, as text.
    expect(
      whatsappRequest({ ...config, WHATSAPP_TEMPLATE_NAME: 'lead_alert' }, { ...notice, params: null }).body,
    ).toMatchObject({ type: 'text' });
  });

  it('a text longer than WhatsApp takes is clipped to 4096 characters', () => {
    const r = whatsappRequest(config, { ...notice, body: 'x'.repeat(5000) });
    expect((r.body.text as { body: string }).body).toHaveLength(4096);
  });
});

describe('what the answer means', () => {
  it('200 with a message id: sent, the wamid kept', () => {
    expect(whatsappOutcome(200, success)).toEqual({
      ok: true,
      detail: '200 wamid.HBgLNDQ3NzAwOTAwMTIzFQIAERgSQ0I5QjY2',
    });
  });

  it('an expired token (190): failed for good, the error and what to do kept', () => {
    const o = whatsappOutcome(401, expired);
    expect(o).toMatchObject({ ok: false, permanent: true });
    const error = (o as { error: string }).error;
    expect(error).toMatch(
      /^WhatsApp 401 OAuthException 190\/463: Error validating access token: Session has expired/,
    );
    expect(error).toContain('the access token expired or is invalid: set a new WHATSAPP_ACCESS_TOKEN');
    expect(error).toContain('[fbtrace_id H2il2t5bn4e]');
  });

  it('the 24-hour window (131047), an unknown template, a bad number: permanent, with the details', () => {
    const window = whatsappOutcome(
      400,
      graphError(
        131047,
        'Re-engagement message',
        'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
      ),
    );
    expect(window).toMatchObject({ ok: false, permanent: true });
    expect((window as { error: string }).error).toContain(
      '— Message failed to send because more than 24 hours',
    );
    expect((window as { error: string }).error).toContain('set WHATSAPP_TEMPLATE_NAME');
    expect(
      whatsappOutcome(404, graphError(132001, 'Template name does not exist in the translation')),
    ).toMatchObject({ ok: false, permanent: true });
    expect(whatsappOutcome(400, graphError(131026, 'Message undeliverable'))).toMatchObject({
      ok: false,
      permanent: true,
    });
  });

  it('rate limits and outages are retried', () => {
    for (const [status, code] of [
      [429, 130429],
      [400, 131056],
      [500, 131000],
      [503, 131016],
      [400, 80007],
      [500, 2],
    ] as const)
      expect(whatsappOutcome(status, graphError(code, 'try later'))).toMatchObject({
        ok: false,
        permanent: false,
      });
  });

  it('without an error body, the HTTP status decides', () => {
    expect(whatsappOutcome(502, '<html>Bad gateway</html>')).toMatchObject({
      ok: false,
      permanent: false,
      error: 'WhatsApp 502: <html>Bad gateway</html>',
    });
    expect(whatsappOutcome(403, '')).toMatchObject({
      ok: false,
      permanent: true,
      error: 'WhatsApp 403: no body',
    });
    expect(whatsappOutcome(200, '{}')).toMatchObject({ ok: false, permanent: false });
  });
});

describe('the notifier', () => {
  const row = { ...notice, channel: 'whatsapp' } as unknown as NotificationRow;

  it('posts the request and maps the answer', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const fake: FetchLike = async (url, init) => {
      seen.push({ url, init });
      return new Response(success, { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const n = createWhatsAppNotifier(config, { fetch: fake });
    expect(n.channel).toBe('whatsapp');
    expect(await n.deliver(row)).toMatchObject({ ok: true });
    expect(seen[0]!.url).toBe('https://graph.facebook.com/v23.0/106540352242922/messages');
    expect(seen[0]!.init.method).toBe('POST');
    expect(JSON.parse(seen[0]!.init.body as string)).toMatchObject({ to: '447700900123', type: 'text' });
  });

  it('an unreachable API is a transient failure', async () => {
    const down: FetchLike = async () => {
      throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') });
    };
    expect(await createWhatsAppNotifier(config, { fetch: down }).deliver(row)).toEqual({
      ok: false,
      permanent: false,
      error: 'WhatsApp API unreachable: connect ECONNREFUSED 127.0.0.1:9',
    });
  });
});

describe('configuration', () => {
  it('defaults to the Graph API; the phone number id and the token go together', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      WHATSAPP_API_URL: 'https://graph.facebook.com',
      WHATSAPP_API_VERSION: 'v23.0',
      WHATSAPP_TEMPLATE_LANGUAGE: 'en',
    });
    expect(whatsappConfigured(c)).toBe(false);
    expect(() => loadConfig({ WHATSAPP_PHONE_NUMBER_ID: '106540352242922' })).toThrow(
      /WHATSAPP_PHONE_NUMBER_ID and WHATSAPP_ACCESS_TOKEN go together/,
    );
    expect(() => loadConfig({ WHATSAPP_API_VERSION: '23' })).toThrow(/WHATSAPP_API_VERSION/);
    const on = loadConfig({ WHATSAPP_PHONE_NUMBER_ID: '106540352242922', WHATSAPP_ACCESS_TOKEN: 'EAAG' });
    expect(whatsappConfigured(on)).toBe(true);
    expect(describeConfig().find((e) => e.key === 'WHATSAPP_ACCESS_TOKEN')?.secret).toBe(true);
  });
});
