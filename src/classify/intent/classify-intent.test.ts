import { describe, expect, it } from 'vitest';
import { classifyIntent } from './classify-intent.ts';
import { buildOrgAdapter } from './org-adapter.ts';

// These run against the shipped model (corpus/intent/model.json).
const at = { sentAt: new Date('2026-03-10T09:15:00+01:00'), utcOffsetMinutes: 60 };

describe('classifyIntent', () => {
  it('a meeting with its day and time, in the reply’s calendar', () => {
    const r = classifyIntent('Thursday at 3 works for me.', at);
    expect(r.intent).toBe('meeting');
    expect(r.meeting).toEqual({ date: '2026-03-12', time: '15:00' });
    expect(r.language).toBe('en');
    expect(r.evidence).toContain('date: "Thursday at 3"');
  });

  it('a check-in date for connect_later', () => {
    const r = classifyIntent('Not right now. Please reach out again in June.', at);
    expect(r.intent).toBe('connect_later');
    expect(r.connectLaterDate).toBe('2026-06-01');
    expect(r.meeting).toBeNull();
  });

  it('a bare removal request is stop with high confidence', () => {
    for (const text of ['unsubscribe', 'Abmelden.', 'STOP']) {
      const r = classifyIntent(text, at);
      expect(r.intent).toBe('stop');
      expect(r.confidence).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('"do not unsubscribe me" is not stop', () => {
    expect(classifyIntent("Don't unsubscribe me! I'm interested, send the deck.", at).intent).not.toBe(
      'stop',
    );
  });

  it('evidence quotes the reply as written', () => {
    const text = 'Hallo, ich bin nicht mehr bei der Firma. Wenden Sie sich an Frau Schulz.';
    const r = classifyIntent(text, at);
    expect(r.intent).toBe('wrong_person');
    const phrases = r.evidence.filter((e) => !e.startsWith('rule:') && !e.includes(': "'));
    expect(phrases.length).toBeGreaterThanOrEqual(1);
    expect(phrases.length).toBeLessThanOrEqual(4);
    for (const p of phrases) expect(text).toContain(p);
  });

  it('an empty reply is other with no confidence', () => {
    expect(classifyIntent('  ', at)).toMatchObject({ intent: 'other', confidence: 0 });
  });

  it('an org correction applies to near-duplicates, and is gone when removed', () => {
    const text = 'Thanks, will have a look.';
    const corrected = buildOrgAdapter([{ text, intent: 'info_request' }]);
    const r = classifyIntent('thanks, will have a look', { ...at, orgAdapter: corrected });
    expect(r.intent).toBe('info_request');
    expect(r.evidence[0]).toMatch(/^org correction/);
    const undone = buildOrgAdapter([]);
    expect(classifyIntent('thanks, will have a look', { ...at, orgAdapter: undone })).toEqual(
      classifyIntent('thanks, will have a look', at),
    );
  });
});
