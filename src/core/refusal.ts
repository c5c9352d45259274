/**
 * What a Twilio code about one contact does to that contact, whether Twilio refused the create
 * (`send`) or reported the text failed later (`poll-replies`). Pure: the columns to set, the
 * opt-out row to append, and the words for the operator. The codes and their effects are in
 * ./twilio-codes.ts; sender- and account-scope codes never reach here (they touch no contact).
 */
import { type OptOutRow, optedOutState, optOutRow } from './compliance/suppression.js';
import { decisionColumns, personColumns, unusableColumns } from './contact-update.js';
import type { CompiledFunnel } from './funnel/index.js';
import { type Contact, isoSeconds } from './model.js';
import { type CodeMeaning, type ContactEffect, codeMeaning } from './twilio-codes.js';

/** How long a contact whose country the account cannot text waits before it is tried again. */
export const COUNTRY_RETRY_MS = 24 * 3600_000;

export interface Refusal {
  /** columns to set on the contact */
  set: Record<string, string>;
  /** for opt-outs.csv */
  optOut?: OptOutRow;
  /** what Twilio's answer says about the contact: "number cannot take texts" */
  headline: string;
  /** what happened to the contact and what to do, for the operator: "marked opted out" */
  outcome: string;
}

/**
 * The refusal of one text to `contact` with a contact-scope code. `retry_once` is not handled
 * here: a delivery result owes the text again (src/core/delivery.ts).
 */
export function refusalOf(
  contact: Contact,
  effect: Exclude<ContactEffect, 'retry_once'>,
  meaning: CodeMeaning,
  compiled: CompiledFunnel | undefined,
  at: Date,
  source: string,
): Refusal {
  const why =
    meaning.code === 0
      ? meaning.meaning
      : `Twilio ${meaning.code}, ${meaning.meaning} (https://www.twilio.com/docs/errors/${meaning.code})`;
  switch (effect) {
    case 'opted_out': {
      const state = optedOutState(contact, compiled, at);
      return {
        set: {
          ...decisionColumns({ state, changed: true, nextActionAt: null, optedOut: true }, at),
          error: `opted out at the carrier: ${why}`,
        },
        optOut: optOutRow({
          number: contact.phone,
          at: isoSeconds(at),
          action: 'opt_out',
          how: 'carrier',
          detail: `Twilio ${meaning.code}`,
          source,
        }),
        headline: 'has opted out at the carrier',
        outcome: 'marked opted out; never texted again',
      };
    }
    case 'country_blocked':
      return {
        set: {
          error: `the account cannot text this country: ${why}`,
          next_action_at: isoSeconds(new Date(at.getTime() + COUNTRY_RETRY_MS)),
          updated_at: isoSeconds(at),
        },
        headline: 'your Twilio account cannot text this country',
        outcome: `${lower(meaning.fix)}; it is tried again in 24 hours`,
      };
    case 'unusable':
      return {
        set: unusableColumns(why, at),
        headline: 'number cannot take texts',
        outcome: `it will not be texted again; ${lower(meaning.fix)}`,
      };
    case 'person':
      return {
        set: personColumns(why, at),
        headline: 'needs a person',
        outcome: `flagged for a person, and not texted again until next_action_at is set; ${lower(meaning.fix)}`,
      };
  }
}

/** Twilio's refusal of a create, as `send` meets it. */
export interface Rejection {
  code: number;
  reason: ContactEffect;
  /** Twilio's page about the code */
  moreInfo: string;
}

/**
 * What Twilio's refusal to create a text does to its contact (set on it here), the opt-out row
 * to append if it opted the contact out, and the line for the operator. A code Twilio means to be
 * tried once more is, at create, one a person looks at.
 */
export function applyRefusal(
  contact: Contact,
  rejection: Rejection,
  compiled: CompiledFunnel,
  at: Date,
): { line: string; optOut?: OptOutRow } {
  const meaning = codeMeaning(rejection.code);
  const effect = rejection.reason === 'retry_once' ? 'person' : rejection.reason;
  const refusal = refusalOf(contact, effect, meaning, compiled, at, `send to contact ${contact.id}`);
  Object.assign(contact, refusal.set);
  const sep = effect === 'opted_out' ? ' ' : ': ';
  const line = `contact ${contact.id} (${contact.phone})${sep}${refusal.headline} (Twilio ${rejection.code}, ${meaning.meaning}, ${rejection.moreInfo}); ${refusal.outcome}`;
  return refusal.optOut === undefined ? { line } : { line, optOut: refusal.optOut };
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
