/**
 * A sender hold: a delivery result said the sender, the account or a queue is at fault (30034
 * unregistered, 30002 suspended, 30001 queue overflow, a spike of 30007). Every further text would
 * fail the same way, so `send` creates none while the hold lasts and exits with what to fix (78,
 * or 69 for a busy code, which ends by itself). No contact is marked; the failed texts are owed
 * again. The operator lifts a 78 hold with `smsfunnel retry --sender` once it is fixed; changing
 * the sender lifts it too (the hold names the sender it was met on).
 */
import { isoSeconds } from './model.js';
import type { CodeMeaning } from './twilio-codes.js';

export interface SenderHold {
  code: number;
  scope: CodeMeaning['scope'];
  meaning: string;
  fix: string;
  /** the number or Messaging Service SID the failures came from */
  sender: string;
  since: string;
  /** when a busy hold ends by itself; null: only the operator lifts it */
  until: string | null;
  /** how many texts failed this way, owed again */
  texts: number;
}

/** The hold a poll records for texts that failed with a sender-scope code. */
export function holdFor(meaning: CodeMeaning, sender: string, texts: number, now: Date): SenderHold {
  return {
    code: meaning.code,
    scope: meaning.scope,
    meaning: meaning.meaning,
    fix: meaning.fix,
    sender,
    since: isoSeconds(now),
    until: meaning.holdMs === undefined ? null : isoSeconds(new Date(now.getTime() + meaning.holdMs)),
    texts,
  };
}

/** Of two holds, the one that says more: an operator's (78) before a busy one, then the later. */
export function strongerHold(a: SenderHold | undefined, b: SenderHold): SenderHold {
  if (a === undefined) return b;
  if ((a.until === null) !== (b.until === null)) return a.until === null ? a : b;
  return b;
}

/** The hold that applies to a run from `sender` at `now`, if any. */
export function activeHold(
  hold: SenderHold | null | undefined,
  sender: string,
  now: Date,
): SenderHold | undefined {
  if (hold === null || hold === undefined || hold.sender !== sender) return undefined;
  if (hold.until !== null && Date.parse(hold.until) <= now.getTime()) return undefined;
  return hold;
}

/** One sentence: why `send` creates nothing. */
export function describeHold(hold: SenderHold): string {
  const until = hold.until === null ? 'until you lift it' : `until ${hold.until}`;
  return `sending from ${hold.sender} is held ${until}: ${hold.texts} text(s) failed with Twilio ${hold.code}, ${hold.meaning} (https://www.twilio.com/docs/errors/${hold.code}), since ${hold.since}`;
}
