/**
 * Categories the operator's funnel file defines (e.g. `morning` with words `morning, am,
 * early`), compiled once per definition object and matched on the same normalised text as the
 * built-in rules. A word also matches its plural ("mornings are best"); a word preceded by a
 * negation ("not in the morning") does not count. Clock times count as the time-of-day words
 * they stand for, so a step expecting `morning` / `afternoon` also understands "before noon",
 * "10am", "after 2" and "7pm" (see `timeHints`).
 */
import { type Normalized, normalizeReply, squeezePattern } from './normalize.js';

export interface CustomCategory {
  name: string;
  words: string[];
  phrases: string[];
}

export interface CustomMatch {
  readonly name: string;
  /** The words that matched, as normalised. */
  readonly words: string;
  /** Where in the normalised text the match starts, to pick the earliest of several. */
  readonly at: number;
}

interface CompiledCustom {
  readonly name: string;
  readonly anywhere: RegExp;
  readonly whole: RegExp;
  readonly plain: ReadonlySet<string>;
}

const NEGATION = '(?<!\\b(?:not|no|never|except|but not|can not|do not)(?: \\w+){0,2} )';
const FILLERS = /\b(?:please|thanks|thank you|ok|is best|are best|works|is good|is fine)\b/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const compiled = new WeakMap<CustomCategory, CompiledCustom>();

function compile(category: CustomCategory): CompiledCustom {
  const cached = compiled.get(category);
  if (cached !== undefined) return cached;
  const plain = [...category.words, ...category.phrases]
    .map((entry) => normalizeReply(entry).words.join(' '))
    .filter((entry) => entry !== '');
  // "am" is also the verb in "I am": only the time of day counts ("AM", "10 am", "am works").
  const alternatives = plain.map((entry) => (entry === 'am' ? '(?<!\\bi )am' : escapeRegExp(entry)));
  const body = alternatives.length > 0 ? `(?:${alternatives.join('|')})s?` : '(?!)';
  const result: CompiledCustom = {
    name: category.name,
    anywhere: new RegExp(`${NEGATION}\\b${body}\\b`),
    whole: new RegExp(`^${body}$`),
    plain: new Set(plain),
  };
  compiled.set(category, result);
  return result;
}

interface TimeHint {
  readonly words: readonly string[];
  readonly from: string;
  readonly at: number;
}

// Squeezed like the text they read ("noon" is "non" there).
const CLOCK = new RegExp(squeezePattern('\\b(\\d{1,2})(?: \\d{2})? (am|pm)\\b'), 'g');
const NOON = new RegExp(
  squeezePattern('\\b(before|by|until|till|after|past) (noon|lunch|midday|12)\\b'),
  'g',
);
const BARE_HOUR = new RegExp(
  squeezePattern('\\b(after|before|at|around|by|from) (\\d{1,2})(?: \\d{2})?\\b(?! (?:am|pm)\\b)'),
  'g',
);

function dayPart(hour: number, pm: boolean): readonly string[] {
  if (!pm) return ['morning', 'am'];
  return hour >= 5 && hour < 12 ? ['evening', 'pm', 'afternoon'] : ['afternoon', 'pm'];
}

/**
 * The times of day a reply names: "10 am" is morning, "3 pm" afternoon, "7 pm" evening (also
 * afternoon, for steps that only ask morning or afternoon), "before noon" morning, and a bare
 * hour "after 2" / "at 9" read as office hours (1-4 afternoon, 5-6 evening, 7-11 morning).
 */
export function timeHints(text: string): TimeHint[] {
  const hints: TimeHint[] = [];
  for (const m of text.matchAll(CLOCK)) {
    hints.push({ words: dayPart(Number(m[1]) % 12, m[2] === 'pm'), from: m[0], at: m.index });
  }
  for (const m of text.matchAll(NOON)) {
    const before = ['before', 'by', 'until', 'til'].includes(m[1] ?? '');
    hints.push({ words: before ? ['morning', 'am'] : ['afternoon', 'pm'], from: m[0], at: m.index });
  }
  for (const m of text.matchAll(BARE_HOUR)) {
    const hour = Number(m[2]);
    // 12 is left to NOON ("before 12" is morning, "after 12" afternoon); 0 and 13+ are not office hours.
    if (hour < 1 || hour > 11) continue;
    hints.push({ words: dayPart(hour, hour <= 6), from: m[0], at: m.index });
  }
  return hints;
}

/** Where a custom category's words appear in the reply (not negated), or undefined. */
export function matchCustom(
  category: CustomCategory,
  reply: Normalized,
  hints: readonly TimeHint[],
): CustomMatch | undefined {
  const c = compile(category);
  const found = c.anywhere.exec(reply.text);
  if (found !== null) return { name: c.name, words: found[0], at: found.index };
  const hint = hints.find((h) => h.words.some((w) => c.plain.has(w)));
  return hint === undefined ? undefined : { name: c.name, words: hint.from, at: hint.at };
}

/** True when the whole reply, courtesy words aside, is one of the category's words ("MORNING"). */
export function matchesWhole(category: CustomCategory, reply: Normalized): string | undefined {
  if (reply.text.includes('?')) return undefined;
  const rest = reply.words.join(' ').replace(FILLERS, ' ').replace(/\s+/g, ' ').trim();
  return rest !== '' && compile(category).whole.test(rest) ? rest : undefined;
}
