/**
 * `smsfunnel send`: texts every message that is due, exactly once. This file gathers a run's
 * givens (configuration, funnel, the lock, the daily cap, a sender hold) and hands them to the
 * dry run (send-dry.ts: the plan, nothing written) or the real run (send-real.ts).
 */
import { loadFunnelFile } from '../adapters/funnel-file.js';
import { SendJournal } from '../adapters/send-journal.js';

import { holdError } from '../adapters/twilio/errors.js';
import { capLeft, localDay, sentOn } from '../core/compliance/daily-cap.js';
import { compileFunnel } from '../core/funnel/index.js';
import { activeHold, describeHold } from '../core/sender-hold.js';
import { STATE } from '../core/state-files.js';
import { UsageError } from '../errors.js';
import type { CommandContext } from './context.js';
import { loadCommandConfig, openStore, withSender } from './context.js';
import { showPlan } from './send-dry.js';
import type { SendRun } from './send-prepare.js';
import { sendDue } from './send-real.js';

export async function run(
  ctx: CommandContext,
  _args: string[],
  opts: Record<string, unknown>,
): Promise<number> {
  const limit = parseLimit(opts.limit);
  const dryRun = ctx.options.dryRun;
  const { config, clock } = dryRun ? loadCommandConfig(ctx, []) : loadCommandConfig(ctx, ['twilio']);
  const funnel = await loadFunnelFile(config.funnelFile);
  const compiled = compileFunnel(funnel);
  const now = clock.now();
  const store = await openStore(config, dryRun);
  const journal = new SendJournal(config.dataDir);
  try {
    // SEND_DAILY_CAP: what went today (the funnel's day) counts against the carrier's daily limit.
    const day = localDay(now, funnel.timezone);
    const daily = await store.readState(STATE.dailySends);
    const left = capLeft(config.sendDailyCap, daily, day);
    const note =
      config.sendDailyCap === undefined || left > (limit ?? Number.POSITIVE_INFINITY)
        ? undefined
        : `SEND_DAILY_CAP ${config.sendDailyCap}: ${sentOn(daily, day)} sent today (${day}), ${left} more may go today; the rest wait for tomorrow`;
    const twilio = config.twilio === undefined ? undefined : withSender(config.twilio, funnel);
    // A delivery result blamed the sender (src/core/sender-hold.ts): no text until it is fixed.
    const savedHold = await store.readState(STATE.senderHold);
    const sender = twilio?.messagingServiceSid ?? twilio?.phoneNumber ?? savedHold?.sender ?? '';
    const hold = activeHold(savedHold, sender, now);
    if (hold !== undefined && !dryRun) throw holdError(hold);
    if (hold !== undefined) ctx.out.warn(`a real run sends nothing now: ${describeHold(hold)}`);
    const given: SendRun = {
      ctx,
      config,
      funnel,
      compiled,
      now,
      clockNow: () => clock.now(),
      store,
      journal,
      limit,
      cap: { day, sentBefore: sentOn(daily, day), left, note },
    };
    return dryRun || twilio === undefined ? await showPlan(given) : await sendDue(given, twilio);
  } finally {
    await journal.close();
    await store.close();
  }
}

function parseLimit(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new UsageError(`--limit ${String(value)}: give a whole number of messages, e.g. --limit 50`);
  return n;
}
