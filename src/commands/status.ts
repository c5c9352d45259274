/**
 * `smsfunnel status`: the funnel in numbers, read-only (no lock, so it works while cron runs;
 * files are replaced atomically, so it always reads a whole file). A table for people, an
 * object for scripts with --json. An empty or missing data dir shows zeros.
 */
import type { ChalkInstance } from 'chalk';
import { openDataDir } from '../adapters/store/index.js';
import { type FunnelStatus, funnelStatus } from '../core/status.js';
import { type CommandContext, loadCommandConfig } from './context.js';

export async function run(ctx: CommandContext): Promise<number> {
  const { config, clock } = loadCommandConfig(ctx, []);
  const data = await openDataDir({
    dir: config.dataDir,
    lockWaitSeconds: config.lockWaitSeconds,
    readOnly: true,
  });
  let status: FunnelStatus;
  try {
    const contacts = await data.loadContacts();
    const messages = await data.readMessages();
    status = funnelStatus(contacts.rows, messages, clock.now());
  } finally {
    await data.close();
  }
  ctx.out.data(asJson(status));
  ctx.out.print(render(status, data.dir, ctx.out.color));
  return 0;
}

/** The --json shape: counts as objects keyed by state and category, most contacts first. */
export function asJson(status: FunnelStatus) {
  return {
    contacts: status.contacts,
    byState: Object.fromEntries(status.byState),
    byCategory: Object.fromEntries(status.byCategory),
    optedOut: status.optedOut,
    dueNow: status.dueNow,
    upcoming: status.upcoming,
    messages: status.messages,
  };
}

/** Aligned text; colour comes from `color`, which is a no-op off a terminal (cron mail stays plain). */
function render(status: FunnelStatus, dir: string, color: ChalkInstance): string {
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
    ...status.upcoming.map((u): [string, number] => [u.at, u.count]),
  ];
  table('Due: now, then the next times', due, (label, row) =>
    row > 0 ? label : status.dueNow > 0 ? color.yellow(label) : color.green(label),
  );
  return lines.join('\n');
}
