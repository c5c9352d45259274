/**
 * HELP and START: carrier keywords that count only as the whole reply ("HELP", "info?",
 * "START.") — Twilio answers them itself (https://www.twilio.com/docs/messaging/tutorials/advanced-opt-out).
 * "YES" is also a Twilio opt-in keyword, but in a sales funnel a bare yes answers the offer,
 * so it is `interested`. "More info please" is a request for details, not the HELP keyword.
 * AYUDA is the Spanish HELP that carriers' localised keyword lists use, AIDE the French one
 * Canadian carriers answer (with ARRET for STOP).
 */
import type { Normalized } from './normalize.js';
import type { Rule } from './rule.js';

const HELP = new Set(['help', 'info', 'ayuda', 'aide']);
const OPT_IN = new Set(['start', 'unstop']);

function onlyWord(reply: Normalized, words: ReadonlySet<string>): string | undefined {
  const [only, ...rest] = reply.words;
  return rest.length === 0 && only !== undefined && words.has(only) ? only : undefined;
}

export const KEYWORD_RULES: readonly Rule[] = [
  {
    id: 'help.keyword',
    category: 'help',
    why: 'the whole reply is the carrier HELP keyword',
    match: (reply) => onlyWord(reply, HELP),
  },
  {
    id: 'opt_in.keyword',
    category: 'opt_in',
    why: 'the whole reply is a carrier opt-in keyword',
    match: (reply) => onlyWord(reply, OPT_IN),
  },
];
