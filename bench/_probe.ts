import { readdirSync, readFileSync } from 'node:fs';
import { classifyMessage } from '../src/classify/classify-message.ts';
import { simpleParser } from 'mailparser';
const dir = '/work/shared/corpora/sisimai/eml';
const files = readdirSync(dir).sort().map((f) => [f, readFileSync(`${dir}/${f}`)] as const);
for (let p = 0; p < 3; p++) {
  const times: [number, number, string][] = [];
  let cpu0 = process.cpuUsage(); const t0 = performance.now();
  for (const [f, raw] of files) { const s = performance.now(); const c0 = process.cpuUsage(); await classifyMessage(raw); times.push([performance.now() - s, process.cpuUsage(c0).user/1000, f]); }
  const wall = performance.now() - t0; const cpu = process.cpuUsage(cpu0);
  times.sort((a, b) => b[0] - a[0]);
  console.log('pass', p, 'wall', wall.toFixed(0), 'cpu', ((cpu.user+cpu.system)/1000).toFixed(0), times.slice(0, 6).map(t=>`${t[2]} ${t[0].toFixed(1)}/${t[1].toFixed(1)}`).join(' | '));
}
for (let p = 0; p < 3; p++) {
  const times: [number, number, string][] = [];
  let cpu0 = process.cpuUsage(); const t0 = performance.now();
  for (const [f, raw] of files) { const s = performance.now(); const c0 = process.cpuUsage(); await simpleParser(raw); times.push([performance.now() - s, process.cpuUsage(c0).user/1000, f]); }
  const wall = performance.now() - t0; const cpu = process.cpuUsage(cpu0);
  times.sort((a, b) => b[0] - a[0]);
  console.log('parse pass', p, 'wall', wall.toFixed(0), 'cpu', ((cpu.user+cpu.system)/1000).toFixed(0), times.slice(0, 6).map(t=>`${t[2]} ${t[0].toFixed(1)}/${t[1].toFixed(1)}`).join(' | '));
}
