import { useState } from 'preact/hooks';
import { ApiError, api, errorText } from './api.ts';
import { described, Field, inputValue } from './form-fields.ts';
import { html } from './html.ts';
import type { Assistant } from './types.ts';

type Kind = 'imap' | 'smtp';
type Values = { host: string; port: string; tls: boolean; user: string; password: string; mailbox: string };

/**
 * The Mailbox section: where replies are read (IMAP) and where mail leaves
 * (SMTP), each with "Test connection" that shows what the server said. The
 * passwords are never shown; left empty, the saved one is kept for a test.
 */
export function AssistantMailboxPanel({
  assistant,
  readOnly,
  onChange,
}: {
  assistant: Assistant;
  readOnly: boolean;
  onChange: (a: Assistant) => void;
}) {
  const m = assistant.mailbox;
  const s = assistant.smtp;
  return html`<section class="card" aria-labelledby="mailbox-title">
    <h2 id="mailbox-title">Mailbox</h2>
    ${
      m &&
      html`<p role="status" class=${m.error ? 'error' : 'muted'}>
        Reader: ${m.error ? `failing — ${m.error}` : m.readBy ? `reading (worker ${m.readBy})` : 'waiting for a worker'};
        last message UID ${m.lastUid}.
      </p>`
    }
    <${ServerForm}
      kind="imap"
      title="Incoming (IMAP)"
      assistant=${assistant}
      readOnly=${readOnly}
      onChange=${onChange}
      initial=${{
        host: m?.host ?? '',
        port: String(m?.port ?? 993),
        tls: m?.tls ?? true,
        user: m?.user ?? '',
        password: '',
        mailbox: m?.mailbox ?? 'INBOX',
      }}
      saved=${Boolean(m)}
    />
    <${ServerForm}
      kind="smtp"
      title="Outgoing (SMTP)"
      assistant=${assistant}
      readOnly=${readOnly}
      onChange=${onChange}
      initial=${{
        host: s?.host ?? '',
        port: String(s?.port ?? 587),
        tls: s?.tls ?? false,
        user: s?.user ?? '',
        password: '',
        mailbox: '',
      }}
      saved=${Boolean(s)}
    />
    ${!s && html`<p class="muted small">Without its own SMTP server it sends through the instance's (SMTP_URL), else the sandbox.</p>`}
  </section>`;
}

function ServerForm({
  kind,
  title,
  assistant,
  readOnly,
  onChange,
  initial,
  saved,
}: {
  kind: Kind;
  title: string;
  assistant: Assistant;
  readOnly: boolean;
  onChange: (a: Assistant) => void;
  initial: Values;
  saved: boolean;
}) {
  const [v, setV] = useState<Values>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const path = `/assistants/${assistant.id}/${kind === 'imap' ? 'mailbox' : 'smtp'}`;
  const fid = (k: string) => `${kind}-${k}`;

  const body = () => {
    const b: Record<string, unknown> = {
      host: v.host.trim(),
      port: Number(v.port),
      tls: v.tls,
      user: v.user.trim(),
    };
    if (v.password) b.password = v.password;
    if (kind === 'imap') b.mailbox = v.mailbox.trim() || null;
    else if (!v.user.trim()) b.user = null;
    return b;
  };
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setErrors({});
    setFormError(null);
    setResult(null);
    try {
      await fn();
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fields).length) {
        setErrors(e.fields);
        document.getElementById(fid(Object.keys(e.fields)[0]!))?.focus();
      } else setFormError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const save = (e: Event) => {
    e.preventDefault();
    run(async () => {
      onChange(await api<Assistant>('PUT', path, body()));
      setV({ ...v, password: '' });
      setResult({ ok: true, message: 'Saved.' });
    });
  };
  const test = () =>
    run(async () =>
      setResult(await api<{ ok: boolean; message: string }>('POST', `${path}/test`, v.host ? body() : {})),
    );
  const remove = () =>
    run(async () => {
      onChange(await api<Assistant>('DELETE', path));
      setResult({ ok: true, message: 'Removed.' });
    });

  const input = (k: keyof Values, label: string, type = 'text', hint?: string) =>
    html`<${Field} id=${fid(k)} label=${label} error=${errors[k]} hint=${hint}>
      <input id=${fid(k)} type=${type} value=${String(v[k])} disabled=${readOnly} autocomplete="off"
        onInput=${(e: Event) => setV({ ...v, [k]: inputValue(e) })} ...${described(fid(k), errors[k], hint)} />
    </${Field}>`;

  return html`<form onSubmit=${save} aria-labelledby=${`${kind}-title`} novalidate>
    <h3 id=${`${kind}-title`}>${title}</h3>
    ${formError && html`<p role="alert" class="error">${formError}</p>`}
    ${input('host', 'Host')} ${input('port', 'Port', 'number')}
    <${Field} id=${fid('tls')} label=${kind === 'imap' ? 'TLS from the start (993)' : 'TLS from the start (465)'} error=${errors.tls}
      hint="Off: STARTTLS when the server offers it">
      <input id=${fid('tls')} type="checkbox" checked=${v.tls} disabled=${readOnly}
        onChange=${(e: Event) => setV({ ...v, tls: (e.target as HTMLInputElement).checked })} />
    </${Field}>
    ${input('user', 'User', 'text', kind === 'smtp' ? 'Empty: a relay that takes mail without signing in' : undefined)}
    ${!readOnly && input('password', 'Password', 'password', saved ? 'Empty: keep the saved one' : undefined)}
    ${kind === 'imap' && input('mailbox', 'Folder')}
    ${result && html`<p role="status" class=${result.ok ? 'ok' : 'error'}>${result.ok ? '' : 'Failed: '}${result.message}</p>`}
    ${
      !readOnly &&
      html`<div class="actions">
        <button type="submit" class="primary" disabled=${busy}>Save ${kind.toUpperCase()}</button>
        <button type="button" disabled=${busy} onClick=${test}>Test connection</button>
        ${saved && html`<button type="button" disabled=${busy} onClick=${remove}>Remove</button>`}
      </div>`
    }
  </form>`;
}
