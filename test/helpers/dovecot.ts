import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { freePort } from './processes.ts';

export type Dovecot = {
  host: string;
  port: number;
  user: string;
  password: string;
  dir: string;
  /** IMAP APPEND into the user's INBOX, as a mail server delivering would; returns the new UID. */
  append(raw: string | Buffer, opts?: { mailbox?: string; date?: Date }): Promise<number | undefined>;
  stop(): Promise<void>;
};

const binary = '/usr/sbin/dovecot';

/**
 * A throwaway Dovecot on a free loopback port, configured as STACK-NOTES.md
 * describes: plaintext login for user `test` / `secret`, Maildir in a temp
 * folder. As root, Dovecot refuses root for login and mail, so its processes
 * run as dovecot/dovenull and the mail as nobody/nogroup.
 */
export async function startDovecot(): Promise<Dovecot> {
  if (!existsSync(binary))
    throw new Error(`${binary} not found: apt-get install -y dovecot-imapd (IMAP tests need a real server)`);
  // Dovecot can't listen on port 0: it gets a port found free, which another process (another suite
  // on this machine) may take first. Then it refuses to start, and starts again on another port.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startDovecotOnce();
    } catch (e) {
      if (attempt === 3 || !/address already in use/i.test((e as Error).message)) throw e;
    }
  }
}

async function startDovecotOnce(): Promise<Dovecot> {
  const dir = mkdtempSync(join(tmpdir(), 'nurture-dovecot-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const me = userInfo().username;
  const myGroup = execFileSync('id', ['-gn'], { encoding: 'utf8' }).trim();
  const ids = asRoot
    ? { uid: Number(idOf('-u', 'nobody')), gid: Number(idOf('-g', 'nobody')) }
    : { uid: process.getuid!(), gid: process.getgid!() };
  const internal = asRoot ? 'dovecot' : me;
  const internalGroup = asRoot ? 'dovecot' : myGroup;
  const login = asRoot ? 'dovenull' : me;
  for (const sub of ['run', 'state', 'mail']) mkdirSync(join(dir, sub));
  if (asRoot) chownSync(join(dir, 'mail'), ids.uid, ids.gid);
  writeFileSync(join(dir, 'users'), 'test:{PLAIN}secret::::::\n', { mode: 0o644 });
  writeFileSync(
    join(dir, 'dovecot.conf'),
    `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = test-dovecot-${port}
log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${dir}/mail/%u/Maildir
first_valid_uid = ${ids.uid}
last_valid_uid = ${ids.uid}
first_valid_gid = ${ids.gid}
default_internal_user = ${internal}
default_internal_group = ${internalGroup}
default_login_user = ${login}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${ids.uid} gid=${ids.gid} home=${dir}/mail/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service stats {
  unix_listener stats-reader {
    user = ${internal}
  }
  unix_listener stats-writer {
    user = ${internal}
  }
}
`,
  );
  // It daemonises: its output goes to a file, since a pipe it inherits would never close.
  const out = openSync(join(dir, 'start.out'), 'w');
  const started = spawnSync(binary, ['-c', join(dir, 'dovecot.conf')], { stdio: ['ignore', out, out] });
  closeSync(out);
  if (started.status !== 0) {
    const why = `dovecot did not start (${started.status}): ${readFileSync(join(dir, 'start.out'), 'utf8')}${log(dir)}`;
    rmSync(dir, { recursive: true, force: true });
    throw new Error(why);
  }
  await waitForPort(port, dir);
  const server = { host: '127.0.0.1', port, user: 'test', password: 'secret' };
  return {
    ...server,
    dir,
    async append(raw, opts = {}) {
      const client = new ImapFlow({
        host: server.host,
        port: server.port,
        secure: false,
        auth: { user: server.user, pass: server.password },
        logger: false,
      });
      await client.connect();
      try {
        const content = typeof raw === 'string' ? Buffer.from(raw) : raw;
        const r = await client.append(opts.mailbox ?? 'INBOX', content, [], opts.date);
        return r ? r.uid : undefined;
      } finally {
        await client.logout();
      }
    },
    async stop() {
      const pidFile = join(dir, 'run', 'master.pid');
      const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : 0;
      if (pid) {
        try {
          process.kill(pid, 'SIGTERM');
        } catch {}
        for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function idOf(flag: '-u' | '-g', user: string): string {
  return execFileSync('id', [flag, user], { encoding: 'utf8' }).trim();
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function log(dir: string): string {
  const file = join(dir, 'dovecot.log');
  return existsSync(file) ? `\n${readFileSync(file, 'utf8').slice(-2000)}` : '';
}

async function waitForPort(port: number, dir: string): Promise<void> {
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`dovecot did not listen on ${port} within 10 s${log(dir)}`);
}
