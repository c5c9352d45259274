/**
 * How a funnel decision, a reply or a Twilio verdict changes a contact's row. Pure: it returns
 * the columns to set, and callers apply them (`Object.assign(contact, set)`).
 */
import type { Decision } from './funnel/index.js';
import { type Contact, isoSeconds, parseTime } from './model.js';

/** A contact whose number cannot be texted is never due again: next_action_at is cleared. */
export const UNUSABLE_PREFIX = 'unusable number';
/** A contact flagged for a person waits until the person sets next_action_at (or runs retry). */
export const PERSON_PREFIX = 'needs a person';

/** The columns a decision sets (state, next action, opt-out/opt-in), stamped `now`. */
export function decisionColumns(decision: Decision, now: Date): Record<string, string> {
  const set: Record<string, string> = {
    state: decision.state,
    next_action_at: decision.nextActionAt === null ? '' : isoSeconds(decision.nextActionAt),
    updated_at: isoSeconds(now),
  };
  if (decision.optedOut === true) set.opted_out_at = isoSeconds(now);
  if (decision.optedIn === true) set.opted_out_at = '';
  return set;
}

/** After a text went out: the decision, when it went, and no error left on the row. */
export function sentColumns(decision: Decision, now: Date): Record<string, string> {
  return { ...decisionColumns(decision, now), last_sent_at: isoSeconds(now), error: '' };
}

/** The number cannot take texts (invalid, landline, unknown): say why, and never make it due again. */
export function unusableColumns(reason: string, now: Date): Record<string, string> {
  return { error: `${UNUSABLE_PREFIX}: ${reason}`, next_action_at: '', updated_at: isoSeconds(now) };
}

/** Something only a person can judge: say why, and wait for them (next_action_at cleared). */
export function personColumns(reason: string, now: Date): Record<string, string> {
  return { error: `${PERSON_PREFIX}: ${reason}`, next_action_at: '', updated_at: isoSeconds(now) };
}

export function isOptedOut(contact: Contact): boolean {
  return contact.opted_out_at.trim() !== '' || contact.state.startsWith('opted_out');
}

export function isUnusable(contact: Contact): boolean {
  return contact.error.startsWith(UNUSABLE_PREFIX);
}

/**
 * From when the contact may need the sender (ms since the epoch): its next_action_at, or never
 * (Infinity) once it opted out, its number is unusable, or nothing is scheduled.
 */
export function readyAt(contact: Contact): number {
  if (isOptedOut(contact) || isUnusable(contact)) return Number.POSITIVE_INFINITY;
  return parseTime(contact.next_action_at)?.getTime() ?? Number.POSITIVE_INFINITY;
}

/**
 * A contact held back for something only the operator can fix (a template field it lacks, a state
 * the funnel no longer has) gets the reason in its `error` column, and one warning the first time
 * it is noticed: cron mails every warning, and the same one every few minutes would be noise.
 * The next text that goes out clears the column. Returns the warnings.
 */
export function noteHeldContacts(
  skipped: readonly { contact: Contact; reason: string; detail?: string | undefined }[],
  now: Date,
): string[] {
  const lines: string[] = [];
  for (const { contact, reason, detail } of skipped) {
    if (reason !== 'template' && reason !== 'state') continue;
    const error = `not sent: ${detail}`;
    if (contact.error === error) continue;
    Object.assign(contact, { error, updated_at: isoSeconds(now) });
    lines.push(`contact ${contact.id} (${contact.phone}) was not texted: ${detail}`);
  }
  return lines;
}
