/**
 * Later words that are not a "later" about the offer: a delay in answering ("driving, will answer
 * later", which the replies README counts as `other`), paying later ("es gratis o luego cobran?"),
 * a hypothetical ("что будет, если потом…?"), a day in the past ("el otro día"). A later rule is
 * set aside when the words it matched lie inside one of these phrases, so "driving, will answer
 * later. call me next month" stays `later`. Patterns read folded text (see `world-rule.ts`).
 */
import { allMatches } from './rule.js';

const LATIN = [
  '(?:will|i will|i ll|gonna|going to|can|let me|to)(?: \\p{L}+){0,2} (?:answer|answre|anwser|asnwer|awnser|reply|respond|read|look at|check)(?: \\p{L}+){0,2} later',
  '(?:luego|al rato|mas tarde|despues) (?:te |le |les )?(?:contesto|respondo|escribo|leo)',
  // At work, answering later: "estoy en el trabajo, luego te contesto", "tô no trabalho, respondo depois".
  '(?:estoy |ando |toy )?(?:en el (?:trabajo|jale)|trabajando|chambeando)(?: \\p{L}+){0,4} (?:te |le |les )?(?:contesto|respondo|escribo)(?: \\p{L}+){0,2}',
  '(?:estou |to |tou )?no (?:trabalho|servico|trampo)(?: \\p{L}+){0,3} (?:te |lhe )?(?:respondo|responod|retorno)(?: \\p{L}+){0,3}',
  '(?:je suis )?au (?:travail|boulot|taf)(?: \\p{L}+){0,3} (?:je )?(?:vous |te )?(?:reponds|reopnds|repondrai)(?: \\p{L}+){0,2} plus tard',
  '(?:te |le |les )?(?:contesto|respondo|escribo|leo) (?:luego|al rato|mas tarde|despues)',
  'ahorita no puedo (?:contestar|hablar|responder)(?: \\p{L}+){0,5}',
  '(?:te |lhe |vos )?(?:respondo|leio|retorno) (?:depois|mais tarde|ja ja)',
  '(?:depois|mais tarde) (?:te |eu )?(?:respondo|leio)',
  '(?:je )?(?:vous |te )?(?:reponds|repondrai|lis|lirai)(?: \\p{L}+){0,2} plus tard',
  '(?:m a|m ap|ma|m va|m pral) (?:reponn|li)(?: \\p{L}+){0,2} pita',
  '(?:reply|sagot|sasagot|magrereply|rereply)\\p{L}*(?: \\p{L}+){0,2} mamaya(?: na)?',
  'mamaya (?:na )?(?:lang )?(?:ako |ko )?(?:mag ?)?(?:reply|sagot|sasagot|rereply)\\p{L}*',
  '(?:reply|rpely|sagot|rereply)\\p{L}*(?: ako| na lang| ko)? later',
  '(?:отвечу|напишу|прочитаю) (?:позже|потом)',
  '(?:позже|потом) (?:отвечу|напишу|прочитаю)',
  '(?:tra loi|rep|doc) sau',
  '(?:fee|fees|charge|charges|cost|costs|payment|bill|pay)(?: \\p{L}+){0,3} (?:later|down the road|in the future|eventually)',
  'luego hay que pagar',
  '(?:ca marche|comment ca marche) (?:comment|quand)?(?: \\p{L}+){0,6}',
  '(?:despues|luego) (?:me |nos |te |le )?(?:van a )?cobra\\p{L}*',
  'или потом(?: \\p{L}+){0,3}|потом (?:\\p{L}+ )?(?:сч[её]т|платить|заплатить)',
  'el otro dia|la otra vez',
  's occupe de|m occupe de|s en occupe',
  'is this the same (?:company|people|guys|one)(?: \\p{L}+)*|ca depend de quoi|sou obrigad\\p{L}* a(?: \\p{L}+)*',
  'от чего зависит',
  '(?:el )?dueno es el que decide',
  '(?:스탑|스톱|stop)\\s?보내면\\s?나중에',
  '(?:а )?потом захочу (?:остановить|отказаться|отменить|прекратить)',
  'eske (?:m|mwen) ka sispann(?: \\p{L}+)*',
  'o dono (?:(?:e|eh) )?que decide',
  'get back to you(?: \\p{L}+){0,2} later',
  '(?:y )?si despues (?:ya )?no quiero(?: \\p{L}+)*',
  '(?:nao|n) (?:estou|estamos) a pensar (?:em )?(?:vender|mudar)',
  '(?:alguma |alguna )?(?:taxa|tarifa|cuota|cobro)\\p{L}* (?:depois|despues|apres|later)',
  // "Not now, not ever" is a no.
  'khong phai (?:bay gio|luc nay) ma la khong bao gio',
  '(?:chua|khong|ko) co y dinh(?: \\p{L}+){0,3}',
  '(?:ni )?(?:ahorita|ahora) ni (?:despues|luego|nunca)|nem agora nem depois|ni maintenant ni (?:plus tard|jamais|apres)',
  'not now(?: \\p{L}+)? (?:not ever|or ever|not never)',
  '(?:may )?bayad(?: pa)? later',
  'depois vem (?:cobranca|conta|taxa)|cobr\\p{L}* depois|depois (?:\\p{L}+ )?cobr\\p{L}*',
  // A hypothetical question: "что будет, если мы потом продадим дом?".
  '(?:что будет|what happens|que pasa|o que acontece|qu est ce qui se passe|kisa k ap pase|sa k ap pase)(?: [\\p{L}\\d]+){0,8}',
  // Paying later is not a later: "es gratis o hay que pagar algo despues?".
  '(?:pagar|pago|cobrar|cobran|pay|payer)(?: \\p{L}+){0,2} (?:despues|depois|later|plus tard|apres)',
];
const ANYWHERE = [
  '(?:以后|以後)(?:会|會)',
  // After the work is done, not a later time: "装了以后一个月能省多少？".
  '(?:装|裝|安装|安裝|用)(?:了|好|完)(?:以后|以後|之后|之後)',
  '나중에\\s?(?:\\S{1,9}\\s?)?(?:돈|요금|비용|청구)',
  '(?:이따|나중에)\\s?(?:답|연락드|문자드|확인)',
  '(?:晚点|晚點|等下|待会|待會|稍后|稍後)(?:再)?(?:回|看)',
  // Not now, nor later: "不是现在不要，是根本不要", "앞으로도 필요 없을 것 같아요".
  '(?:不是[^。]{0,8}(?:以后|以後|现在|現在)[^。]{0,6}[，,\\s]*)?(?:是)?根本不(?:要|需要)|앞으로도\\s?필요\\s?없',
];

const PATTERN = new RegExp(
  `(?<= )(?:${LATIN.join('|')})(?= )|${ANYWHERE.join('|')}`.normalize('NFKD').replace(/\p{M}/gu, ''),
  'gu',
);

/** The phrases of a folded reply whose later words are not about the offer ("will reply later"). */
export function notLaterPhrases(folded: string): string[] {
  return allMatches(folded, PATTERN);
}
