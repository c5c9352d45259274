import { describe, expect, test } from 'vitest';
import { evaluate, explain, formatConfusion } from '../../src/core/categorize/index.js';

const rows = [
  { body: 'STOP', category: 'opt_out' },
  { body: 'yes', category: 'interested' },
  { body: 'Y', category: 'interested' },
  // labeled opt-out but sorted as later: the one mistake the report must shout about
  { body: 'maybe', category: 'opt_out' },
];

describe('evaluate', () => {
  test('counts, accuracy, per-row results, confusion and missed opt-outs', () => {
    const evaluation = evaluate(rows);
    expect(evaluation).toMatchObject({ total: 4, correct: 3, accuracy: 0.75, missedOptOuts: ['maybe'] });
    expect(evaluation.rows[3]).toEqual({ body: 'maybe', expected: 'opt_out', got: 'later' });
    expect(evaluation.confusion).toEqual({
      opt_out: { opt_out: 1, later: 1 },
      interested: { interested: 2 },
    });
  });

  test('a false opt-out is listed apart from the missed ones', () => {
    const evaluation = evaluate([{ body: 'stop texting me', category: 'not_interested' }]);
    expect(evaluation.falseOptOuts).toEqual(['stop texting me']);
    expect(evaluation.missedOptOuts).toEqual([]);
  });

  test('no rows is accuracy 0, not NaN', () => {
    expect(evaluate([]).accuracy).toBe(0);
  });

  test('custom categories are evaluated with the options given', () => {
    const custom = [{ name: 'morning', words: ['morning'], phrases: [] }];
    const evaluation = evaluate([{ body: 'mornings', category: 'morning' }], {
      custom,
      expecting: ['morning'],
    });
    expect(evaluation.correct).toBe(1);
  });
});

describe('formatConfusion', () => {
  const text = formatConfusion(evaluate(rows));
  const lines = text.split('\n');

  test('starts with the accuracy line', () => {
    expect(lines[0]).toBe('accuracy 75.0% (3/4), missed opt-outs: 1');
  });

  test('a table of expected rows and got columns in precedence order, aligned', () => {
    expect(lines[1]).toMatch(/^expected \\ got\s+opt_out\s+interested\s+later$/);
    expect(lines[2]).toMatch(/^opt_out\s+1\s+\.\s+1$/);
    expect(lines[3]).toMatch(/^interested\s+\.\s+2\s+\.$/);
    const table = lines.slice(1, 4);
    expect(new Set(table.map((line) => line.length)).size).toBe(1);
    // each count sits right under the end of its column's name
    const header = table[0] ?? '';
    expect(header.indexOf('later') + 'later'.length).toBe((table[1] ?? '').length);
  });

  test('lists every missed opt-out by its text', () => {
    expect(lines.at(-1)).toBe('MISSED OPT-OUT: "maybe"');
  });
});

describe('explain', () => {
  test('shows the normalised text, the typo corrected, the category, the rule and the words', () => {
    expect(explain('Very intrested!! 👍🏽').split('\n')).toEqual([
      'reply:      "Very intrested!! 👍🏽"',
      'normalised: "very interested emojiyes"',
      'typos:      intrested -> interested',
      'language:   en',
      'category:   interested',
      'rule:       interested.yes',
      'because:    Says yes: "👍".',
    ]);
  });

  test('says when a person should look', () => {
    expect(explain('hmm')).toContain('category:   other (not confident: a person should look)');
  });

  test('quotes the words as sent, not squeezed', () => {
    expect(explain('Don’t text me anymore')).toContain(
      'because:    Asks not to be contacted: "do not text me".',
    );
    const lines = explain("I'll pass, we're good").split('\n');
    expect(lines).toContain('normalised: "i will pass were good"');
    expect(lines).toContain('matched on: "i wil pas were god"');
    expect(lines).toContain('because:    Says they are all set: "i will pass".');
  });
});
