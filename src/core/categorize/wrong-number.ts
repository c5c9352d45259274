/**
 * Wrong number: the person texted is not the one meant. The contact's name is unknown here,
 * so "this isn't <word>" counts when <word> looks like a name: not a common word ("I'm not
 * sure", "not now", "not interested") and at the end of its clause ("I'm not Sam", "this isnt
 * sam's phone"). "Who is this?" alone stays a question.
 */
import { type Normalized, squeeze } from './normalize.js';
import { patternRule, type Rule } from './rule.js';

/** Words that follow "not" / "no" without being a name. */
const NOT_A_NAME = new Set(
  `a an the any one interested interest sure certain now yet today tonight tomorrow home here there
  available able ready really right that this it me you your my our we us they them so too very quite
  anymore currently happy ok good bad fine done familiar aware allowed owner homeowner free kidding
  joking paying doing spam scam bot robot human person thanks thank please problem worries idea
  clue more longer way thing way one body matter rush hurry doubt pressure worry need money time
  selling buying looking going renting moving before after for to in at on of with yes no lol sorry
  dueno duena propietario propietaria de del aqui yo muy tan ever even again always solar panels roof insurance`
    .split(/\s+/)
    .map(squeeze),
);
const NAME_TAIL = new Set(['', 'phone', 'number', 'cel', 'anymore', 'here', 'sory', 'lol']);

function looksLikeName(word: string | undefined): word is string {
  return (
    word !== undefined &&
    word.length >= 2 &&
    !NOT_A_NAME.has(word) &&
    !/\d/.test(word) &&
    !word.startsWith('emoji') &&
    !/(?:ing|ed|ly)$/.test(word)
  );
}

const DENIALS = [
  /^(?:.* )?(?:this|it|that|this number|this phone) is (?:\w+ )?not (\w+) ?(.*)$/,
  /^(?:.* )?i am not (\w+) ?(.*)$/,
  /^(?:.* )?my names? (?:is )?not (\w+) ?(.*)$/,
  /^(?:.* )?i am not (\w+)()(?: (?:and|but|so|lol|lmao)\b.*)$/,
  /^(?:.* )?(?:i|we) do not know (?:any|anyone named|anybody named|a|an) (\w+) ?(.*)$/,
];
const NOT_NAME = /^(?:who |i am |this is |it is )?not (\w+)(?: (?:but|tho|though)\b.*)?$/;
const NO_ONE_NAMED = /^(?:.* )?(?:there is |there are )?no (\w+) (?:here|at this number|on this number)(.*)$/;

/** Finds "this isn't Sam" / "no Sam here" / a bare "not Sam" in one clause of the reply. */
function deniesName(reply: Normalized): string | undefined {
  for (const clause of reply.marked.split(/ ?\| ?/)) {
    // An emoji after "this isn't Sam's phone" changes nothing.
    const c = clause
      .replace(/ ?\bemoji\w*/g, '')
      .replace(/ ?\?$/, '')
      .trim();
    for (const denial of DENIALS) {
      const found = denial.exec(c);
      if (found && looksLikeName(found[1]) && NAME_TAIL.has(found[2] ?? '')) return found[0].trim();
    }
    const bare = NOT_NAME.exec(c) ?? NO_ONE_NAMED.exec(c);
    if (bare && looksLikeName(bare[1])) return bare[0].trim();
  }
  return undefined;
}

export const WRONG_NUMBER_RULES: readonly Rule[] = [
  patternRule(
    'wrong_number.wrong',
    'wrong_number',
    'says the number or person is wrong',
    '\\bwrong (?:number|person|guy|girl|lady|man|gal|dude|contact|phone|cell|people|family|name|house|text|one)\\b|^wrong$|\\b(?:you have|you got|got|have|texted|texting|reached) the wrong\\b|\\bnot the (?:right|correct) (?:person|number)\\b',
  ),
  {
    id: 'wrong_number.not_name',
    category: 'wrong_number',
    why: 'says they are someone else',
    match: deniesName,
  },
  patternRule(
    'wrong_number.no_one_here',
    'wrong_number',
    'says nobody of that name is here',
    '\\b(?:no one|nobody|noone|no body) (?:by (?:that|the|this) name|named|called|with (?:that|this) name|here|lives here)\\b|\\bno longer (?:has|have|uses|use|owns|own|lives|live) (?:this|that|the)? ?(?:number|phone|here)?',
  ),
  patternRule(
    'wrong_number.moved_on',
    'wrong_number',
    'says the person no longer has this number',
    '\\b(?:does not|do not|did not) (?:live|lives|work|works|have|has|use|uses|own|owns|belong) (?:here|at this|this number|this phone|this cell|that number|there)\\b|\\b(?:new|changed|changed my|different) (?:number|phone|cell)\\b|\\b(?:belongs to|is) (?:someone|somebody) else\\b|\\bsomeone elses (?:number|phone)\\b|\\bnot (?:who|the person) you (?:think|want|are looking for|mean|are after)\\b|\\b(?:this is|it is) (?:now )?(?:his|her|their) \\w+s (?:phone|number|cell)\\b|\\bthis is \\w+s (?:phone|number|cell) now\\b|\\bhad this (?:number|phone) before\\b|\\bgot this number\\b|\\bmeant to (?:text|message|reach) (?:someone|somebody) else\\b|\\bi have (?:his|her) phone now\\b|\\b(?:has not|hasnt) had this number\\b|\\bthis used to be (?:his|her|their|my \\w+s) (?:phone|number|cell)\\b|\\bthis was my \\w+s (?:number|phone|cell)\\b|\\bupdate your (?:records|list|contacts)\\b|\\b(?:is not|isnt|has not been|hasnt been) (?:his|her) (?:number|phone)\\b|\\b\\w+ was my (?:husband|wife|dad|father|mom|mother|son|daughter|brother|sister|grandfather|grandmother)\\b',
  ),
  patternRule(
    'wrong_number.spanish',
    'wrong_number',
    'says in Spanish it is the wrong number',
    '\\b(?:numero equivocado|equivocad[oa]|se equivoco|numero (?:incorrecto|errado)|no vive aqui|aqui no vive)\\b',
  ),
  {
    id: 'wrong_number.spanish_name',
    category: 'wrong_number',
    why: 'says in Spanish they are someone else',
    match: (reply) => {
      const found = /\bno soy (\w+)/.exec(reply.text);
      return found && looksLikeName(found[1]) ? found[0] : undefined;
    },
  },
];
