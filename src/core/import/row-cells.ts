/**
 * Which cell of a source row feeds the contact: the row's phone (mobile first, never a fax or a
 * pager), and which other source columns are kept as custom fields and under what name.
 */
import { CONTACT_COLUMNS } from '../model.js';
import { type ColumnPlan, isMobileLabelled } from './columns.js';
import { headerKey } from './headers.js';
import { firstOfList } from './phone.js';

export interface SourceRecord {
  /** physical line of the record's first line in the source file (1 = header) */
  line: number;
  /** cells by (unique) source header */
  cells: Record<string, string>;
}

/**
 * The row's phone cell: mobile/cell-labelled columns first, then a Google `Phone N - Value`
 * whose `Phone N - Type` says Mobile on this row, then the first non-empty one. A number whose
 * type says Work Fax, Home Fax or Pager on this row is never the one: it cannot take a text.
 */
export function choosePhone(record: SourceRecord, plan: ColumnPlan): string {
  const isMobileType = (c: string) => /mobile|cell/i.test(typeOf(record, plan, c));
  const phones = plan.phones.filter((c) => textable(record, plan, c));
  const ordered = [...phones.filter(isMobileLabelled), ...phones.filter(isMobileType), ...phones];
  return ordered.map((c) => value(record, c)).find((v) => v !== '') ?? '';
}

export function value(record: SourceRecord, column: string): string {
  return firstOfList(record.cells[column] ?? '');
}

/** What the row's sibling type column says of a Google `Phone N - Value` ("Mobile", "Work Fax"). */
function typeOf(record: SourceRecord, plan: ColumnPlan, column: string): string {
  const type = plan.phoneTypes[column];
  return type === undefined ? '' : (record.cells[type] ?? '');
}

export function textable(record: SourceRecord, plan: ColumnPlan, column: string): boolean {
  return !/fax|pager/i.test(typeOf(record, plan, column));
}

/**
 * Source columns kept as custom fields: those with a value on some row, under their own name,
 * or `src_<name>` when it would be mistaken for a standard column (a CRM's "State" is not the
 * funnel's `state`).
 */
export function customColumns(
  others: readonly string[],
  records: readonly SourceRecord[],
): { source: string; column: string }[] {
  const standard = new Set<string>(CONTACT_COLUMNS.map(headerKey));
  return others
    .filter((source) => records.some((r) => (r.cells[source] ?? '').trim() !== ''))
    .map((source) => ({ source, column: standard.has(headerKey(source)) ? `src_${source}` : source }));
}
