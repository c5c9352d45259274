/**
 * Turns a reply as a phone sent it into the plain text the rules read: lower case, Unicode
 * NFKC, accents stripped, curly quotes straightened, emoji turned into words, repeated letters
 * squeezed ("yesss" -> "yes", "pleeease" -> "please"), SMS spellings and contractions
 * expanded ("dont" -> "do not", "u" -> "you"), and a long word one typo from a keyword
 * corrected ("intrested" -> "interested").
 *
 * Squeezing every run of a letter to one ("good" -> "god") loses nothing the rules need,
 * because the rules are squeezed the same way when they are compiled (see `squeezePattern`).
 */
import { type Reaction, readReaction, withoutOwnQuotes } from './reaction.js';
import {
  EXPANSIONS,
  NOT_TYPOS,
  NOT_YES_AFTER_YA,
  SI_IF_BEFORE,
  SI_NOT_YES_AFTER,
  SWAP_TARGETS,
  TYPO_TARGETS,
  WORLD_NOT_TYPOS,
  WORLD_TYPO_TARGETS,
} from './vocabulary.js';
import { fold } from './world-rule.js';

export interface Normalized {
  /** The reply exactly as received. */
  readonly original: string;
  /** Words and `?` separated by single spaces; the text most rules match. */
  readonly text: string;
  /** Like `text`, with ` | ` where the sender ended a sentence or clause (. , ! ; : ?). */
  readonly marked: string;
  /** The real words of the reply (no emoji words, no `?`). */
  readonly words: readonly string[];
  /** True when the reply held emoji and no words. */
  readonly onlyEmoji: boolean;
  /** Typos corrected on the way, for --explain. */
  readonly corrections: readonly { from: string; to: string }[];
  /** `text` as a person reads it (letters not squeezed), token for token. */
  readonly shown: string;
  /** The reply in any script, folded for the other-language rules (see `world-rule.ts`). */
  readonly folded: string;
  /** A tapback sent as text ("Liked “…”"), if the whole reply is one. */
  readonly reaction: Reaction | undefined;
}

/** Emoji that carry a meaning here, as the words they stand for (prefixed so no rule confuses them). */
const EMOJI_WORDS: readonly [RegExp, string][] = [
  [/[👍👌✅✔☑💯🙌👏🤝]/gu, ' emojiyes '],
  [/[🙂😊😀😃😄😁☺🤗😍❤💚💙♥]/gu, ' emojismile '],
  [/[👎🙅❌🚫⛔]/gu, ' emojino '],
  // A stop sign is the one emoji that says "stop" on its own; ✋ only means it next to the word.
  [/🛑/gu, ' stop '],
  [/✋/gu, ' emojihand '],
  [/🙏/gu, ' emojipray '],
  [/🖕/gu, ' emojifinger '],
];
const EMOJI_MODIFIERS = /[\u{1F3FB}-\u{1F3FF}\uFE0E\uFE0F\u200D]/gu;
const OTHER_EMOJI = /\p{Extended_Pictographic}/gu;

/** Squeezes runs of one letter to a single letter ("yesss" -> "yes"); digits are kept. */
export function squeeze(word: string): string {
  return word.replace(/([a-z])\1+/g, '$1');
}

/**
 * Squeezes the letters of a regular expression's source like `squeeze` does to text, leaving
 * escapes alone (`\\bbye` keeps its `\\b` and its `b`).
 */
export function squeezePattern(source: string): string {
  let out = '';
  let previous = '';
  for (let i = 0; i < source.length; i++) {
    const c = source.charAt(i);
    if (c === '\\') {
      out += c + source.charAt(i + 1);
      i++;
      previous = '';
      continue;
    }
    const isLetter = c >= 'a' && c <= 'z';
    if (isLetter && c === previous) continue;
    out += c;
    previous = isLetter ? c : '';
  }
  return out;
}

const expansions = new Map<string, string>();
for (const [token, plain] of EXPANSIONS) expansions.set(squeeze(token), plain);
const typoTargets = TYPO_TARGETS.map(squeeze);
const typoTargetSet = new Set(typoTargets);
const typoPlain = new Map(TYPO_TARGETS.map((target) => [squeeze(target), target]));
const notTypos = new Set(NOT_TYPOS.map(squeeze));

/** True when `a` and `b` are at most one insertion, deletion, substitution or swap apart. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // one substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // one swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** True when `a` is `b` with two neighbouring letters swapped ("tehse" / "these"). */
function swapOf(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let i = 0;
  while (a[i] === b[i]) i++;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** Remembers a pure per-word answer: words repeat across replies, so a tick works each out once. */
function remembered(compute: (word: string) => string | undefined): (word: string) => string | undefined {
  const seen = new Map<string, string | undefined>();
  return (word) => {
    if (seen.has(word)) return seen.get(word);
    if (seen.size > 50_000) seen.clear();
    const answer = compute(word);
    seen.set(word, answer);
    return answer;
  };
}

const swapTargets = SWAP_TARGETS.map(squeeze);

/**
 * Corrects an unknown word to the keyword it is one typo from, if exactly one fits. Long words
 * take any one edit; short ones only two swapped letters ("tetxs", "thnik"), since one letter
 * changed in a short word is too often another real word.
 */
const correctTypo = remembered((word: string): string | undefined => {
  if (/\d/.test(word) || typoTargetSet.has(word) || notTypos.has(word)) return undefined;
  if (expansions.has(word) || word.startsWith('emoji')) return undefined;
  if (word.length < 6) return swapTargets.find((target) => swapOf(word, target));
  const fits = typoTargets.filter((target) => withinOneEdit(word, target));
  return fits.length === 1 ? fits[0] : undefined;
});

const worldTargets = new Set(WORLD_TYPO_TARGETS);

/**
 * Folded text with a word one typo from an other-language keyword corrected towards it. Words
 * of five or six letters take only a swap ("knape" -> "kanpe"): "agora" is not "ahora", nor
 * "envie" "envien".
 */
const worldCorrection = remembered((word: string): string | undefined => {
  if (worldTargets.has(word) || WORLD_NOT_TYPOS.has(word)) return word;
  const near = (target: string) => (word.length <= 6 ? swapOf(word, target) : withinOneEdit(word, target));
  const fits = WORLD_TYPO_TARGETS.filter(near);
  return fits.length === 1 ? fits[0] : word;
});

function foldCorrected(body: string): string {
  return fold(body).replace(/(?<= )[a-z]{5,}(?= )/g, (word) => worldCorrection(word) ?? word);
}

function prepare(body: string): string {
  let s = body.normalize('NFKC').replace(EMOJI_MODIFIERS, '');
  for (const [emoji, word] of EMOJI_WORDS) s = s.replace(emoji, word);
  s = s.replace(OTHER_EMOJI, ' emoji ');
  s = s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  s = s.replace(/(?<=[a-z])0(?=[a-z])/g, 'o'); // "st0p"
  s = s.replace(/[‘’‛`´ʼ]/g, "'").replace(/[“”„]/g, '"');
  s = s.replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, ' emailaddress ');
  s = s.replace(/\+?\d[\d\s().-]{5,}\d/g, (m) => (m.replace(/\D/g, '').length >= 7 ? ' phonenumber ' : m));
  // "5pm", "10:30 a.m." -> "5 pm", "10 30 am": clock times read the same however they are typed.
  s = s.replace(/(\d)\s*([ap])\.?\s?m\b\.?/g, '$1 $2m');
  s = s
    .replace(/(\w)'(\w)/g, '$1$2')
    .replace(/#/g, ' number ')
    .replace(/&/g, ' and ');
  // "¿" opens a question and only ends a clause ("Sí, ¿y se puede…?" is a yes, then a question).
  s = s.replace(/[.,!;:\n\r¡¿]+/g, ' | ').replace(/\?+/g, ' ? | ');
  return s.replace(/[^a-z0-9?| ]+/g, ' ');
}

/** A reply as the rules read it; `reaction` is the tapback it is, when the caller has read it already. */
export function normalizeReply(body: string, reaction = readReaction(body)): Normalized {
  const corrections: { from: string; to: string }[] = [];
  const out: string[] = [];
  const shown: string[] = [];
  const push = (squeezed: string, plain: string) => {
    out.push(...squeezed.split(' '));
    shown.push(...plain.split(' '));
  };
  // Text quoted from our own messages is not the contact's words (see `reaction.ts`).
  const own = withoutOwnQuotes(body);
  const raw = prepare(own).split(/\s+/).filter(Boolean);
  for (const [index, token] of raw.entries()) {
    if (token === '|' || token === '?') {
      if (token === '|' && (out.length === 0 || out[out.length - 1] === '|')) continue;
      push(token, token);
      continue;
    }
    let word = squeeze(token);
    let plain = token;
    const clauseStart = index === 0 || raw[index - 1] === '|';
    // "ya" opens a reply as "yes" ("ya sure") but ends one as "you" ("thank ya"); before a
    // Spanish or transliterated Russian word it is "already" / "I" ("ya tenemos", "ya ne Sam").
    const next = raw[index + 1] ?? '';
    if ((word === 'ya' || word === 'ye') && !NOT_YES_AFTER_YA.has(next))
      word = plain = clauseStart ? 'yes' : 'you';
    const typo = correctTypo(word);
    if (typo !== undefined) {
      corrections.push({ from: token, to: typoPlain.get(typo) ?? typo });
      word = typo;
      plain = typoPlain.get(typo) ?? typo;
    }
    // Tagalog "si" names a person ("hindi ko kilala si Sam"), Creole "si" is an "if"; only the Spanish one is a yes.
    const notYes = word === 'si' && (SI_NOT_YES_AFTER.has(raw[index - 1] ?? '') || SI_IF_BEFORE.has(next));
    const expanded = notYes ? undefined : expansions.get(word);
    if (expanded === undefined) push(word, plain);
    else push(squeeze(expanded), expanded);
  }
  if (out[out.length - 1] === '|') {
    out.pop();
    shown.pop();
  }
  const words = out.filter((w) => w !== '|' && w !== '?' && !w.startsWith('emoji'));
  // A lone letter is the carrier-style answer: "Y" is yes, "N" is no.
  if (words.length === 1 && !out.includes('?') && (words[0] === 'y' || words[0] === 'n')) {
    const i = out.indexOf(words[0]);
    out[i] = shown[i] = words[0] = words[0] === 'y' ? 'yes' : 'no';
  }
  const keep = (_: string, i: number) => out[i] !== '|';
  return {
    original: body,
    text: out.filter(keep).join(' '),
    marked: out.join(' '),
    words,
    onlyEmoji: words.length === 0 && out.some((w) => w.startsWith('emoji')),
    corrections,
    shown: shown.filter(keep).join(' '),
    folded: foldCorrected(own),
    reaction,
  };
}

/** The words of a match in `text` as the sender wrote them (not squeezed), if they can be found. */
export function showWords(reply: Normalized, words: string): string {
  const tokens = reply.text.split(' ');
  const wanted = words.trim().split(' ');
  const shown = reply.shown.split(' ');
  for (let i = 0; i + wanted.length <= tokens.length; i++) {
    if (wanted.every((w, j) => tokens[i + j] === w)) return shown.slice(i, i + wanted.length).join(' ');
  }
  return words;
}
