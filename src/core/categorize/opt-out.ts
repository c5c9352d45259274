/**
 * Opt-out: the one category that must never be missed. A missed opt-out is a legal problem
 * (TCPA; the FCC's 2024 order lets a person revoke consent "in any reasonable manner"), a false
 * one loses a lead, so wording is recognised generously and only clear idioms are excluded
 * ("stop by", "bus stop", "can't stop thinking about it").
 *
 * Carrier keywords follow Twilio's default opt-out list (STOP, STOPALL, UNSUBSCRIBE, CANCEL, END,
 * QUIT, REVOKE, OPTOUT: https://www.twilio.com/docs/messaging/tutorials/advanced-opt-out) plus
 * REMOVE, OPT-OUT and ARRET from the US/Canada carrier lists, and the Spanish PARAR, ALTO, BASTA,
 * CANCELAR, BAJA. As a whole message they are matched however they are typed ("Stop.", " STOP ",
 * "stop!!", "STOP 🛑", "stpo").
 */
import { type Normalized, squeeze, withinOneEdit } from './normalize.js';
import { patternRule, type Rule } from './rule.js';
import { NOT_TYPOS } from './vocabulary.js';

const CARRIER_KEYWORDS = ['stop', 'stopall', 'unsubscribe', 'cancel', 'end', 'quit', 'optout', 'revoke'];
const WHOLE_MESSAGE_KEYWORDS = new Set(
  [
    ...CARRIER_KEYWORDS,
    'remove',
    'arret',
    'parar',
    'alto',
    'basta',
    'cancelar',
    'baja',
    'stp',
    'para',
    'paren',
    'block',
    'stahp',
    'stap',
    'cease',
    'stopit',
  ].map(squeeze),
);
const PHRASE_KEYWORDS = [
  'opt out',
  'stop all',
  'stop it',
  'stop now',
  'de baja',
  'dar de baja',
  'no more',
  'no mas',
].map(squeeze);
/** Words that may stand next to a keyword without changing it ("Stop please", "STOP 🛑 thanks"). */
const FILLERS = new Set([
  'please',
  'now',
  'thanks',
  'thank',
  'you',
  'ok',
  'por',
  'favor',
  'ya',
  'na',
  'po',
  'x',
  'porfa',
  'plis',
]);

/**
 * A typo in a one-word opt-out: keywords of 6+ letters take any one edit; "stop" and "quit"
 * take a swap or one letter more or less ("stpo", "stp", "quitt") but no substitution, which
 * would turn "shop" or "step" into an opt-out.
 */
function nearKeyword(word: string): string | undefined {
  if (NOT_TYPOS.includes(word)) return undefined;
  for (const keyword of CARRIER_KEYWORDS) {
    if (keyword.length < 4 || !withinOneEdit(word, keyword)) continue;
    if (keyword.length >= 6) return keyword;
    const sameLetters = [...word].sort().join('') === [...keyword].sort().join('');
    if (word.length !== keyword.length || sameLetters) return keyword;
  }
  // "sopt", "sotp": the letters of STOP after its S, in any order, but never the word "spot".
  if (/^s[top]{3}$/.test(word) && new Set(word).size === 4 && word !== 'spot') return 'stop';
  // One key off on a QWERTY keyboard ("stip", "srop", "stol"), but never the word "atop".
  if (word !== 'atop' && oneKeyOff(word, 'stop')) return 'stop';
  return undefined;
}

/** Keys next to each letter of STOP on a QWERTY keyboard. */
const NEIGHBOURS: Readonly<Record<string, string>> = { s: 'awedxz', t: 'rfgy', o: 'iklp', p: 'ol' };

/** True when `word` is `keyword` with one letter replaced by a key next to it. */
function oneKeyOff(word: string, keyword: string): boolean {
  if (word.length !== keyword.length) return false;
  const diffs = [...word].flatMap((c, i) => (c === keyword.charAt(i) ? [] : [i]));
  if (diffs.length !== 1) return false;
  const at = diffs[0] as number;
  return (NEIGHBOURS[keyword.charAt(at)] ?? '').includes(word.charAt(at));
}

function wholeMessageKeyword(reply: Normalized): string | undefined {
  const meaningful = [...new Set(reply.words.filter((w) => !FILLERS.has(w)))];
  if (meaningful.length === 0) return undefined;
  const joined = meaningful.join(' ');
  if (PHRASE_KEYWORDS.includes(joined)) return joined;
  if (meaningful.every((w) => WHOLE_MESSAGE_KEYWORDS.has(w))) return meaningful.join(' ');
  // A keyword typed with spaces in it: "S T O P", "Sto p".
  const spaced = reply.words.join('');
  if (reply.words.length > 1 && reply.words.every((w) => w.length <= 3) && WHOLE_MESSAGE_KEYWORDS.has(spaced))
    return reply.words.join(' ');
  if (meaningful.length === 1) {
    const near = nearKeyword(meaningful[0] as string);
    if (near !== undefined) return `${meaningful[0]} (${near})`;
  }
  return undefined;
}

const CONTACT_VERBS =
  'text|texts|texting|message|messages|messaging|sms|contact|contacting|call|calling|calls|email|emailing|write|writing|bother|bothering|bug|bugging|pester|pestering|hound|hounding|spam|spamming|harass|harassing|send|sending';

export const OPT_OUT_RULES: readonly Rule[] = [
  {
    id: 'opt_out.keyword',
    category: 'opt_out',
    why: 'the whole reply is a carrier opt-out keyword',
    match: wholeMessageKeyword,
  },
  patternRule(
    'opt_out.stop_request',
    'opt_out',
    'asks to stop the messages',
    `(?<!\\b(?:do not|did not|does not|never|can not) )\\b(?:stop|stpo|sotp|stp|quit|halt)(?:ed|ing|s)? (?:the |these |your |all |with the |sending me )?(?:${CONTACT_VERBS}|it|this|that|them|me|us)\\b`,
  ),
  // Any other "stop" counts, except in idioms that are clearly not about the texts.
  patternRule(
    'opt_out.stop_word',
    'opt_out',
    'says stop',
    '(?<!\\b(?:do not|did not|does not|can not|could not|will not|would not|never|bus|one|non|pit|full|last|truck|rest|first|next) )\\bstop\\b(?! (?:by|in|over|at|off|on by|thinking|wondering|worrying|laughing|smiling|talking about|paying|spending|wasting|overpaying|throwing|giving))',
    'marked',
  ),
  patternRule(
    'opt_out.unsubscribe',
    'opt_out',
    'asks to unsubscribe',
    '\\b(?:unsubscribe|unsubscribed|un subscribe|usnuscribe|unsbuscribe|unsuscribe|opt out|opt me out|opt us out|optout|opted out|opting out|revoke|revoking|withdraw (?:my )?consent)\\b(?! of (?:the|a|my|your|our) (?:contract|lease|agreement|loan|plan|program|financing)\\b)',
  ),
  patternRule(
    'opt_out.remove',
    'opt_out',
    'asks to be removed',
    '\\b(?:remove|delete|erase|drop)(?:(?: me| us| her| him| them| (?:my|her|his|their) (?:number|name|info|contact|phone|cell)| this (?:number|phone|contact|cell)| our (?:number|names?)| from| it| (?:my|our) \\w+(?: s)? (?:number|phone|cell)| both of us)\\b| (?=\\|)|$)',
    'marked',
  ),
  patternRule(
    'opt_out.take_off',
    'opt_out',
    'asks to be taken off the list',
    '\\btake (?:me|us|her|him|them|(?:my|her|his|their) (?:number|name|info)|this (?:number|phone)|our (?:number|names?)|it|them) off\\b|\\boff (?:your|the|you|this|that) (?:list|contact list|contacts|database|calling list|texting list|mailing list)\\b',
  ),
  patternRule(
    'opt_out.do_not_contact',
    'opt_out',
    'asks not to be contacted',
    `\\b(?:if|that) you (?:no longer|did not|would not) (?:messaged|texted|contacted|called|emailed)\\b|\\b(?:(?:can|could|would|will) (?:you|y all|yall|ya|you guys|someone)(?: please| kindly| just)? not|(?:if|that) you (?:no longer|did not|would not|could not)|please not|do not|never|quit|no) (?:ever )?(?:${CONTACT_VERBS})(?:(?: me| us| this| my| here| again| anymore| ever| please| or)\\b| ?(?=\\|)|$)|\\b(?:do not|no longer|never) (?:want|wanted|need) (?:any |your |these |those |more |any more |to (?:get|receive) )*(?:texts|messages|calls|spam|sms|emails|text)\\b`,
    'marked',
  ),
  patternRule(
    'opt_out.cancel',
    'opt_out',
    'asks to cancel the messages',
    `\\b(?:cancel|cancle|cacnle|cacnel)(?:ar)? (?:me|us|please|subscription|texts?|txts?|messages|msgs)\\b|\\bdiscontinu(?:e|ing) (?:these|the|your|all|this|sending|texting|messaging)\\b|\\b(?:cancel|cancle|cacnle|cacnel)(?:ar)? (?:my|this|these|it|all|the|your)(?: \\w+)? (?:subscription|texts|text|messages|msgs|sms|alerts|notifications|number|spam|list)\\b|\\bcancel (?:it|this|that|all|everything)(?: now| please)?$|\\benough (?:with|of)\\b|\\bdone with (?:you|this|these|it|the (?:texts|messages|spam)|your (?:texts|messages|spam))\\b|^enough\\b|\\bthat is enough\\b|\\bend (?:my |the |this )?subscription\\b|\\b(?:do not|no longer|not|never) (?:wish|want|like|agree|consent) to (?:receive|get|be (?:contacted|texted|messaged)|hear)\\b|\\bnever asked for (?:this|these|it|them|your)\\b|\\b(?:appreciate|prefer|rather) not (?:getting|receiving|being (?:contacted|texted|messaged))\\b|\\b(?:did not|never) (?:sign(?:ed)? up|opt(?:ed)? in|subscribe(?:d)?|agree(?:d)?|consent(?:ed)?|g[ia]ve (?:you )?(?:my )?(?:number|permission|consent))\\b`,
  ),
  patternRule(
    'opt_out.no_more',
    'opt_out',
    'asks for no more messages',
    `\\b(?:quit|stop) blowing up my (?:phone|cell)\\b|\\bno more(?: \\w+)?(?: (?:${CONTACT_VERBS}|message|mensajes|mensagens|msjs|textos|sms|spam|calls|contact|emails|of this|of these|please)\\b| *(?=\\|)| *$)|(?:^|\\| )enough(?: already| now)?(?= \\||$)`,
    'marked',
  ),
  // "How do I make these texts end", "take my number out of your system", "I want out".
  patternRule(
    'opt_out.end',
    'opt_out',
    'asks for the messages to end',
    `\\bappreciate not (?:being (?:contacted|texted|messaged)|getting (?:these|any|your|more|any more) (?:texts|messages|msgs))\\b|\\bnot being contacted (?:further|again|anymore)\\b|\\b(?:make|get|have|let) (?:this|these|it|them|the \\w+|these \\w+|your \\w+)(?: to)? (?:end|stop|go away|quit)\\b|\\b(?:want|need|would like|wish) (?:these|the|your|this|them|it|all)(?: \\w+)? to (?:end|stop)\\b|\\bend (?:these|the|this|your|all)(?: \\w+)? (?:${CONTACT_VERBS}|spam)\\b|^end (?:texts|messages|msgs|sms|spam)\\b|\\b(?:take|get|remove|delete|erase|drop|put|leave) (?:me|us|my \\w+|this number|our \\w+)(?: \\w+)? (?:out of|off of) (?:your|the|this|ur)\\b|\\b(?:want|wanna|need|get me) out\\b(?! of (?:my|our|a|an|the contract|the lease)\\b)`,
  ),
  patternRule(
    'opt_out.lose_number',
    'opt_out',
    'asks to forget the number',
    '\\b(?:lose|delete|forget|erase|remove|burn) (?:my|this|our|the) (?:number|contact|info|information|details|data|name|records)\\b',
  ),
  patternRule(
    'opt_out.leave_alone',
    'opt_out',
    'tells the sender to go away',
    '\\brefrain from (?:contacting|texting|messaging|calling|emailing)\\b|\\b(?:leave (?:me|us) alone|go away|get lost|(?:fuck|f|piss|buzz|back|bugger) off|fuck you|f you|screw you|shut up|stfu|gtfo|emojifinger|knock it off|cut it out|give it a rest)\\b',
  ),
  // "sick of these texts", "why do you keep texting me", "I'd like to be removed".
  patternRule(
    'opt_out.fed_up',
    'opt_out',
    'says the messages are unwanted',
    `\\b(?:sick|tired|fed up) (?:of|with) (?:\\w+ )?(?:these|your|the|this|all|getting|receiving|you)\\b|\\b(?:you|they|you guys|y all|yall|people) (?:keep|kept) (?:on )?(?:${CONTACT_VERBS}) (?:me|us|this)\\b|\\b(?:be|get|been|being) (?:removed|deleted|unsubscribed|taken off)\\b|\\b(?:rather|prefer|prefer to) not (?:to )?(?:get|receive|be (?:texted|contacted|messaged))\\b|\\bnot interested in (?:receiving|getting) (?:any |these |your )?(?:${CONTACT_VERBS})\\b|\\bdo not disturb\\b|\\b(?:texts|messages) gone\\b`,
  ),
  patternRule(
    'opt_out.complaint',
    'opt_out',
    'threatens a report or complaint',
    '\\bquit \\w+(?:ing|ng|in) (?:me|us)\\b|\\b(?:(?:report|reprot|repotr)(?:ing|ed)? (?:you|this|your|it|as|to)|reproting (?:you|this|your|it)|reported|block(?:ing|ed)? (?:you|this|your|the number|it)|blocked|sue|suing|lawyer|attorney|tcpa|fcc|ftc|do not call (?:list|registry)|dnc|cease and desist|harass|harassing|harassment)\\b',
  ),
  // "Is this spam?" is a question; "this is spam" / "scam" as a statement wants it to stop.
  patternRule(
    'opt_out.spam',
    'opt_out',
    'calls the message spam',
    '^(?!(?:is|are|who|what|how|why|does|do|can)\\b)(?!.*\\?)(?!.*\\bsolar (?:is|are) (?:a )?scam\\b).*\\b(?:spam|spammer|spamming|spammers|scam|scammer|scammers|fraud)\\b',
  ),
  patternRule(
    'opt_out.spanish',
    'opt_out',
    'asks in Spanish to stop the messages',
    '\\b(?:parar|basta|cancelar|darme de baja|dar de baja|de baja|no me (?:escribas|escriban|escribe|escribir|manden|mandes|mande|envien|envies|envie|contacten|contactes|contacte|llamen|llames|llame|molesten|molestes|moleste)|no (?:mas|quiero) (?:mensajes|textos|sms|llamadas)|(?:deja|dejen|dejes|dejar|para|paren|pare) de (?:mandar|enviar|escribir|textear|llamar|molestar|contactar)\\w*|dejame en paz|dejenme en paz|borr(?:ar|en|a) mi numero|eliminar mi numero|no molestar)\\b',
  ),
];
