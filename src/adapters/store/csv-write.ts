/**
 * CSV text for the files the store writes, on @fast-csv/format: RFC 4180 quoting, `\n` line
 * ends, and every cell made formula-safe (see cells.ts). Rows are formatted in batches so a
 * million-row file streams to disk instead of being built as one string.
 */
import { writeToString } from 'fast-csv';
import { formulaSafe } from './cells.js';

const BATCH = 5000;

/** The header line and the rows (each in header order), as text chunks ready to write. */
export async function* csvChunks(
  headers: readonly string[],
  rows: Iterable<readonly string[]>,
): AsyncGenerator<string> {
  let batch: string[][] = [headers.map(formulaSafe)];
  for (const row of rows) {
    batch.push(row.map(formulaSafe));
    if (batch.length >= BATCH) {
      yield await csvText(batch);
      batch = [];
    }
  }
  if (batch.length > 0) yield await csvText(batch);
}

/** Rows already made formula-safe, as CSV text ending with a line end. */
export function csvText(rows: readonly string[][]): Promise<string> {
  return writeToString(rows as string[][], { includeEndRowDelimiter: true });
}

/** Records as cell arrays in the order of `headers`; a missing value is an empty cell. */
export function* inColumnOrder(
  headers: readonly string[],
  records: Iterable<Readonly<Record<string, string | undefined>>>,
): Generator<string[]> {
  for (const record of records) {
    const cells = new Array<string>(headers.length);
    for (let i = 0; i < headers.length; i++) cells[i] = record[headers[i] as string] ?? '';
    yield cells;
  }
}
