/**
 * Why a due contact gets no text this run: the skip reasons `send` reports, the checks made
 * before the funnel step is even looked at (opt-out list, one text per number, a reply waiting,
 * consent, a person handling it, an unanswered create), and the count by reason.
 */
import { hasConsent } from './import/opt-out.js';
import type { Contact } from './model.js';

export type SkipReason =
  | 'quiet_hours'
  | 'daily_limit'
  | 'template'
  | 'awaiting_reply'
  | 'unsettled'
  | 'with_person'
  | 'no_consent'
  | 'state'
  | 'opted_out'
  | 'duplicate';

export interface Skip {
  contact: Contact;
  reason: SkipReason;
  detail: string;
  /** for quiet hours: when the contact's window opens */
  opensAt?: Date;
}

/** What the plan knows of contacts besides their rows (see PlanInput). */
export interface HoldingSets {
  awaitingCategorize: ReadonlySet<string>;
  unsettled?: ReadonlySet<string>;
  withPerson?: ReadonlySet<string>;
  suppressed?: ReadonlySet<string>;
}

/**
 * The skip of a due contact that no funnel step can change, or undefined. `texted` holds the
 * numbers already texted this run.
 */
export function heldBack(
  contact: Contact,
  input: HoldingSets,
  kind: 'informational' | 'marketing',
  texted: ReadonlySet<string>,
): Skip | undefined {
  if (input.suppressed?.has(contact.phone) === true) {
    return {
      contact,
      reason: 'opted_out',
      detail: 'the number is on the opt-out list (opt-outs.csv)',
    };
  }
  if (texted.has(contact.phone)) {
    return {
      contact,
      reason: 'duplicate',
      detail: `another contact with ${contact.phone} is texted in this run`,
    };
  }
  if (input.awaitingCategorize.has(contact.id))
    return { contact, reason: 'awaiting_reply', detail: 'a reply is waiting for categorize' };
  if (kind === 'marketing' && !hasConsent(contact)) {
    return {
      contact,
      reason: 'no_consent',
      detail:
        'a marketing funnel texts only contacts whose row records consent (a consent column saying yes, or a consent date)',
    };
  }
  if (input.withPerson?.has(contact.id) === true) {
    return {
      contact,
      reason: 'with_person',
      detail: 'a person is handling it (smsfunnel resume hands it back)',
    };
  }
  if (input.unsettled?.has(contact.id) === true) {
    return {
      contact,
      reason: 'unsettled',
      detail: 'Twilio did not answer its last send and has not listed it yet',
    };
  }
  return undefined;
}

/** Skipped contacts counted by reason, in the order first met. */
export function skippedByReason(skipped: readonly Skip[]): Record<string, number> {
  const byReason: Record<string, number> = {};
  for (const s of skipped) byReason[s.reason] = (byReason[s.reason] ?? 0) + 1;
  return byReason;
}
