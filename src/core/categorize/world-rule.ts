/**
 * Rules for replies in the other languages our contacts write in. They read `folded` text:
 * lower case, accents and tone marks dropped (so "không" and "khong", "número" and "numero"
 * read the same), every script kept, punctuation turned into spaces (a question mark kept as a word), one space at each end.
 * Patterns are folded the same way when compiled, so they may be written with or without marks.
 * Latin, Cyrillic and Vietnamese words are matched whole; Chinese and Korean have no spaces
 * between words, so their patterns are matched anywhere in the text.
 */
import { leadingLiterals, startsTest } from './leading-words.js';
import type { Normalized } from './normalize.js';
import { firstKept, type Rule } from './rule.js';

/** Lower case, NFKD without combining marks, đ as d, anything but letters and digits as one space. */
export function fold(text: string): string {
  const plain = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/[’‘`´]/g, "'");
  return ` ${plain
    .replace(/[?？]/g, ' ? ')
    .replace(/[^\p{L}\p{N}?]+/gu, ' ')
    .trim()} `;
}

const foldPattern = (source: string) => source.normalize('NFKD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');

/**
 * A rule over folded text. `words` is a list of alternatives matched as whole words
 * (a space each side); `anywhere` is a regular expression matched as is (for Chinese, Korean).
 */
export function worldRule(id: string, category: string, why: string, words: string, anywhere?: string): Rule {
  const sources: string[] = [];
  if (words !== '') sources.push(`(?<= )(?:${foldPattern(words)})(?= )`);
  if (anywhere !== undefined) sources.push(foldPattern(anywhere));
  const pattern = new RegExp(sources.join('|'), 'gu');
  // A reply none of whose words starts the way one of `words` must start cannot match them: it
  // is tried on `anywhere` alone (the same answer, at a fraction of the cost). Worked out on
  // first use, so that a command that sorts no reply does not pay for it at start-up.
  let mayMatchWords: ((text: string) => boolean) | undefined;
  const wordsMayMatch = (text: string) => {
    if (mayMatchWords === undefined) {
      const literals = words === '' ? [] : leadingLiterals(foldPattern(words));
      mayMatchWords = literals === undefined ? () => true : startsTest(literals);
    }
    return mayMatchWords(text);
  };
  const anywhereOnly = anywhere === undefined ? undefined : new RegExp(foldPattern(anywhere), 'gu');
  return {
    id,
    category,
    why,
    match: (reply: Normalized, skip?: (words: string) => boolean) => {
      const chosen = wordsMayMatch(reply.folded) ? pattern : anywhereOnly;
      return chosen === undefined ? undefined : firstKept(reply.folded, chosen, (m) => m.trim(), skip);
    },
  };
}
