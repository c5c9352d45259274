/**
 * Tapbacks and quoted texts. When an iPhone reacts to a text it cannot show as a reaction (an
 * Android phone, or any SMS number), it sends the reaction as words: `Liked “Want a free
 * quote? … Reply STOP to opt out.”`, `Reacted 👍 to “…”`, `Le gustó “…”`, `Removed a like from
 * “…”`. The quoted text is OUR message, so its "STOP" and "YES" are not the contact's words:
 * the reply is categorised by the reaction alone. The same goes for a reply that quotes our
 * text and adds a word ("“…Reply STOP to opt out.” yes"): the quote is dropped, the rest read.
 *
 * Mappings are the safe ones: a like or a heart is the 👍 the replies README counts as
 * `interested`; a dislike is a no (`not_interested`, never an opt-out); a stop sign (🛑 ⛔) is
 * the one reaction that says "stop", so it is an opt-out; a question mark is a `question` for a
 * person; laughing, emphasis, removing a reaction and any other emoji say nothing about the
 * offer (`other`).
 */

export interface Reaction {
  /** The reaction as the phone named it, e.g. `Liked`, `Reacted 👍`, `Le gustó`. */
  readonly name: string;
  readonly category: 'opt_out' | 'interested' | 'not_interested' | 'question' | 'other';
}

type Kind = Reaction['category'];

/** Reaction verbs as phones write them (iOS in English, Spanish, French, Portuguese). */
const VERBS: readonly [RegExp, Kind][] = [
  [
    /^(?:removed an? [\w !-]+? from|quit[oó] (?:un|el|la) [\w ]+? (?:de|a)|a retir[ée] [\w ]+? de)$/iu,
    'other',
  ],
  [/^(?:disliked|no le gust[oó]|n[’']a pas aim[ée]|n[aã]o curtiu)$/iu, 'not_interested'],
  [/^(?:questioned|cuestion[oó]|a questionn[ée]|a mis en (?:doute|question)|questionou)$/iu, 'question'],
  [/^(?:liked|loved|le gust[oó]|le encant[oó]|a aim[ée]|a ador[ée]|curtiu|amou)$/iu, 'interested'],
  [
    /^(?:laughed at|emphasi[sz]ed|se ri[oó] de|enfatiz[oó]|a ri de|a soulign[ée]|a mis en [ée]vidence|riu de|enfatizou|destac[oó])$/iu,
    'other',
  ],
];
const REACTED =
  /^(?:reacted|reaccion[oó]|reagiu|a r[ée]agi)(?:\s+(?:with|con|com|avec))?\s+(\S+)\s+(?:to|a|con|[àa])$/iu;
const EMOJI_KIND: readonly [RegExp, Kind][] = [
  [/^(?:👍|❤️?|♥️?|😍|🥰)/u, 'interested'],
  [/^👎/u, 'not_interested'],
  [/^(?:🛑|⛔)/u, 'opt_out'],
  [/^(?:❓|❔|‼️?)/u, 'question'],
];

/** Opening and closing quote marks a phone or a person uses around quoted text. */
const QUOTE = /(?:“([^”]*)(?:”|$)|"([^"]*)(?:"|$)|«([^»]*)(?:»|$)|„([^“”]*)(?:[“”]|$))/gu;
const OPENING = /^([^“"«„]{2,40}?)\s*[“"«„]/u;

/** Reads a tapback sent as text: the whole message is a reaction verb and a quote. */
export function readReaction(body: string): Reaction | undefined {
  // Phones may put an invisible direction mark before the verb.
  const found = OPENING.exec(body.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu, '').trim());
  if (found === null) return undefined;
  const verb = (found[1] ?? '').trim().replace(/\s+/g, ' ');
  for (const [pattern, category] of VERBS) if (pattern.test(verb)) return { name: verb, category };
  const reacted = REACTED.exec(verb);
  if (reacted === null) return undefined;
  const emoji = reacted[1] ?? '';
  const kind = EMOJI_KIND.find(([pattern]) => pattern.test(emoji))?.[1] ?? 'other';
  return { name: verb, category: kind };
}

/** Our own texts carry opt-out instructions; a long quote is a pasted text, not the contact's words. */
const OURS =
  /\b(?:reply|text|txt|responda|responde|r[ée]pondez|envie|send)\b.{0,40}\b(?:stop|yes|s[ií]|oui|sim)\b|\bopt(?: |-)?out\b|\bstop (?:to|para|pour)\b/iu;

/** Opt-out words a contact may quote themselves with ("I said “stop texting me”"). */
const OPT_OUT_WORD =
  /\b(?:stop|unsubscribe|remove|cancel|quit|opt|parar?|basta|baja|arr[eê]t\p{L}*|sispann|tigil)\b|退订|退訂|그만|стоп|хватит/iu;

/**
 * The body without the parts quoted from our messages (kept as is when nothing is quoted). A
 * quote is ours when it carries our opt-out instructions or is long (a pasted text), or when the
 * contact wrote words around a quote of three words or more that has no opt-out word in it
 * (“Want a free quote?” no thanks). A reply that is nothing but a quote is kept.
 */
export function withoutOwnQuotes(body: string): string {
  const outside = body.replace(QUOTE, ' ').trim();
  return body.replace(QUOTE, (whole, ...groups: unknown[]) => {
    const inner = groups.slice(0, 4).find((g) => typeof g === 'string') as string | undefined;
    if (inner === undefined) return whole;
    const words = inner.trim().split(/\s+/).length;
    const context = outside !== '' && words >= 3 && !OPT_OUT_WORD.test(inner);
    return OURS.test(inner) || words >= 8 || context ? ' ' : whole;
  });
}
