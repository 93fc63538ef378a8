import { and, desc, eq, gt, sql } from 'drizzle-orm';
import { type Config, publicUrl } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import { deliverabilityAlerts, notifications } from '../db/schema.ts';
import { enqueueNotifications, type NewNotification, notificationMessageId } from '../notify/outbox.ts';
import { assistantUsers } from '../notify/recipients.ts';
import { recordEvent } from '../timeline/record-event.ts';
import { type AlertNoticeInput, type AlertNoticeKind, alertNotice } from './alert-notice.ts';

/**
 * Anti-flood: one blocklisting or DMARC mistake makes every provider refuse
 * at once, and its reports arrive in a burst; a bought list's complaints too.
 * So an assistant's users are emailed about an alert of a kind only if no
 * alert of that kind for that assistant was emailed in the last hour: the
 * first of a burst is emailed, the rest are alerts and lead timeline events
 * only (their evidence names the alert that was emailed), and a cause that
 * goes on for hours is emailed again once an hour. Sender blocks and
 * complaints are counted apart: one never silences the other. An alert that
 * found no one to tell does not count as emailed.
 */
export const alertQuietMs = 60 * 60_000;

export type ReportAlertInput = {
  kind: AlertNoticeKind;
  lead: {
    id: string;
    orgId: string;
    email: string;
    firstName: string | null;
    lastName: string | null;
    company: string | null;
  };
  assistant: { id: string; name: string; email: string };
  inbound: { id: string; subject: string | null; receivedAt: Date };
  report: Omit<AlertNoticeInput['report'], 'subject'>;
  /** The alert's own words, on the alert row and the lead's timeline. */
  reason: string;
  evidence: Record<string, unknown>;
  now: Date;
};

/**
 * A delivery report that puts the assistant's mail at risk (a sender block,
 * a spam complaint), inside the caller's transaction (only `tx`: the
 * notification commits or rolls back with the alert): a
 * `deliverability_alerts` row, an email to each of the assistant's users
 * (notify/recipients.ts) from its mailbox unless the anti-flood rule holds
 * it, and a `deliverability_alert` event on the lead saying who was told.
 * Returns the users told.
 */
export async function raiseReportAlert(tx: Db, config: Config, a: ReportAlertInput): Promise<string[]> {
  // Alerts of one assistant and kind queue here, so two reports processed at
  // once cannot both find "nothing emailed yet" (PostgreSQL; PGlite has one connection).
  await tx.execute(
    sql`SELECT pg_advisory_xact_lock(hashtext(${`deliverability-alert:${a.assistant.id}:${a.kind}`}))`,
  );
  const [emailed] = await tx
    .select({ id: deliverabilityAlerts.id, at: deliverabilityAlerts.createdAt })
    .from(deliverabilityAlerts)
    .innerJoin(
      notifications,
      and(
        eq(notifications.kind, 'deliverability_alert'),
        eq(notifications.sourceId, sql`${deliverabilityAlerts.id}::text`),
      ),
    )
    .where(
      and(
        eq(deliverabilityAlerts.assistantId, a.assistant.id),
        eq(deliverabilityAlerts.kind, a.kind),
        gt(deliverabilityAlerts.createdAt, new Date(a.now.getTime() - alertQuietMs)),
      ),
    )
    .orderBy(desc(deliverabilityAlerts.createdAt))
    .limit(1);

  const [alert] = await tx
    .insert(deliverabilityAlerts)
    .values({
      orgId: a.lead.orgId,
      assistantId: a.assistant.id,
      leadId: a.lead.id,
      kind: a.kind,
      reason: a.reason,
      evidence: a.evidence,
      // On the caller's clock, which the anti-flood window is measured on.
      createdAt: a.now,
    })
    .returning({ id: deliverabilityAlerts.id });

  const told = emailed ? [] : await notifyUsers(tx, config, a, alert!.id);
  await recordEvent(tx, {
    orgId: a.lead.orgId,
    leadId: a.lead.id,
    type: 'deliverability_alert',
    actorType: 'system',
    reason: a.reason,
    evidence: {
      ...a.evidence,
      alertId: alert!.id,
      notifiedUserIds: told,
      ...(emailed
        ? {
            notificationHeld: `An alert of this kind for this assistant was emailed at ${emailed.at.toISOString()} (within the last hour): not emailed again`,
            emailedAlertId: emailed.id,
          }
        : {}),
    },
    inboundMessageId: a.inbound.id,
  });
  return told;
}

async function notifyUsers(tx: Db, config: Config, a: ReportAlertInput, alertId: string): Promise<string[]> {
  const recipients = (await assistantUsers(tx, a.lead.orgId, [a.assistant.id])).get(a.assistant.id) ?? [];
  const rows: NewNotification[] = recipients.map((user) => {
    const notice = alertNotice({
      kind: a.kind,
      assistant: a.assistant,
      lead: a.lead,
      report: { ...a.report, subject: a.inbound.subject },
      receivedAt: a.inbound.receivedAt,
      quietMinutes: alertQuietMs / 60_000,
      userName: user.name,
      baseUrl: publicUrl(config),
    });
    return {
      orgId: a.lead.orgId,
      userId: user.id,
      assistantId: a.assistant.id,
      leadId: a.lead.id,
      kind: 'deliverability_alert',
      channel: 'email',
      sourceId: alertId,
      destination: user.email,
      messageId: notificationMessageId(a.assistant.email),
      subject: notice.subject,
      body: notice.body,
    };
  });
  await enqueueNotifications(tx, rows, a.now);
  return recipients.map((u) => u.id);
}
