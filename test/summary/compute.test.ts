import { describe, expect, test } from 'vitest';
import { errorMeaning } from '../../src/core/summary/error-codes.js';
import { computeSummary } from '../../src/core/summary/index.js';
import { countStages, stageOf } from '../../src/core/summary/stages.js';
import { categorized, contact, NOW, received, SINCE, sampleDay, sent, status } from './fixtures.js';

describe('computeSummary on a sample day', () => {
  const { contacts, messages } = sampleDay();
  const s = computeSummary({
    now: NOW,
    since: SINCE,
    contacts,
    messages,
    runErrors: ['Twilio was slow at 03:00'],
  });

  test('the window and the delivery numbers', () => {
    expect(s.since).toBe('2026-11-30T17:00:00Z');
    expect(s.until).toBe('2026-12-01T17:00:00Z');
    expect([s.sent, s.segments, s.delivered, s.failed]).toEqual([5, 6, 2, 3]);
    expect(s.failures).toEqual([
      { code: '21610', meaning: 'recipient unsubscribed (replied STOP)', count: 1 },
      { code: '30003', meaning: 'unreachable handset (off, or out of coverage)', count: 1 },
      { code: '30006', meaning: 'landline or unreachable carrier', count: 1 },
    ]);
  });

  test('replies by category, the uncategorized ones too, none after now', () => {
    expect(s.replies).toBe(6);
    expect(Object.fromEntries(s.repliesByCategory.map((c) => [c.category, c.count]))).toEqual({
      interested: 1,
      morning: 1,
      question: 1,
      opt_out: 1,
      other: 1,
      uncategorized: 1,
    });
  });

  test('hot leads: replied interested or a funnel answer, or moved to hot today; newest first', () => {
    expect(s.hotLeads.map((l) => [l.name, l.phone, l.words, l.when, l.why])).toEqual([
      ['Bob Ray', '+15550000002', 'Mornings are best', '2026-12-01T11:59:00Z', 'outcome hot'],
      [
        'Ann Lee',
        '+15550000001',
        'Yes! <script>alert(1)</script> & call me',
        '2026-12-01T10:00:00Z',
        'replied interested',
      ],
    ]);
  });

  test('replies that need a person: questions, unknown senders', () => {
    expect(s.needsHuman.map((h) => [h.name, h.phone, h.words, h.category])).toEqual([
      ['(unknown number)', '+15559990000', 'who is this?', 'other'],
      ['Cy', '+15550000003', 'How much does it cost?', 'question'],
    ]);
  });

  test('each reply that needs a person says how long it has waited at the summary', () => {
    for (const h of s.needsHuman) expect(h.waitedMs, h.name).toBe(NOW.getTime() - Date.parse(h.when));
    expect(s.needsHuman.every((h) => h.waitedMs > 0)).toBe(true);
  });

  test('new opt-outs, the funnel, the errors', () => {
    expect(s.optOuts.map((o) => [o.name, o.at])).toEqual([['Di Doe', '2026-12-01T08:00:00Z']]);
    expect(s.funnel.map((f) => [f.label, f.kind, f.count])).toEqual([
      ['Intro', 'step', 1],
      ['Ask time', 'step', 1],
      ['Hot', 'outcome', 2],
      ['Needs human', 'outcome', 1],
      ['Opted out', 'outcome', 1],
    ]);
    expect(s.errors).toEqual([
      { who: 'First5 Doe (5)', message: 'phone "555" is not a number: fix the phone column' },
      { who: 'run', message: 'Twilio was slow at 03:00' },
    ]);
  });
});

describe('the window is (since, now]', () => {
  test.each([
    ['2026-11-30T16:59:59Z', 0, 'before since'],
    ['2026-11-30T17:00:00Z', 0, 'exactly at since: the last summary had it'],
    ['2026-11-30T17:00:01Z', 1, 'just after since'],
    ['2026-12-01T17:00:00Z', 1, 'exactly now'],
    ['2026-12-01T17:00:01Z', 0, 'after now'],
    ['', 0, 'no time at all'],
  ])('a message logged at %s counts %i (%s)', (at, count) => {
    const s = computeSummary({
      now: NOW,
      since: SINCE,
      contacts: [contact('1')],
      messages: [sent('SM1', '1', at)],
    });
    expect(s.sent).toBe(count);
  });

  test('without a previous summary, the last 24 hours', () => {
    const messages = [sent('SM1', '1', '2026-11-30T16:59:00Z'), sent('SM2', '1', '2026-11-30T17:01:00Z')];
    const s = computeSummary({ now: NOW, contacts: [], messages });
    expect([s.since, s.sent]).toEqual(['2026-11-30T17:00:00Z', 1]);
  });

  test('a reply received before the window but categorized in it is not counted again', () => {
    const messages = [
      received('IN1', '1', '2026-11-30T16:00:00Z', 'yes'),
      categorized('IN1', '2026-11-30T18:00:00Z', 'interested'),
    ];
    const s = computeSummary({ now: NOW, since: SINCE, contacts: [contact('1')], messages });
    expect([s.replies, s.hotLeads.length]).toEqual([0, 0]);
  });
});

describe('who is a hot lead', () => {
  test.each([
    ['interested', 'intro', '', 1],
    ['morning', 'ask_time', '', 1],
    ['afternoon', 'ask_time', '', 1],
    ['later', 'later', '', 0],
    ['not_interested', 'cold', '', 0],
    ['interested', 'opted_out', '2026-12-01T12:00:00Z', 0],
    ['interested', 'opted_out.intro', '', 0],
    ['', 'intro', '', 0],
  ])('replied %s, now in %s, opted out at "%s": %i lead(s)', (category, state, optedOutAt, n) => {
    const messages = [received('IN1', '1', '2026-12-01T10:00:00Z', 'x')];
    if (category !== '') messages.push(categorized('IN1', '2026-12-01T10:00:01Z', category));
    const contacts = [contact('1', { state, opted_out_at: optedOutAt })];
    expect(computeSummary({ now: NOW, since: SINCE, contacts, messages }).hotLeads).toHaveLength(n);
  });

  test('a lead is listed once with their last words, even after several replies', () => {
    const messages = [
      received('IN1', '1', '2026-12-01T10:00:00Z', 'yes'),
      categorized('IN1', '2026-12-01T10:00:01Z', 'interested'),
      received('IN2', '1', '2026-12-01T11:00:00Z', 'mornings please'),
      categorized('IN2', '2026-12-01T11:00:01Z', 'morning'),
    ];
    const s = computeSummary({
      now: NOW,
      since: SINCE,
      contacts: [contact('1', { state: 'hot', updated_at: '2026-12-01T11:00:01Z' })],
      messages,
    });
    expect(s.hotLeads.map((l) => [l.words, l.when])).toEqual([['mornings please', '2026-12-01T11:00:00Z']]);
  });
});

describe('delivery', () => {
  test('the latest status of a message wins, once per message', () => {
    const messages = [
      sent('SM1', '1', '2026-12-01T10:00:00Z'),
      status('SM1', '2026-12-01T10:01:00Z', 'sent'),
      status('SM1', '2026-12-01T10:02:00Z', 'undelivered', '30007'),
      status('SM1', '2026-12-01T10:03:00Z', 'undelivered', '30007'),
    ];
    const s = computeSummary({ now: NOW, since: SINCE, contacts: [], messages });
    expect([s.sent, s.delivered, s.failed]).toEqual([1, 0, 1]);
    expect(s.failures).toEqual([{ code: '30007', meaning: 'filtered by the carrier as spam', count: 1 }]);
  });

  test.each([
    ['30003', 'unreachable'],
    ['30004', 'blocked'],
    ['30005', 'unknown number'],
    ['30006', 'landline'],
    ['30007', 'spam'],
    ['21610', 'unsubscribed'],
    ['21211', 'invalid phone number'],
    ['39999', 'https://www.twilio.com/docs/errors/39999'],
    ['', 'no error code'],
  ])('error %s means %s', (code, meaning) => {
    expect(errorMeaning(code)).toContain(meaning);
  });
});

describe('funnel stages', () => {
  test.each([
    ['intro', ['intro', 'opted_out'], 'intro'],
    ['opted_out.follow_up', ['intro', 'opted_out'], 'opted_out'],
    ['owed.interested', ['owed', 'owed.interested'], 'owed.interested'],
    ['mystery', ['intro'], 'mystery'],
  ])('state %s among %o is stage %s', (state, names, stage) => {
    expect(stageOf(state, names)).toBe(stage);
  });

  test('the caller orders the stages and names them; empty ones show; unknown states are not lost', () => {
    const stages = [
      { name: 'intro', label: 'First text', kind: 'step' as const },
      { name: 'nudge', kind: 'step' as const },
      { name: 'won', label: 'Won', kind: 'outcome' as const },
    ];
    expect(countStages(['won', 'intro', 'intro', 'legacy_step'], stages)).toEqual([
      { name: 'intro', label: 'First text', kind: 'step', count: 2 },
      { name: 'nudge', label: 'Nudge', kind: 'step', count: 0 },
      { name: 'legacy_step', label: 'Legacy step', kind: 'step', count: 1 },
      { name: 'won', label: 'Won', kind: 'outcome', count: 1 },
    ]);
  });
});
