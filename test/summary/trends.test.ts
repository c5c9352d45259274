import { describe, expect, test } from 'vitest';
import { computeTrends } from '../../src/core/summary/trends.js';
import { categorized, contact, received, sent, status } from './fixtures.js';

// Tue 1 Dec 2026, 07:30 in Chicago (CST, UTC-6): the README's cron time.
const NOW = new Date('2026-12-01T13:30:00Z');
const ZONE = 'America/Chicago';
const day = (t: ReturnType<typeof computeTrends>, date: string) => t.days.find((d) => d.date === date);

describe('computeTrends: the last seven days', () => {
  test('seven whole days in the team zone end yesterday; today so far stands apart', () => {
    const t = computeTrends({ now: NOW, timeZone: ZONE, contacts: [], messages: [] });
    expect(t.days.map((d) => `${d.weekday} ${d.date}`)).toEqual([
      'Tue 2026-11-24',
      'Wed 2026-11-25',
      'Thu 2026-11-26',
      'Fri 2026-11-27',
      'Sat 2026-11-28',
      'Sun 2026-11-29',
      'Mon 2026-11-30',
    ]);
    expect(t.today.date).toBe('2026-12-01');
    expect(t.from).toBe('2026-11-24T06:00:00Z'); // local midnight, not UTC's
  });

  test('a text counts on its local day, and its delivery result on the same day, whenever that was logged', () => {
    const messages = [
      sent('SM1', '1', '2026-11-30T05:00:00Z'), // Sun 29, 23:00 CST
      status('SM1', '2026-11-30T06:10:00Z', 'delivered'), // logged on Mon
      sent('SM2', '1', '2026-11-30T15:00:00Z'), // Mon 30, 09:00 CST
      status('SM2', '2026-11-30T15:05:00Z', 'undelivered', '30003'),
      sent('', '2', '2026-11-30T15:01:00Z', { status: 'failed', error_code: '21610' }), // refused at once
      sent('SM3', '1', '2026-11-23T15:00:00Z'), // before the seven days
    ];
    const t = computeTrends({ now: NOW, timeZone: ZONE, contacts: [], messages });
    expect(day(t, '2026-11-29')).toMatchObject({ sent: 1, delivered: 1, failed: 0 });
    expect(day(t, '2026-11-30')).toMatchObject({ sent: 2, delivered: 0, failed: 2 });
    expect(t.days.reduce((n, d) => n + d.sent, 0)).toBe(3);
  });

  test('a reply counts on the day its contact wrote it, even when a late poll logged it the next day', () => {
    const messages = [
      { ...received('IN1', '1', '2026-12-01T06:00:00Z', 'yes'), date_sent: '2026-11-30T20:00:00Z' },
      categorized('IN1', '2026-12-01T06:00:05Z', 'interested'),
    ];
    const t = computeTrends({ now: NOW, timeZone: ZONE, contacts: [], messages });
    expect(day(t, '2026-11-30')).toMatchObject({ replies: 1, interested: 1 });
    expect(t.today.replies).toBe(0);
  });

  test('interested counts people: two keen replies from one contact on one day are one', () => {
    const messages = [
      received('IN1', '1', '2026-11-30T15:00:00Z', 'yes'),
      categorized('IN1', '2026-11-30T15:00:05Z', 'interested'),
      received('IN2', '1', '2026-11-30T16:00:00Z', 'mornings'),
      categorized('IN2', '2026-11-30T16:00:05Z', 'morning'), // a funnel's own answer counts as interested
      received('IN3', '2', '2026-11-30T16:00:00Z', 'no'),
      categorized('IN3', '2026-11-30T16:00:05Z', 'not_interested'),
    ];
    const t = computeTrends({ now: NOW, timeZone: ZONE, contacts: [], messages });
    expect(day(t, '2026-11-30')).toMatchObject({ replies: 3, interested: 1 });
  });

  test('opt-outs come from contacts.csv; today is compared with yesterday up to the same time', () => {
    const contacts = [
      contact('1', { opted_out_at: '2026-11-30T13:00:00Z' }), // Mon 07:00, before 07:30
      contact('2', { opted_out_at: '2026-11-30T14:00:00Z' }), // Mon 08:00, after
      contact('3', { opted_out_at: '2026-12-01T12:00:00Z' }), // today 06:00
      contact('4', { opted_out_at: '2026-12-01T14:00:00Z' }), // after now
    ];
    const t = computeTrends({ now: NOW, timeZone: ZONE, contacts, messages: [] });
    expect(day(t, '2026-11-30')?.optOuts).toBe(2);
    expect(t.sameTimeYesterday.optOuts).toBe(1);
    expect(t.today.optOuts).toBe(1);
  });

  test('a day that has 25 hours (DST ends 1 Nov 2026 in Chicago) keeps its last hour', () => {
    const now = new Date('2026-11-03T13:30:00Z');
    const messages = [sent('SM1', '1', '2026-11-02T05:30:00Z')]; // Sun 1 Nov 23:30 CST
    const t = computeTrends({ now, timeZone: ZONE, contacts: [], messages });
    expect(day(t, '2026-11-01')?.sent).toBe(1);
    expect(day(t, '2026-11-02')?.sent).toBe(0);
  });

  test('without a zone the days are UTC days', () => {
    const t = computeTrends({ now: NOW, contacts: [], messages: [sent('SM1', '1', '2026-11-30T05:00:00Z')] });
    expect(day(t, '2026-11-30')?.sent).toBe(1);
  });
});

describe('computeTrends: how each step converts', () => {
  const stages = [
    { name: 'start', label: 'Enrolled', kind: 'step' as const },
    { name: 'intro', label: 'First text', kind: 'step' as const },
    { name: 'follow_up', kind: 'step' as const },
    { name: 'hot', kind: 'outcome' as const },
  ];
  const messages = [
    sent('SM1', '1', '2026-11-25T15:00:00Z', { step: 'intro' }),
    sent('SM2', '2', '2026-11-25T15:01:00Z', { step: 'intro' }),
    sent('SM3', '3', '2026-11-25T15:02:00Z', { step: 'intro' }),
    status('SM3', '2026-11-25T15:05:00Z', 'undelivered', '30003'), // never reached
    received('IN1', '1', '2026-11-25T16:00:00Z', 'yes'),
    categorized('IN1', '2026-11-25T16:00:05Z', 'interested'),
    sent('SM4', '1', '2026-11-25T16:10:00Z', { step: 'route:interested' }), // a route's answer, not a step
    received('IN2', '1', '2026-11-25T17:00:00Z', 'STOP'), // after the route's text: not intro's
    categorized('IN2', '2026-11-25T17:00:05Z', 'opt_out'),
    sent('SM5', '2', '2026-11-27T15:00:00Z', { step: 'follow_up' }),
    received('IN3', '2', '2026-11-27T18:00:00Z', 'stop texting me'),
    categorized('IN3', '2026-11-27T18:00:05Z', 'opt_out'),
  ];
  const contacts = [contact('1'), contact('2', { opted_out_at: '2026-11-27T18:00:00Z' }), contact('3')];

  test('a reply belongs to the last text before it; failed texts reach nobody; routes are not steps', () => {
    const t = computeTrends({ now: NOW, timeZone: ZONE, contacts, messages, stages });
    expect(t.steps).toEqual([
      { step: 'intro', label: 'First text', reached: 2, replied: 1, interested: 1, optedOut: 0 },
      { step: 'follow_up', label: 'Follow up', reached: 1, replied: 1, interested: 0, optedOut: 1 },
    ]);
  });

  test('without the funnel’s stages, any step id in the log is a step, named after it', () => {
    const t = computeTrends({ now: NOW, timeZone: ZONE, contacts, messages });
    expect(t.steps.map((s) => `${s.label}: ${s.reached}`)).toEqual(['Intro: 2', 'Follow up: 1']);
  });

  test('only texts sent in the seven days count', () => {
    const t = computeTrends({
      now: new Date('2026-12-10T13:30:00Z'),
      timeZone: ZONE,
      contacts,
      messages,
      stages,
    });
    expect(t.steps).toEqual([]);
  });
});
