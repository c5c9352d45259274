/**
 * A rule: one way a reply shows one category. Most rules are one regular expression over the
 * normalised text, written in plain spelling and squeezed at compile time like the text is;
 * a few need a little code (a whole-message keyword, a name after "this isn't").
 */
import { type Normalized, squeezePattern } from './normalize.js';

export interface Rule {
  /** Stable id shown by --explain and recorded with a verdict, e.g. `opt_out.stop_word`. */
  readonly id: string;
  readonly category: string;
  /** Why this rule decides its category, completed by the quoted words in a verdict's reason. */
  readonly why: string;
  /**
   * Returns the words that matched, or undefined. `skip` sets a match aside ("STOP" inside "what
   * happens if I reply STOP?"); the rule then looks for its next match in the reply.
   */
  readonly match: (reply: Normalized, skip?: (words: string) => boolean) => string | undefined;
}

/**
 * A rule from a regular expression. `on: 'marked'` matches the text with ` | ` at the sender's
 * sentence breaks, for rules that must see where a clause ends.
 */
export function patternRule(
  id: string,
  category: string,
  why: string,
  source: string,
  on: 'text' | 'marked' = 'text',
): Rule {
  const pattern = new RegExp(squeezePattern(source), 'g');
  return {
    id,
    category,
    why,
    match: (reply, skip) =>
      firstKept(
        on === 'text' ? reply.text : reply.marked,
        pattern,
        (m) => m.replace(/ ?\| ?/g, ' ').trim() || m,
        skip,
      ),
  };
}

/** Every match of a global pattern in `text`: `firstKept` setting each one aside in turn. */
export function allMatches(text: string, pattern: RegExp): string[] {
  const out: string[] = [];
  firstKept(
    text,
    pattern,
    (m) => m,
    (words) => {
      out.push(words);
      return true;
    },
  );
  return out;
}

/**
 * The first match of a global pattern in `text`, as `clean` shows it, that `skip` does not set
 * aside. exec with lastIndex, not matchAll: matchAll copies the pattern on every call, and these
 * patterns are large.
 */
export function firstKept(
  text: string,
  pattern: RegExp,
  clean: (match: string) => string,
  skip?: (words: string) => boolean,
): string | undefined {
  pattern.lastIndex = 0;
  for (let found = pattern.exec(text); found !== null; found = pattern.exec(text)) {
    if (found[0] === '') pattern.lastIndex++;
    const words = clean(found[0]);
    if (words !== '' && skip?.(words) !== true) return words;
  }
  return undefined;
}
