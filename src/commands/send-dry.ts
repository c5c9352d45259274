/**
 * `send --dry-run`: the plan the real run would make, nothing written and nothing sent. After a
 * killed run it asks Twilio (list reads only) which of its texts went out, so the plan is the
 * one the real run will make; without credentials those contacts are shown as held.
 */

import type { Funnel } from '../core/funnel/index.js';
import { ConfigError, ExitCode } from '../errors.js';
import type { CommandContext } from './context.js';
import { loadCommandConfig, withSender } from './context.js';
import { printPlan } from './send-output.js';
import { prepare, type SendRun } from './send-prepare.js';
import { previewRecovery } from './send-recovery.js';

export async function showPlan(run: SendRun): Promise<number> {
  const { ctx, now } = run;
  // A dry run never loads the SDK (≈260 ms) unless a killed run left sends to look up.
  const adapter = run.journal.unsettled().some((p) => p.sid === undefined)
    ? await lookUpAdapter(ctx, run.funnel)
    : undefined;
  try {
    const { plan, pending, recovery } = await prepare(run, (p, byId) =>
      previewRecovery(p, byId, adapter, now),
    );
    if (run.cap.note !== undefined) ctx.out.warn(run.cap.note);
    printPlan(ctx.out, plan, run.funnel, pending.length > 0 ? recovery : undefined);
    return ExitCode.ok;
  } finally {
    adapter?.close();
  }
}

async function lookUpAdapter(ctx: CommandContext, funnel: Funnel) {
  try {
    const { config } = loadCommandConfig(ctx, ['twilio']);
    const { createTwilioAdapter } = await import('../adapters/twilio/index.js');
    return await createTwilioAdapter(withSender(config.twilio, funnel));
  } catch (error) {
    if (error instanceof ConfigError) return undefined;
    throw error;
  }
}
