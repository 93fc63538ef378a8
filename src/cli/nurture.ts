import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { InitResult } from '../accounts/org-setup.ts';
import { type Config, ConfigError, describeConfig, loadConfig, publicUrl } from '../config/config.ts';
import { isAppError } from '../errors/app-error.ts';

// Each command loads only what it needs (the database driver, the classifier's model, the domain):
// `--help`, a bad flag or `classify` answer without loading the rest.
async function openDatabase(opts: { databaseUrl?: string; dataDir: string }) {
  return (await import('../db/database.ts')).openDatabase(opts);
}
async function migrate(db: Awaited<ReturnType<typeof openDatabase>>) {
  return (await import('../db/migrate.ts')).migrate(db);
}

const usage = `Usage: nurture <command> [options]

Commands:
  init --org NAME --email EMAIL --password PW [--assistant NAME] [--json]
      Create an organisation, its admin, the default schedules and assistant,
      and print an API key. Works before \`npm start\` on the same data folder,
      and at any time with PostgreSQL (DATABASE_URL).
  classify FILE... [--json]
      Classify raw RFC 5322 messages offline (no database): bounce, auto-reply
      or reply, the state it leads to, dates, confidence and evidence. One
      JSON object per line per file with --json.
  org set-cap --org ID --cap N|none [--json]
      Set an organisation's active-lead cap (SPEC §9): N ≥ 0, or none for no
      cap. Leads beyond it wait as new until the daily 10:00 GMT activation
      finds room. --json prints {"orgId","cap","active"}.
  org show --org ID [--json]
      The organisation's plan: cap, active leads, EmailCC reserve, leads
      waiting as new, the next activation.
  migrate        Apply pending database migrations and exit.
  config         List every configuration key with its default.
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === 'help') {
    process.stdout.write(usage);
    return command ? 0 : 2;
  }
  if (command === 'config') {
    for (const e of describeConfig())
      process.stdout.write(
        `${e.key}${e.secret ? ' (secret)' : ''} = ${e.default || '(unset)'}\n    ${e.description}\n`,
      );
    return 0;
  }
  if (command === 'classify') return classifyFiles(rest);
  const config = loadConfig();
  if (command === 'migrate') {
    const database = await openDatabase({
      databaseUrl: config.DATABASE_URL,
      dataDir: config.NURTURE_DATA_DIR,
    });
    try {
      const applied = await migrate(database);
      process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Up to date\n');
    } finally {
      await database.close();
    }
    return 0;
  }
  if (command === 'init') {
    const { values } = parseArgs({
      args: rest,
      options: {
        org: { type: 'string' },
        email: { type: 'string' },
        password: { type: 'string' },
        assistant: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
      strict: true,
    });
    const missing = (['org', 'email', 'password'] as const).filter((k) => !values[k]);
    if (missing.length) {
      process.stderr.write(`Missing ${missing.map((m) => `--${m}`).join(', ')}\n\n${usage}`);
      return 2;
    }
    const database = await openDatabase({
      databaseUrl: config.DATABASE_URL,
      dataDir: config.NURTURE_DATA_DIR,
    });
    try {
      await migrate(database);
      const { createOrgWithAdmin } = await import('../accounts/org-setup.ts');
      const r = await createOrgWithAdmin(database.db, {
        orgName: values.org!,
        email: values.email!,
        password: values.password!,
        assistantName: values.assistant,
      });
      // --json is a contract (SPEC §11): scripts read it as is. Without it, a person reads what to do next.
      if (values.json) process.stdout.write(`${JSON.stringify(r)}\n`);
      else process.stdout.write(nextSteps(r, values.email!.trim(), publicUrl(config)));
    } finally {
      await database.close();
    }
    return 0;
  }
  if (command === 'org') return orgCommand(rest, config);
  process.stderr.write(`Unknown command "${command}"\n\n${usage}`);
  return 2;
}

/** `nurture org set-cap | show` (SPEC §11 contract): an instance operator's view of an org's plan. */
async function orgCommand(args: string[], config: Config): Promise<number> {
  const [sub, ...rest] = args;
  const { capacityView, isOrgId, setActiveLeadCap } = await import('../plans/org-plan.ts');
  if (sub !== 'set-cap' && sub !== 'show') {
    process.stderr.write(`org: give set-cap or show\n\n${usage}`);
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: { org: { type: 'string' }, cap: { type: 'string' }, json: { type: 'boolean', default: false } },
    strict: true,
  });
  if (!values.org) {
    process.stderr.write('--org: required (the organisation id)\n');
    return 2;
  }
  if (!isOrgId(values.org)) {
    process.stderr.write(
      `--org: "${values.org}" is not an organisation id (a uuid, as nurture init prints)\n`,
    );
    return 2;
  }
  let cap: number | null = null;
  if (sub === 'set-cap') {
    const given = values.cap?.trim();
    if (!given) {
      process.stderr.write('--cap: required (a whole number ≥ 0, or none)\n');
      return 2;
    }
    if (given !== 'none') {
      if (!/^\d+$/.test(given) || !Number.isSafeInteger(Number(given))) {
        process.stderr.write(`--cap: "${given}" is not a whole number ≥ 0 or none\n`);
        return 2;
      }
      cap = Number(given);
    }
  }
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.NURTURE_DATA_DIR });
  try {
    await migrate(database);
    if (sub === 'set-cap') {
      const r = await setActiveLeadCap(database.db, values.org, cap);
      if (values.json) process.stdout.write(`${JSON.stringify(r)}\n`);
      else
        process.stdout.write(
          `Organisation ${r.orgId}: ${r.cap === null ? 'no active-lead cap' : `active-lead cap ${r.cap}`} (${r.active} active now)\n`,
        );
      return 0;
    }
    const v = await capacityView(database.db, values.org, new Date());
    if (values.json) process.stdout.write(`${JSON.stringify(v)}\n`);
    else
      process.stdout.write(`Organisation ${v.orgId}
  Active leads:   ${v.active}${v.cap === null ? ' (no cap)' : ` of ${v.cap}`}
  EmailCC reserve: ${v.reservePercent} %${v.usableByOthers === null ? '' : ` (other sources up to ${v.usableByOthers})`}
  Waiting as new: ${v.waitingNew} (${v.waitingAutoActivate} on auto-activating assistants)
  Next activation: ${v.nextActivationAt}
`);
    return 0;
  } finally {
    await database.close();
  }
}

/** What `nurture init` prints for a person: what was made, and how to go on from here. */
function nextSteps(r: InitResult, email: string, url: string): string {
  return `Organisation created, with its admin, default schedules and an assistant.
  Organisation: ${r.orgId}
  Admin:        ${email} (${r.userId})
  Assistant:    ${r.assistantId}
  API key:      ${r.apiKey}
                (shown only now: keep it somewhere safe)
  Inbound secret: ${r.inboundSecret}
                (shown only now; header X-Nurture-Inbound-Secret on POST /api/v1/inbound/raw)

Next:
  1. Start Nurture (npm start) and open ${url}
  2. Sign in as ${email} with the password you just gave.
  3. Scripts call the API with the header  Authorization: Bearer <API key>
     (every route: ${url}/api/openapi.json; more keys: API keys in the web app).
  4. A mail provider's webhook hands replies in at ${url}/api/v1/inbound/raw with the inbound secret
     (a new one: Inbound problems in the web app).
`;
}

/** SPEC §11: `nurture classify FILE... [--json]`. A file that can't be read is reported and skipped. */
async function classifyFiles(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  if (!files.length) {
    process.stderr.write(`classify: give at least one file\n\n${usage}`);
    return 2;
  }
  const { classifyMessage } = await import('../classify/classify-message.ts');
  let failed = 0;
  for (const file of files) {
    try {
      const c = await classifyMessage(await readFile(file));
      const out = {
        file,
        kind: c.kind,
        state: c.state,
        subState: c.subState,
        intent: c.intent,
        returnDate: c.returnDate,
        meeting: c.meeting,
        bounce: c.bounce,
        confidence: Math.round(c.confidence * 1000) / 1000,
        evidence: c.evidence,
      };
      if (json) process.stdout.write(`${JSON.stringify(out)}\n`);
      else
        process.stdout.write(
          `${file}: ${c.kind} → ${c.state}${c.subState ? `/${c.subState}` : ''}` +
            `${c.intent ? ` intent=${c.intent}` : ''}${c.returnDate ? ` back=${c.returnDate}` : ''}` +
            `${c.meeting ? ` meeting=${c.meeting.date}${c.meeting.time ? ` ${c.meeting.time}` : ''}` : ''}` +
            `${c.bounce ? ` reason=${c.bounce.reason} status=${c.bounce.status ?? '-'} to=${c.bounce.recipient ?? '-'}` : ''}` +
            ` (${out.confidence})${c.evidence.length ? `\n    because: ${c.evidence.slice(0, 4).join(' | ')}` : ''}\n`,
        );
    } catch (e) {
      failed++;
      const error = (e as Error).message;
      if (json) process.stdout.write(`${JSON.stringify({ file, error })}\n`);
      else process.stderr.write(`${file}: ${error}\n`);
    }
  }
  return failed ? 1 : 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  if (
    e instanceof ConfigError ||
    isAppError(e) ||
    (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS_')
  ) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exitCode = 2;
  } else throw e;
}
