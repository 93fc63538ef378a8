/**
 * Dev/holdout assignment for fixture items. SPLIT.csv (corpora README) is the
 * authority; items it does not list (talon HTML and signature cases, quotequail)
 * get a derived split, about 30 % holdout by SHA-1 of "source,item", so that
 * they too can be measured without having been tuned on.
 */

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Split = 'dev' | 'holdout';
export type SplitOf = (source: string, item: string) => { split: Split; derived: boolean };

const HOLDOUT_SHARE = 0.3;

export function derivedSplit(source: string, item: string): Split {
  const digest = createHash('sha1').update(`${source},${item}`).digest();
  return digest.readUInt32BE(0) / 2 ** 32 < HOLDOUT_SHARE ? 'holdout' : 'dev';
}

export function loadSplit(corporaDir: string): SplitOf {
  const table = new Map<string, Split>();
  const csv = readFileSync(join(corporaDir, 'SPLIT.csv'), 'utf8');
  for (const row of csv.split(/\r?\n/).slice(1)) {
    const [source, item, , split] = row.split(',');
    if (source && item && (split === 'dev' || split === 'holdout')) table.set(`${source},${item}`, split);
  }
  return (source, item) => {
    const listed = table.get(`${source},${item}`);
    return listed ? { split: listed, derived: false } : { split: derivedSplit(source, item), derived: true };
  };
}
