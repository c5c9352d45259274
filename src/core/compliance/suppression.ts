/**
 * The suppression list: every opt-out and opt-in the funnel ever learned, by number, kept in
 * `opt-outs.csv` apart from contacts.csv so that deleting or re-importing a contact never forgets
 * a STOP (CTIA Messaging Principles and Best Practices, 2023: honour an opt-out until the person
 * opts in again; the list is kept at least 10 years and never pruned). Pure: rows in, decisions out.
 * The latest row for a number wins: an opt-in (START) lifts an earlier opt-out with a row of its own.
 */
import { isOptedOut } from '../contact-update.js';
import { advance, type CompiledFunnel } from '../funnel/index.js';
import { type Contact, isoSeconds } from '../model.js';

export const OPT_OUT_COLUMNS = ['number', 'at', 'action', 'how', 'detail', 'source'] as const;
export type OptOutRow = Record<(typeof OPT_OUT_COLUMNS)[number], string>;

/** how the opt-out (or opt-in) came: a reply, a carrier error, an import column, an operator's edit */
export type OptOutHow = 'reply' | 'carrier' | 'import' | 'operator';

export function optOutRow(fields: {
  number: string;
  at: string;
  action: 'opt_out' | 'opt_in';
  how: OptOutHow;
  detail: string;
  source: string;
}): OptOutRow {
  return { ...fields };
}

/** Numbers whose latest row is an opt-out, with that row. */
export function suppressedNumbers(rows: Iterable<OptOutRow>): Map<string, OptOutRow> {
  const latest = new Map<string, OptOutRow>();
  for (const row of rows) {
    const before = latest.get(row.number);
    // file order, unless a row says it happened earlier than the one kept (a hand-merged file)
    if (
      before === undefined ||
      Date.parse(row.at) >= Date.parse(before.at) ||
      Number.isNaN(Date.parse(row.at))
    )
      latest.set(row.number, row);
  }
  const out = new Map<string, OptOutRow>();
  for (const [number, row] of latest) if (row.action !== 'opt_in') out.set(number, row);
  return out;
}

/** "opted out by reply "STOP" on 2026-12-01T17:00:00Z (contact 7)" */
export function describeOptOut(row: OptOutRow): string {
  const how =
    row.how === 'reply'
      ? `by reply "${row.detail}"`
      : row.how === 'carrier'
        ? `at the carrier (${row.detail})`
        : row.how === 'import'
          ? `in an import (column "${row.detail}")`
          : 'by an operator (opted_out_at)';
  return `opted out ${how} on ${row.at}${row.source === '' ? '' : ` (${row.source})`}`;
}

/** The contact row of a number on the list: opted out, never due again (its funnel state kept under opted_out). */
export function suppressContact(contact: Contact, compiled: CompiledFunnel | undefined, now: Date): void {
  const at = isoSeconds(now);
  const state = optedOutState(contact, compiled, now);
  Object.assign(contact, { state, opted_out_at: at, next_action_at: '', updated_at: at });
}

/** The funnel's state for this contact once it opts out (its `opted_out` state), else `opted_out`. */
export function optedOutState(contact: Contact, compiled: CompiledFunnel | undefined, now: Date): string {
  const d =
    compiled === undefined
      ? undefined
      : advance(compiled, contact, { type: 'REPLY', category: 'opt_out' }, now);
  return d !== undefined && d.error === undefined && d.state.startsWith('opted_out') ? d.state : 'opted_out';
}

/**
 * Twilio's default opt-in keywords (Advanced Opt-Out: START, YES, UNSTOP), matched as Twilio
 * matches them, as the whole message, any case. After an opt-out Twilio re-subscribes a number
 * that sends one (https://help.twilio.com/articles/223134027), so the funnel does too: a bare YES
 * from an opted-out number is an opt-in, not interest in the offer.
 */
export function isTwilioOptInKeyword(body: string): boolean {
  return /^\s*(start|yes|unstop)[\s.!]*$/i.test(body);
}

/** One number, one conversation: the contacts that share a phone, by phone (two or more ids each). */
export function duplicatePhones(contacts: readonly Contact[]): Map<string, string[]> {
  const ids = new Map<string, string[]>();
  for (const c of contacts) {
    if (c.phone.trim() === '') continue;
    ids.set(c.phone, [...(ids.get(c.phone) ?? []), c.id]);
  }
  for (const [phone, list] of ids) if (list.length < 2) ids.delete(phone);
  return ids;
}

/**
 * A row opted out by hand (opted_out_at filled in contacts.csv) goes on the list too, so its
 * number stays opted out in every row that holds it and after the row is deleted. Adds each
 * such number to `suppressed`; returns the rows for opt-outs.csv.
 */
export function handOptOuts(rows: readonly Contact[], suppressed: Set<string>, now: Date): OptOutRow[] {
  const listed: OptOutRow[] = [];
  for (const c of rows) {
    if (!isOptedOut(c) || c.phone.trim() === '' || suppressed.has(c.phone)) continue;
    suppressed.add(c.phone);
    listed.push(
      optOutRow({
        number: c.phone,
        at: c.opted_out_at === '' ? isoSeconds(now) : c.opted_out_at,
        action: 'opt_out',
        how: 'operator',
        detail: c.opted_out_at === '' ? `state ${c.state}` : 'opted_out_at',
        source: `contact ${c.id} in contacts.csv`,
      }),
    );
  }
  return listed;
}
