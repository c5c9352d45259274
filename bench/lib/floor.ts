/**
 * Yardsticks and phases measured inside the benchmark process: what fast-csv alone costs to
 * parse and to write the same files (the floor any command that reads and rewrites contacts.csv
 * must pay), and what the store's own steps cost (load, save, plan), to tell which phase of a
 * command is slow.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { format, parse } from 'fast-csv';
import { loadFunnelFile } from '../../src/adapters/funnel-file.js';
import { openDataDir } from '../../src/adapters/store/index.js';
import { compileFunnel } from '../../src/core/funnel/index.js';
import { MESSAGE_COLUMNS } from '../../src/core/model.js';
import { planSends } from '../../src/core/send-plan.js';
import { NOW, OUR_NUMBER, phoneOf } from './data.js';
import { timed } from './stats.js';

/** fast-csv parse of a whole file into rows of cells (kept, as a command keeps them): ms. */
export async function bareParse(path: string): Promise<{ rows: string[][] }> {
  const rows: string[][] = [];
  await pipeline(
    createReadStream(path),
    parse({ headers: false }),
    async (source: AsyncIterable<string[]>) => {
      for await (const row of source) rows.push(row);
    },
  );
  return { rows };
}

/** fast-csv write of rows to a file, then fsync-free close: ms of formatting and writing. */
export async function bareWrite(path: string, rows: readonly string[][]): Promise<void> {
  const out = createWriteStream(path);
  const csv = format({ includeEndRowDelimiter: true });
  csv.pipe(out);
  for (const row of rows) if (!csv.write(row)) await once(csv, 'drain');
  csv.end();
  await once(out, 'finish');
}

export interface Phases {
  contacts: number;
  parseMs: number;
  writeMs: number;
  loadMs: number;
  saveMs: number;
  planMs: number;
}

/** The floor (fast-csv parse + write) and the store's load / save / plan, medians of `reps`. */
export async function measurePhases(
  contactsCsv: string,
  contacts: number,
  workDir: string,
  funnelFile: string,
  reps: number,
): Promise<Phases> {
  const dir = join(workDir, `phases-${contacts}`);
  await mkdir(dir, { recursive: true });
  await copyFile(contactsCsv, join(dir, 'contacts.csv'));
  const parsed = await timed(reps, () => bareParse(contactsCsv));
  const write = await timed(reps, () => bareWrite(join(dir, 'bare.csv'), parsed.last.rows));
  const store = await openDataDir({ dir, lockWaitSeconds: 30 });
  try {
    const load = await timed(reps, () => store.loadContacts());
    const save = await timed(reps, () => store.saveContacts(load.last));
    const funnel = await loadFunnelFile(funnelFile);
    const compiled = compileFunnel(funnel);
    const plan = await timed(reps, async () =>
      planSends({ funnel, compiled, contacts: load.last.rows, now: NOW, awaitingCategorize: new Set() }),
    );
    return {
      contacts,
      parseMs: parsed.ms,
      writeMs: write.ms,
      loadMs: load.ms,
      saveMs: save.ms,
      planMs: plan.ms,
    };
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** fast-csv write of `count` message rows like those a busy tick appends: ms. */
export async function messagesWriteMs(workDir: string, count: number, reps: number): Promise<number> {
  const rows: string[][] = [MESSAGE_COLUMNS as unknown as string[]];
  const t = `${NOW.toISOString().slice(0, 19)}Z`;
  for (let i = 0; i < count; i++) {
    rows.push([
      t,
      'received',
      `SM${i}`,
      'inbound',
      String(i),
      phoneOf(i),
      OUR_NUMBER,
      'not now, maybe later',
      'received',
      '',
      '1',
      t,
      '',
      '',
    ]);
  }
  const path = join(workDir, 'bare-messages.csv');
  const { ms } = await timed(reps, () => bareWrite(path, rows));
  await rm(path, { force: true });
  return ms;
}
