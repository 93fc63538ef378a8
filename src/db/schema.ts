/**
 * The Drizzle schema: the one place the tables are described for TypeScript.
 * It mirrors the SQL migrations in ./migrations (the migrations are the truth
 * applied to databases; schema.db.test.ts checks the two agree).
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const id = () => uuid('id').primaryKey().default(sql`gen_random_uuid()`);
const createdAt = () => ts('created_at').notNull().defaultNow();

/**
 * Raw mail is bytes (8-bit and broken charsets must survive untouched), kept
 * as base64 text: PGlite moves text about ten times faster than bytea.
 */
const base64Bytes = customType<{ data: Buffer; driverData: string }>({
  dataType: () => 'text',
  toDriver: (v) => v.toString('base64'),
  fromDriver: (v) => Buffer.from(v, 'base64'),
});

export const orgs = pgTable('orgs', {
  id: id(),
  name: text('name').notNull(),
  activeLeadCap: integer('active_lead_cap'),
  /** SHA-256 of the org's secret for POST /api/v1/inbound/raw (migration 0016); null: none set. */
  inboundSecretHash: text('inbound_secret_hash'),
  inboundSecretSetAt: ts('inbound_secret_set_at'),
  createdAt: createdAt(),
});

export const users = pgTable('users', {
  id: id(),
  orgId: uuid('org_id').notNull(),
  email: text('email').notNull(),
  name: text('name').notNull().default(''),
  role: text('role').$type<'admin' | 'member'>().notNull(),
  passwordHash: text('password_hash'),
  createdAt: createdAt(),
  /** For WhatsApp notifications, E.164 (migration 0011). */
  phone: text('phone'),
  /** Per kind, per channel switches; a switch not named is on (notify/notification-preferences.ts). */
  notificationPreferences: jsonb('notification_preferences')
    .$type<NotificationPreferences>()
    .notNull()
    .default({}),
  /** Introduce Me (SPEC §6.3, migration 0024): this user's own text with placeholders; null: the default. */
  introductionText: text('introduction_text'),
  /** Extra addresses that get a copy of the user's lead notification emails (migration 0025). */
  notificationCopyTo: jsonb('notification_copy_to').$type<string[]>().notNull().default([]),
  /** A daily email listing the user's warm leads (migration 0025), off until turned on. */
  warmDigest: boolean('warm_digest').notNull().default(false),
});

export const apiKeys = pgTable('api_keys', {
  id: id(),
  orgId: uuid('org_id').notNull(),
  userId: uuid('user_id').notNull(),
  name: text('name').notNull(),
  prefix: text('prefix').notNull(),
  keyHash: text('key_hash').notNull(),
  createdAt: createdAt(),
  lastUsedAt: ts('last_used_at'),
  revokedAt: ts('revoked_at'),
});

export const sessions = pgTable('sessions', {
  id: id(),
  userId: uuid('user_id').notNull(),
  tokenHash: text('token_hash').notNull(),
  expiresAt: ts('expires_at').notNull(),
  createdAt: createdAt(),
});

/** An admin's invitation to join the org (migration 0017, accounts/invitations.ts); the token only hashed. */
export const invitations = pgTable('invitations', {
  id: id(),
  orgId: uuid('org_id').notNull(),
  email: text('email').notNull(),
  role: text('role').$type<'admin' | 'member'>().notNull(),
  tokenHash: text('token_hash').notNull(),
  invitedBy: uuid('invited_by'),
  createdAt: createdAt(),
  sentAt: ts('sent_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
  acceptedAt: ts('accepted_at'),
  acceptedUserId: uuid('accepted_user_id'),
  cancelledAt: ts('cancelled_at'),
});

/** A one-time password reset link (migration 0017, accounts/password-reset.ts); the token only hashed. */
export const passwordResets = pgTable('password_resets', {
  id: id(),
  userId: uuid('user_id').notNull(),
  tokenHash: text('token_hash').notNull(),
  createdAt: createdAt(),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
});

export const schedules = pgTable('schedules', {
  id: id(),
  orgId: uuid('org_id').notNull(),
  name: text('name').notNull(),
  steps: jsonb('steps').$type<number[]>().notNull(),
  startsAtStep: integer('starts_at_step').notNull().default(0),
  createdAt: createdAt(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const assistants = pgTable('assistants', {
  id: id(),
  orgId: uuid('org_id').notNull(),
  name: text('name').notNull(),
  email: text('email').notNull(),
  phone: text('phone'),
  avatarUrl: text('avatar_url'),
  signature: text('signature').notNull().default(''),
  brochureUrl: text('brochure_url'),
  moreContext: text('more_context').notNull().default(''),
  moreInformation: text('more_information').notNull().default(''),
  calendarUrl: text('calendar_url'),
  riskReminderEveryDays: integer('risk_reminder_every_days').notNull().default(2),
  riskReminderTimes: integer('risk_reminder_times').notNull().default(5),
  defaultScheduleId: uuid('default_schedule_id'),
  defaultEmailccScheduleId: uuid('default_emailcc_schedule_id'),
  autoActivate: boolean('auto_activate').notNull().default(true),
  defaultLeadName: text('default_lead_name').notNull().default('Sir/Madam'),
  emailccReservePercent: integer('emailcc_reserve_percent').notNull().default(5),
  sendDays: jsonb('send_days').$type<number[]>().notNull().default([1, 2, 3, 4, 5]),
  sendStartMinute: integer('send_start_minute').notNull().default(480),
  sendEndMinute: integer('send_end_minute').notNull().default(1080),
  dailyCap: integer('daily_cap').notNull().default(100),
  smtpUrl: text('smtp_url'),
  trackOpens: boolean('track_opens').notNull().default(true),
  trackClicks: boolean('track_clicks').notNull().default(true),
  createdAt: createdAt(),
  imapHost: text('imap_host'),
  imapPort: integer('imap_port'),
  imapTls: boolean('imap_tls').notNull().default(true),
  imapUser: text('imap_user'),
  imapPasswordEnc: text('imap_password_enc'),
  imapMailbox: text('imap_mailbox').notNull().default('INBOX'),
  imapUidValidity: text('imap_uid_validity'),
  imapLastUid: bigint('imap_last_uid', { mode: 'number' }).notNull().default(0),
  imapError: text('imap_error'),
  imapLeasedBy: text('imap_leased_by'),
  imapLeaseUntil: ts('imap_lease_until'),
  sendSpacingSeconds: integer('send_spacing_seconds').notNull().default(0),
  timeZone: text('time_zone'),
  dkimSelector: text('dkim_selector'),
  dkimPrivateKeyEnc: text('dkim_private_key_enc'),
  proofPoints: jsonb('proof_points').$type<string[]>().notNull().default([]),
  quoteFirstEmail: boolean('quote_first_email').notNull().default(true),
  // Assistant setup (migration 0020): archive, own SMTP server, uploaded avatar.
  archivedAt: ts('archived_at'),
  archivedBy: uuid('archived_by'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  smtpHost: text('smtp_host'),
  smtpPort: integer('smtp_port'),
  smtpTls: boolean('smtp_tls').notNull().default(false),
  smtpUser: text('smtp_user'),
  smtpPasswordEnc: text('smtp_password_enc'),
});

/** An assistant's uploaded avatar (assistants/assistant-avatar.ts, migration 0020), apart from the hot row. */
export const assistantAvatars = pgTable('assistant_avatars', {
  assistantId: uuid('assistant_id').primaryKey(),
  orgId: uuid('org_id').notNull(),
  contentType: text('content_type').notNull(),
  data: base64Bytes('data').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** An assistant's own wording for one source and step angle (compose/assistant-templates.ts, migration 0004). */
export const assistantTemplates = pgTable(
  'assistant_templates',
  {
    assistantId: uuid('assistant_id').notNull(),
    source: text('source').notNull(),
    step: text('step').notNull(),
    variant: integer('variant').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [unique().on(t.assistantId, t.source, t.step, t.variant)],
);

export const assistantExclusions = pgTable(
  'assistant_exclusions',
  {
    assistantId: uuid('assistant_id').notNull(),
    pattern: text('pattern').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.assistantId, t.pattern] })],
);

/**
 * SPEC §10.2: the users an admin assigned to an assistant, and its Assistant
 * Managers (migration 0015). access/ decides with it; nothing else reads it
 * for a decision.
 */
export const assistantUsers = pgTable(
  'assistant_users',
  {
    orgId: uuid('org_id').notNull(),
    assistantId: uuid('assistant_id').notNull(),
    userId: uuid('user_id').notNull(),
    isManager: boolean('is_manager').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [unique().on(t.assistantId, t.userId)],
);

/** Emails sent per assistant per minute: what the daily cap counts (outbound/send-counts.ts). */
export const assistantSendCounts = pgTable(
  'assistant_send_counts',
  {
    assistantId: uuid('assistant_id').notNull(),
    minute: ts('minute').notNull(),
    sent: integer('sent').notNull(),
  },
  (t) => [primaryKey({ columns: [t.assistantId, t.minute] })],
);

export const leads = pgTable('leads', {
  id: id(),
  orgId: uuid('org_id').notNull(),
  assistantId: uuid('assistant_id').notNull(),
  ownerId: uuid('owner_id').notNull(),
  scheduleId: uuid('schedule_id').notNull(),
  email: text('email').notNull(),
  firstName: text('first_name'),
  lastName: text('last_name'),
  company: text('company'),
  title: text('title'),
  industry: text('industry'),
  phone: text('phone'),
  country: text('country'),
  timeZone: text('time_zone'),
  source: text('source').notNull(),
  context: text('context').notNull().default(''),
  additionalInformation: text('additional_information').notNull().default(''),
  tags: jsonb('tags').$type<string[]>().notNull().default([]),
  customFields: jsonb('custom_fields').$type<Record<string, string>>().notNull().default({}),
  state: text('state').notNull(),
  subState: text('sub_state'),
  atRisk: boolean('at_risk').notNull().default(false),
  /** SPEC §4: when the 24-hour clock of the at-risk lead started (its reminders count from it), migration 0025. */
  atRiskSince: ts('at_risk_since'),
  atRiskReminders: integer('at_risk_reminders').notNull().default(0),
  firstSendAt: ts('first_send_at'),
  replyToken: text('reply_token').notNull(),
  unsubscribeToken: text('unsubscribe_token').notNull(),
  stateChangedAt: ts('state_changed_at').notNull().defaultNow(),
  createdAt: createdAt(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  resumeAt: ts('resume_at'),
  humanOpens: integer('human_opens').notNull().default(0),
  humanClicks: integer('human_clicks').notNull().default(0),
  lastHumanOpenAt: ts('last_human_open_at'),
  /** Send Time Optimization: minutes after local midnight; null until the lead has opened. */
  preferredSendMinute: integer('preferred_send_minute'),
  planBaseStep: integer('plan_base_step'),
  planBaseAt: ts('plan_base_at'),
  planThreadRoot: text('plan_thread_root'),
  handledOutsideAt: ts('handled_outside_at'),
  /** SPEC §7: when a worker should (next) validate the address; null once decided (migration 0010). */
  validationDueAt: ts('validation_due_at'),
  validationAttempts: integer('validation_attempts').notNull().default(0),
  /** SPEC §7: what validation last concluded (null: not yet; 'valid'; CatchAll/Unverifiable; an invalid sub-state), migration 0014. */
  addressVerdict: text('address_verdict'),
  addressVerdictAt: ts('address_verdict_at'),
  /** Introduce Me (migration 0024): the lead is the user's since; the assistant stays out of its replies. */
  introducedAt: ts('introduced_at'),
  introducedBy: uuid('introduced_by'),
});

export type MessageStatus = 'scheduled' | 'sending' | 'sent' | 'failed' | 'cancelled' | 'uncertain';

export const messages = pgTable('messages', {
  id: id(),
  orgId: uuid('org_id').notNull(),
  leadId: uuid('lead_id').notNull(),
  assistantId: uuid('assistant_id').notNull(),
  kind: text('kind').$type<'sequence' | 'manual'>().notNull(),
  step: integer('step'),
  status: text('status').$type<MessageStatus>().notNull(),
  dueAt: ts('due_at').notNull(),
  explicitTime: boolean('explicit_time').notNull().default(false),
  messageId: text('message_id').notNull(),
  subject: text('subject'),
  textBody: text('text_body'),
  inReplyTo: text('in_reply_to'),
  references: jsonb('references').$type<string[]>().notNull().default([]),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  claimedBy: text('claimed_by'),
  claimedAt: ts('claimed_at'),
  sentAt: ts('sent_at'),
  smtpResponse: text('smtp_response'),
  createdAt: createdAt(),
  /** How far the send got (migration 0013): null = not handed to the mail server yet. */
  transmission: text('transmission').$type<'started' | 'accepted' | 'refused'>(),
  retryingSince: ts('retrying_since'),
  /** Who wrote it when not the assistant (migration 0022): the user whose email was a lead's first (EmailCC). */
  writtenBy: text('written_by'),
  /** Copied (Cc) and where answers go (Reply-To), migration 0024: an introduction copies its user. */
  cc: jsonb('cc').$type<MailAddress[]>().notNull().default([]),
  replyTo: jsonb('reply_to').$type<MailAddress[]>().notNull().default([]),
});

/** A named address as an email header carries it. */
export type MailAddress = { name: string; address: string };

export type InboundStatus =
  | 'received'
  | 'processing'
  | 'processed'
  | 'unmatched'
  | 'failed'
  | 'quarantined'
  | 'dismissed'
  | 'held';
export type InboundChannel = 'sandbox' | 'http' | 'smtp' | 'imap';

export const inboundMessages = pgTable('inbound_messages', {
  id: id(),
  channel: text('channel').$type<InboundChannel>().notNull(),
  dedupeKey: text('dedupe_key').notNull(),
  messageId: text('message_id'),
  raw: base64Bytes('raw').notNull(),
  orgId: uuid('org_id'),
  leadId: uuid('lead_id'),
  fromAddress: text('from_address'),
  subject: text('subject'),
  replyText: text('reply_text'),
  kind: text('kind'),
  matchedBy: text('matched_by'),
  status: text('status').$type<InboundStatus>().notNull(),
  error: text('error'),
  attempts: integer('attempts').notNull().default(0),
  claimedBy: text('claimed_by'),
  receivedAt: ts('received_at').notNull().defaultNow(),
  processedAt: ts('processed_at'),
  classification: jsonb('classification').$type<Record<string, unknown>>(),
  assistantId: uuid('assistant_id'),
  nextAttemptAt: ts('next_attempt_at'),
  sizeBytes: integer('size_bytes'),
  quarantinedAt: ts('quarantined_at'),
  dismissedBy: uuid('dismissed_by'),
  /** The SMTP listener's check of the sender (DMARC), migration 0016. */
  senderAuth: jsonb('sender_auth').$type<Record<string, unknown>>(),
});

/**
 * The bytes of a large inbound message after its first `analysedBytes`, in
 * slices of base64 (migration 0019, `inbound/raw-chunks.ts`): written one
 * statement each, so no single statement holds PGlite's thread for long.
 */
export const inboundMessageChunks = pgTable(
  'inbound_message_chunks',
  {
    messageId: uuid('message_id').notNull(),
    seq: integer('seq').notNull(),
    data: text('data').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.seq] })],
);

export type ActorType = 'user' | 'assistant' | 'system' | 'lead';

export const timelineEvents = pgTable('timeline_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  orgId: uuid('org_id').notNull(),
  leadId: uuid('lead_id').notNull(),
  type: text('type').notNull(),
  fromState: text('from_state'),
  toState: text('to_state'),
  fromSubState: text('from_sub_state'),
  toSubState: text('to_sub_state'),
  actorType: text('actor_type').$type<ActorType>().notNull(),
  actorId: text('actor_id'),
  reason: text('reason').notNull(),
  evidence: jsonb('evidence').$type<Record<string, unknown>>(),
  messageId: uuid('message_id'),
  inboundMessageId: uuid('inbound_message_id'),
  createdAt: createdAt(),
});

export const suppressions = pgTable(
  'suppressions',
  {
    orgId: uuid('org_id').notNull(),
    /** Null once the person's data was erased: only the hash is kept (migration 0026). */
    email: text('email'),
    /** SHA-256 of "<org id>:<address lower-cased>", the key every check uses (suppression/suppression.ts). */
    emailHash: text('email_hash').notNull(),
    reason: text('reason').notNull(),
    leadId: uuid('lead_id'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.emailHash] })],
);

/** An erasure that happened (SPEC §12, migration 0026): who, when, what went; the address only as its hash. */
export const erasures = pgTable('erasures', {
  id: id(),
  orgId: uuid('org_id').notNull(),
  emailHash: text('email_hash').notNull(),
  erasedBy: uuid('erased_by'),
  erasedAt: ts('erased_at').notNull().defaultNow(),
  removed: jsonb('removed').$type<Record<string, number>>().notNull(),
});

export const sandboxMessages = pgTable('sandbox_messages', {
  id: id(),
  messageId: text('message_id').notNull(),
  orgId: uuid('org_id'),
  envelopeFrom: text('envelope_from'),
  envelopeTo: jsonb('envelope_to').$type<string[]>().notNull(),
  fromHeader: text('from_header'),
  toHeader: text('to_header'),
  subject: text('subject'),
  textBody: text('text_body'),
  headers: jsonb('headers').$type<Record<string, string>>().notNull(),
  raw: text('raw').notNull(),
  receivedCount: integer('received_count').notNull().default(1),
  receivedAt: ts('received_at').notNull().defaultNow(),
});

export const reviewItems = pgTable('review_items', {
  id: id(),
  orgId: uuid('org_id').notNull(),
  leadId: uuid('lead_id').notNull(),
  inboundMessageId: uuid('inbound_message_id').notNull(),
  suggestedIntent: text('suggested_intent').notNull(),
  confidence: real('confidence').notNull(),
  status: text('status').$type<'open' | 'resolved'>().notNull().default('open'),
  resolvedIntent: text('resolved_intent'),
  resolvedBy: uuid('resolved_by'),
  /** Why it is here when it is not the classifier's doubt, e.g. 'dmarc_fail' (migration 0016). */
  reason: text('reason'),
  createdAt: createdAt(),
  resolvedAt: ts('resolved_at'),
});

export const classificationCorrections = pgTable('classification_corrections', {
  id: id(),
  orgId: uuid('org_id').notNull(),
  leadId: uuid('lead_id'),
  inboundMessageId: uuid('inbound_message_id'),
  text: text('text').notNull(),
  predictedIntent: text('predicted_intent'),
  intent: text('intent').notNull(),
  createdBy: uuid('created_by'),
  createdAt: createdAt(),
  undoneAt: ts('undone_at'),
});

export const deliverabilityAlerts = pgTable('deliverability_alerts', {
  id: id(),
  orgId: uuid('org_id').notNull(),
  assistantId: uuid('assistant_id').notNull(),
  leadId: uuid('lead_id'),
  kind: text('kind').$type<'sender_block' | 'complaint' | 'breaker_warn' | 'breaker_tripped'>().notNull(),
  reason: text('reason').notNull(),
  evidence: jsonb('evidence').$type<Record<string, unknown>>(),
  createdAt: createdAt(),
  resolvedAt: ts('resolved_at'),
  breakerId: uuid('breaker_id'),
});

export type BreakerScope = 'mailbox' | 'assistant' | 'org';
export type BreakerKind = 'hard_bounce' | 'complaint';
export type BreakerState = 'armed' | 'warn' | 'tripped';

/** Hard bounces and complaints, by when the email they are about was sent (migration 0006). */
export const deliverabilityEvents = pgTable('deliverability_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  orgId: uuid('org_id').notNull(),
  assistantId: uuid('assistant_id').notNull(),
  mailbox: text('mailbox').notNull(),
  leadId: uuid('lead_id'),
  kind: text('kind').$type<BreakerKind>().notNull(),
  source: text('source').$type<'inbound' | 'smtp'>().notNull(),
  inboundMessageId: uuid('inbound_message_id'),
  sentAt: ts('sent_at').notNull(),
  occurredAt: ts('occurred_at').notNull(),
});

export const breakers = pgTable('breakers', {
  id: id(),
  orgId: uuid('org_id').notNull(),
  scope: text('scope').$type<BreakerScope>().notNull(),
  scopeId: text('scope_id').notNull(),
  kind: text('kind').$type<BreakerKind>().notNull(),
  state: text('state').$type<BreakerState>().notNull().default('armed'),
  rate: doublePrecision('rate').notNull().default(0),
  windowSends: integer('window_sends').notNull().default(0),
  windowEvents: integer('window_events').notNull().default(0),
  windowFrom: ts('window_from'),
  evaluatedAt: ts('evaluated_at'),
  warnedAt: ts('warned_at'),
  trippedAt: ts('tripped_at'),
  resumedAt: ts('resumed_at'),
  resumedBy: uuid('resumed_by'),
  evidence: jsonb('evidence').$type<Record<string, unknown>>(),
  createdAt: createdAt(),
});

export type NotificationKind =
  | 'deliverability_alert'
  | 'lead_hot'
  | 'lead_responded'
  | 'lead_warm'
  // Account emails (migration 0017): to an address that may not be a user yet, so no user_id.
  | 'invitation'
  | 'password_reset'
  // What a user's EmailCC created, told to the sender (migration 0022).
  | 'emailcc_result'
  // A lead at risk, and the daily digest of warm leads (migration 0025).
  | 'lead_at_risk'
  | 'warm_digest';
export type NotificationChannel = 'email' | 'whatsapp' | 'in_app';
export type NotificationPreferences = Partial<
  Record<NotificationKind, Partial<Record<NotificationChannel, boolean>>>
>;
export type NotificationStatus = 'pending' | 'sent' | 'failed';

/** What Nurture tells its users, as an outbox a worker delivers (notify/, migration 0007). */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    /** Null for account emails (an invitation): their recipient may not be a user yet. */
    userId: uuid('user_id'),
    assistantId: uuid('assistant_id').notNull(),
    leadId: uuid('lead_id'),
    kind: text('kind').$type<NotificationKind>().notNull(),
    channel: text('channel').$type<NotificationChannel>().notNull(),
    sourceId: text('source_id').notNull(),
    destination: text('destination').notNull(),
    messageId: text('message_id').notNull().unique(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    status: text('status').$type<NotificationStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull(),
    claimedBy: text('claimed_by'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: ts('sent_at'),
    /** WhatsApp: the template's parameters, in order (migration 0011). */
    params: jsonb('params').$type<string[]>(),
    readAt: ts('read_at'),
  },
  (t) => [unique().on(t.kind, t.sourceId, t.userId, t.channel)],
);

export type LeadImportStatus = 'uploaded' | 'queued' | 'running' | 'done';
export type LeadImportRowStatus = 'pending' | 'added' | 'refused';

/** An uploaded lead list and its progress (migration 0009, imports/). */
export const leadImports = pgTable('lead_imports', {
  id: id(),
  orgId: uuid('org_id').notNull(),
  userId: uuid('user_id').notNull(),
  fileName: text('file_name').notNull(),
  format: text('format').$type<'csv' | 'xlsx'>().notNull(),
  columns: jsonb('columns').$type<string[]>().notNull(),
  rowCount: integer('row_count').notNull(),
  status: text('status').$type<LeadImportStatus>().notNull().default('uploaded'),
  mapping: jsonb('mapping').$type<Record<string, string>>(),
  options: jsonb('options').$type<Record<string, unknown>>(),
  added: integer('added').notNull().default(0),
  refused: integer('refused').notNull().default(0),
  claimedBy: text('claimed_by'),
  createdAt: createdAt(),
  startedAt: ts('started_at'),
  finishedAt: ts('finished_at'),
});

/** One row of an import, as read, and what adding it did. */
export const leadImportRows = pgTable(
  'lead_import_rows',
  {
    importId: uuid('import_id').notNull(),
    rowNumber: integer('row_number').notNull(),
    cells: jsonb('cells').$type<string[]>().notNull(),
    status: text('status').$type<LeadImportRowStatus>().notNull().default('pending'),
    leadId: uuid('lead_id'),
    errorCode: text('error_code'),
    error: text('error'),
  },
  (t) => [primaryKey({ columns: [t.importId, t.rowNumber] })],
);

/** One fetch of a message's open pixel, with the machine filter's verdict (migration 0003). */
export const messageOpens = pgTable('message_opens', {
  id: id(),
  orgId: uuid('org_id').notNull(),
  messageId: uuid('message_id').notNull(),
  leadId: uuid('lead_id').notNull(),
  openedAt: ts('opened_at').notNull().defaultNow(),
  userAgent: text('user_agent'),
  ip: text('ip'),
  isMachine: boolean('is_machine').notNull(),
  machineReason: text('machine_reason'),
});

/** One tracked link followed, with the machine filter's verdict. */
export const messageClicks = pgTable('message_clicks', {
  id: id(),
  orgId: uuid('org_id').notNull(),
  messageId: uuid('message_id').notNull(),
  leadId: uuid('lead_id').notNull(),
  url: text('url').notNull(),
  clickedAt: ts('clicked_at').notNull().defaultNow(),
  userAgent: text('user_agent'),
  ip: text('ip'),
  isMachine: boolean('is_machine').notNull(),
  machineReason: text('machine_reason'),
});

/** Values the instance makes once for itself (e.g. the tracking signing key). */
export const instanceSettings = pgTable('instance_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  createdAt: createdAt(),
});

/** Failed sign-ins per account and per client address (accounts/signin-throttle.ts). */
export const signinFailures = pgTable('signin_failures', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: ts('window_started_at').notNull(),
  lockedUntil: ts('locked_until'),
  locks: integer('locks').notNull().default(0),
  lastFailureAt: ts('last_failure_at').notNull(),
});

/** A signed one-click link of a notification email, once used (lead-links/, migration 0025). */
export const leadLinkUses = pgTable('lead_link_uses', {
  tokenId: text('token_id').primaryKey(),
  orgId: uuid('org_id').notNull(),
  leadId: uuid('lead_id').notNull(),
  userId: uuid('user_id').notNull(),
  action: text('action').notNull(),
  usedAt: ts('used_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
});

/**
 * A daily job's run, claimed once across every worker (plans/scheduled-runs.ts,
 * migration 0021): the row's key is the job and its UTC day.
 */
export const scheduledRuns = pgTable(
  'scheduled_runs',
  {
    job: text('job').notNull(),
    runOn: date('run_on', { mode: 'string' }).notNull(),
    claimedBy: text('claimed_by').notNull(),
    startedAt: ts('started_at').notNull(),
    finishedAt: ts('finished_at'),
    result: jsonb('result').$type<Record<string, unknown>>(),
  },
  (t) => [primaryKey({ columns: [t.job, t.runOn] })],
);

export const workers = pgTable('workers', {
  id: text('id').primaryKey(),
  pid: integer('pid').notNull(),
  host: text('host').notNull(),
  startedAt: ts('started_at').notNull().defaultNow(),
  heartbeatAt: ts('heartbeat_at').notNull().defaultNow(),
});

export const schema = {
  orgs,
  users,
  apiKeys,
  sessions,
  invitations,
  passwordResets,
  schedules,
  assistants,
  assistantExclusions,
  assistantSendCounts,
  assistantUsers,
  assistantTemplates,
  leads,
  messages,
  inboundMessages,
  inboundMessageChunks,
  timelineEvents,
  suppressions,
  sandboxMessages,
  reviewItems,
  classificationCorrections,
  deliverabilityAlerts,
  workers,
  scheduledRuns,
  messageOpens,
  messageClicks,
  instanceSettings,
  signinFailures,
  deliverabilityEvents,
  breakers,
  notifications,
  leadImports,
  leadImportRows,
  // Assistant setup (migration 0020).
  assistantAvatars,
  // Erasure (migration 0026).
  erasures,
  // Signed one-click links (migration 0025).
  leadLinkUses,
};
