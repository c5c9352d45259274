import { describe, expect, test } from 'vitest';
import type { StepConversion } from '../../src/core/summary/conversion.js';
import {
  changeNote,
  metricSentence,
  percent,
  stepSentence,
  todaySentence,
} from '../../src/core/summary/trend-words.js';
import type { DayCounts, Trends } from '../../src/core/summary/trends.js';

const zero: DayCounts = { sent: 0, delivered: 0, failed: 0, replies: 0, interested: 0, optOuts: 0 };
/** a week whose replies are the given numbers, oldest first */
function week(replies: number[]): Trends {
  return {
    days: replies.map((r, i) => ({ ...zero, replies: r, date: `2026-11-${24 + i}`, weekday: 'Mon' })),
    today: { ...zero, replies: 2, date: '2026-12-01', weekday: 'Tue', until: '2026-12-01T13:30:00Z' },
    sameTimeYesterday: { ...zero, replies: 1 },
    from: '2026-11-24T06:00:00Z',
    steps: [],
  };
}

describe('what a change may honestly be called', () => {
  test.each([
    [1, 2, ' (too few to call it a trend)'],
    [4, 0, ' (too few to call it a trend)'],
    [9, 14, ' (a swing this size is common by chance)'],
    [100, 110, ' (a swing this size is common by chance)'],
    [10, 40, ''], // beyond chance, but 10 is too few to put a percentage on
    [40, 80, ' (+100%)'],
    [200, 150, ' (-25%)'],
    [7, 7, ''],
  ])('%i → %i: "%s"', (before, after, note) => {
    expect(changeNote(before, after)).toBe(note);
  });
});

describe('the seven days in words', () => {
  test('yesterday against the day before, and the average', () => {
    expect(metricSentence(week([10, 12, 8, 11, 13, 9, 14]), 'replies')).toBe(
      'Replies rose from 9 the day before to 14 yesterday (a swing this size is common by chance); the 7-day average is 11 a day.',
    );
    expect(metricSentence(week([0, 0, 0, 0, 0, 1, 2]), 'replies')).toBe(
      'Replies rose from 1 the day before to 2 yesterday (too few to call it a trend); the 7-day average is 0.4 a day.',
    );
    expect(metricSentence(week([50, 60, 55, 70, 65, 120, 60]), 'replies')).toBe(
      'Replies fell from 120 the day before to 60 yesterday (-50%); the 7-day average is 69 a day.',
    );
    expect(metricSentence(week([3, 3, 3, 3, 3, 3, 3]), 'replies')).toBe(
      'Replies: 3 yesterday, the same as the day before; the 7-day average is 3 a day.',
    );
    expect(metricSentence(week([0, 0, 0, 0, 0, 0, 0]), 'optOuts')).toBe('Opt-outs: none in the last 7 days.');
    expect(metricSentence(week([4, 0, 3, 0, 0, 0, 0]), 'replies')).toBe(
      'Replies: none yesterday nor the day before; the 7-day average is 1 a day.',
    );
  });

  test('today so far is compared with yesterday up to the same time, in the team zone', () => {
    expect(todaySentence(week([1, 1, 1, 1, 1, 1, 1]), 'America/Chicago')).toBe(
      'Today so far (to 07:30 CST): 0 sent, 0 delivered, 2 replies, 0 interested, 0 opt-outs, 0 failures; ' +
        'by the same time yesterday: 0 sent, 0 delivered, 1 reply, 0 interested, 0 opt-outs, 0 failures.',
    );
  });

  test.each([
    [0, 0, '–'],
    [0, 40, '0%'],
    [1, 149, '<1%'],
    [28, 149, '19%'],
  ])('%i of %i is %s', (n, of, text) => {
    expect(percent(n, of)).toBe(text);
  });
});

describe('which step converts best, only as surely as the numbers say', () => {
  const step = (label: string, reached: number, replied: number): StepConversion => ({
    step: label.toLowerCase(),
    label,
    reached,
    replied,
    interested: 0,
    optedOut: 0,
  });
  test.each([
    [[], 'No step of the funnel went out in the last 7 days.'],
    [
      [step('Intro', 12, 6), step('Follow up', 8, 1)],
      'Too few contacts reached to compare steps yet (fewer than 20 per step in the last 7 days).',
    ],
    [[step('Intro', 120, 22)], 'Intro: 18% of the 120 reached replied.'],
    [
      [step('Intro', 120, 22), step('Follow up', 5, 4)],
      'Intro: 18% of the 120 reached replied; the other steps reached fewer than 20, too few to compare.',
    ],
    [
      [step('Intro', 400, 30), step('Follow up', 300, 54)],
      'Follow up converts best: 18% of the 300 reached replied, against 8% for Intro.',
    ],
    [
      [step('Intro', 60, 12), step('Follow up', 40, 7)],
      'Intro and Follow up get replies about as often (20% and 18% of those reached); the difference could be chance.',
    ],
  ])('%j', (steps, sentence) => {
    expect(stepSentence(steps as StepConversion[])).toBe(sentence);
  });
});
