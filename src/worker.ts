import { runEntry } from './app/run-entry.ts';

// The worker role alone: dispatch and inbound processing. Several may share one PostgreSQL.
await runEntry({ http: false, worker: true });
