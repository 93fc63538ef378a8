#!/usr/bin/env node
// `npx nurture …`: run the CLI on the project's own Node 24 (node_modules/.bin/node),
// whatever Node started this shim; Node 24 runs the TypeScript sources directly.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const localNode = join(root, 'node_modules', '.bin', 'node');
const node = existsSync(localNode) ? localNode : process.execPath;
const r = spawnSync(node, [join(root, 'src', 'cli', 'nurture.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
