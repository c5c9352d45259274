/**
 * `smsfunnel check`: validates the funnel file, and the contacts against it when the data dir
 * has them (template fields some contacts lack, states this funnel no longer has). Prints every
 * problem as `file:line: path: what — what to do`, then one line; exits 65 when there are errors.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { displayName, formatProblem, type LocatedProblem, readFunnelFile } from '../adapters/funnel-file.js';

import { duplicatePhones, suppressedNumbers } from '../core/compliance/suppression.js';
import { isOptedOut } from '../core/contact-update.js';
import { checkContacts, compileFunnel, parseState, textStats } from '../core/funnel/index.js';
import { hasConsent } from '../core/import/opt-out.js';
import { ExitCode } from '../errors.js';
import { type CommandContext, loadCommandConfig, openStore } from './context.js';

export async function run(
  ctx: CommandContext,
  _args: string[],
  _opts: Record<string, unknown>,
): Promise<number> {
  const { config } = loadCommandConfig(ctx, []);
  const file = await readFunnelFile(config.funnelFile);
  const problems: LocatedProblem[] = [...file.problems];
  const stats = file.funnel === undefined ? [] : textStats(file.funnel);
  let contactCount: number | undefined;
  let optedOut = 0;

  const contactsPath = join(config.dataDir, 'contacts.csv');
  if (file.funnel !== undefined && existsSync(contactsPath)) {
    const dir = await openStore(config, true);
    try {
      const { rows } = await dir.loadContacts();
      contactCount = rows.length;
      problems.push(...checkContacts(file.funnel, rows).map(file.locate));
      const compiled = compileFunnel(file.funnel);
      const unknown = new Map<string, string[]>();
      for (const c of rows) {
        const parsed = parseState(compiled, c.state);
        if ('error' in parsed) unknown.set(c.state, [...(unknown.get(c.state) ?? []), c.id]);
      }
      for (const [phone, ids] of duplicatePhones(rows)) {
        problems.push({
          severity: 'error',
          path: [],
          file: dir.contactsPath,
          line: 0,
          where: `phone ${phone}`,
          message: `${ids.length} contacts have the same number (ids ${ids.join(', ')}): one number, one conversation`,
          hint: 'Keep one row for the number in contacts.csv (a STOP from it opts out every row, and send texts it once).',
        });
      }
      const lacking = file.funnel.kind === 'marketing' ? rows.filter((c) => !hasConsent(c)).length : 0;
      if (lacking > 0)
        problems.push({
          severity: 'warning',
          path: [],
          file: dir.contactsPath,
          line: 0,
          where: 'consent',
          message: `${lacking} of ${rows.length} contacts have no consent recorded: this marketing funnel does not text them`,
          hint: 'Import an export with its consent column (e.g. Accepts SMS Marketing), or fill a consent_at column.',
        });
      const suppressed = suppressedNumbers(await dir.readOptOuts());
      optedOut = rows.filter((c) => isOptedOut(c) || suppressed.has(c.phone)).length;
      for (const [state, ids] of unknown) {
        problems.push({
          severity: 'error',
          path: [],
          file: dir.contactsPath,
          line: 0,
          where: `state "${state}"`,
          message: `${ids.length} contact${ids.length === 1 ? ' is' : 's are'} in a state this funnel does not have (id ${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', ...' : ''})`,
          hint: 'Restore that step in the funnel file, or set their state to a step of this funnel (or start) in contacts.csv.',
        });
      }
    } finally {
      await dir.close();
    }
  }

  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  const show = (p: LocatedProblem): string =>
    p.line === 0 ? formatProblem({ ...p, line: 1 }).replace(/:1: /, ': ') : formatProblem(p);
  for (const p of errors) ctx.out.error(show(p));
  for (const p of warnings) ctx.out.warn(show(p));
  for (const s of stats) {
    const why =
      s.nonGsmChars.length > 0 ? ` (because of ${s.nonGsmChars.map((c) => `"${c}"`).join(' ')})` : '';
    ctx.out.info(
      `  ${s.key}${s.variant === undefined ? '' : ` (variant ${s.variant})`}: ${s.segments} segment${s.segments === 1 ? '' : 's'}, ${s.encoding}${why}`,
    );
  }
  const steps = file.stepCount;
  const against =
    contactCount === undefined
      ? ''
      : `, checked against ${contactCount} contacts${optedOut > 0 ? ` (${optedOut} opted out, never texted)` : ''}`;
  ctx.out.result(
    `${displayName(config.funnelFile)}: ${steps} step${steps === 1 ? '' : 's'}, ${errors.length} error${errors.length === 1 ? '' : 's'}, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}${against}`,
  );
  ctx.out.data({
    file: config.funnelFile,
    steps,
    contacts: contactCount ?? null,
    optedOut,
    errors: errors.map(plain),
    warnings: warnings.map(plain),
    texts: stats.map((s) => ({
      key: s.key,
      variant: s.variant ?? null,
      segments: s.segments,
      encoding: s.encoding,
      nonGsmChars: s.nonGsmChars,
    })),
  });
  return errors.length > 0 ? ExitCode.dataErr : ExitCode.ok;
}

function plain(p: LocatedProblem) {
  return {
    file: p.file,
    line: p.line === 0 ? null : p.line,
    path: p.where,
    message: p.message,
    hint: p.hint ?? null,
  };
}
