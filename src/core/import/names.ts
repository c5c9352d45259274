/**
 * Splitting one full-name cell into first and last name, as a person would read it: "Dana Smith"
 * and "Smith, Dana" are both Dana / Smith; "Mary Ann Smith" is Mary Ann / Smith; a surname's
 * particle stays with it ("Anna van der Berg" is Anna / van der Berg); a courtesy title is dropped
 * so a text says "Hi Dana", not "Hi Dr.".
 */

export interface SplitName {
  first: string;
  last: string;
}

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'madam']);
const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'da',
  'di',
  'du',
  'del',
  'della',
  'la',
  'le',
  'dos',
  'das',
  'st',
  'ter',
]);

export function splitFullName(full: string): SplitName {
  const text = full.replace(/\s+/g, ' ').trim();
  if (text === '') return { first: '', last: '' };
  const comma = text.indexOf(',');
  if (comma >= 0) {
    const last = text.slice(0, comma).trim();
    const first = dropTitle(
      text
        .slice(comma + 1)
        .trim()
        .split(' '),
    ).join(' ');
    // "Smith, Dana" is last-first; "Dana Smith, Jr." is not: a suffix after the comma
    if (!/^(jr|sr|ii|iii|iv|phd|md)\.?$/i.test(first)) return { first, last };
  }
  const words = dropTitle(text.split(' '));
  if (words.length <= 1) return { first: words[0] ?? '', last: '' };
  let lastStart = words.length - 1;
  for (let i = 1; i < words.length - 1; i++) {
    if (PARTICLES.has((words[i] ?? '').toLowerCase().replace(/\.$/, ''))) {
      lastStart = i;
      break;
    }
  }
  // "Dana Smith Jr." keeps the suffix with the surname
  if (
    lastStart === words.length - 1 &&
    words.length > 2 &&
    /^(jr|sr|ii|iii|iv)\.?,?$/i.test(words.at(-1) ?? '')
  ) {
    lastStart = words.length - 2;
  }
  return { first: words.slice(0, lastStart).join(' '), last: words.slice(lastStart).join(' ') };
}

function dropTitle(words: string[]): string[] {
  const first = (words[0] ?? '').toLowerCase().replace(/\.$/, '');
  return words.length > 1 && TITLES.has(first) ? words.slice(1) : words;
}
