import { findVisibleLead } from '../access/lead-visibility.ts';
import { requirePersonRights } from '../access/person-access.ts';
import type { Actor } from '../accounts/actor.ts';
import { readWholeRaw } from '../inbound/stored-raw.ts';
import type { Ctx } from '../platform/context.ts';
import { findPersonRecords } from './person-records.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Raw mail as a person can read it: text when it is UTF-8 (most is), else base64. */
function rawMail(bytes: Buffer): { encoding: 'utf-8' | 'base64'; data: string } {
  try {
    return { encoding: 'utf-8', data: utf8.decode(bytes) };
  } catch {
    return { encoding: 'base64', data: bytes.toString('base64') };
  }
}

/**
 * Everything Nurture holds about the person a lead is (SPEC §12, GDPR access
 * and portability), as one JSON document: the same rows erasure removes
 * (person-records.ts), by table, each with its id, and each inbound email's
 * whole raw source. Suppression entries are shown as they are now (erasure
 * keeps their hash).
 */
export async function exportPerson(ctx: Ctx, actor: Actor, leadId: string) {
  const lead = await findVisibleLead(ctx.db, actor, leadId);
  const person = await findPersonRecords(ctx.db, actor.orgId, lead.email);
  requirePersonRights(actor, person.leads, 'export');
  const inbound = [];
  for (const m of person.inboundMessages)
    inbound.push({ ...m, raw: rawMail(await readWholeRaw(ctx, m.raw, m.id)) });
  return {
    exportedAt: ctx.now().toISOString(),
    email: person.address,
    about:
      'Everything this organisation holds in Nurture about this address: leads, emails sent and received (with their raw source), timeline, review items, corrections, notifications, tracking, lead-list rows and suppression entries.',
    records: {
      leads: person.leads,
      messages: person.messages,
      timeline_events: person.timelineEvents,
      inbound_messages: inbound,
      // Their bytes are in inbound_messages.raw above; listed so every stored row is accounted for.
      inbound_message_chunks: person.inboundMessageChunks,
      review_items: person.reviewItems,
      classification_corrections: person.classificationCorrections,
      notifications: person.notifications,
      sandbox_messages: person.sandboxMessages,
      message_opens: person.messageOpens,
      message_clicks: person.messageClicks,
      lead_import_rows: person.leadImportRows,
      suppressions: person.suppressions,
    },
  };
}
