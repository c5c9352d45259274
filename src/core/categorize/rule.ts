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
  /** Returns the words that matched, or undefined. */
  readonly match: (reply: Normalized) => string | undefined;
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
  const pattern = new RegExp(squeezePattern(source));
  return {
    id,
    category,
    why,
    match: (reply) => {
      const found = pattern.exec(on === 'text' ? reply.text : reply.marked);
      return found === null ? undefined : found[0].replace(/ ?\| ?/g, ' ').trim() || found[0];
    },
  };
}
