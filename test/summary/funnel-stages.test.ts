import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { compileFunnel, validateFunnel } from '../../src/core/funnel/index.js';
import { funnelStages, REPLY_OWED, stageName } from '../../src/core/summary/funnel-stages.js';

const raw = parse(readFileSync(new URL('../../funnel.example.yaml', import.meta.url), 'utf8')) as unknown;
const { funnel } = validateFunnel(raw);
if (funnel === undefined) throw new Error('the example funnel must be valid');
const compiled = compileFunnel(funnel);

describe('the summary shows contacts under their funnel stage', () => {
  test.each([
    ['start', 'start'],
    ['intro', 'intro'],
    ['follow_up', 'follow_up'],
    ['owed.interested', REPLY_OWED],
    ['help.intro@2026-12-03T15:00:00Z', 'intro'],
    ['done.hot', 'hot'],
    ['done.no_response', 'no_response'],
    ['opted_out.follow_up', 'opted_out'],
    ['not.a.state', 'not.a.state'],
  ])('%s → %s', (state, stage) => {
    expect(stageName(compiled, state)).toBe(stage);
  });

  test('stages in travel order: enrolled, the sequence, side steps, then outcomes, opted out last', () => {
    const names = funnelStages(funnel).map((s) => s.name);
    expect(names.slice(0, 5)).toEqual(['start', 'intro', 'follow_up', 'last_try', 'ask_time']);
    expect(names).toContain('hot');
    expect(names).toContain('no_response');
    expect(names.at(-1)).toBe('opted_out');
  });
});
