/**
 * Sorts one reply into a category by running the rule families in precedence order:
 * opt_out > help/opt_in (whole-message keyword) > [custom categories the step expects] >
 * wrong_number > interested > later > not_interested > [a custom word as the whole reply] >
 * question > other. The first family with a matching rule decides; a reply nothing recognises
 * is `other` (or `question`), never `interested`, so a person looks at it.
 *
 * Custom categories: the ones the contact's current step expects come right after opt-out and
 * the carrier keywords. Outside that step, custom words never override a built-in category;
 * a reply that is nothing but a custom word ("MORNING") still gets that category rather than
 * `other`, since the operator's meaning is unambiguous. A custom category named like a built-in
 * one ("interested") adds its words to that built-in category, at that category's precedence.
 *
 * A few rules sit in a family but return another category, because they must be read at that
 * place: a rent-or-buy question ("alugadas ou compradas?") before any yes or no word is a
 * `question`; a closing "so no" or "we're selling the house" before the later time it gives is
 * `not_interested`; a bare "mande?" before the question rules is `other`.
 */
import { type CustomCategory, type CustomMatch, matchCustom, matchesWhole, timeHints } from './custom.js';
import {
  ENGLISH_NO,
  INTERESTED_RULES,
  LATER_RULES,
  NOT_INTERESTED_RULES,
  QUESTION_RULES,
} from './intents.js';
import { KEYWORD_RULES } from './keywords.js';
import { type Normalized, normalizeReply, showWords } from './normalize.js';
import { notLaterPhrases } from './not-later.js';
import { asksAboutOptOut, insidePhrase, notOptOutPhrases, withoutOurQuote } from './not-opt-out.js';
import { OPT_OUT_RULES } from './opt-out.js';
import { type Reaction, readTapback } from './reaction.js';
import type { Rule } from './rule.js';
import {
  BOOKING,
  CONCLUSIVE_NO,
  CONTRAST_YES,
  KEEP_SENDING,
  LATER_TIME,
  NEGATIVE,
  NOT_NOW,
  SELLING_HOME,
  WORLD_CHOICE_QUESTION,
  WORLD_HUH,
  WORLD_INTERESTED_RULES,
  WORLD_LATER_RULES,
  WORLD_NOT_INTERESTED_RULES,
  WORLD_QUESTION_RULES,
  WORLD_WRONG_NUMBER_RULES,
} from './world-intents.js';
import { WORLD_OPT_OUT_RULES } from './world-opt-out.js';
import { WRONG_NUMBER_RULES } from './wrong-number.js';

/** Each family's rules: English first, then the other languages (`world-*.ts`). */
const FAMILIES: readonly [string, readonly Rule[]][] = [
  ['opt_out', [...OPT_OUT_RULES, ...WORLD_OPT_OUT_RULES]],
  ['help', KEYWORD_RULES],
  ['wrong_number', [...WRONG_NUMBER_RULES, ...WORLD_WRONG_NUMBER_RULES]],
  ['interested', [WORLD_CHOICE_QUESTION, CONTRAST_YES, ...INTERESTED_RULES, ...WORLD_INTERESTED_RULES]],
  ['later', [CONCLUSIVE_NO, SELLING_HOME, ...LATER_RULES, ...WORLD_LATER_RULES]],
  ['not_interested', [WORLD_CHOICE_QUESTION, ...NOT_INTERESTED_RULES, ...WORLD_NOT_INTERESTED_RULES]],
  ['question', [WORLD_HUH, ...QUESTION_RULES, ...WORLD_QUESTION_RULES]],
];

export const BUILT_IN_CATEGORIES = [
  'opt_out',
  'help',
  'opt_in',
  'wrong_number',
  'interested',
  'later',
  'not_interested',
  'question',
  'other',
] as const;
export type BuiltInCategory = (typeof BUILT_IN_CATEGORIES)[number];

export interface CategorizeOptions {
  /** Categories the operator's funnel file defines. */
  readonly custom?: readonly CustomCategory[];
  /** Custom categories the contact's current step asks for; they win in that step, never over opt-out. */
  readonly expecting?: readonly string[];
}

export interface Verdict {
  readonly category: string;
  /** Id of the rule that decided, e.g. `opt_out.stop_word`, `custom.morning`, `other.fallback`. */
  readonly rule: string;
  /** One sentence for --explain, quoting the words that matched. */
  readonly reason: string;
  /** False when no rule recognised the reply (or expected categories disagreed): a person should look. */
  readonly confident: boolean;
}

const BUILT_IN: ReadonlySet<string> = new Set(BUILT_IN_CATEGORIES);

/** The emoji words of the normalised text, shown as emoji again in a reason. */
const EMOJI_SHOWN: Readonly<Record<string, string>> = {
  emojiyes: '👍',
  emojino: '👎',
  emojismile: '🙂',
  emojifinger: '🖕',
};

function verdict(
  reply: Normalized,
  category: string,
  rule: string,
  why: string,
  words: string,
  confident = true,
): Verdict {
  const shown = showWords(reply, words)
    .replace(/ \?/g, '?')
    .replace(/\bemoji(?:yes|no|smile|finger)\b/g, (w) => EMOJI_SHOWN[w] ?? w);
  const sentence = `${why.charAt(0).toUpperCase()}${why.slice(1)}: "${shown}".`;
  return { category, rule, reason: sentence, confident };
}

/**
 * Each rule's first match in one reply, worked out once: a few rules are asked twice, by
 * `outweighsYes` and then in their own family, and the big ones are most of a reply's cost.
 */
type Memo = Map<Rule, string | undefined>;

function matchOnce(rule: Rule, reply: Normalized, memo: Memo, skip?: (words: string) => boolean) {
  if (memo.has(rule)) {
    const first = memo.get(rule);
    // With nothing matched, or a first match that is kept, setting matches aside changes nothing.
    if (first === undefined || skip?.(first) !== true) return first;
  }
  if (skip !== undefined) return rule.match(reply, skip);
  const words = rule.match(reply);
  memo.set(rule, words);
  return words;
}

/**
 * The first rule that matches. `setAside` lists the phrases whose words do not count (`not-opt-out.ts`,
 * `not-later.ts`); it is worked out only once a rule has matched, since most replies match none.
 */
function firstMatch(
  rules: readonly Rule[],
  reply: Normalized,
  memo: Memo,
  setAside?: () => readonly string[],
) {
  let phrases: readonly string[] | undefined;
  const skip =
    setAside === undefined
      ? undefined
      : (words: string) => {
          phrases ??= setAside();
          return phrases.length > 0 && insidePhrase(words, phrases);
        };
  for (const rule of rules) {
    // Rules written as code ignore `skip`, so a match they return is checked again here.
    const words = matchOnce(rule, reply, memo, skip);
    if (words !== undefined && skip?.(words) !== true)
      return verdict(reply, rule.category, rule.id, rule.why, words);
  }
  return undefined;
}

/** A custom category named like a built-in one adds its words at that category's place. */
function builtInExtras(category: string, custom: readonly CustomCategory[], reply: Normalized) {
  for (const c of custom) {
    if (c.name !== category) continue;
    const whole = category === 'help' || category === 'opt_in';
    const words = whole ? matchesWhole(c, reply) : matchCustom(c, reply, [])?.words;
    if (words !== undefined)
      return verdict(reply, category, `custom.${category}`, 'matches the funnel file words', words);
  }
  return undefined;
}

function expectedCustom(
  reply: Normalized,
  custom: readonly CustomCategory[],
  expecting: ReadonlySet<string>,
) {
  const wanted = custom.filter((c) => expecting.has(c.name) && !BUILT_IN.has(c.name));
  if (wanted.length === 0) return undefined;
  const hints = timeHints(reply.text);
  const matches = wanted
    .map((c) => matchCustom(c, reply, hints))
    .filter((m): m is CustomMatch => m !== undefined);
  const first = matches.sort((a, b) => a.at - b.at)[0];
  if (first === undefined) return undefined;
  const agree = matches.every((m) => m.name === first.name);
  const why = agree
    ? `matches the ${first.name} words the step expects`
    : `mentions ${matches.map((m) => m.name).join(' and ')}; the first one named wins`;
  return verdict(reply, first.name, `custom.${first.name}`, why, first.words, agree);
}

/** A tapback is categorised by its reaction, never by the text it quotes (`reaction.ts`). */
function reactionVerdict(reaction: Reaction): Verdict {
  return {
    category: reaction.category,
    rule: `reaction.${reaction.category}`,
    reason: `A tapback, "${reaction.name}", on a quoted text; the quote is not the contact's words.`,
    confident: reaction.category !== 'other',
  };
}

/**
 * A clear no in any language ("no me interesa") outweighs a yes word in the same reply; "not
 * now" or a time weeks away makes a yes a `later` ("yes but not now", "mándame mensaje en 2
 * semanas"), except for an appointment being booked ("quiero hacer cita… el martes") or a yes to
 * something else after the no ("панели не надо, а вот крышу посчитайте": `CONTRAST_YES`), unless
 * that "yes" only asks to keep getting our texts ("no me interesa, pero sigan mandando": `KEEP_SENDING`).
 */
function outweighsYes(reply: Normalized, memo: Memo): boolean {
  const first = (rule: Rule) => matchOnce(rule, reply, memo);
  const no =
    first(NEGATIVE) ??
    first(ENGLISH_NO) ??
    first(NOT_NOW) ??
    (first(BOOKING) === undefined ? first(LATER_TIME) : undefined);
  if (no === undefined) return false;
  return first(CONTRAST_YES) === undefined || first(KEEP_SENDING) !== undefined;
}

/** Decides the category of an already normalised reply. */
export function decide(reply: Normalized, options: CategorizeOptions = {}): Verdict {
  const custom = options.custom ?? [];
  const expecting = new Set(options.expecting ?? []);
  const memo: Memo = new Map();
  if (reply.reaction !== undefined) return reactionVerdict(reply.reaction);
  for (const [family, rules] of FAMILIES) {
    if (family === 'interested' && outweighsYes(reply, memo)) continue;
    if (family === 'wrong_number') {
      const expected = expectedCustom(reply, custom, expecting);
      if (expected !== undefined) return expected;
    }
    if (family === 'question') {
      for (const c of custom) {
        if (BUILT_IN.has(c.name)) continue;
        const words = matchesWhole(c, reply);
        if (words !== undefined)
          return verdict(reply, c.name, `custom.${c.name}`, `the whole reply is a ${c.name} word`, words);
      }
    }
    const setAside =
      family === 'opt_out'
        ? () => notOptOutPhrases(reply.folded)
        : family === 'later'
          ? () => notLaterPhrases(reply.folded)
          : undefined;
    const found = firstMatch(rules, reply, memo, setAside) ?? builtInExtras(family, custom, reply);
    if (found !== undefined) return found;
    const asks = family === 'opt_out' ? asksAboutOptOut(reply.folded) : undefined;
    if (asks !== undefined)
      return verdict(reply, 'question', 'question.about_opt_out', 'asks about opting out', asks);
    if (family === 'help') {
      const optIn = builtInExtras('opt_in', custom, reply);
      if (optIn !== undefined) return optIn;
    }
  }
  const extra = builtInExtras('other', custom, reply);
  if (extra !== undefined) return extra;
  return {
    category: 'other',
    rule: 'other.fallback',
    reason: 'No rule recognised the reply.',
    confident: false,
  };
}

/**
 * A reply as the rules read it: our own text quoted ahead of an answer is dropped, except in a
 * tapback named after its quote ("“…”点赞"), which is a reaction, not a quote and an answer; a
 * tapback followed by words of the contact's own is read as those words.
 */
export function readReply(body: string): Normalized {
  const tapback = readTapback(body);
  if (tapback === undefined) return normalizeReply(withoutOurQuote(body));
  return 'reaction' in tapback ? normalizeReply(body, tapback.reaction) : normalizeReply(tapback.words);
}

/** Sorts one reply (its body exactly as received) into a category. */
export function categorize(body: string, options: CategorizeOptions = {}): Verdict {
  return decide(readReply(body), options);
}
