import { useEffect, useState } from 'preact/hooks';
import { api, errorText } from './api.ts';
import { Time } from './format.ts';
import { html } from './html.ts';
import type { SandboxMessage, SandboxMessageDetail } from './types.ts';

const pollMs = 5_000;
/** The headers worth seeing first; the rest are behind "All headers". */
const mainHeaders = ['from', 'to', 'subject', 'date', 'message-id', 'in-reply-to', 'list-unsubscribe'];

function Reply({ message }: { message: SandboxMessageDetail }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);

  const send = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api('POST', `/sandbox/messages/${message.id}/reply`, { text });
      setSent(true);
      setText('');
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return html`<form class="reply" onSubmit=${send}>
    <label for="reply-text">Reply as ${message.to}</label>
    <textarea
      id="reply-text"
      rows="4"
      value=${text}
      placeholder="e.g. Thursday at 3 works for me"
      aria-describedby="reply-hint"
      onInput=${(e: Event) => setText((e.target as HTMLTextAreaElement).value)}
    ></textarea>
    <p id="reply-hint" class="hint">Goes through the same inbound pipeline as a real reply: it is read, classified and acted on.</p>
    ${error && html`<p role="alert" class="error">${error}</p>`}
    ${
      sent &&
      html`<p role="status" class="ok">
      Reply sent as the lead.${message.leadId && html` <a href=${`/leads/${message.leadId}`}>See what the lead became</a>.`}
    </p>`
    }
    <button type="submit" class="primary" disabled=${busy || !text.trim()}>${busy ? 'Sending…' : 'Send reply'}</button>
  </form>`;
}

function MessageView({ id }: { id: string }) {
  const [m, setM] = useState<SandboxMessageDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setM(null);
    api<SandboxMessageDetail>('GET', `/sandbox/messages/${id}`).then(setM, (e) => setError(errorText(e)));
  }, [id]);
  if (error) return html`<p role="alert" class="error">${error}</p>`;
  if (!m) return html`<p class="loading">Loading…</p>`;
  const headers = Object.entries(m.headers);
  return html`<article class="mail" aria-labelledby="mail-subject">
    <h2 id="mail-subject">${m.subject || '(no subject)'}</h2>
    <dl class="headers">
      ${mainHeaders
        .filter((h) => m.headers[h])
        .map((h) => html`<div><dt>${h}</dt><dd>${m.headers[h]}</dd></div>`)}
    </dl>
    <details class="all-headers">
      <summary>All headers (${headers.length})</summary>
      <dl class="headers">${headers.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>
    </details>
    ${m.leadId && html`<p><a href=${`/leads/${m.leadId}`}>Open the lead</a></p>`}
    <pre class="mail-text">${m.text}</pre>
    <${Reply} message=${m} key=${m.id} />
  </article>`;
}

/** The sandbox (SPEC §10.1): the emails the assistants sent with no SMTP configured, and a Reply as the lead. */
export function SandboxPage({ id }: { id?: string }) {
  const [items, setItems] = useState<SandboxMessage[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const load = () =>
      api<{ items: SandboxMessage[] }>('GET', '/sandbox/messages?limit=200').then(
        (r) => {
          setItems(r.items);
          setError(null);
        },
        (e) => setError(errorText(e)),
      );
    load();
    const t = setInterval(() => document.visibilityState === 'visible' && load(), pollMs);
    return () => clearInterval(t);
  }, []);

  return html`<h1 tabindex="-1">Sandbox</h1>
    <p class="muted">
      With no SMTP server configured, every email the assistants send stays here. Open one and answer as the lead to try
      the whole loop.
    </p>
    ${error && html`<p role="alert" class="error">${error}</p>`}
    <div class="split">
      <nav class="mail-list" aria-label="Sandbox emails">
        ${
          items === null
            ? html`<p class="loading">Loading…</p>`
            : items.length === 0
              ? html`<p class="muted">No email yet. <a href="/add-lead">Add a lead</a> and its first email lands here.</p>`
              : html`<ul>
                ${items.map(
                  (m) => html`<li>
                    <a href=${`/sandbox/${m.id}`} aria-current=${m.id === id ? 'true' : undefined}>
                      <span class="to">${m.to}</span>
                      <span class="subject">${m.subject || '(no subject)'}</span>
                      <span class="muted small"><${Time} iso=${m.sentAt} /></span>
                    </a>
                  </li>`,
                )}
              </ul>`
        }
      </nav>
      <div class="mail-pane">
        ${id ? html`<${MessageView} id=${id} />` : html`<p class="muted">Choose an email to read it and reply.</p>`}
      </div>
    </div>`;
}
