/**
 * Data directories for the benchmark, written directly in the store's format (the header of
 * CONTACT_COLUMNS / MESSAGE_COLUMNS, ISO UTC seconds, RFC 4180 quoting) as fast streaming
 * writes, so a million contacts take seconds to make, not an import run. The rows are what the
 * commands themselves write (compare a data dir after `import`, `send`, `poll-replies`).
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { messageLogHeaderBytes } from '../../src/adapters/store/messages-log.js';
import { writeStateFile } from '../../src/adapters/store/run-state.js';
import { CONTACT_COLUMNS, MESSAGE_COLUMNS } from '../../src/core/model.js';
import { STATE } from '../../src/core/state-files.js';

/** The benchmark's "now": a Wednesday, 12:00 in New York, inside the example funnel's quiet hours. */
export const NOW = new Date('2026-06-10T16:00:00Z');
export const OUR_NUMBER = '+15005550006';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (t: number) => `${new Date(t).toISOString().slice(0, 19)}Z`;

/** Contact `i` (1-based) has a New York number of its own: +1212 and seven digits. */
export const phoneOf = (i: number) => `+1212${String(i).padStart(7, '0')}`;

function cell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
const line = (cells: readonly string[]) => `${cells.map(cell).join(',')}\n`;

async function writeLines(
  path: string,
  header: string,
  count: number,
  row: (i: number) => string,
): Promise<void> {
  const out = createWriteStream(path, { mode: 0o600 });
  let chunk = header;
  for (let i = 1; i <= count; i++) {
    chunk += row(i);
    if (i % 5000 === 0) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

export interface ContactsSpec {
  count: number;
  /** contacts 1..due have their next step due an hour ago (state `intro`: the follow-up is owed) */
  due?: number;
}

/**
 * contacts.csv: every contact in step `intro`, sent a day ago, its follow-up due tomorrow (nothing
 * due) — except the first `due`, whose wait ran out an hour ago.
 */
export function writeContacts(path: string, spec: ContactsSpec): Promise<void> {
  const due = spec.due ?? 0;
  const sent = iso(NOW.getTime() - DAY);
  const later = iso(NOW.getTime() + DAY);
  const past = iso(NOW.getTime() - HOUR);
  return writeLines(path, line(CONTACT_COLUMNS), spec.count, (i) =>
    line([
      String(i),
      phoneOf(i),
      `Name${i}`,
      `Family${i % 997}`,
      i % 3 === 0 ? `person${i}@example.com` : '',
      'intro',
      '',
      i <= due ? past : later,
      sent,
      '',
      '',
      '',
      sent,
    ]),
  );
}

const BODIES = [
  "Hi Name, it's Dana from Brightside Solar. Want a free quote for solar on your home? Reply YES for details, STOP to opt out.",
  'yes please, tell me more',
  'Not right now, maybe in the fall',
  'who is this?',
];

/**
 * messages.csv with `count` events, all older than a day: texts sent, their delivery results,
 * replies and their categories, in the proportions a funnel produces them.
 */
export function writeMessages(path: string, count: number, contacts: number): Promise<void> {
  const start = NOW.getTime() - 2 * DAY - count * 1000;
  return writeLines(path, line(MESSAGE_COLUMNS), count, (i) => {
    const t = iso(start + i * 1000);
    const k = 1 + (i % contacts);
    const sid = `SM${i.toString(16).padStart(32, '0')}`;
    switch (i % 4) {
      case 0:
        return line([
          t,
          'sent',
          sid,
          'outbound',
          String(k),
          OUR_NUMBER,
          phoneOf(k),
          BODIES[0] as string,
          'queued',
          '',
          '1',
          t,
          'intro',
          '',
        ]);
      case 1:
        return line([t, 'status', sid, 'outbound', String(k), '', '', '', 'delivered', '', '', '', '', '']);
      case 2:
        return line([
          t,
          'received',
          sid,
          'inbound',
          String(k),
          phoneOf(k),
          OUR_NUMBER,
          BODIES[1 + (i % 3)] as string,
          'received',
          '',
          '1',
          t,
          '',
          '',
        ]);
      default:
        return line([t, 'category', sid, 'inbound', String(k), '', '', '', '', '', '', '', '', 'interested']);
    }
  });
}

/**
 * The length of messages.csv's header line, as the poll cursor records it with its bookmark (a
 * cursor without it dates from before the log could gain columns, and poll-replies reads the
 * whole log rather than trust a bookmark into a header that has since grown).
 */
export const logHeaderBytes = (dir: string) => messageLogHeaderBytes(join(dir, 'messages.csv'));

/** The run-state files as the commands leave them between ticks (write messages.csv first): a poll cursor, nothing waiting. */
export async function writeState(dir: string, cursorAfter: Date): Promise<void> {
  // `logSize`: how far the log was recorded when the cursor was saved (poll-replies reads only past it)
  const logSize = await stat(join(dir, 'messages.csv')).then(
    (s) => s.size,
    () => 0,
  );
  await writeStateFile(dir, STATE.pollCursor, {
    after: cursorAfter.toISOString(),
    seen: [],
    logSize,
    logHeader: await logHeaderBytes(dir),
  });
  await writeStateFile(dir, STATE.inbox, STATE.inbox.empty());
  await writeStateFile(dir, STATE.deliveries, STATE.deliveries.empty());
}

export async function makeDataDir(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  return dir;
}
