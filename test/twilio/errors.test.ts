/** What each Twilio failure means for a send or a read (https://www.twilio.com/docs/errors/<code>). */
import { describe, expect, test } from 'vitest';
import { classify, parseRetryAfter } from '../../src/adapters/twilio/errors.js';

const rest = (status: number, code?: number) => ({
  status,
  code,
  message: 'Twilio says no',
  moreInfo: undefined,
});
const net = (code: string, message = 'boom') =>
  Object.assign(new Error(message), { code, isAxiosError: true });

describe('classify', () => {
  test.each([
    ['429 / 20429', rest(429, 20429), true, { kind: 'retry' }],
    ['500 on a create may have been carried out', rest(500, 20500), true, { kind: 'ambiguous' }],
    ['502 on a create may have been carried out', rest(502, 20502), true, { kind: 'ambiguous' }],
    ['500 on a read', rest(500, 20500), false, { kind: 'retry' }],
    ['503 on a create was turned away', rest(503, 20503), true, { kind: 'retry' }],
    ['503', rest(503, 20503), false, { kind: 'retry' }],
    ['401 / 20003', rest(401, 20003), true, { kind: 'auth' }],
    ['21610 opted out', rest(400, 21610), true, { kind: 'rejected', reason: 'opted_out', code: 21610 }],
    ['21211 invalid To', rest(400, 21211), true, { kind: 'rejected', reason: 'unusable' }],
    ['21614 not mobile', rest(400, 21614), true, { kind: 'rejected', reason: 'unusable' }],
    ['21612 unreachable', rest(400, 21612), true, { kind: 'rejected', reason: 'unusable' }],
    ['21408 region', rest(400, 21408), true, { kind: 'rejected', reason: 'country_blocked' }],
    ['21617 too long: a person looks', rest(400, 21617), true, { kind: 'rejected', reason: 'person' }],
    [
      'an unknown 21xxx is flagged for a person, never for good',
      rest(400, 21999),
      true,
      { kind: 'rejected', reason: 'person' },
    ],
    [
      '21606 bad From stops the run',
      rest(400, 21606),
      true,
      { kind: 'stopped', meaning: { scope: 'sender' } },
    ],
    [
      '21705 bad Messaging Service',
      rest(400, 21705),
      true,
      { kind: 'stopped', meaning: { scope: 'sender' } },
    ],
    ['21608 trial account', rest(400, 21608), true, { kind: 'stopped', meaning: { scope: 'account' } }],
    ['21611 queue full', rest(400, 21611), true, { kind: 'stopped', meaning: { scope: 'busy' } }],
    ['20404 on fetch', rest(404, 20404), false, { kind: 'not_found' }],
    ['400 / 20001 on a read', rest(400, 20001), false, { kind: 'fatal' }],
    ['a 21xxx on a read is not about a contact', rest(400, 21211), false, { kind: 'fatal' }],
    ['connection refused before sending', net('ECONNREFUSED'), true, { kind: 'retry' }],
    ['DNS failure', net('ENOTFOUND'), true, { kind: 'retry' }],
    [
      'reset after the request left: create',
      net('ECONNRESET', 'socket hang up'),
      true,
      { kind: 'ambiguous' },
    ],
    ['timeout: create', net('ECONNABORTED', 'timeout of 30000ms exceeded'), true, { kind: 'ambiguous' }],
    ['reset after the request left: read', net('ECONNRESET'), false, { kind: 'retry' }],
  ])('%s', (_name, error, create, expected) => {
    expect(classify(error, create)).toMatchObject(expected);
  });

  test('a rejection names the code and its page', () => {
    const f = classify(rest(400, 21610), true);
    expect(f).toMatchObject({ moreInfo: 'https://www.twilio.com/docs/errors/21610' });
    expect(f.kind === 'rejected' && f.message).toMatch(
      /21610.*https:\/\/www\.twilio\.com\/docs\/errors\/21610/,
    );
  });
});

describe('Retry-After (RFC 9110)', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  test.each([
    ['3', 3000],
    ['0', 0],
    ['Thu, 01 Jan 2026 00:00:05 GMT', 5000],
    ['', undefined],
    ['soon', undefined],
    [undefined, undefined],
  ])('%s -> %s ms', (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });
});
