/**
 * opt-outs.csv: the suppression list (src/core/compliance/suppression.ts), append-only like
 * messages.csv: one write and an fsync a batch, never rewritten, never pruned.
 */
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { OPT_OUT_COLUMNS, type OptOutRow } from '../../core/compliance/suppression.js';
import { syncDir, writeAll } from './atomic.js';
import { formulaSafe, unescapeCell } from './cells.js';
import { readCsv } from './csv-read.js';
import { csvText, inColumnOrder } from './csv-write.js';

export async function readOptOuts(path: string): Promise<OptOutRow[]> {
  const rows: OptOutRow[] = [];
  let names: string[] | undefined;
  await readCsv(path, path, (cells) => {
    if (cells.length === 0 || (cells.length === 1 && cells[0] === '')) return;
    if (names === undefined) {
      names = cells.map((c) => c.trim());
      return;
    }
    const row = {} as OptOutRow;
    for (const c of OPT_OUT_COLUMNS) {
      const i = (names as string[]).indexOf(c);
      row[c] = i === -1 ? '' : unescapeCell(cells[i] ?? '');
    }
    if (row.number !== '') rows.push(row);
  });
  return rows;
}

export async function appendOptOuts(path: string, rows: readonly OptOutRow[]): Promise<void> {
  if (rows.length === 0) return;
  const handle = await open(path, 'a', 0o600);
  try {
    const before = (await handle.stat()).size;
    const lines: string[][] = [];
    if (before === 0) lines.push([...OPT_OUT_COLUMNS]);
    for (const cells of inColumnOrder(OPT_OUT_COLUMNS, rows)) lines.push(cells.map(formulaSafe));
    await writeAll(handle, await csvText(lines));
    await handle.sync();
    if (before === 0) await syncDir(dirname(path));
  } finally {
    await handle.close();
  }
}
