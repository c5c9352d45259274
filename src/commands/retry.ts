/**
 * `smsfunnel retry <phone|id>`: after fixing a contact's number, send it the text it never got.
 * The contact goes back to the state that sends that text, due now (src/core/retry.ts); the next
 * `send` delivers it inside quiet hours. A resend still queued for it is dropped, so it gets one.
 */
import { loadFunnelFile } from '../adapters/funnel-file.js';

import { suppressedNumbers } from '../core/compliance/suppression.js';
import { compileFunnel } from '../core/funnel/index.js';
import { planRetry } from '../core/retry.js';
import { STATE } from '../core/state-files.js';
import { DataError, ExitCode, UsageError } from '../errors.js';
import { type CommandContext, loadCommandConfig, openStore, requireContact } from './context.js';

export async function run(
  ctx: CommandContext,
  args: string[],
  opts: Record<string, unknown> = {},
): Promise<number> {
  const [ref] = args;
  if (opts.sender === true) {
    if (ref !== undefined) throw new UsageError('retry --sender takes no contact: smsfunnel retry --sender');
    return liftSenderHold(ctx);
  }
  if (ref === undefined || ref.trim() === '')
    throw new UsageError(
      'retry needs the contact: smsfunnel retry <phone|id> (or --sender to lift a sender hold)',
    );
  const dryRun = ctx.options.dryRun;
  const { config, clock } = loadCommandConfig(ctx, []);
  const compiled = compileFunnel(await loadFunnelFile(config.funnelFile));
  const now = clock.now();
  const store = await openStore(config, dryRun);
  try {
    const table = await store.loadContacts();
    const contact = requireContact(table.rows, ref, store.contactsPath);
    const suppressed = suppressedNumbers(await store.readOptOuts()).has(contact.phone);
    const plan = planRetry(compiled, contact, await store.readMessages(), suppressed, now);
    if (!plan.ok) throw new DataError(plan.why, plan.hint);
    const line = `contact ${contact.id} (${contact.phone}): the ${plan.key} text goes out again at the next send (${plan.because})`;
    if (dryRun) {
      ctx.out.result(`dry run: ${line}; nothing written`);
      return ExitCode.ok;
    }
    Object.assign(contact, plan.set);
    const deliveries = await store.readState(STATE.deliveries);
    if (deliveries.resends.some((r) => r.contactId === contact.id)) {
      deliveries.resends = deliveries.resends.filter((r) => r.contactId !== contact.id);
      await store.writeState(STATE.deliveries, deliveries);
    }
    await store.saveContacts(table);
    ctx.out.result(line);
    ctx.out.data({ contact: contact.id, phone: contact.phone, step: plan.key, state: contact.state });
    return ExitCode.ok;
  } finally {
    await store.close();
  }
}

/** `retry --sender`: the operator fixed what Twilio blamed the sender for; `send` goes on. */
async function liftSenderHold(ctx: CommandContext): Promise<number> {
  const { config } = loadCommandConfig(ctx, []);
  const store = await openStore(config, ctx.options.dryRun);
  try {
    const hold = await store.readState(STATE.senderHold);
    if (hold === null || hold === undefined) {
      ctx.out.result('no sender hold: send is not held');
      ctx.out.data({ lifted: false });
      return ExitCode.ok;
    }
    const line = `lifted the hold on ${hold.sender} (Twilio ${hold.code}, ${hold.meaning}): the ${hold.texts} text(s) that failed go out again at the next send`;
    if (ctx.options.dryRun) {
      ctx.out.result(`dry run: would have ${line}; nothing written`);
      return ExitCode.ok;
    }
    await store.writeState(STATE.senderHold, null);
    ctx.out.result(line);
    ctx.out.data({ lifted: true, sender: hold.sender, code: hold.code, texts: hold.texts });
    return ExitCode.ok;
  } finally {
    await store.close();
  }
}
