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

/**
 * Reaction verbs as phones write them: iOS in English, Spanish, French and Portuguese, and the
 * likely forms of a phone set to Russian, Vietnamese, Chinese or Korean (with or without marks).
 */
const VERBS: readonly [RegExp, Kind][] = [
  [
    /^(?:removed an? [\w !-]+? from|quit[oó] (?:un|el|la) [\w ]+? (?:de|a)|a retir[ée] [\w ]+? de)$/iu,
    'other',
  ],
  [
    /^(?:disliked|no le gust[oó]|n[’']a pas aim[ée]|n[’']aime pas|n[aã]o curtiu|не нравится|не понравилось|(?:đã )?không thích|(?:da )?khong thich|不喜欢|不喜歡|싫어요|싫어함)$/iu,
    'not_interested',
  ],
  [
    /^(?:questioned|cuestion[oó]|pregunt[oó] (?:por|sobre)|a questionn[ée]|a mis en (?:doute|question)|a mis un point d[’']interrogation [àa]|questionou|(?:đã )?đặt (?:câu|dấu) hỏi(?: về| cho)?|(?:da )?dat (?:cau|dau) hoi(?: ve| cho)?|质疑了?|質疑了?|表示疑问|表示疑問|물음표|(?:đã )?thắc mắc(?: về)?|(?:da )?thac mac(?: ve)?|вызвало вопрос|вопрос к|вопрос)$/iu,
    'question',
  ],
  [
    /^(?:liked|loved|nagustuhan(?: ang)?|nagusthuan(?: ang)?|ni-?like(?: ang)?|renmen|le gust[oó]|le encant[oó]|me encant[oó]|a aim[ée]|a ador[ée]|curtiu|amou|нравится|понравилось|(?:đã )?(?:yêu )?thích|(?:da )?(?:yeu )?thich|已?喜欢了?|已?喜歡了?|已?赞了?|已?讚了?|点赞了?|點讚了?|表示喜欢|表示喜歡|좋아요|좋아함)$/iu,
    'interested',
  ],
  [
    /^(?:laughed at|emphasi[sz]ed|se ri[oó] de|enfatiz[oó]|a ri de|a soulign[ée]|a mis en [ée]vidence|riu de|enfatizou|destac[oó]|посмеял(?:ся|ась) над|выделил[аи]?|(?:đã )?(?:cười|nhấn mạnh)|(?:da )?(?:cuoi|nhan manh)|笑了|大笑|强调了?|強調了?|웃음|강조함?)$/iu,
    'other',
  ],
];
const REACTED =
  /^(?:reacted|reaccion[oó]|reagiu|a r[ée]agi|отреагировал(?:\(-?а\)|а|и)?|реакция|(?:đã )?bày tỏ(?: cảm xúc)?|(?:da )?bay to(?: cam xuc)?|(?:đã )?thả|(?:da )?tha|(?:nag|ni)-?react(?:\s+ng)?|reyaji|поставил(?:\(а\)|а)?)(?:\s+(?:with|con|com|avec))?\s+(\S+)(?:\s+(?:to|a|con|[àa]|на|về|ve|với|voi|cho|sa))?$/iu;
const EMOJI_KIND: readonly [RegExp, Kind][] = [
  [/^(?:👍|❤️?|♥️?|😍|🥰)/u, 'interested'],
  [/^👎/u, 'not_interested'],
  [/^(?:🛑|⛔)/u, 'opt_out'],
  [/^(?:❓|❔|‼️?)/u, 'question'],
];

/**
 * Chinese and Korean phones may name an emoji reaction after the quote: `对“…”回应了👍`,
 * `“…”에 👍(으)로 반응함`.
 */
const EMOJI_AFTER =
  /^(?:已?\s*[对對]\s*)?[“"«„「]([^“”"«»„「」]*)[”"»“」]\s*((?:回应了|回應了|回复了|回覆了|点了|點了|作出了|作出|做出了|表示了|表示|表达了|表達了|留下了)\s*(\p{Extended_Pictographic}\uFE0F?)\s*(?:回应|回應)?|에\s*(\p{Extended_Pictographic}\uFE0F?)\s*(?:(?:\(으\)로|으로|로)\s*)?(?:반응함|반응했습니다|반응을\s*남김|반응))(?:\s|\p{Extended_Pictographic}|[!！.。])*$/u;

/** Opening and closing quote marks a phone or a person uses around quoted text. */
const QUOTE = /(?:“([^”]*)(?:”|$)|"([^"]*)(?:"|$)|«([^»]*)(?:»|$)|„([^“”]*)(?:[“”]|$)|「([^」]*)(?:」|$))/gu;
const OPENING = /^([^“"«„「]{2,40}?)\s*[“"«„「]/u;
/** Korean and Chinese phones may name the reaction after the quote: `“…”에 좋아요`, `“…”点赞`. */
const CLOSING =
  /[”"»“]\s*(?:을\(를\)|를\(을\)|에|을|를|에게)?\s*([^“”"«»„]{1,16}?)\s*(?:를|을)?\s*(?:표시함|표시했습니다|표시|눌렀습니다|눌렀어요|누름|했습니다)?(?:\s|\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|\uFE0F|[!！.。])*$/u;

/** Chinese may name the emoji before the verb: `用👍回应了“…”`. */
const EMOJI_FIRST = /^用\s*(\p{Extended_Pictographic}\uFE0F?)\s*(?:回应了|回應了|回复了|回覆了|回应|回應)$/u;

/** A closing quote mark followed by words of the contact's own ("Liked “…” wait, who is this?"). */
const WORDS_AFTER = /^[^”"»“」]*[”"»“」][\s.…,;:!-]*(\p{L}.*)$/su;

/** Phones may put an invisible direction mark before the verb. */
const visible = (body: string) => body.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu, '').trim();

/** The reaction's name as written, without trailing punctuation or doubled spaces. */
const verbOf = (verb: string) =>
  verb
    .trim()
    .replace(/[\s!！.。]+$/u, '')
    .replace(/\s+/g, ' ');

/** The kind a reaction verb names, if it is one. */
function kindOf(verb: string): Kind | undefined {
  for (const [pattern, category] of VERBS) if (pattern.test(verb)) return category;
  const emoji = REACTED.exec(verb)?.[1] ?? EMOJI_FIRST.exec(verb)?.[1];
  if (emoji === undefined) return undefined;
  return EMOJI_KIND.find(([pattern]) => pattern.test(emoji))?.[1] ?? 'other';
}

/**
 * A tapback sent as text: the reaction when the whole message is a reaction verb and a quote, or
 * the contact's own words when they typed some after the quote ("Loved “Reply STOP to opt out.”
 * lol yes STOP", "Reacted 👍 to “…” wait, is this the same company?"): those words are the reply.
 */
export type Tapback = { readonly reaction: Reaction } | { readonly words: string };

/** Reads a tapback sent as text, if the body is one. */
export function readTapback(body: string): Tapback | undefined {
  const text = visible(body);
  const after = EMOJI_AFTER.exec(text);
  if (after !== null) {
    const kind = EMOJI_KIND.find(([pattern]) => pattern.test(after[3] ?? after[4] ?? ''))?.[1] ?? 'other';
    return { reaction: onNotice({ name: after[2] ?? '', category: kind }, after[1] ?? '') };
  }
  const found = splitReaction(text);
  if (found === undefined) return undefined;
  const verb = verbOf(found.verb);
  const category = kindOf(verb);
  if (category === undefined) return undefined;
  const words = WORDS_AFTER.exec(found.quote)?.[1];
  return words === undefined ? { reaction: onNotice({ name: verb, category }, found.quote) } : { words };
}

/** The reaction of a tapback that is nothing but a reaction verb and a quote. */
export function readReaction(body: string): Reaction | undefined {
  const tapback = readTapback(body);
  return tapback !== undefined && 'reaction' in tapback ? tapback.reaction : undefined;
}

/** The reaction's name and the quoted text, the name before the quote or after it. */
function splitReaction(text: string): { verb: string; quote: string } | undefined {
  const opening = OPENING.exec(text);
  if (opening !== null) return { verb: opening[1] ?? '', quote: text.slice(opening[0].length) };
  // Chinese may open with 对 ("对“…”表示疑问").
  const rest = text.replace(/^[对對]\s*(?=[“"«„])/u, '');
  const closing = /^[“"«„]/u.test(rest) ? CLOSING.exec(rest) : null;
  return closing === null ? undefined : { verb: closing[1] ?? '', quote: rest.slice(1, closing.index) };
}

/** Our closing texts ("No problem, thanks for letting us know. Have a great day!"). */
const GOODBYE =
  /\b(?:have a (?:great|good|nice|wonderful) (?:day|one|week|weekend|evening)|thanks for letting us know|you(?:'re| are| have been) (?:unsubscribed|opted out|removed)|we won[’']t (?:text|contact|message)|que tenga (?:un )?buen d[ií]a|gracias por avisar\p{L}*|que tenga un (?:buen|excelente|lindo) d[ií]a|no (?:le|te|los) volveremos a (?:escribir|molestar|contactar)|no (?:le|te|les) escribiremos m[aá]s|on ne vous (?:[ée]crira|contactera|d[ée]rangera) plus|nou p ap ekri (?:w|ou) ank[oò]|n[aã]o vamos mais (?:mandar|enviar|escrever)|n[aã]o vamos (?:mandar|enviar) mais|nous ne vous [ée]crirons plus|kite w trankil|bon jounen|bonne journ[ée]e|tenha um bom dia|obrigad[oa] por avisar)(?![\p{L}])/iu;

/**
 * Asks or offers something: a question mark, or an offer made as a condition ("if a free quote
 * ever makes sense, reply YES", "Reply YES and we'll set it up"). Our bare instruction lines
 * ("Reply YES for details, STOP to opt out.") offer nothing of their own: most authors labeled a
 * like on them `other`.
 */
const OFFER =
  /[?？¿]|\b(?:if|si|se)\b[^.!]{0,80}\b(?:reply|text|responda|responde|r[ée]pondez|reponn)\b|\b(?:reply|responda|responde|r[ée]pondez) (?:yes|s[ií]|sim|oui) (?:and|y|e|et)\b/iu;

/**
 * A like on one of our notices — our goodbye, or our opt-out footer alone ("Msg & data rates may
 * apply. Reply STOP to opt out.") — only acknowledges it: `other`, not a yes to the offer.
 */
function onNotice(reaction: Reaction, quote: string): Reaction {
  const asked = quote.replace(/¿?\b(?:questions|preguntas|perguntas|d[uú]vidas)\s*\?/giu, '');
  // A quote cut in the middle ("Hi Sam, it's Dana… Reply STOP to opt out.") may have held the
  // offer; one that opens with the cut ("…Reply STOP to opt out.") is only the footer.
  const cut = /…|\.\.\./u.test(quote.replace(/^\s*(?:…|\.\.\.)+/u, ''));
  const footer = OURS.test(quote) && !OFFER.test(asked) && !cut;
  return reaction.category === 'interested' && (GOODBYE.test(quote) || footer)
    ? { ...reaction, category: 'other' }
    : reaction;
}

/** Our own texts carry opt-out instructions; a long quote is a pasted text, not the contact's words. */
const OURS =
  /\b(?:reply|text|txt|responda|responde|r[ée]pondez|reponn|envie|send)\b.{0,40}\b(?:stop|yes|s[ií]|oui|sim|parar|sair)\b|\bopt(?: |-)?out\b|\bstop (?:to|para|pour|для|để)(?![\p{L}])|(?:回复|回覆|ответьте|tr[aả] l[oờ]i)\s?stop|stop\s?(?:退订|退訂)|수신\s?거부/iu;

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
  // A line quoted email-style ("> Still interested in a free quote?") is our text, when the contact wrote more.
  const unquoted = body
    .replace(/^[ \t]*>\s*(?:\S+[ \t]+){2,}?\S+[?.!][ \t]+(?=\S)/u, '')
    .replace(/^[ \t]*>[^\n]*(?:\n|$)/gmu, '')
    .trim();
  if (unquoted !== '' && unquoted !== body.trim()) return withoutOwnQuotes(unquoted);
  const outside = body.replace(QUOTE, ' ').trim();
  return body.replace(QUOTE, (whole, ...groups: unknown[]) => {
    const inner = groups.slice(0, 5).find((g) => typeof g === 'string') as string | undefined;
    if (inner === undefined) return whole;
    const words = inner.trim().split(/\s+/).length;
    const context = outside !== '' && words >= 3 && !OPT_OUT_WORD.test(inner);
    return OURS.test(inner) || words >= 8 || context ? ' ' : whole;
  });
}
