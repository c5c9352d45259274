/** The operator's tools of `categorize`: measure the categorizer on a labeled file, and correct a contact by hand. */
import { readFile } from 'node:fs/promises';
import { decodeExport, parseRecords } from '../adapters/decode.js';

import type { Config } from '../config.js';
import {
  BUILT_IN_CATEGORIES,
  type CategorizeOptions,
  evaluate,
  formatConfusion,
  formatMistakes,
} from '../core/categorize/index.js';
import { findContact } from '../core/contact-ref.js';
import { compileFunnel, type Funnel } from '../core/funnel/index.js';
import { detectDelimiter } from '../core/import/delimiter.js';
import { isoSeconds } from '../core/model.js';
import { applyReply, categoryRow } from '../core/reply.js';
import { DataError, ExitCode, UsageError } from '../errors.js';
import { type CommandContext, openStore } from './context.js';

/** `--test FILE.csv`: accuracy and a confusion table on a labeled file (`body,category`). */
export async function testLabeledFile(
  ctx: CommandContext,
  path: string,
  options: CategorizeOptions,
): Promise<number> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new DataError(
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
  }
  const { text } = decodeExport(bytes);
  const records = await parseRecords(text, detectDelimiter(text));
  const header = records[0]?.cells.map((c) => c.trim().toLowerCase()) ?? [];
  const bodyAt = header.indexOf('body');
  const categoryAt = header.indexOf('category');
  if (bodyAt < 0 || categoryAt < 0) {
    throw new DataError(
      `${path}:1: the header must have the columns body and category (it has: ${header.join(', ')})`,
    );
  }
  const rows = records
    .slice(1)
    .map((r) => ({ body: r.cells[bodyAt] ?? '', category: (r.cells[categoryAt] ?? '').trim() }));
  const evaluation = evaluate(rows, options);
  ctx.out.data({
    total: evaluation.total,
    correct: evaluation.correct,
    accuracy: evaluation.accuracy,
    missedOptOuts: evaluation.missedOptOuts,
    rows: evaluation.rows,
  });
  ctx.out.print(formatConfusion(evaluation));
  ctx.out.print(formatMistakes(evaluation));
  return ExitCode.ok;
}

/** `--step ID`: the custom categories that step of the funnel asks for (a usage error if no such step). */
export function stepExpects(funnel: Funnel, step: unknown): string[] {
  if (step === undefined) return [];
  const compiled = compileFunnel(funnel);
  const found = compiled.steps.get(String(step));
  if (found === undefined) {
    const known = [...compiled.steps.keys()].join(', ');
    throw new UsageError(`--step ${String(step)}: the funnel file has no such step (its steps: ${known})`);
  }
  return [...found.expect];
}

/** `--set <phone> <category>`: re-route the contact as if that reply had been understood. */
export async function correctByHand(
  ctx: CommandContext,
  config: Config,
  now: Date,
  funnel: Funnel,
  args: string[],
): Promise<number> {
  const [phone, category, ...rest] = args;
  if (phone === undefined || category === undefined || rest.length > 0) {
    throw new UsageError('--set takes a phone and a category, e.g. --set +15551234567 interested');
  }
  const known = [...BUILT_IN_CATEGORIES, ...funnel.categories.map((c) => c.name)];
  if (!known.includes(category))
    throw new UsageError(`"${category}" is no category; use one of: ${known.join(', ')}`);
  const store = await openStore(config, ctx.options.dryRun);
  try {
    const table = await store.loadContacts();
    const contact = findContact(table.rows, phone);
    if (contact === undefined)
      throw new UsageError(`no contact has the phone ${phone} in ${store.contactsPath}`);
    const before = contact.state;
    const lastReply = (await store.readMessages())
      .filter((r) => r.contact_id === contact.id && r.direction === 'inbound')
      .pop();
    applyReply(
      compileFunnel(funnel),
      contact,
      { category, dateSent: contact.last_inbound_at === '' ? now.toISOString() : contact.last_inbound_at },
      now,
    );
    const line = `contact ${contact.id} (${contact.phone}): category ${category}, state ${before} → ${contact.state}`;
    if (ctx.options.dryRun) {
      ctx.out.result(`dry run: ${line} (nothing written)`);
      return ExitCode.ok;
    }
    const sid = lastReply?.sid ?? `MANUAL-${contact.id}-${isoSeconds(now)}`;
    await store.appendMessages([categoryRow({ sid, contactId: contact.id }, category, now)]);
    await store.saveContacts(table);
    ctx.out.result(line);
    ctx.out.data({ contact: contact.id, category, from: before, to: contact.state });
    return ExitCode.ok;
  } finally {
    await store.close();
  }
}
