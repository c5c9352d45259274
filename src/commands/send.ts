/**
 * `smsfunnel send`: texts every message that is due, exactly once.
 *
 * Order of a run: take the lock → load the funnel and contacts → settle what a killed run left in
 * the send journal → plan (pure) → for each text: journal the intent (fsync), create it through
 * Twilio, journal its SID, append it to messages.csv, apply the funnel's decision to the contact
 * → checkpoint contacts.csv as the run goes → settle the journal. A kill at any moment loses no
 * record: the next run finds the journal and reconciles through the list API before any retry.
 */
import { createHash, randomUUID } from 'node:crypto';
import { loadFunnelFile } from '../adapters/funnel-file.js';
import { type Intent, SendJournal } from '../adapters/send-journal.js';
import { type DataDir, openDataDir } from '../adapters/store/index.js';
import { holdError, stoppedError } from '../adapters/twilio/errors.js';
import type { SendOutcome, TwilioMessage } from '../adapters/twilio/index.js';
import type { Config, TwilioConfig } from '../config.js';
import {
  capLeft,
  DAILY_SENDS_STATE,
  type DailySends,
  localDay,
  sentOn,
} from '../core/compliance/daily-cap.js';
import { pruneRecent, RECENT_TEXTS_STATE, ruleFor } from '../core/compliance/state-rules.js';
import {
  type OptOutRow,
  optOutRow,
  suppressContact,
  suppressedNumbers,
} from '../core/compliance/suppression.js';
import { decisionColumns, isOptedOut, sentColumns } from '../core/contact-update.js';
import { DELIVERIES_STATE, type Deliveries, type PendingDelivery } from '../core/delivery.js';
import { compileFunnel, type Funnel } from '../core/funnel/index.js';
import { HANDOFF_STATE, type Handoff } from '../core/handoff.js';
import { awaitingCategorize, emptyInbox, INBOX_STATE, type Inbox } from '../core/inbox.js';
import { type Contact, isoSeconds, type MessageRow } from '../core/model.js';
import { validityPeriod } from '../core/quiet-hours.js';
import { refusalOf } from '../core/refusal.js';
import {
  nextWake,
  type PlannedSend,
  planSends,
  type Skip,
  skippedByReason,
  summaryLine,
} from '../core/send-plan.js';
import { activeHold, describeHold, SENDER_HOLD_STATE, type SenderHold } from '../core/sender-hold.js';
import { codeMeaning } from '../core/twilio-codes.js';
import { ConfigError, ExitCode, UsageError } from '../errors.js';
import { packageVersion } from '../version.js';
import type { CommandContext } from './context.js';
import { loadCommandConfig, withSender } from './context.js';
import { printPlan } from './send-output.js';
import { applyIntentTo, previewRecovery, recover, sentRow, sidEntry } from './send-recovery.js';

/**
 * contacts.csv is checkpointed during a long run at most every 30 s, and never more often than
 * ten times what one save takes (a million rows take seconds): the journal, not the checkpoint,
 * is what makes a killed run lose nothing, so checkpoints only bound the work of its recovery.
 */
const CHECKPOINT_MIN_MS = 30_000;
const CHECKPOINT_COST_FACTOR = 10;
/** `sent` rows go to messages.csv in batches: one append and one fsync for many texts. */
const LOG_BATCH_ROWS = 200;
const LOG_BATCH_MS = 1_000;

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
  const store = await openDataDir({
    dir: config.dataDir,
    lockWaitSeconds: config.lockWaitSeconds,
    readOnly: dryRun,
  });
  const journal = new SendJournal(config.dataDir);
  /** carrier opt-outs (21610) met in this run, for opt-outs.csv */
  const listed: OptOutRow[] = [];
  const inputs = scheduleInputs(funnel, config);
  // SEND_DAILY_CAP: what went today (the funnel's day) counts against the carrier's daily limit.
  const day = localDay(now, funnel.timezone);
  const daily = await store.readState<DailySends | null>(DAILY_SENDS_STATE);
  const left = capLeft(config.sendDailyCap, daily, day);
  const capNote =
    config.sendDailyCap === undefined || left > (limit ?? Number.POSITIVE_INFINITY)
      ? undefined
      : `SEND_DAILY_CAP ${config.sendDailyCap}: ${sentOn(daily, day)} sent today (${day}), ${left} more may go today; the rest wait for tomorrow`;
  const twilio = dryRun ? undefined : withSender(config.twilio as TwilioConfig, funnel);
  // A delivery result blamed the sender (src/core/sender-hold.ts): no text until it is fixed.
  const savedHold = await store.readState<SenderHold | null>(SENDER_HOLD_STATE);
  const sender = twilio?.messagingServiceSid ?? twilio?.phoneNumber ?? savedHold?.sender ?? '';
  const hold = activeHold(savedHold, sender, now);
  if (hold !== undefined) {
    if (!dryRun) {
      await store.close();
      throw holdError(hold);
    }
    ctx.out.warn(`a real run sends nothing now: ${describeHold(hold)}`);
  }
  /** A run that texts nobody and reads no contact: one line, the same JSON shape as a full run. */
  const idle = async (line: string, skipped: number, extra: Record<string, unknown> = {}) => {
    await store.close();
    ctx.out.result(line);
    ctx.out.data({ sent: 0, failed: 0, moved: 0, deferred: 0, late: 0, capped: 0, skipped, ...extra, line });
    return ExitCode.ok;
  };
  // the day's cap is used up: nothing is planned until tomorrow
  if (!dryRun && left === 0 && journal.unsettled().length === 0) return idle(`sent 0: ${capNote}`, 0);
  if (!dryRun) {
    const quiet = await nothingDue(store, journal, now, inputs);
    if (quiet !== undefined)
      return idle(summaryLine({ sent: 0, failed: 0, moved: 0, deferred: 0 }, quiet.skipped), quiet.total, {
        nextDueAt: quiet.nextDueAt,
      });
  }
  // A dry run never loads the SDK (≈260 ms) unless a killed run left sends to look up.
  let adapter = twilio === undefined ? undefined : await twilioAdapter(twilio);
  try {
    const pending = journal.unsettled();
    const deliveries = (await store.readState<Deliveries>(DELIVERIES_STATE)) ?? { pending: [], resends: [] };
    // The contacts this run may touch: every one ready by now, those a killed run was texting and
    // those owed a resend. Through the index only their rows are read (see DataDir.loadContacts).
    const table = await store.loadContacts({
      readyBy: now.getTime(),
      ids: [...pending.map((p) => p.intent.contactId), ...deliveries.resends.map((r) => r.contactId)],
    });
    // By id, only when a killed run needs it: a million-entry map is ~60 MB.
    let byIdMap: Map<string, Contact> | undefined;
    const byId = () => {
      byIdMap ??= new Map(table.rows.map((c) => [c.id, c]));
      return byIdMap;
    };

    if (dryRun && pending.some((p) => p.sid === undefined)) adapter = await lookUpAdapter(ctx, funnel);
    const recovery = dryRun
      ? await previewRecovery(pending, pending.length > 0 ? byId() : new Map(), adapter, now)
      : await recover(pending, journal, store, pending.length > 0 ? byId() : new Map(), adapter, now);
    if (!dryRun && recovery.recorded + recovery.dropped > 0) {
      ctx.out.info(
        `settled an interrupted run: ${recovery.recorded} text(s) had gone out, ${recovery.dropped} had not`,
      );
    }
    const unknownContacts = new Set(recovery.unknown.map((i) => i.contactId));

    const inbox = (await store.readState<Inbox>(INBOX_STATE)) ?? emptyInbox();
    // Texts the killed run sent are followed like any other (its deliveries.json was never written).
    const following = new Set(deliveries.pending.map((p) => p.sid));
    for (const { intent, sid } of recovery.sent)
      if (!following.has(sid)) deliveries.pending.push(pendingOf(intent, sid));
    const held = awaitingCategorize(inbox);
    const suppressed = new Set(suppressedNumbers(await store.readOptOuts()).keys());
    // A row opted out by hand (opted_out_at filled in contacts.csv) goes on the list too, so its
    // number stays opted out in every row that holds it and after the row is deleted.
    for (const c of table.rows) {
      if (!isOptedOut(c) || c.phone.trim() === '' || suppressed.has(c.phone)) continue;
      suppressed.add(c.phone);
      listed.push(
        optOutRow({
          number: c.phone,
          at: c.opted_out_at === '' ? isoSeconds(now) : c.opted_out_at,
          action: 'opt_out',
          how: 'operator',
          detail: c.opted_out_at === '' ? `state ${c.state}` : 'opted_out_at',
          source: `contact ${c.id} in contacts.csv`,
        }),
      );
    }

    // Florida, Oklahoma, Maryland: at most 3 texts to a person in 24 hours (state-rules.ts).
    let recentTexts = pruneRecent(
      (await store.readState<Record<string, string[]>>(RECENT_TEXTS_STATE)) ?? {},
      now,
    );
    const recentBefore = JSON.stringify(recentTexts);
    const plan = planSends({
      recentTexts,
      funnel,
      compiled,
      contacts: table.rows,
      now,
      awaitingCategorize: held,
      unsettled: unknownContacts,
      withPerson: new Set(Object.keys((await store.readState<Handoff>(HANDOFF_STATE))?.withPerson ?? {})),
      resends: deliveries.resends,
      suppressed,
      ...(limit === undefined && left === Number.POSITIVE_INFINITY
        ? {}
        : { limit: Math.min(limit ?? left, left) }),
    });

    if (dryRun) {
      if (capNote !== undefined) ctx.out.warn(capNote);
      printPlan(ctx.out, plan, funnel, pending.length > 0 ? recovery : undefined);
      return ExitCode.ok;
    }
    // A resend is owed only while its contact can still be texted and nothing newer went out or is due.
    const obsolete = new Set(plan.obsoleteResends);
    const droppedResends = obsolete.size > 0;
    deliveries.resends = deliveries.resends.filter((r) => !obsolete.has(r));

    for (const { contact, decision } of plan.moves) Object.assign(contact, decisionColumns(decision, now));
    // A row of a number on the opt-out list (re-imported, or a copy of an opted-out row) is opted out too.
    const suppressedRows = plan.skipped.filter((s) => s.reason === 'opted_out');
    for (const { contact } of suppressedRows) suppressContact(contact, compiled, now);
    const problems = noteHeldContacts(plan.skipped, now);

    // what the daily cap holds back waits for tomorrow; what --limit holds back, for the next run
    const capped = capNote !== undefined && left <= (limit ?? Number.POSITIVE_INFINITY) ? plan.deferred : 0;
    const counts = {
      sent: 0,
      failed: 0,
      moved: plan.moves.length,
      deferred: plan.deferred - capped,
      late: 0,
      capped,
    };
    // contacts.csv is rewritten only when a contact changed: a quiet cron tick touches no file
    let dirty =
      plan.moves.length > 0 || problems.length > 0 || recovery.recorded > 0 || suppressedRows.length > 0;
    let lastCheckpoint = performance.now();
    let saveMs = 0;
    const checkpoint = async (force: boolean) => {
      const since = performance.now() - lastCheckpoint;
      if (!force && since < Math.max(CHECKPOINT_MIN_MS, CHECKPOINT_COST_FACTOR * saveMs)) return;
      lastCheckpoint = performance.now();
      await flushLog(); // the log first: a saved contact's text is always in the log
      await store.saveContacts(table);
      saveMs = performance.now() - lastCheckpoint;
    };

    const logBatch: { row: MessageRow; intentId: string }[] = [];
    let lastFlush = performance.now();
    let flushing: Promise<void> = Promise.resolve();
    /** Appends the waiting `sent` rows in one go, then marks them logged in the journal. */
    const flushLog = (): Promise<void> => {
      flushing = flushing.then(async () => {
        lastFlush = performance.now();
        const batch = logBatch.splice(0);
        if (batch.length === 0) return;
        await store.appendMessages(batch.map((b) => b.row));
        await Promise.all(batch.map((b) => journal.append({ t: 'logged', id: b.intentId })));
      });
      return flushing;
    };
    if (plan.moves.length > 0 || problems.length > 0 || suppressedRows.length > 0) await checkpoint(true);

    const { sendAll } = await import('../adapters/twilio/index.js');
    /** A text Twilio has: its SID in the journal, its row in the log, the decision on the contact. */
    const recordSent = async (contact: Contact, intent: Intent, message: TwilioMessage) => {
      const sid = sidEntry(intent.id, message);
      await journal.append(sid);
      logBatch.push({ row: sentRow(intent, sid, now), intentId: intent.id });
      applyIntentTo(contact, intent);
      deliveries.pending.push(pendingOf(intent, sid.sid));
      if (ruleFor(contact).maxPer24h !== undefined)
        recentTexts = { ...recentTexts, [contact.id]: [...(recentTexts[contact.id] ?? []), isoSeconds(now)] };
      counts.sent++;
      if (logBatch.length >= LOG_BATCH_ROWS || performance.now() - lastFlush >= LOG_BATCH_MS)
        await flushLog();
    };
    const bar = await progressBar(ctx, plan.sends.length);
    const from = twilio?.phoneNumber ?? twilio?.messagingServiceSid ?? '';
    try {
      await sendAll(
        plan.sends,
        async (item: PlannedSend) => {
          // The clock moves during a run: a text is never created once its contact's window has
          // closed, and Twilio drops it if it is still queued then (ValidityPeriod, in seconds).
          const validity = validityPeriod(item.windowEnd, clock.now());
          if (validity === undefined) {
            counts.late++;
            return;
          }
          const intent = intentFor(item, from, now);
          dirty = true;
          await journal.append(intent, true); // on disk before the request leaves
          const outcome = await (adapter as NonNullable<typeof adapter>).sendMessage({
            to: item.contact.phone,
            body: item.text,
            validityPeriod: validity,
          });
          if (item.resend !== undefined)
            deliveries.resends = deliveries.resends.filter((r) => r !== item.resend);
          if (outcome.kind === 'sent') {
            await recordSent(item.contact, intent, outcome.message);
          } else if (outcome.kind === 'ambiguous') {
            // Never retried blindly: ask Twilio whether it went out.
            const found = await (adapter as NonNullable<typeof adapter>).findSentSince({
              to: intent.to,
              body: intent.body,
              since: new Date(intent.at),
            });
            const message = found[found.length - 1];
            if (message === undefined) {
              // One empty read proves nothing (the list lags): held until a later, second one.
              intent.looked = [isoSeconds(now)];
              await journal.append({ t: 'looked', id: intent.id, at: isoSeconds(now) });
              recovery.unknown.push(intent);
              problems.push(
                `contact ${item.contact.id}: Twilio did not answer (${outcome.error}); the next run checks whether the text went out before trying again`,
              );
              counts.failed++;
            } else {
              await recordSent(item.contact, intent, message);
            }
          } else if (outcome.kind === 'stopped') {
            // The sender or the account is at fault: every text would fail alike. Stop, touch no contact.
            await journal.append({ t: 'gone', id: intent.id });
            throw stoppedError(outcome.meaning, `${outcome.message}.`);
          } else {
            await journal.append({ t: 'gone', id: intent.id });
            counts.failed++;
            problems.push(rejected(item.contact, outcome, compiled, now));
          }
          await checkpoint(false);
          bar?.increment();
        },
        { rate: twilio?.sendRate ?? 1, weight: (item) => item.segments },
      );
    } finally {
      bar?.stop();
      await flushLog(); // if this fails, the journal stays and the next run records these texts
      await store.appendOptOuts(listed);
      if (dirty) await store.saveContacts(table);
      if (plan.sends.length > 0 || recovery.sent.length > 0 || droppedResends)
        await store.writeState(DELIVERIES_STATE, deliveries);
      if (JSON.stringify(recentTexts) !== recentBefore)
        await store.writeState(RECENT_TEXTS_STATE, recentTexts);
      if (counts.sent > 0)
        await store.writeState(DAILY_SENDS_STATE, { day, sent: sentOn(daily, day) + counts.sent });
      await journal.settle(recovery.unknown);
    }
    const wake = nextWake(table.rows, plan.skipped, deliveries.resends, now, table.unloaded?.earliestReadyAt);
    await store.writeSchedule({
      nextDueAt: wake === null ? null : wake.toISOString(),
      skipped: skippedByReason(plan.skipped),
      inputs,
    });
    if (capped > 0) problems.push(capNote as string);
    if (counts.late > 0)
      problems.push(
        `${counts.late} text(s) not sent: their contacts' sending window closed during this run; they go when it opens again`,
      );
    for (const p of problems) ctx.out.warn(p);
    const line = summaryLine(counts, plan.skipped);
    ctx.out.result(line);
    ctx.out.data({ ...counts, skipped: plan.skipped.length, line });
    return ExitCode.ok;
  } finally {
    adapter?.close();
    await journal.close();
    await store.close();
  }

  /** What a refusal by Twilio means for the contact (src/core/refusal.ts); returns the line for the operator. */
  function rejected(
    contact: Contact,
    outcome: Extract<SendOutcome, { kind: 'rejected' }>,
    compiledFunnel: typeof compiled,
    at: Date,
  ): string {
    const meaning = codeMeaning(outcome.code);
    const effect = outcome.reason === 'retry_once' ? 'person' : outcome.reason;
    const refusal = refusalOf(contact, effect, meaning, compiledFunnel, at, `send to contact ${contact.id}`);
    Object.assign(contact, refusal.set);
    if (refusal.optOut !== undefined) listed.push(refusal.optOut);
    const sep = effect === 'opted_out' ? ' ' : ': ';
    return `contact ${contact.id} (${contact.phone})${sep}${refusal.headline} (Twilio ${outcome.code}, ${meaning.meaning}, ${outcome.moreInfo}); ${refusal.outcome}`;
  }
}

/**
 * A contact held back for something only the operator can fix (a template field it lacks, a state
 * the funnel no longer has) gets the reason in its `error` column, and one warning the first time
 * it is noticed: cron mails every warning, and the same one every few minutes would be noise.
 * The next text that goes out clears the column.
 */
function noteHeldContacts(skipped: readonly Skip[], now: Date): string[] {
  const lines: string[] = [];
  for (const { contact, reason, detail } of skipped) {
    if (reason !== 'template' && reason !== 'state') continue;
    const error = `not sent: ${detail}`;
    if (contact.error === error) continue;
    Object.assign(contact, { error, updated_at: isoSeconds(now) });
    lines.push(`contact ${contact.id} (${contact.phone}) was not texted: ${detail}`);
  }
  return lines;
}

/**
 * The quiet cron tick: when contacts.csv is the file the last run planned from, no reply waits,
 * no send is unsettled, and nothing can be due yet, there is nothing to do — decided without
 * parsing contacts.csv (a million rows take seconds to read).
 */
async function nothingDue(store: DataDir, journal: SendJournal, now: Date, inputs: string) {
  if (journal.unsettled().length > 0) return undefined;
  const inbox = await store.readState<Inbox>(INBOX_STATE);
  if (inbox !== undefined && inbox.replies.length > 0) return undefined;
  const schedule = await store.readSchedule(inputs);
  if (schedule === undefined) return undefined;
  if (schedule.nextDueAt !== null && Date.parse(schedule.nextDueAt) <= now.getTime()) return undefined;
  const total = Object.values(schedule.skipped).reduce((a, b) => a + b, 0);
  return { skipped: schedule.skipped, total, nextDueAt: schedule.nextDueAt };
}

/**
 * What besides contacts.csv decides what is due: the funnel (its quiet hours, waits, steps), the
 * configuration (all of it but the clock: a setting that changes nothing costs one full read) and
 * the program's own rules (its version). A schedule made under other inputs is not trusted.
 */
function scheduleInputs(funnel: Funnel, config: Config): string {
  const { now: _clock, ...settings } = config;
  return createHash('sha256')
    .update(JSON.stringify([packageVersion(), funnel, settings]))
    .digest('hex');
}

function pendingOf(intent: Intent, sid: string): PendingDelivery {
  return {
    sid,
    contactId: intent.contactId,
    to: intent.to,
    body: intent.body,
    step: intent.step,
    ...(intent.variant === undefined ? {} : { variant: intent.variant }),
    sentAt: intent.at,
  };
}

function intentFor(item: PlannedSend, from: string, now: Date): Intent {
  return {
    t: 'intent',
    id: randomUUID(),
    at: now.toISOString(),
    contactId: item.contact.id,
    to: item.contact.phone,
    from,
    body: item.text,
    step: item.key,
    ...(item.variant === undefined ? {} : { variant: item.variant }),
    decision: {
      fromState: item.contact.state,
      fromNextActionAt: item.contact.next_action_at,
      set: sentColumns(item.decision, now),
    },
  };
}

async function twilioAdapter(config: TwilioConfig) {
  return (await import('../adapters/twilio/index.js')).createTwilioAdapter(config);
}

/**
 * A dry run after a killed run asks Twilio (list reads only) which of its texts went out, so the
 * plan is the one the real run will make; without credentials those contacts are shown as held.
 */
async function lookUpAdapter(ctx: CommandContext, funnel: Funnel) {
  try {
    const { config } = loadCommandConfig(ctx, ['twilio']);
    return await twilioAdapter(withSender(config.twilio, funnel));
  } catch (error) {
    if (error instanceof ConfigError) return undefined;
    throw error;
  }
}

function parseLimit(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new UsageError(`--limit ${String(value)}: give a whole number of messages, e.g. --limit 50`);
  return n;
}

async function progressBar(ctx: CommandContext, total: number) {
  const stream = ctx.out.progressStream();
  if (stream === undefined || total < 2) return undefined;
  const { default: progress } = await import('cli-progress');
  const bar = new progress.SingleBar(
    { stream, format: 'sending [{bar}] {value}/{total} texts | {eta_formatted} left', hideCursor: true },
    progress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}
