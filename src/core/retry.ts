/**
 * `smsfunnel retry`: after the operator fixed a contact's number, the text the contact never got
 * goes out again — the intro if the intro failed, not the follow-up the funnel has moved on to.
 * The contact is put back in the state whose next DUE sends that text (found by asking the
 * machine itself), due now; the next `send` delivers it inside quiet hours, exactly once.
 */
import { isOptedOut } from './contact-update.js';
import { FAILED_STATUSES } from './delivery.js';
import { advance, type CompiledFunnel } from './funnel/index.js';
import { type Contact, isoSeconds, type MessageRow } from './model.js';

export type RetryPlan =
  | { ok: true; key: string; set: Partial<Contact>; because: string }
  | { ok: false; why: string; hint: string };

/** The text to send again and the columns that make the next `send` send it. */
export function planRetry(
  compiled: CompiledFunnel,
  contact: Contact,
  messages: readonly MessageRow[],
  suppressed: boolean,
  now: Date,
): RetryPlan {
  const who = `contact ${contact.id} (${contact.phone})`;
  if (suppressed || isOptedOut(contact))
    return {
      ok: false,
      why: `${who} opted out: it is never texted again`,
      hint: 'Only a START from the contact lifts an opt-out.',
    };
  const failed = lastFailedText(contact.id, messages);
  const set = (state: string) => ({
    state,
    next_action_at: isoSeconds(now),
    error: '',
    updated_at: isoSeconds(now),
  });
  if (failed !== undefined) {
    const key = failed.step.replace(/:retry$/, '');
    const state = stateSending(compiled, key, now);
    if (state === undefined)
      return {
        ok: false,
        why: `${who}: its failed text was "${key}", which this funnel no longer sends`,
        hint: "Set the contact's state and next_action_at in contacts.csv by hand.",
      };
    return { ok: true, key, set: set(state), because: `its ${key} text of ${failed.at} ${failed.status}` };
  }
  // Refused at create (an invalid number): the funnel never moved, so its next text is the one.
  if (contact.error !== '') {
    const next = advance(compiled, { state: contact.state, next_action_at: '' }, { type: 'DUE' }, now);
    if (next.send !== undefined)
      return { ok: true, key: next.send.key, set: set(contact.state), because: contact.error };
  }
  return {
    ok: false,
    why: `${who}: nothing to retry (no text to it failed, and it is not held for an error)`,
    hint: 'retry is for a contact whose text failed; `smsfunnel status` lists those that wait.',
  };
}

/** The contact's latest outbound text, if its final delivery result is a failure. */
function lastFailedText(contactId: string, messages: readonly MessageRow[]) {
  let last: MessageRow | undefined;
  const status = new Map<string, string>();
  for (const m of messages) {
    if (m.event === 'sent' && m.contact_id === contactId) last = m;
    if (m.event === 'status') status.set(m.sid, m.status);
  }
  if (last === undefined) return undefined;
  const result = status.get(last.sid) ?? last.status;
  if (!FAILED_STATUSES.has(result)) return undefined;
  return { step: last.step, at: last.date_sent || last.logged_at, status: result };
}

/** The state whose next DUE sends `key`: the start for a first step, the step before for a follow-up. */
export function stateSending(compiled: CompiledFunnel, key: string, now: Date): string | undefined {
  const candidates = [
    'start',
    ...[...compiled.states].filter((s) => !/^(help|done|opted_out)(\.|$)/.test(s)),
  ];
  return candidates.find(
    (state) => advance(compiled, { state, next_action_at: '' }, { type: 'DUE' }, now).send?.key === key,
  );
}
