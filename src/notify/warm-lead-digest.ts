import { sql } from 'drizzle-orm';
import { publicUrl } from '../config/config.ts';
import { queryRows } from '../db/database.ts';
import { leadLinkKey, leadLinkUrl, makeLeadLink } from '../lead-links/lead-link-tokens.ts';
import { claimRun, finishRun, utcDay } from '../plans/scheduled-runs.ts';
import type { Ctx } from '../platform/context.ts';
import { enqueueNotifications, type NewNotification, notificationMessageId } from './outbox.ts';
import { warmDigestEmail } from './warm-digest-notice.ts';

/**
 * The daily digest of warm leads (SPEC §8): at WARM_DIGEST_HOUR_UTC, one
 * worker of all (the day's run claimed in `scheduled_runs`) writes one email
 * per user who turned it on and owns warm leads, listing them (the 50 warmest
 * by opens and clicks) with their pages and a signed "mark hot". The outbox
 * key (kind, day, user) makes a run taken over from a dead worker write each
 * email once.
 */
export const warmDigestJob = 'warm-lead-digest';
const listed = 50;

type Row = {
  user_id: string;
  org_id: string;
  user_email: string;
  user_name: string;
  lead_id: string;
  assistant_id: string;
  assistant_email: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  company: string | null;
  human_opens: number;
  human_clicks: number;
  state_changed_at: string | Date;
  rank: number;
  total: number;
};

export async function runWarmDigest(ctx: Ctx, workerId: string): Promise<{ users: number } | null> {
  const now = ctx.now();
  if (now.getUTCHours() < ctx.config.WARM_DIGEST_HOUR_UTC) return null;
  const day = utcDay(now);
  if (!(await claimRun(ctx.db, warmDigestJob, day, workerId, now))) return null;
  const result = await writeWarmDigests(ctx, day);
  await finishRun(ctx.db, warmDigestJob, day, workerId, ctx.now(), result);
  return result;
}

/** One statement reads every subscriber's warm leads, ranked; one insert writes the emails. */
export async function writeWarmDigests(ctx: Ctx, day: string): Promise<{ users: number }> {
  const rows = await queryRows<Row>(
    ctx.db,
    sql`
    SELECT * FROM (
      SELECT u.id AS user_id, u.org_id, u.email AS user_email, u.name AS user_name,
             l.id AS lead_id, l.assistant_id, a.email AS assistant_email, l.email, l.first_name, l.last_name,
             l.company, l.human_opens, l.human_clicks, l.state_changed_at,
             row_number() OVER (PARTITION BY u.id ORDER BY l.human_clicks DESC, l.human_opens DESC, l.id)::int AS rank,
             count(*) OVER (PARTITION BY u.id)::int AS total
      FROM users u
      JOIN leads l ON l.owner_id = u.id AND l.org_id = u.org_id AND l.state = 'warm'
      JOIN assistants a ON a.id = l.assistant_id
      WHERE u.warm_digest) ranked
    WHERE rank <= ${listed}
    ORDER BY user_id, rank`,
  );
  const byUser = new Map<string, Row[]>();
  for (const r of rows) byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), r]);
  const key = await leadLinkKey(ctx.db, ctx.config);
  const baseUrl = publicUrl(ctx.config);
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + ctx.config.LEAD_LINK_TTL_DAYS * 86_400_000);
  const notes: NewNotification[] = [];
  for (const [userId, leads] of byUser) {
    const first = leads[0]!;
    const email = warmDigestEmail({
      userName: first.user_name,
      day,
      baseUrl,
      more: first.total - leads.length,
      leads: leads.map((l) => ({
        id: l.lead_id,
        name: [l.first_name, l.last_name].filter(Boolean).join(' ') || l.email,
        company: l.company,
        email: l.email,
        humanOpens: Number(l.human_opens),
        humanClicks: Number(l.human_clicks),
        warmSince: new Date(l.state_changed_at),
        hotLink: leadLinkUrl(
          baseUrl,
          l.lead_id,
          makeLeadLink(key, { leadId: l.lead_id, userId, action: 'hot', expiresAt }),
        ),
      })),
    });
    notes.push({
      orgId: first.org_id,
      userId,
      assistantId: first.assistant_id,
      leadId: null,
      kind: 'warm_digest',
      channel: 'email',
      sourceId: day,
      destination: first.user_email,
      messageId: notificationMessageId(first.assistant_email),
      subject: email.subject,
      body: email.body,
    });
  }
  await enqueueNotifications(ctx.db, notes, now);
  return { users: notes.length };
}
