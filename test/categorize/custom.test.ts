import { describe, expect, test } from 'vitest';
import { type CustomCategory, categorize } from '../../src/core/categorize/index.js';

/** The two categories a "when should we call?" step of a funnel file might define. */
const custom: CustomCategory[] = [
  { name: 'morning', words: ['morning', 'am', 'early'], phrases: [] },
  { name: 'afternoon', words: ['afternoon', 'pm', 'evening'], phrases: ['after lunch'] },
];
const expecting = ['morning', 'afternoon'];

type Case = [body: string, category: string];

describe('custom categories the step expects', () => {
  test.each<Case>([
    ['mornings are best', 'morning'],
    ['AM', 'morning'],
    ['am works', 'morning'],
    ['Before noon please', 'morning'],
    ['10am', 'morning'],
    ['at 9 if you can', 'morning'],
    ['Early', 'morning'],
    ['afternoon', 'afternoon'],
    ['after 2', 'afternoon'],
    ['PM', 'afternoon'],
    ['3:30 p.m.', 'afternoon'],
    ['evening', 'afternoon'],
    ['after lunch', 'afternoon'],
    ['Yes, afternoons', 'afternoon'],
    // "am" the verb is not the time of day
    ['I am free after 2', 'afternoon'],
    // a negated time does not count
    ['not in the morning, afternoon please', 'afternoon'],
    // opt-out and bare carrier keywords still win
    ['STOP', 'opt_out'],
    ['morning, but stop texting me', 'opt_out'],
    ['HELP', 'help'],
    // nothing the step asked for: the built-in categories decide
    ['no thanks', 'not_interested'],
    ['Who is this?', 'question'],
  ])('%j -> %s', (body, category) => {
    expect(categorize(body, { custom, expecting }).category).toBe(category);
  });

  test('names the custom rule and quotes the words that matched', () => {
    expect(categorize('Before noon please', { custom, expecting })).toEqual({
      category: 'morning',
      rule: 'custom.morning',
      reason: 'Matches the morning words the step expects: "before noon".',
      confident: true,
    });
  });

  test('two expected categories in one reply: the first named wins, not confident', () => {
    expect(categorize('morning or afternoon, either is fine', { custom, expecting })).toMatchObject({
      category: 'morning',
      confident: false,
    });
  });

  test('only the expected ones take priority', () => {
    expect(categorize('afternoon, yes', { custom, expecting: ['morning'] }).category).toBe('interested');
  });
});

describe('custom categories outside the step that expects them', () => {
  test.each<Case>([
    // custom words never override a built-in category
    ['morning works', 'interested'],
    ["Yes, I'm free in the morning", 'interested'],
    ['not this morning', 'later'],
    // the whole reply is a custom word: that category rather than other
    ['MORNING', 'morning'],
    ['Afternoons please', 'afternoon'],
    ['Good morning', 'other'],
    ['morning?', 'question'],
  ])('%j -> %s', (body, category) => {
    expect(categorize(body, { custom }).category).toBe(category);
  });
});

describe('a custom category named like a built-in one extends it', () => {
  const extra: CustomCategory[] = [
    { name: 'not_interested', words: ['generator'], phrases: ['on the waiting list'] },
    { name: 'opt_out', words: ['desuscribir'], phrases: [] },
  ];
  test.each<Case>([
    ['We have a generator', 'not_interested'],
    ["We're on the waiting list with another company", 'not_interested'],
    ['desuscribir', 'opt_out'],
    ['yes, we have a generator but want solar', 'interested'],
  ])('%j -> %s', (body, category) => {
    expect(categorize(body, { custom: extra }).category).toBe(category);
  });
});
