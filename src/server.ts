import { runEntry } from './app/run-entry.ts';

// The HTTP role alone (UI, API, sandbox SMTP). Run workers beside it on PostgreSQL.
await runEntry({ http: true, worker: false });
