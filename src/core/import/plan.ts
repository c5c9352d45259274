/**
 * The import itself, pure: source records + the contacts already in the funnel -> the new
 * contacts table, what changed, and the rows refused with their line and reason.
 *
 * Rules an operator relies on: a contact is known by its E.164 number; an existing contact's
 * ordinary fields take the file's value only where the file has one, and its funnel columns
 * are never touched (except to opt it out when the file says "do not text"); re-importing the
 * same file changes nothing. Which cell of a row is its phone, and which columns become custom
 * fields, is row-cells.ts.
 */
import { type OptOutRow, optOutRow } from '../compliance/suppression.js';
import { CONTACT_COLUMNS, type Contact, contactRow, isoSeconds, MAX_CELL } from '../model.js';
import type { ColumnPlan } from './columns.js';
import { splitFullName } from './names.js';
import { isNoConsentValue, isOptOutValue } from './opt-out.js';
import { normalisePhone, type PhoneParser } from './phone.js';
import { choosePhone, customColumns, type SourceRecord, textable, value } from './row-cells.js';
import { normaliseTimeZone } from './timezone.js';

export { choosePhone, customColumns, type SourceRecord } from './row-cells.js';

export interface Reject {
  line: number;
  reason: string;
  record: SourceRecord;
}

export interface ContactsData {
  headers: string[];
  rows: Contact[];
}

export interface ImportInput {
  existing: ContactsData;
  records: readonly SourceRecord[];
  plan: ColumnPlan;
  now: Date;
  defaultCountry: string;
  parsePhone: PhoneParser;
  /** numbers on the suppression list (opt-outs.csv): never enrolled as textable again */
  suppressed?: ReadonlyMap<string, OptOutRow>;
  /** the export's name, for the opt-out rows its columns add */
  source?: string;
}

export interface ImportOutcome {
  contacts: ContactsData;
  /** false when the table is exactly what it was: nothing to write */
  changed: boolean;
  imported: number;
  updated: number;
  unchanged: number;
  rejects: Reject[];
  /** rows imported with something left out, e.g. a time zone not understood */
  notes: { line: number; message: string }[];
  /** opt-outs the export's columns said, for opt-outs.csv (numbers not on it yet) */
  optOuts: OptOutRow[];
  /** rows kept opted out because their number is on the suppression list */
  suppressed: number;
}

/** The funnel enrols a new contact in `start`; the engine takes it from there. */
export const START_STATE = 'start';
export const OPTED_OUT_STATE = 'opted_out';

export function planImport(input: ImportInput): ImportOutcome {
  const { existing, records, plan, parsePhone, defaultCountry } = input;
  const now = isoSeconds(input.now);
  const custom = customColumns(plan.others, records);
  const headers = [...existing.headers];
  for (const c of CONTACT_COLUMNS) if (!headers.includes(c)) headers.push(c);
  /** custom columns that some accepted row fills: only those join the header */
  const filled = new Set<string>();

  const rows = existing.rows.map((r) => ({ ...r }));
  const byPhone = new Map<string, Contact>();
  for (const r of rows) {
    // contacts.csv holds E.164 already; parsing is only for a hand-edited cell (47 µs a number adds up at 1M)
    const key = /^\+[1-9]\d{6,14}$/.test(r.phone)
      ? r.phone
      : (parsePhone(r.phone, defaultCountry)?.e164 ?? r.phone);
    if (!byPhone.has(key)) byPhone.set(key, r);
  }
  let nextId = rows.reduce((max, r) => (/^\d+$/.test(r.id) ? Math.max(max, Number(r.id)) : max), 0) + 1;
  const seen = new Map<string, number>();
  const outcome: ImportOutcome = {
    contacts: { headers, rows },
    changed: false,
    imported: 0,
    updated: 0,
    unchanged: 0,
    rejects: [],
    notes: [],
    optOuts: [],
    suppressed: 0,
  };
  const listed = new Set(input.suppressed?.keys() ?? []);
  // contacts.csv may already have its own spelling of the column quiet hours read
  const zoneColumn = headers.find((h) => /^time_?zone$/i.test(h.trim())) ?? 'timezone';

  for (const record of records) {
    const huge = Object.entries(record.cells).find(([, v]) => v.length > MAX_CELL);
    if (huge !== undefined) {
      outcome.rejects.push({
        line: record.line,
        reason: `the cell "${huge[0]}" holds ${huge[1].length} characters (at most ${MAX_CELL}): a closing quote is probably missing, or binary data was pasted`,
        record,
      });
      continue;
    }
    const cell = (column: string | undefined) =>
      column === undefined ? '' : (record.cells[column] ?? '').trim();
    const phoneCell = choosePhone(record, plan);
    if (phoneCell === '') {
      const fax = plan.phones.find((c) => !textable(record, plan, c) && value(record, c) !== '');
      outcome.rejects.push({
        line: record.line,
        reason:
          fax === undefined
            ? `no phone number (looked in ${plan.phones.map((p) => `"${p}"`).join(', ')})`
            : `no number that takes texts: the one in "${fax}" is a ${record.cells[plan.phoneTypes[fax] ?? ''] ?? 'fax'}`,
        record,
      });
      continue;
    }
    const phone = normalisePhone(phoneCell, defaultCountry, parsePhone);
    if (!phone.ok) {
      outcome.rejects.push({ line: record.line, reason: phone.reason, record });
      continue;
    }
    const earlier = seen.get(phone.e164);
    if (earlier !== undefined) {
      outcome.rejects.push({
        line: record.line,
        reason: `duplicate: same number ${phone.e164} as line ${earlier}`,
        record,
      });
      continue;
    }
    seen.set(phone.e164, record.line);

    let first = cell(plan.firstName);
    let last = cell(plan.lastName);
    if (first === '' && last === '' && plan.name !== undefined)
      ({ first, last } = splitFullName(cell(plan.name)));
    const fields: Record<string, string> = { first_name: first, last_name: last, email: cell(plan.email) };
    for (const { source, column } of custom) {
      fields[column] = cell(source);
      if (fields[column] !== '') filled.add(column);
    }
    const zone = normaliseTimeZone(cell(plan.timeZone));
    if (zone?.ok) {
      fields[zoneColumn] = zone.zone;
      filled.add(zoneColumn);
    } else if (zone !== undefined) {
      outcome.notes.push({
        line: record.line,
        message: `${zone.reason}; imported without a time zone, so the number's area code decides (fix it in the export and import again, or in the timezone column of contacts.csv)`,
      });
    }
    const saidNo =
      plan.optOut.find((c) => isOptOutValue(cell(c))) ?? plan.consent.find((c) => isNoConsentValue(cell(c)));
    const onList = listed.has(phone.e164);
    const optedOut = saidNo !== undefined || onList;
    if (onList) outcome.suppressed++;
    else if (saidNo !== undefined) {
      listed.add(phone.e164);
      outcome.optOuts.push(
        optOutRow({
          number: phone.e164,
          at: now,
          action: 'opt_out',
          how: 'import',
          detail: `${saidNo}: ${cell(saidNo)}`,
          source: `${input.source ?? 'import'}:${record.line}`,
        }),
      );
    }

    const known = byPhone.get(phone.e164);
    if (known === undefined) {
      const contact = contactRow({
        id: String(nextId++),
        phone: phone.e164,
        ...fields,
        state: optedOut ? OPTED_OUT_STATE : START_STATE,
        next_action_at: optedOut ? '' : now,
        opted_out_at: optedOut ? (input.suppressed?.get(phone.e164)?.at ?? now) : '',
        updated_at: now,
      });
      rows.push(contact);
      byPhone.set(phone.e164, contact);
      outcome.imported++;
      continue;
    }
    let touched = false;
    for (const [column, value] of Object.entries(fields)) {
      if (value !== '' && known[column] !== value) {
        known[column] = value;
        touched = true;
      }
    }
    if (optedOut && known.opted_out_at === '' && known.state !== OPTED_OUT_STATE) {
      known.opted_out_at = now;
      known.state = OPTED_OUT_STATE;
      known.next_action_at = '';
      touched = true;
    }
    if (touched) {
      known.updated_at = now;
      outcome.updated++;
    } else {
      outcome.unchanged++;
    }
  }
  for (const column of [...custom.map((c) => c.column), zoneColumn])
    if (filled.has(column) && !headers.includes(column)) headers.push(column);
  for (const r of rows) for (const h of headers) r[h] ??= '';
  outcome.changed = outcome.imported > 0 || outcome.updated > 0;
  return outcome;
}
