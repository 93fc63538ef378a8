import { useEffect, useState } from 'preact/hooks';
import { api, errorText } from './api.ts';
import { leadName, StateBadge, Time } from './format.ts';
import { html } from './html.ts';
import type { Correction, Intent, Lead, ReviewItem } from './types.ts';

/** What each intent means to a person, and where it takes the lead (review/corrections.ts `outcome`). */
const intentLabels: Record<Intent, { label: string; moves: string }> = {
  meeting: { label: 'Meeting', moves: 'Hot' },
  info_request: { label: 'Wants information', moves: 'Responded' },
  connect_later: { label: 'Later', moves: 'Responded' },
  not_interested: { label: 'Not interested', moves: 'Responded' },
  wrong_person: { label: 'Wrong person', moves: 'Responded' },
  stop: { label: 'Stop emailing', moves: 'Deactivated' },
  other: { label: 'Something else', moves: 'Responded' },
};
const intentOrder = Object.keys(intentLabels) as Intent[];
const intentLabel = (i: string | null) => (i && intentLabels[i as Intent]?.label) ?? i ?? '—';

type Decided = { item: ReviewItem; correction: Correction; lead: Lead; undone: boolean };

/**
 * The review queue (SPEC §10.1, §12): replies the classifier was unsure of,
 * each with its words, what the classifier guessed, how sure it was and why.
 * One click confirms the guess or says what it really means: the lead moves
 * and the org's classifier learns from it. A decision can be undone: it then
 * stops teaching the classifier (the lead keeps its state; change it on the
 * lead's page).
 */
export function ReviewPage() {
  const [items, setItems] = useState<ReviewItem[] | null>(null);
  const [decided, setDecided] = useState<Decided[]>([]);
  const [earlier, setEarlier] = useState<Correction[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = async () => {
    try {
      const [open, corrections] = await Promise.all([
        api<{ items: ReviewItem[] }>('GET', '/review-items'),
        api<{ items: Correction[] }>('GET', '/corrections'),
      ]);
      setItems(open.items);
      setEarlier(corrections.items.slice(0, 20));
    } catch (e) {
      setError(errorText(e));
    }
  };
  useEffect(() => {
    load();
  }, []);

  const decide = async (item: ReviewItem, intent: Intent) => {
    setBusy(item.id);
    setError(null);
    try {
      const r = await api<{ correction: Correction; lead: Lead }>(
        'POST',
        `/review-items/${item.id}/resolve`,
        {
          intent,
        },
      );
      setDecided((d) => [{ item, correction: r.correction, lead: r.lead, undone: false }, ...d]);
      setItems((list) => list?.filter((i) => i.id !== item.id) ?? null);
      setEarlier((list) => [r.correction, ...list]);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const undo = async (correctionId: string) => {
    setBusy(correctionId);
    setError(null);
    try {
      const undone = await api<Correction>('DELETE', `/corrections/${correctionId}`);
      setDecided((d) => d.map((x) => (x.correction.id === correctionId ? { ...x, undone: true } : x)));
      setEarlier((list) => list.map((c) => (c.id === correctionId ? undone : c)));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  return html`<h1 tabindex="-1">Review</h1>
    <p class="muted">
      Replies the assistant was not sure how to read. Say what each one means: the lead moves, and the assistant learns
      to read your leads' replies better.
    </p>
    ${error && html`<p role="alert" class="error">${error}</p>`}
    ${
      decided.length > 0 &&
      html`<section aria-labelledby="decided-title" class="card">
        <h2 id="decided-title">Just decided</h2>
        <ul class="plain" data-testid="decided">
          ${decided.map(
            (d) => html`<li class="review-decided">
              ${
                d.undone
                  ? html`<span role="status">
                      Undone for <a href=${`/leads/${d.item.leadId}`}>${leadName(d.item.lead)}</a>: it no longer teaches
                      the assistant. The lead stays <${StateBadge} state=${d.lead.state} subState=${d.lead.subState} />;
                      change it on its page if needed.
                    </span>`
                  : html`<span role="status">
                        <a href=${`/leads/${d.item.leadId}`}>${leadName(d.item.lead)}</a>: ${intentLabel(d.correction.intent)}.
                        The lead is now <${StateBadge} state=${d.lead.state} subState=${d.lead.subState} />, and the
                        assistant learnt from it.
                      </span>
                      <button type="button" disabled=${busy !== null} onClick=${() => undo(d.correction.id)}>
                        Undo
                      </button>`
              }
            </li>`,
          )}
        </ul>
      </section>`
    }
    <section aria-labelledby="queue-title">
      <h2 id="queue-title">Waiting for you${items ? ` (${items.length})` : ''}</h2>
      ${
        items === null
          ? html`<p class="loading">Loading…</p>`
          : items.length === 0
            ? html`<p class="muted">Nothing to review: every reply was read with confidence.</p>`
            : html`<ul class="plain review-list">
                ${items.map((item) => html`<${ReviewCard} item=${item} busy=${busy} onDecide=${decide} />`)}
              </ul>`
      }
    </section>
    ${
      earlier.length > 0 &&
      html`<section aria-labelledby="earlier-title">
        <h2 id="earlier-title">Recent decisions</h2>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Reply</th>
                <th scope="col">Guessed</th>
                <th scope="col">Decided</th>
                <th scope="col">When</th>
                <th scope="col"><span class="visually-hidden">Undo</span></th>
              </tr>
            </thead>
            <tbody>
              ${earlier.map(
                (c) => html`<tr>
                  <td>
                    ${c.leadId ? html`<a href=${`/leads/${c.leadId}`}>${c.text.slice(0, 80) || '(no text)'}</a>` : c.text.slice(0, 80)}
                  </td>
                  <td>${intentLabel(c.predictedIntent)}</td>
                  <td>${intentLabel(c.intent)}</td>
                  <td><${Time} iso=${c.createdAt} /></td>
                  <td>
                    ${
                      c.undoneAt
                        ? html`<span class="muted">Undone</span>`
                        : html`<button type="button" disabled=${busy !== null} onClick=${() => undo(c.id)}>Undo</button>`
                    }
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </section>`
    }`;
}

function ReviewCard({
  item,
  busy,
  onDecide,
}: {
  item: ReviewItem;
  busy: string | null;
  onDecide: (item: ReviewItem, intent: Intent) => void;
}) {
  const guess = item.suggestedIntent as Intent;
  const titleId = `review-${item.id}`;
  return html`<li class="card review-item" aria-labelledby=${titleId}>
    <div class="section-head">
      <h3 id=${titleId}>
        <a href=${`/leads/${item.leadId}`}>${leadName(item.lead)}</a>
        ${item.lead.company && html`<span class="muted"> · ${item.lead.company}</span>`}
      </h3>
      <${StateBadge} state=${item.lead.state} subState=${item.lead.subState} />
    </div>
    <p class="muted">
      ${item.from ?? item.leadEmail}${item.subject ? html` · ${item.subject}` : ''} · <${Time} iso=${item.receivedAt} />
    </p>
    <blockquote class="reply-text" data-testid="reply-text">${item.text || '(no text)'}</blockquote>
    <p>
      The assistant thinks: <strong>${intentLabel(guess)}</strong>
      <span class="muted"> (confidence ${Math.round(item.confidence * 100)}%)</span>
      ${
        item.reason === 'dmarc_fail' &&
        html`<br /><span class="muted">
            Held: it claims to be from the lead but its sender failed DMARC, so it changed nothing yet.
          </span>`
      }
    </p>
    ${
      item.evidence.length > 0 &&
      html`<details>
        <summary>Why</summary>
        <ul>
          ${item.evidence.map((e) => html`<li>${e}</li>`)}
        </ul>
      </details>`
    }
    <div class="actions" role="group" aria-label=${`Decide for ${leadName(item.lead)}`}>
      <button
        type="button"
        class="primary"
        disabled=${busy !== null}
        onClick=${() => onDecide(item, guess)}
        title=${`The lead becomes ${intentLabels[guess]?.moves ?? ''}`}
      >
        Confirm: ${intentLabel(guess)}
      </button>
      ${intentOrder
        .filter((i) => i !== guess)
        .map(
          (i) => html`<button
            type="button"
            disabled=${busy !== null}
            onClick=${() => onDecide(item, i)}
            title=${`The lead becomes ${intentLabels[i].moves}`}
          >
            ${intentLabels[i].label}
          </button>`,
        )}
    </div>
  </li>`;
}
