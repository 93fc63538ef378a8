import { runEntry } from './app/run-entry.ts';

// npm start: the HTTP server (with the sandbox) and the worker in one process.
await runEntry({ http: true, worker: true });
