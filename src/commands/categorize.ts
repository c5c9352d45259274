/**
 * `smsfunnel categorize`: understands every reply `poll-replies` recorded and moves its contact.
 * Also the operator's tools: `--explain "text"`, `--test labeled.csv`, and `--set <phone>
 * <category>` to correct a category by hand.
 *
 * A reply is applied to its contact once: the contact's last_inbound_at records the newest reply
 * applied, so a run killed after saving contacts but before clearing the inbox does not apply the
 * same reply twice when it runs again.
 */

import { loadFunnelFile, loadFunnelFileIfAny } from '../adapters/funnel-file.js';
import type { DataDir } from '../adapters/store/index.js';
import type { Config } from '../config.js';
import { categorize, explain } from '../core/categorize/index.js';
import {
  isTwilioOptInKeyword,
  type OptOutRow,
  optOutRow,
  suppressedNumbers,
} from '../core/compliance/suppression.js';
import { isOptedOut } from '../core/contact-update.js';
import { type CompiledFunnel, compileFunnel, expecting, type Funnel } from '../core/funnel/index.js';
import type { Inbox, InboxEntry } from '../core/inbox.js';
import type { Contact, MessageRow } from '../core/model.js';
import { applyReply, categoryRow } from '../core/reply.js';
import { STATE } from '../core/state-files.js';
import { ExitCode, UsageError } from '../errors.js';
import { correctByHand, stepExpects, testLabeledFile } from './categorize-tools.js';
import type { CommandContext } from './context.js';
import { loadCommandConfig, openStore } from './context.js';

/**
 * `--explain TEXT` and `--test FILE`: the built-in categories judge without a funnel file; the
 * file's own categories join when it is there, and `--step ID` needs it (the categories that
 * step expects apply, as they would for a contact waiting there).
 */
async function judgeTexts(
  ctx: CommandContext,
  config: Config,
  opts: Record<string, unknown>,
): Promise<number> {
  const funnel =
    opts.step === undefined
      ? await loadFunnelFileIfAny(config.funnelFile)
      : await loadFunnelFile(config.funnelFile);
  const options = {
    custom: funnel?.categories ?? [],
    expecting: funnel ? stepExpects(funnel, opts.step) : [],
  };
  if (typeof opts.test === 'string') return testLabeledFile(ctx, opts.test, options);
  const text = String(opts.explain);
  ctx.out.data(categorize(text, options));
  ctx.out.print(explain(text, options));
  return ExitCode.ok;
}

export async function run(
  ctx: CommandContext,
  _args: string[],
  opts: Record<string, unknown>,
): Promise<number> {
  const modes = ['explain', 'test', 'set'].filter((m) => opts[m] !== undefined);
  if (modes.length > 1)
    throw new UsageError(`--${modes.join(' and --')} cannot be combined: use one at a time`);
  const { config, clock } = loadCommandConfig(ctx, []);
  if (opts.step !== undefined && opts.explain === undefined && opts.test === undefined)
    throw new UsageError(
      '--step only goes with --explain or --test: categorize reads each contact’s own step',
    );
  if (opts.explain !== undefined || opts.test !== undefined) return judgeTexts(ctx, config, opts);
  const funnel = await loadFunnelFile(config.funnelFile);
  if (Array.isArray(opts.set)) return correctByHand(ctx, config, clock.now(), funnel, opts.set as string[]);

  const now = clock.now();
  const compiled = compileFunnel(funnel);
  const store = await openStore(config, ctx.options.dryRun);
  try {
    const inbox = await store.readState(STATE.inbox);
    if (inbox.replies.length === 0) {
      ctx.out.result('no new replies to categorize');
      ctx.out.data({ categorized: 0, byCategory: {} });
      return ExitCode.ok;
    }
    const table = await store.loadContacts({ ids: inbox.replies.map((r) => r.contactId) });
    const byId = new Map(table.rows.map((c) => [c.id, c]));
    const replies = [...inbox.replies].sort(
      (a, b) => a.dateSent.localeCompare(b.dateSent) || a.sid.localeCompare(b.sid),
    );
    const firstText = await firstTextTimes(store, replies, byId);
    // a person is handling these contacts: their replies are logged, the funnel routes none
    const withPerson = (await store.readState(STATE.handoff)).withPerson ?? {};
    let unrouted = 0;
    const rows: MessageRow[] = [];
    // Every STOP and START goes on the suppression list, from a contact or not (opt-outs.csv).
    const listed: OptOutRow[] = [];
    // Who is opted out as the replies are read in order: a YES from one of them re-subscribes it.
    const suppressed = new Set(suppressedNumbers(await store.readOptOuts()).keys());
    const byCategory = new Map<string, number>();
    let unknown = 0;
    for (const reply of replies) {
      const contact = byId.get(reply.contactId);
      const optedOut = suppressed.has(reply.from) || (contact !== undefined && isOptedOut(contact));
      const category =
        optedOut && isTwilioOptInKeyword(reply.body)
          ? 'opt_in'
          : categorizeReply(reply, contact, funnel, compiled);
      if (category === 'opt_out') suppressed.add(reply.from);
      if (category === 'opt_in') suppressed.delete(reply.from);
      byCategory.set(category, (byCategory.get(category) ?? 0) + 1);
      // A reply older than our first text to the contact (the first poll looks a week back)
      // answers nothing we sent: logged, not routed. A STOP or START always counts.
      const beforeFirstText =
        contact !== undefined && !(Date.parse(reply.dateSent) >= (firstText.get(contact.id) ?? Infinity));
      if (contact === undefined) unknown++;
      else if (
        (beforeFirstText || withPerson[contact.id] !== undefined) &&
        category !== 'opt_out' &&
        category !== 'opt_in'
      )
        unrouted++;
      else applyReply(compiled, contact, { category, dateSent: reply.dateSent }, now);
      rows.push(categoryRow(reply, category, now));
      if (category === 'opt_out' || category === 'opt_in')
        listed.push(
          optOutRow({
            number: reply.from,
            at: reply.dateSent,
            action: category,
            how: 'reply',
            detail: reply.body,
            source:
              contact === undefined
                ? `reply ${reply.sid} (no contact)`
                : `reply ${reply.sid} (contact ${contact.id})`,
          }),
        );
      if (ctx.options.dryRun) {
        ctx.out.print(
          `${reply.sid} ${contact === undefined ? `${reply.from} (no contact)` : `contact ${contact.id}`}: ${category} — ${reply.body}`,
        );
      }
    }
    const counts = [...byCategory]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    const notes = [
      ...(unknown > 0 ? [`${unknown} from numbers that are no contact`] : []),
      ...(unrouted > 0
        ? [`${unrouted} logged, not routed: older than our first text, or with a person`]
        : []),
    ];
    const unknownNote = notes.length > 0 ? ` (${notes.join('; ')})` : '';
    ctx.out.data({
      categorized: replies.length,
      byCategory: Object.fromEntries(byCategory),
      unknownNumbers: unknown,
      unrouted,
    });
    if (ctx.options.dryRun) {
      ctx.out.result(
        `dry run: would categorize ${replies.length} repl${replies.length === 1 ? 'y' : 'ies'}: ${counts}${unknownNote} (nothing written)`,
      );
      return ExitCode.ok;
    }
    await store.appendOptOuts(listed);
    await store.appendMessages(await notLoggedYet(store, inbox, rows));
    await store.saveContacts(table);
    const handled = new Set(replies.map((r) => r.sid));
    const after = await store.readState(STATE.inbox);
    await store.writeState(STATE.inbox, { replies: after.replies.filter((r) => !handled.has(r.sid)) });
    ctx.out.result(
      `categorized ${replies.length} repl${replies.length === 1 ? 'y' : 'ies'}: ${counts}${unknownNote}`,
    );
    return ExitCode.ok;
  } finally {
    await store.close();
  }
}

/**
 * The category rows a run killed after logging them (before it cleared the inbox) already wrote
 * are not logged again: the inbox records where in messages.csv this run starts logging, and a
 * rerun reads the rows from there (the whole log if its header changed length since).
 */
async function notLoggedYet(store: DataDir, inbox: Inbox, rows: MessageRow[]): Promise<MessageRow[]> {
  const header = await store.messagesHeaderBytes();
  const from =
    inbox.logging === undefined ? undefined : inbox.logging.header === header ? inbox.logging.at : 0;
  if (from === undefined) {
    await store.writeState(STATE.inbox, { ...inbox, logging: { at: await store.messagesSize(), header } });
    return rows;
  }
  const logged = new Set(
    (await store.readMessages(from)).filter((r) => r.event === 'category').map((r) => r.sid),
  );
  return rows.filter((r) => !logged.has(r.sid));
}

/**
 * When each replying contact was first texted, as far as it matters: a contact never texted has
 * none; one whose reply is newer than its last text needs no look; only for a reply older than
 * the contact's last text is messages.csv read (once) for the contact's first `sent` row.
 */
async function firstTextTimes(
  store: DataDir,
  replies: readonly InboxEntry[],
  byId: ReadonlyMap<string, Contact>,
): Promise<Map<string, number>> {
  const first = new Map<string, number>();
  const unsure = new Set<string>();
  for (const r of replies) {
    const c = byId.get(r.contactId);
    if (c === undefined || c.last_sent_at === '') continue;
    first.set(c.id, Date.parse(c.last_sent_at));
    if (Date.parse(r.dateSent) < Date.parse(c.last_sent_at)) unsure.add(c.id);
  }
  if (unsure.size === 0) return first;
  for (const row of await store.readMessages()) {
    if (row.event !== 'sent' || !unsure.has(row.contact_id)) continue;
    const at = Date.parse(row.date_sent || row.logged_at);
    if (at < (first.get(row.contact_id) ?? Infinity)) first.set(row.contact_id, at);
  }
  return first;
}

function categorizeReply(
  reply: InboxEntry,
  contact: Contact | undefined,
  funnel: Funnel,
  compiled: CompiledFunnel,
): string {
  const asked = contact === undefined ? [] : expecting(compiled, contact.state);
  return categorize(reply.body, { custom: funnel.categories, expecting: asked }).category;
}
