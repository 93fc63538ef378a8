/**
 * A few messages that take the classifier down each of its paths (meeting
 * reply, check-in later, out of office, a multi-line SMTP bounce), so that the
 * patterns it builds per call are built at least once under observation.
 */
import { classifyMessage } from '../../src/classify/classify-message.ts';
import { deliveryReport, replyTo } from './mail-builders.ts';

const original = { messageId: '<m1@nurture.test>', subject: 'Hello', fromAddress: 'alex@nurture.test' };
const date = new Date('2026-12-01T10:00:00Z');

export async function exerciseClassifier(): Promise<void> {
  const messages = [
    await replyTo(
      original,
      'sam@lead.test',
      'Yes, interested! Could we meet next Tuesday at 3pm or on 12 December around half past ten? Or Thursday at 15.00?',
      {
        date,
        quoted: '> Would a call next week be useful?',
      },
    ),
    await replyTo(
      original,
      'sam@lead.test',
      'Not now. Please check in with me after Christmas, in about 3 months, tomorrow is busy.',
      { date },
    ),
    await replyTo(
      original,
      'sam@lead.test',
      'Ich bin bis zum 15. Dezember nicht im Büro und ab Montag, den 16. wieder erreichbar.',
      {
        date,
        headers: { 'Auto-Submitted': 'auto-replied' },
      },
    ),
    deliveryReport(
      original,
      'sam@lead.test',
      '5.7.1',
      '550-5.7.1 The user you are trying to contact is receiving mail at a rate that\n 550-5.7.1 prevents additional messages from being delivered.',
    ),
  ];
  for (const raw of messages) await classifyMessage(raw, { now: date });
}
