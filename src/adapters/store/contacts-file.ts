/**
 * Understanding contacts.csv row by row, as an operator may have left it after editing it in
 * Excel, Numbers or Google Sheets: empty trailing columns and rows are dropped, a phone turned
 * into digits only gets its `+` back, and anything that cannot be understood stops the run with
 * the file, line and column to fix (nothing is written).
 */
import { CONTACT_COLUMNS, type Contact, MAX_CELL } from '../../core/model.js';
import { DataError } from '../../errors.js';
import { columnLetter, place } from './cells.js';

/** Funnel columns holding times; each must read as ISO 8601 so the scheduler can trust it. */
export const TIME_COLUMNS = [
  'next_action_at',
  'last_sent_at',
  'last_inbound_at',
  'opted_out_at',
  'updated_at',
];

/** Date, or date and time with a zone (`Z` or an offset); a time without a zone is ambiguous. */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?))?$/i;
/** What Excel shows for a long number it took over: `1.55512E+10`. */
const SCIENTIFIC = /^[+-]?\d+([.,]\d+)?E\+?\d+$/i;
/** A phone a spreadsheet stripped of its `+` (E.164 is at most 15 digits). */
const DIGITS_ONLY = /^\d{8,15}$/;

const FIX = 'Fix it in contacts.csv and run again. Nothing was changed.';

export class ContactsReader {
  /** column names in file order; '' for a nameless column, dropped from the result */
  private names: string[] | undefined;
  private readonly seen = new Map<string, number>();
  readonly rows: Contact[] = [];

  constructor(private readonly label: string) {}

  /** Feed every row of the file in order (see csv-read's RowHandler). */
  readonly add = (cells: string[], line: number): void => {
    if (isBlank(cells)) return;
    if (this.names === undefined) this.header(cells, line);
    else this.contact(cells, line);
  };

  /** The header as the file has it, a nameless column as ''. */
  fileColumns(): string[] {
    return [...(this.names ?? [])];
  }

  /** Column order for the table: the file's named columns, then the standard ones it lacks. */
  headers(): string[] {
    const named = (this.names ?? []).filter((n) => n !== '');
    return [...named, ...CONTACT_COLUMNS.filter((c) => !named.includes(c))];
  }

  private header(cells: string[], line: number): void {
    const names = cells.map((c) => c.trim());
    // Checked on the header itself: a file of junk reads as a header with no rows, and must not
    // pass for an empty contact list.
    for (const required of ['id', 'phone'] as const) {
      if (!names.includes(required)) {
        throw new DataError(
          `${this.label} line ${line}: the header has no "${required}" column.`,
          `Add a column named ${required} (every contact needs ${required === 'id' ? 'a unique id' : 'a phone number'}), then run again. Nothing was changed.`,
        );
      }
    }
    const where = new Map<string, number>();
    names.forEach((name, index) => {
      if (name === '') return;
      const earlier = where.get(name);
      if (earlier !== undefined) {
        throw new DataError(
          `${this.label} line ${line}: the column name "${name}" appears twice, in columns ${columnLetter(earlier)} and ${columnLetter(index)}.`,
          'Rename or remove one of the two columns in the header line, then run again. Nothing was changed.',
        );
      }
      if (name === '__proto__') {
        throw new DataError(
          `${this.label} line ${line}: column ${columnLetter(index)} is named "__proto__", which cannot be a field name.`,
          'Rename that column, then run again. Nothing was changed.',
        );
      }
      where.set(name, index);
    });
    this.names = names;
  }

  private contact(cells: string[], line: number): void {
    const names = this.names as string[];
    for (let i = names.length; i < cells.length; i++) {
      if (cells[i] !== '') {
        throw new DataError(
          `${place(this.label, line, { name: '', index: i })}: this row has ${cells.length} cells but the header has ${names.length} columns.`,
          'A cell probably holds a comma without quotes: put that cell in quotes, or add a name for the extra column in the header line. Nothing was changed.',
        );
      }
    }
    const contact = {} as Contact;
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as string;
      const value = cells[i] ?? '';
      if (value.length > MAX_CELL) {
        throw new DataError(
          `${place(this.label, line, { name, index: i })}: the cell holds ${value.length} characters; a cell holds at most ${MAX_CELL}.`,
          'A closing " is probably missing on this line, or binary data was pasted: fix that cell, then run again. Nothing was changed.',
        );
      }
      if (name === '') {
        if (value !== '') {
          throw new DataError(
            `${place(this.label, line, { name, index: i })}: the cell holds "${value}" but its column has no name in the header.`,
            'Give the column a name in the header line (line 1), or clear the cell. Nothing was changed.',
          );
        }
        continue;
      }
      contact[name] = value;
    }
    for (const c of CONTACT_COLUMNS) contact[c] ??= '';
    this.check(contact, line);
    this.rows.push(contact);
  }

  private check(contact: Contact, line: number): void {
    const at = (name: string) => place(this.label, line, { name, index: this.indexOf(name) });
    const id = contact.id.trim();
    if (id === '')
      throw new DataError(`${at('id')}: the contact has no id.`, `Give it an id no other row uses. ${FIX}`);
    const first = this.seen.get(id);
    if (first !== undefined) {
      throw new DataError(
        `${at('id')}: the id "${id}" is already used on line ${first}.`,
        `Give one of the two contacts another id, or delete the duplicate row. ${FIX}`,
      );
    }
    this.seen.set(id, line);

    const phone = contact.phone.trim();
    if (phone === '') throw new DataError(`${at('phone')}: contact ${id} has no phone number.`, FIX);
    if (SCIENTIFIC.test(phone)) {
      throw new DataError(
        `${at('phone')}: contact ${id} has the phone "${phone}": the cell was turned into a number by a spreadsheet.`,
        'Format the phone column as text and re-enter the number (with its + and country code), save as CSV, then run again. Nothing was changed.',
      );
    }
    if (DIGITS_ONLY.test(phone)) contact.phone = `+${phone}`;

    for (const column of TIME_COLUMNS) {
      const value = contact[column] ?? '';
      if (value !== '' && (!ISO_8601.test(value.trim()) || Number.isNaN(Date.parse(value.trim())))) {
        throw new DataError(
          `${at(column)}: contact ${id} has "${value}", which is not an ISO 8601 time.`,
          `Write it like 2026-12-01T17:00:00Z (UTC) or 2026-12-01T12:00:00-05:00, or clear the cell. ${FIX}`,
        );
      }
    }
  }

  private indexOf(name: string): number {
    return Math.max(0, this.names?.indexOf(name) ?? 0);
  }
}

export function isBlank(cells: readonly string[]): boolean {
  for (const c of cells) if (c !== '') return false;
  return true;
}
