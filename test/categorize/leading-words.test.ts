/**
 * The starts worked out from a pattern (`leading-words.ts`) must hold for every match, or a
 * reply would skip a rule that matches it: the examples, then every match of a few tricky
 * patterns on many generated texts.
 */
import { describe, expect, test } from 'vitest';
import { leadingLiterals, startsTest } from '../../src/core/categorize/leading-words.js';

describe('leadingLiterals', () => {
  test.each<[string, string[] | undefined]>([
    [
      'como (?:\\p{L}+ ){0,3}cancelo|deje de \\p{L}+|(?:no me|nunca) escrib\\p{L}*',
      ['como ', 'deje de ', 'no me escrib', 'nunca escrib'],
    ],
    ['pare+|(?<! no )para de', ['pare', 'para de']],
    ['(?:lo )?(?:voy a |vamos a )?pensar(?:lo)?', ['pensar', 'voy a pensar', 'vamos a pensar', 'lo ']],
    ['(?:a|b)+c', ['a', 'b']],
    ['x?y', ['y', 'xy']],
    ['\\d+ semanas', ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']],
    ['no\\? (?=sim)', ['no? ']],
    ['\\p{L}+ foo', undefined],
    ['foo|[ab]c', undefined],
    ['foo|.x', undefined],
    ['foo|', undefined],
  ])('%s', (source, expected) => {
    const got = leadingLiterals(source);
    expect(got === undefined ? undefined : [...got].sort()).toEqual(
      expected === undefined ? undefined : [...expected].sort(),
    );
  });
});

describe('every match starts with one of the literals', () => {
  const patterns = [
    '(?:lo )?(?:voy a |vamos a )?pensar(?:lo)?|nao (?:quero|posso)(?: \\p{L}+){0,2} mais',
    'ba?c+|(?:ab|a)+d|e{2,3}f|(?<!x )g(?:h|i)?',
    'a(?:b|c)?d?e|(?:f|g(?:h|))i|j\\d{1,2} k',
  ];
  const alphabet = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'x', '1', ' ', ' '];
  const texts: string[] = [];
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  for (let n = 0; n < 4000; n++) {
    let t = ' ';
    for (let k = 0; k < 3 + (next() % 12); k++) t += alphabet[next() % alphabet.length];
    texts.push(`${t} `);
  }
  texts.push(' voy a pensarlo ', ' nao quero saber mais ', ' abababd ', ' eeef ', ' j12 k ');

  test.each(patterns)('%s', (source) => {
    const literals = leadingLiterals(source);
    expect(literals).toBeDefined();
    const test = startsTest(literals ?? []);
    const pattern = new RegExp(`(?<= )(?:${source})(?= )`, 'gu');
    let matched = 0;
    for (const text of texts) {
      pattern.lastIndex = 0;
      for (let found = pattern.exec(text); found !== null; found = pattern.exec(text)) {
        matched++;
        expect(
          literals?.some((l) => text.startsWith(l, found?.index)),
          `${JSON.stringify(text)} at ${found.index}`,
        ).toBe(true);
        expect(test(text)).toBe(true);
        if (found[0] === '') pattern.lastIndex++;
      }
    }
    expect(matched).toBeGreaterThan(0);
  });
});
