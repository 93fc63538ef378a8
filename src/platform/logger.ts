import { redactForLog, redactText } from './log-redaction.ts';

/** A tiny structured logger: one line per event, level-filtered, pretty or JSON. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export type Logger = {
  debug(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
  child(bindings: Record<string, unknown>): Logger;
};

export function createLogger(
  level: LogLevel = 'info',
  format: 'pretty' | 'json' = 'pretty',
  bindings: Record<string, unknown> = {},
): Logger {
  const write = (l: LogLevel, msg: string, data?: Record<string, unknown>) => {
    if (rank[l] < rank[level]) return;
    // Errors become plain records, with bind parameters and echoed values taken out (no personal data).
    const rec = redactForLog({ ...bindings, ...data }) as Record<string, unknown>;
    msg = redactText(msg);
    const line =
      format === 'json'
        ? JSON.stringify({ time: new Date().toISOString(), level: l, msg, ...rec })
        : `${new Date().toISOString()} ${l.toUpperCase().padEnd(5)} ${msg}${Object.keys(rec).length ? ` ${JSON.stringify(rec)}` : ''}`;
    (l === 'error' || l === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);
  };
  return {
    debug: (m, d) => write('debug', m, d),
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
    child: (b) => createLogger(level, format, { ...bindings, ...b }),
  };
}
