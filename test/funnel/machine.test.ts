import { describe, expect, test } from 'vitest';
import {
  advance,
  describeState,
  expecting,
  isFinished,
  parseState,
  stepKey,
} from '../../src/core/funnel/index.js';
import { compiled } from './example.js';

const NOW = new Date('2026-03-02T15:00:00Z');
const at = (days: number) => new Date(NOW.getTime() + days * 86_400_000);
const DUE = { type: 'DUE' } as const;
const reply = (category: string) => ({ type: 'REPLY', category }) as const;

// [state, next_action_at, event, new state, send key, next action (days from now; null = none), outcome]
const cases: [
  string,
  string,
  { type: 'DUE' } | { type: 'REPLY'; category: string },
  string,
  string | undefined,
  number | null,
  string | undefined,
][] = [
  ['start', '', DUE, 'intro', 'intro', 2, undefined],
  ['', '', DUE, 'intro', 'intro', 2, undefined],
  ['intro', '2026-03-02T15:00:00Z', DUE, 'follow_up', 'follow_up', 3, undefined],
  ['follow_up', '2026-03-02T15:00:00Z', DUE, 'last_try', 'last_try', 2, undefined],
  ['last_try', '2026-03-02T15:00:00Z', DUE, 'done.no_response', undefined, null, 'no_response'],
  ['intro', '2026-03-02T15:00:00Z', reply('interested'), 'owed.interested', undefined, 0, undefined],
  ['owed.interested', '2026-03-02T15:00:00Z', DUE, 'ask_time', 'route:interested', 3, undefined],
  ['ask_time', '2026-03-05T15:00:00Z', reply('morning'), 'done.hot', undefined, null, 'hot'],
  ['ask_time', '2026-03-05T15:00:00Z', reply('afternoon'), 'done.hot', undefined, null, 'hot'],
  ['ask_time', '2026-03-02T15:00:00Z', DUE, 'done.hot', undefined, null, 'hot'],
  ['follow_up', '2026-03-04T15:00:00Z', reply('later'), 'owed.later', undefined, 30, undefined],
  ['owed.later', '2026-03-02T15:00:00Z', DUE, 'follow_up', 'follow_up', 3, undefined],
  ['intro', '', reply('not_interested'), 'owed.not_interested', undefined, 0, undefined],
  ['owed.not_interested', '2026-03-02T15:00:00Z', DUE, 'done.cold', 'route:not_interested', null, 'cold'],
  ['intro', '', reply('question'), 'done.needs_human', undefined, null, 'needs_human'],
  ['last_try', '', reply('wrong_number'), 'done.wrong_number', undefined, null, 'wrong_number'],
  ['follow_up', '2026-03-04T15:00:00Z', reply('opt_out'), 'opted_out.follow_up', undefined, null, undefined],
  ['opted_out.follow_up', '', reply('opt_in'), 'follow_up', undefined, 3, undefined],
  ['opted_out.follow_up', '', DUE, 'opted_out.follow_up', undefined, null, undefined],
  ['opted_out.follow_up', '', reply('interested'), 'opted_out.follow_up', undefined, null, undefined],
  ['done.hot', '', reply('opt_out'), 'opted_out.done.hot', undefined, null, undefined],
  ['opted_out.done.hot', '', reply('opt_in'), 'done.hot', undefined, null, undefined],
  ['done.hot', '', reply('not_interested'), 'done.hot', undefined, null, undefined],
  ['done.no_response', '', reply('interested'), 'owed.interested', undefined, 0, undefined],
  ['done.cold', '', reply('interested'), 'owed.interested', undefined, 0, undefined],
  ['done.needs_human', '', reply('interested'), 'done.needs_human', undefined, null, undefined],
  ['intro', '2026-03-04T15:00:00Z', reply('other'), 'intro', undefined, 2, undefined],
  ['intro', '2026-03-04T15:00:00Z', reply('morning'), 'intro', undefined, 2, undefined],
  // the wait has not run out: DUE does nothing
  ['intro', '2026-03-04T15:00:00Z', DUE, 'intro', undefined, 2, undefined],
  // help: owed now, then back to the step with the deadline it had (not a fresh wait)
  [
    'intro',
    '2026-03-04T15:00:00Z',
    reply('help'),
    'help.intro@2026-03-04T15:00:00Z',
    undefined,
    0,
    undefined,
  ],
  ['help.intro@2026-03-04T15:00:00Z', '2026-03-02T15:00:00Z', DUE, 'intro', 'help', 2, undefined],
  [
    'help.intro@2026-03-04T15:00:00Z',
    '2026-03-02T15:00:00Z',
    reply('help'),
    'help.intro@2026-03-04T15:00:00Z',
    undefined,
    0,
    undefined,
  ],
  [
    'help.intro@2026-03-04T15:00:00Z',
    '2026-03-02T15:00:00Z',
    reply('opt_out'),
    'opted_out.intro',
    undefined,
    null,
    undefined,
  ],
  [
    'help.intro@2026-03-04T15:00:00Z',
    '2026-03-02T15:00:00Z',
    reply('interested'),
    'owed.interested',
    undefined,
    0,
    undefined,
  ],
  [
    'owed.later',
    '2026-03-20T15:00:00Z',
    reply('help'),
    'help.owed.later@2026-03-20T15:00:00Z',
    undefined,
    0,
    undefined,
  ],
  ['help.owed.later@2026-03-20T15:00:00Z', '2026-03-02T15:00:00Z', DUE, 'owed.later', 'help', 18, undefined],
  ['done.hot', '', reply('help'), 'help.done.hot', undefined, 0, undefined],
  ['help.done.hot', '2026-03-02T15:00:00Z', DUE, 'done.hot', 'help', null, undefined],
  [
    'start',
    '2026-03-02T15:00:00Z',
    reply('help'),
    'help.start@2026-03-02T15:00:00Z',
    undefined,
    0,
    undefined,
  ],
  ['help.start@2026-03-02T15:00:00Z', '2026-03-02T15:00:00Z', DUE, 'start', 'help', 0, undefined],
  ['start', '', reply('opt_out'), 'opted_out.start', undefined, null, undefined],
  ['opted_out.start', '', reply('opt_in'), 'start', undefined, 0, undefined],
];

describe('advance on the example funnel', () => {
  test.each(cases)(
    '%s (next %s) + %j → %s, sends %s',
    (state, next, event, newState, sendKey, days, outcome) => {
      const d = advance(compiled, { state, next_action_at: next }, event, NOW);
      expect(d.error).toBeUndefined();
      expect(d.state).toBe(newState);
      expect(d.send?.key).toBe(sendKey);
      if (sendKey !== undefined) expect(d.send?.text).toBe(compiled.texts.get(sendKey));
      expect(d.nextActionAt?.toISOString() ?? null).toBe(days === null ? null : at(days).toISOString());
      expect(d.outcome).toBe(outcome);
    },
  );

  test('opt-out and opt-in are flagged for the contact row', () => {
    expect(advance(compiled, { state: 'intro' }, reply('opt_out'), NOW).optedOut).toBe(true);
    expect(advance(compiled, { state: 'opted_out.intro' }, reply('opt_in'), NOW).optedIn).toBe(true);
  });

  test('a state this funnel does not have is an error naming it; the contact is not moved', () => {
    const d = advance(compiled, { state: 'old_step', next_action_at: '2026-03-01T00:00:00Z' }, DUE, NOW);
    expect(d.changed).toBe(false);
    expect(d.state).toBe('old_step');
    expect(d.send).toBeUndefined();
    expect(d.error).toContain('"old_step"');
    expect(parseState(compiled, 'owed.banana')).toEqual({ error: expect.stringContaining('owed.banana') });
    expect(parseState(compiled, 'help.intro@yesterday')).toEqual({
      error: expect.stringContaining('not a time'),
    });
  });
});

describe('state helpers', () => {
  test.each([
    ['start', 'start', undefined, false, []],
    ['intro', 'waiting', 'intro', false, []],
    ['ask_time', 'waiting', 'ask_time', false, ['morning', 'afternoon']],
    ['help.ask_time@2026-03-05T15:00:00Z', 'help', 'ask_time', false, ['morning', 'afternoon']],
    ['owed.interested', 'owed', undefined, false, []],
    ['done.hot', 'done', undefined, true, []],
    ['opted_out.follow_up', 'opted_out', 'follow_up', true, []],
  ])('%s is %s (step %s, finished %s, expects %j)', (state, kind, step, finished, expects) => {
    const d = describeState(compiled, state);
    expect('error' in d ? d.error : d.kind).toBe(kind);
    expect(stepKey(compiled, state)).toBe(step);
    expect(isFinished(compiled, state)).toBe(finished);
    expect(expecting(compiled, state)).toEqual(expects);
  });
});
