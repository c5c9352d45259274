/**
 * `smsfunnel import <file>`: a contact export into the funnel. Reads and understands the file
 * before taking the data lock (so the lock is held only for the merge and the write), merges with
 * the pure core, writes contacts.csv only when something changed, and puts refused rows in
 * `<data-dir>/rejects-<time>.csv` with their line and reason. Rejected rows do not fail the run.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import type { CountryCode } from 'libphonenumber-js';
import { CsvSyntaxError, decodeExport, parseRecords } from '../adapters/decode.js';

import { suppressedNumbers } from '../core/compliance/suppression.js';
import { type ColumnPlan, detectColumns, uniqueHeaders } from '../core/import/columns.js';
import { detectDelimiter } from '../core/import/delimiter.js';
import type { PhoneParser } from '../core/import/phone.js';
import { type ImportOutcome, planImport, type SourceRecord } from '../core/import/plan.js';
import { DataError, UsageError } from '../errors.js';
import { type CommandContext, loadCommandConfig, openStore } from './context.js';

export interface ImportSummary {
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** rows imported with a value left out (a time zone not understood), by line */
  notes: { line: number; message: string }[];
  /** where the refused rows were written; null when none (or a dry run) */
  rejectsFile: string | null;
}

const EXAMPLES_SHOWN = 5;

export async function run(
  ctx: CommandContext,
  args: string[],
  opts: Record<string, unknown>,
): Promise<number> {
  const file = args[0];
  if (file === undefined || file === '')
    throw new UsageError('import needs the file to read: smsfunnel import <file.csv>');
  const { config, clock } = loadCommandConfig(ctx, []);
  const phones = await import('libphonenumber-js/max');
  const country = String(opts.defaultCountry ?? config.defaultCountry).toUpperCase();
  if (!phones.isSupportedCountry(country)) {
    throw new UsageError(
      `--default-country ${country}: not a country code libphonenumber knows`,
      'Use a two-letter ISO 3166 code such as US, GB, CA or DE.',
    );
  }
  const parsePhone: PhoneParser = (text, defaultCountry) => {
    const parsed = phones.parsePhoneNumberFromString(text, defaultCountry as CountryCode);
    return parsed === undefined ? undefined : { e164: parsed.number, valid: parsed.isValid() };
  };

  const { headers, records } = await readSource(file);
  const plan = detectColumns(headers, (opts.map as string[] | undefined) ?? []);
  if ('kind' in plan) {
    const message = `${file}: ${plan.message}`;
    throw plan.kind === 'usage' ? new UsageError(message, plan.hint) : new DataError(message, plan.hint);
  }
  ctx.out.info(describePlan(file, plan));

  const now = clock.now();
  const dryRun = ctx.options.dryRun;
  const dataDir = await openStore(config, dryRun);
  let outcome: ImportOutcome;
  let rejectsFile: string | null = null;
  try {
    const existing = await dataDir.loadContacts();
    // An opt-out outlives contacts.csv: a number on the list is never enrolled as textable again.
    const suppressed = suppressedNumbers(await dataDir.readOptOuts());
    outcome = planImport({
      existing,
      records,
      plan,
      now,
      defaultCountry: country,
      parsePhone,
      suppressed,
      source: shown(file),
    });
    if (!dryRun) await dataDir.appendOptOuts(outcome.optOuts);
    // The plan's table is new, made from the one loaded: saved against what was loaded.
    if (!dryRun && outcome.changed)
      await dataDir.saveContacts({ ...outcome.contacts, source: existing.source });
    if (!dryRun && outcome.rejects.length > 0) {
      rejectsFile = await dataDir.writeCsv(
        rejectsName(dataDir.dir, now),
        ['line', 'reason', ...headers],
        outcome.rejects.map((r) => ({ ...r.record.cells, line: String(r.line), reason: r.reason })),
      );
    }
  } finally {
    await dataDir.close();
  }

  const summary: ImportSummary = {
    imported: outcome.imported,
    updated: outcome.updated,
    unchanged: outcome.unchanged,
    rejected: outcome.rejects.length,
    notes: outcome.notes,
    rejectsFile: rejectsFile === null ? null : shown(rejectsFile),
  };
  if (outcome.rejects.length > 0) {
    ctx.out.warn(`${outcome.rejects.length} row(s) of ${file} not imported:`);
    for (const r of outcome.rejects.slice(0, EXAMPLES_SHOWN))
      ctx.out.warn(`  ${file}:${r.line}: ${r.reason}`);
    const more = outcome.rejects.length - EXAMPLES_SHOWN;
    const where = summary.rejectsFile ?? 'the rejects file (not written: dry run)';
    ctx.out.warn(
      more > 0 ? `  ... and ${more} more: every one is in ${where}` : `  all of them are in ${where}`,
    );
  }
  if (outcome.notes.length > 0) {
    ctx.out.warn(`${outcome.notes.length} row(s) of ${file} imported with a value left out:`);
    for (const n of outcome.notes.slice(0, EXAMPLES_SHOWN)) ctx.out.warn(`  ${file}:${n.line}: ${n.message}`);
    if (outcome.notes.length > EXAMPLES_SHOWN)
      ctx.out.warn(`  ... and ${outcome.notes.length - EXAMPLES_SHOWN} more (--json lists every one)`);
  }
  ctx.out.data({ ...summary, optedOutByColumn: outcome.optOuts.length, onOptOutList: outcome.suppressed });
  const optOutNote =
    (outcome.optOuts.length > 0 ? `, opted out by the export's columns ${outcome.optOuts.length}` : '') +
    (outcome.suppressed > 0 ? `, kept opted out by opt-outs.csv ${outcome.suppressed}` : '');
  const counts = `${summary.imported}, updated ${summary.updated}, rejected ${summary.rejected}${optOutNote}`;
  ctx.out.result(
    dryRun
      ? `dry run: would import ${counts} (nothing written)`
      : `imported ${counts}${summary.rejectsFile === null ? '' : ` (${summary.rejectsFile})`}`,
  );
  return 0;
}

/** Reads, decodes and parses the export; every failure is a DataError naming the file. */
async function readSource(file: string): Promise<{ headers: string[]; records: SourceRecord[] }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a folder'
            : String(code);
    throw new DataError(`cannot read ${file}: ${why}`, 'Give the path of the exported CSV file.', {
      cause: error,
    });
  }
  const { text } = decodeExport(bytes);
  if (text.trim() === '')
    throw new DataError(
      `${file} is empty`,
      'Export the contacts again, with a header row and one row per contact.',
    );
  let rows: Awaited<ReturnType<typeof parseRecords>>;
  try {
    rows = await parseRecords(text, detectDelimiter(text));
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      throw new DataError(
        `${file}:${error.line}: ${error.message}`,
        'Fix the quoting there (or export the file again), then import again.',
      );
    }
    throw error;
  }
  const [header, ...body] = rows;
  if (header === undefined || body.length === 0) {
    throw new DataError(
      `${file} has a header but no contact rows`,
      'Export the contacts again, with one row per contact under the header.',
    );
  }
  const headers = uniqueHeaders(header.cells);
  const records = body.map(({ line, cells }) => {
    const record: SourceRecord = { line, cells: {} };
    headers.forEach((h, i) => {
      record.cells[h] = cells[i] ?? '';
    });
    return record;
  });
  return { headers, records };
}

/** `rejects-20261201T170000Z.csv`, or `-2`, `-3`... when a run in the same second already wrote one. */
function rejectsName(dir: string, now: Date): string {
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, '');
  let name = `rejects-${stamp}Z.csv`;
  for (let n = 2; existsSync(join(dir, name)); n++) name = `rejects-${stamp}Z-${n}.csv`;
  return name;
}

/** A path as the operator would type it: relative to the working directory when inside it. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

function describePlan(file: string, plan: ColumnPlan): string {
  const name =
    [plan.firstName, plan.lastName].filter((c) => c !== undefined).join(' + ') || plan.name || 'none';
  const zone = plan.timeZone === undefined ? '' : `, time zone from "${plan.timeZone}"`;
  return `${file}: phone from ${plan.phones.map((p) => `"${p}"`).join(' / ')}, name from ${name}, email from ${plan.email ?? 'none'}${zone}`;
}
