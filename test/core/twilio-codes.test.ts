/** The one table of Twilio codes by scope (src/core/twilio-codes.ts), and delivery results read through it. */
import { describe, expect, test } from 'vitest';
import { deliveryVerdict } from '../../src/core/delivery.js';
import { codeMeaning, TWILIO_CODES } from '../../src/core/twilio-codes.js';

describe('Twilio codes by scope', () => {
  test.each([
    [21610, 'contact', 'opted_out'],
    [21211, 'contact', 'unusable'],
    [21614, 'contact', 'unusable'],
    [30005, 'contact', 'unusable'],
    [30006, 'contact', 'unusable'],
    [21408, 'contact', 'country_blocked'],
    [30003, 'contact', 'retry_once'],
    [30004, 'contact', 'person'],
    [30007, 'contact', 'person'],
    [21606, 'sender', undefined],
    [21705, 'sender', undefined],
    [30024, 'sender', undefined],
    [30032, 'sender', undefined],
    [30034, 'sender', undefined],
    [21608, 'account', undefined],
    [30002, 'account', undefined],
    [21611, 'busy', undefined],
    [30001, 'busy', undefined],
    [30023, 'busy', undefined],
  ])('%i: %s %s', (code, scope, effect) => {
    expect(codeMeaning(code)).toMatchObject({ code, scope, ...(effect === undefined ? {} : { effect }) });
  });

  test('an unknown code is about the contact and only flags it for a person', () => {
    expect(codeMeaning(21999)).toMatchObject({ scope: 'contact', effect: 'person' });
    expect(codeMeaning(30999).meaning).toContain('https://www.twilio.com/docs/errors/30999');
  });

  test('each code once, each with a meaning and a fix; busy codes end by themselves', () => {
    expect(new Set(TWILIO_CODES.map((c) => c.code)).size).toBe(TWILIO_CODES.length);
    for (const c of TWILIO_CODES) {
      expect(c.meaning.length, String(c.code)).toBeGreaterThan(5);
      expect(c.fix.length, String(c.code)).toBeGreaterThan(5);
      expect(c.scope === 'contact', String(c.code)).toBe(c.effect !== undefined);
      expect(c.scope === 'busy', String(c.code)).toBe(c.holdMs !== undefined);
    }
  });
});

describe('delivery results through the table', () => {
  test.each([
    ['delivered', '', false, { kind: 'fine' }],
    ['undelivered', '30003', false, { kind: 'retry_once' }],
    ['undelivered', '30003', true, { kind: 'contact', effect: 'person' }],
    ['failed', '21610', false, { kind: 'contact', effect: 'opted_out' }],
    ['failed', '30005', false, { kind: 'contact', effect: 'unusable' }],
    ['failed', '30034', false, { kind: 'stop', meaning: { scope: 'sender' } }],
    ['failed', '30002', false, { kind: 'stop', meaning: { scope: 'account' } }],
    ['failed', '30001', false, { kind: 'stop', meaning: { scope: 'busy' } }],
    ['failed', '', false, { kind: 'contact', effect: 'person' }],
    ['failed', '39999', false, { kind: 'contact', effect: 'person' }],
  ] as const)('%s %s (retry %s)', (status, code, isRetry, expected) => {
    expect(deliveryVerdict(status, code, isRetry)).toMatchObject(expected);
  });
});
