/**
 * `smsfunnel demo`: the whole funnel end to end, with no account and no network, in seconds.
 * It starts the project's Twilio-compatible server and a mail catcher on loopback, runs the real
 * commands over a simulated week in a folder of its own (src/demo/), and leaves the summary email
 * as an HTML file to open. Both servers are stopped before it returns.
 */

import { join } from 'node:path';
import { statusJson } from '../core/status.js';
import { finalStatus, playDemo, shown } from '../demo/play.js';
import { UsageError } from '../errors.js';
import type { CommandContext } from './context.js';

export const DEFAULT_FOLDER = 'demo-data';

export async function run(
  ctx: CommandContext,
  args: string[],
  _opts: Record<string, unknown>,
): Promise<number> {
  if (args.length > 0) throw new UsageError(`demo takes no arguments (got "${args.join(' ')}")`);
  const outcome = await playDemo(ctx, ctx.options.dataDir ?? DEFAULT_FOLDER);
  const status = finalStatus(outcome);
  const { folder } = outcome;
  ctx.out.data({
    dataDir: folder.dir,
    summaryHtml: outcome.summaryHtml,
    summaryEml: outcome.summaryEml,
    status: statusJson(status),
  });
  if (ctx.out.json) return 0;

  const c = ctx.out.color;
  ctx.out.print('');
  ctx.out.print(
    `${c.bold('The summary email')} the team got, to open in a browser: ${c.cyan(shown(outcome.summaryHtml))}`,
  );
  ctx.out.print(
    `The data, to open in a spreadsheet: ${shown(join(folder.dir, 'contacts.csv'))} and ${shown(join(folder.dir, 'messages.csv'))}`,
  );
  ctx.out.print(
    'Next: copy funnel.example.yaml to funnel.yaml, put your Twilio settings in .env (see .env.example), and run smsfunnel check.',
  );
  ctx.out.result(
    `demo finished: ${status.contacts} contacts, ${status.messages.outbound} texts sent, ${status.messages.inbound} replies; summary in ${shown(outcome.summaryHtml)}`,
  );
  return 0;
}
