/**
 * `smsfunnel dismiss <phone|id>` closes the contact's waiting replies; `smsfunnel resume
 * <phone|id> --step ID | --outcome NAME` also hands the contact back to the funnel: to the state
 * whose next text is that step (due now; the next `send` delivers it inside quiet hours), or to
 * an outcome. One module for both: they differ only in what happens to the contact.
 */
import { loadFunnelFile } from '../adapters/funnel-file.js';

import { suppressedNumbers } from '../core/compliance/suppression.js';
import { isOptedOut } from '../core/contact-update.js';
import { compileFunnel } from '../core/funnel/index.js';
import { closeItems, inboxItems } from '../core/handoff.js';
import { isoSeconds } from '../core/model.js';
import { stateSending } from '../core/retry.js';
import { STATE } from '../core/state-files.js';
import { DataError, ExitCode, UsageError } from '../errors.js';
import { type CommandContext, loadCommandConfig, openStore, requireContact } from './context.js';

export async function run(
  ctx: CommandContext,
  args: string[],
  opts: Record<string, unknown>,
): Promise<number> {
  return handBack(ctx, args, opts, 'resumed');
}

export async function dismiss(ctx: CommandContext, args: string[]): Promise<number> {
  return handBack(ctx, args, {}, 'dismissed');
}

async function handBack(
  ctx: CommandContext,
  args: string[],
  opts: Record<string, unknown>,
  how: 'resumed' | 'dismissed',
): Promise<number> {
  const verb = how === 'resumed' ? 'resume' : 'dismiss';
  const [ref] = args;
  if (ref === undefined || ref.trim() === '')
    throw new UsageError(`${verb} needs the contact: smsfunnel ${verb} <phone|id>`);
  const step = typeof opts.step === 'string' ? opts.step : undefined;
  const outcome = typeof opts.outcome === 'string' ? opts.outcome : undefined;
  if (how === 'resumed' && (step === undefined) === (outcome === undefined))
    throw new UsageError(
      'resume takes one of --step ID (the text to send next) or --outcome NAME (where the contact ends)',
    );
  const { config, clock } = loadCommandConfig(ctx, []);
  const compiled = compileFunnel(await loadFunnelFile(config.funnelFile));
  const now = clock.now();
  const dryRun = ctx.options.dryRun;
  const store = await openStore(config, dryRun);
  try {
    const table = await store.loadContacts();
    const contact = requireContact(table.rows, ref, store.contactsPath);
    const handoff = await store.readState(STATE.handoff);
    const items = inboxItems(await store.readMessages(), table.rows, handoff, now);
    const { closed, handoff: next } = closeItems(items, contact.id, how, handoff, isoSeconds(now));
    let set: Record<string, string> | undefined;
    if (how === 'resumed') {
      if (isOptedOut(contact) || suppressedNumbers(await store.readOptOuts()).has(contact.phone))
        throw new DataError(
          `contact ${contact.id} (${contact.phone}) opted out: it is never texted again`,
          'Only a START from the contact lifts an opt-out.',
        );
      const state = step !== undefined ? stateSending(compiled, step, now) : `done.${outcome}`;
      if (state === undefined || !compiled.states.has(state))
        throw new UsageError(
          step !== undefined
            ? `--step ${step}: this funnel has no step that sends "${step}"`
            : `--outcome ${outcome}: this funnel has no outcome "${outcome}"`,
          "Run `smsfunnel status` to see the funnel's steps and outcomes.",
        );
      set = {
        state,
        next_action_at: step !== undefined ? isoSeconds(now) : '',
        error: '',
        updated_at: isoSeconds(now),
      };
    }
    const what =
      set === undefined
        ? `dismissed ${closed.length} waiting repl${closed.length === 1 ? 'y' : 'ies'} of contact ${contact.id}`
        : `contact ${contact.id} goes back to the funnel: ${step !== undefined ? `its ${step} text goes out at the next send` : `ends as ${outcome}`}${closed.length > 0 ? `; ${closed.length} waiting repl${closed.length === 1 ? 'y' : 'ies'} closed` : ''}`;
    if (dryRun) {
      ctx.out.result(`dry run: ${what}; nothing written`);
      return ExitCode.ok;
    }
    if (JSON.stringify(next) !== JSON.stringify(handoff)) await store.writeState(STATE.handoff, next);
    if (set !== undefined) {
      Object.assign(contact, set);
      await store.saveContacts(table);
    }
    ctx.out.data({ contact: contact.id, closed, ...(set === undefined ? {} : { state: set.state }) });
    ctx.out.result(what);
    return ExitCode.ok;
  } finally {
    await store.close();
  }
}
