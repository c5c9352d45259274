/**
 * `smsfunnel status`: the funnel in numbers, read-only (no lock, so it works while cron runs;
 * files are replaced atomically, so it always reads a whole file). A table for people, an
 * object for scripts with --json. An empty data dir shows zeros; a missing one is exit 66, since
 * "0 contacts" from the wrong folder reads like an empty funnel (issue #17).
 */

import { existsSync } from 'node:fs';
import type { ChalkInstance } from 'chalk';
import { loadFunnelFile } from '../adapters/funnel-file.js';

import { briefCost, costJson, describeCost } from '../core/cost.js';
import { compileFunnel } from '../core/funnel/index.js';
import { localTime } from '../core/local-time.js';
import { activeHold, describeHold, type SenderHold } from '../core/sender-hold.js';
import { STATE } from '../core/state-files.js';
import { type FunnelStatus, funnelStatus, statusJson } from '../core/status.js';
import { funnelStages, withStages } from '../core/summary/funnel-stages.js';
import {
  computeSummary,
  rate,
  type Summary,
  totalCost,
  variantsJson,
  windowStart,
} from '../core/summary/index.js';
import { ExitCode, SmsfunnelError } from '../errors.js';
import { type CommandContext, loadCommandConfig, openStore } from './context.js';

export async function run(ctx: CommandContext): Promise<number> {
  const { config, clock } = loadCommandConfig(ctx, []);
  if (!existsSync(config.dataDir)) {
    throw new SmsfunnelError(
      ExitCode.noInput,
      `there is no data folder at ${config.dataDir}`,
      'Run smsfunnel in the folder that holds data/ (from cron: cd there first), or give --data-dir or SMSFUNNEL_DATA_DIR; `smsfunnel import <file>` creates it.',
    );
  }
  const data = await openStore(config, true);
  let status: FunnelStatus;
  let recent: Summary;
  let hold: SenderHold | undefined;
  const now = clock.now();
  // The funnel file orders the stages; status still works on a data folder without one.
  const funnel = existsSync(config.funnelFile) ? await loadFunnelFile(config.funnelFile) : undefined;
  try {
    const contacts = await data.loadContacts();
    const messages = await data.readMessages();
    status = funnelStatus(contacts.rows, messages, now);
    const last = await data.readState(STATE.summary);
    const saved = await data.readState(STATE.senderHold);
    hold = activeHold(saved, saved?.sender ?? '', now);
    // The next summary starts where the last one ended (not a same-day --force resend's window).
    const since = windowStart(last, '', now);
    recent = computeSummary({
      now,
      since,
      messages,
      timeZone: config.summaryTimeZone ?? funnel?.timezone ?? 'UTC',
      ...(funnel === undefined
        ? { contacts: contacts.rows }
        : { contacts: withStages(compileFunnel(funnel), contacts.rows), stages: funnelStages(funnel) }),
    });
  } finally {
    await data.close();
  }
  ctx.out.data({
    ...statusJson(status),
    sinceLastSummary: recentJson(recent),
    senderHold: hold ?? null,
    variants: variantsJson(recent.variants ?? []),
    costByDay: (recent.costByDay ?? []).map((d) => ({ day: d.day, texts: d.texts, cost: costJson(d.cost) })),
  });
  if (hold !== undefined)
    ctx.out.warn(
      `${describeHold(hold)}. ${hold.fix}${hold.until === null ? ', then run `smsfunnel retry --sender`' : ''}.`,
    );
  // Times as the team reads them: in the funnel's zone (UTC without a funnel file); --json keeps ISO UTC.
  const zone = config.summaryTimeZone ?? funnel?.timezone ?? 'UTC';
  ctx.out.print(render(status, data.dir, ctx.out.color, zone));
  ctx.out.print(renderRecent(recent, ctx.out.color, zone));
  const tests = renderVariants(recent, ctx.out.color);
  if (tests !== '') ctx.out.print(tests);
  return 0;
}

/** The numbers the daily summary will report, so far. */
function recentJson(s: Summary) {
  return {
    since: s.since,
    sent: s.sent,
    delivered: s.delivered,
    failed: s.failed,
    failuresByCode: s.failures.map((f) => ({ code: f.code, count: f.count })),
    replies: s.replies,
    repliesByCategory: Object.fromEntries(s.repliesByCategory.map((r) => [r.category, r.count])),
    optOuts: s.optOuts.length,
    hotLeads: s.hotLeads.length,
    needsHuman: s.needsHuman.length,
    funnel: s.funnel.map((f) => ({ stage: f.name, count: f.count })),
  };
}

function renderRecent(s: Summary, color: ChalkInstance, zone: string): string {
  const byCategory = s.repliesByCategory.map((r) => `${r.category} ${r.count}`).join(', ');
  const failures = s.failures.map((f) => `${f.code} ×${f.count}`).join(', ');
  return [
    '',
    color.bold(`Since ${localTime(s.since, zone)} (what the next summary reports)`),
    `  sent ${s.sent}, delivered ${s.delivered}, ${s.failed > 0 ? color.red(`failed ${s.failed}`) : 'failed 0'}${failures === '' ? '' : ` (${failures})`}`,
    `  replies ${s.replies}${byCategory === '' ? '' : `: ${byCategory}`}`,
    `  ${color.green(`hot leads ${s.hotLeads.length}`)}, needs a person ${s.needsHuman.length}, new opt-outs ${s.optOuts.length}`,
  ].join('\n');
}

/** Each step's A/B variants (all-time), and what the last 7 days of texts cost. */
function renderVariants(s: Summary, color: ChalkInstance): string {
  const lines: string[] = [];
  for (const step of s.variants ?? []) {
    lines.push('', color.bold(`A/B variants of ${step.step}`));
    for (const v of step.variants)
      lines.push(
        `  ${color.cyan(v.id)}: sent ${v.sent}, replied ${rate(v.replied, v.sent)}, interested ${rate(v.interested, v.sent)}, opted out ${rate(v.optedOut, v.sent)}, cost ${briefCost(v.cost)}`,
      );
    if (step.verdict !== undefined) lines.push(`  ${step.verdict}.`);
  }
  const cost = describeCost(totalCost(s.costByDay ?? []));
  if (cost !== '') lines.push('', `${color.bold('Cost, last 7 days:')} ${cost}`);
  return lines.join('\n');
}

/** Aligned text; colour comes from `color`, which is a no-op off a terminal (cron mail stays plain). */
function render(status: FunnelStatus, dir: string, color: ChalkInstance, zone: string): string {
  const lines: string[] = [
    `${color.bold(`${status.contacts} contacts`)} in ${dir}: ${status.optedOut} opted out, ` +
      `${status.messages.outbound} messages sent, ${status.messages.inbound} received`,
  ];
  const table = (
    title: string,
    rows: Array<[string, number]>,
    paint: (label: string, row: number) => string,
  ) => {
    lines.push('', color.bold(title));
    if (rows.length === 0) lines.push(color.dim('  none'));
    const width = Math.max(0, ...rows.map(([label]) => label.length));
    const digits = Math.max(0, ...rows.map(([, n]) => String(n).length));
    rows.forEach(([label, n], row) => {
      lines.push(`  ${paint(label.padEnd(width), row)}  ${String(n).padStart(digits)}`);
    });
  };
  table('By state', status.byState, (label) => color.cyan(label));
  table('By category', status.byCategory, (label) => color.magenta(label));
  const due: Array<[string, number]> = [
    ['now', status.dueNow],
    ...status.upcoming.map((u): [string, number] => [localTime(u.at, zone), u.count]),
  ];
  table('Due: now, then the next times', due, (label, row) =>
    row > 0 ? label : status.dueNow > 0 ? color.yellow(label) : color.green(label),
  );
  return lines.join('\n');
}
