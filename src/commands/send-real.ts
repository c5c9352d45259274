/**
 * The real `send` run: settle what a killed run left, plan, then for each text journal the intent
 * (fsync), create it through Twilio, journal its SID, batch its row into messages.csv and apply
 * the funnel's decision to the contact, checkpointing contacts.csv as the run goes (SendSession).
 * A kill at any moment loses no record: the next run reconciles through the list API first.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { SendJournal } from '../adapters/send-journal.js';
import type { DataDir } from '../adapters/store/index.js';
import { stoppedError } from '../adapters/twilio/errors.js';
import type { Config, TwilioConfig } from '../config.js';
import { suppressContact } from '../core/compliance/suppression.js';
import { decisionColumns, noteHeldContacts } from '../core/contact-update.js';
import type { Funnel } from '../core/funnel/index.js';
import { validityPeriod } from '../core/quiet-hours.js';
import { applyRefusal } from '../core/refusal.js';
import { intentFor } from '../core/send-intent.js';
import type { PlannedSend } from '../core/send-plan.js';
import { nextWake, skippedByReason, summaryLine } from '../core/send-plan.js';
import { STATE } from '../core/state-files.js';
import { ExitCode } from '../errors.js';
import { packageVersion } from '../version.js';
import type { CommandContext } from './context.js';
import { prepare, type SendRun } from './send-prepare.js';
import { recover } from './send-recovery.js';
import { SendSession } from './send-session.js';

export async function sendDue(run: SendRun, twilio: TwilioConfig): Promise<number> {
  const { ctx, store, journal, now, cap, compiled } = run;
  const inputs = scheduleInputs(run.funnel, run.config);
  const idle = (line: string, skipped: number, extra: Record<string, unknown> = {}) => {
    ctx.out.result(line);
    ctx.out.data({ sent: 0, failed: 0, moved: 0, deferred: 0, late: 0, capped: 0, skipped, ...extra, line });
    return ExitCode.ok;
  };
  // the day's cap is used up: nothing is planned until tomorrow
  if (cap.left === 0 && journal.unsettled().length === 0) return idle(`sent 0: ${cap.note}`, 0);
  const quiet = await nothingDue(store, journal, now, inputs);
  if (quiet !== undefined)
    return idle(summaryLine({ sent: 0, failed: 0, moved: 0, deferred: 0 }, quiet.skipped), quiet.total, {
      nextDueAt: quiet.nextDueAt,
    });

  const twilioModule = await import('../adapters/twilio/index.js');
  const adapter = await twilioModule.createTwilioAdapter(twilio);
  try {
    const prepared = await prepare(run, (pending, byId) =>
      recover(pending, journal, store, byId, adapter, now),
    );
    const { table, recovery, plan } = prepared;
    if (recovery.recorded + recovery.dropped > 0)
      ctx.out.info(
        `settled an interrupted run: ${recovery.recorded} text(s) had gone out, ${recovery.dropped} had not`,
      );
    const session = new SendSession(store, journal, table, prepared.deliveries, prepared.recentTexts, now);
    session.listed.push(...prepared.listed);
    const { deliveries } = prepared;
    // A resend is owed only while its contact can still be texted and nothing newer went out or is due.
    const obsolete = new Set(plan.obsoleteResends);
    deliveries.resends = deliveries.resends.filter((r) => !obsolete.has(r));

    for (const { contact, decision } of plan.moves) Object.assign(contact, decisionColumns(decision, now));
    // A row of a number on the opt-out list (re-imported, or a copy of an opted-out row) is opted out too.
    const suppressedRows = plan.skipped.filter((s) => s.reason === 'opted_out');
    for (const { contact } of suppressedRows) suppressContact(contact, compiled, now);
    const problems = noteHeldContacts(plan.skipped, now);

    // what the daily cap holds back waits for tomorrow; what --limit holds back, for the next run
    const capped =
      cap.note !== undefined && cap.left <= (run.limit ?? Number.POSITIVE_INFINITY) ? plan.deferred : 0;
    const counts = {
      sent: 0,
      failed: 0,
      moved: plan.moves.length,
      deferred: plan.deferred - capped,
      late: 0,
      capped,
    };
    const changed = plan.moves.length > 0 || problems.length > 0 || suppressedRows.length > 0;
    session.dirty = changed || recovery.recorded > 0;
    if (changed) await session.checkpoint(true);

    const bar = await progressBar(ctx, plan.sends.length);
    const from = twilio.phoneNumber ?? twilio.messagingServiceSid ?? '';
    const sendOne = async (item: PlannedSend) => {
      // The clock moves during a run: a text is never created once its contact's window has
      // closed, and Twilio drops it if it is still queued then (ValidityPeriod, in seconds).
      const validity = validityPeriod(item.windowEnd, run.clockNow());
      if (validity === undefined) {
        counts.late++;
        return;
      }
      const intent = intentFor(item, randomUUID(), from, now);
      await session.intend(intent);
      const outcome = await adapter.sendMessage({
        to: item.contact.phone,
        body: item.text,
        validityPeriod: validity,
      });
      if (item.resend !== undefined) deliveries.resends = deliveries.resends.filter((r) => r !== item.resend);
      if (outcome.kind === 'sent') {
        await session.recordSent(item.contact, intent, outcome.message);
      } else if (outcome.kind === 'ambiguous') {
        // Never retried blindly: ask Twilio whether it went out.
        const found = await adapter.findSentSince({
          to: intent.to,
          body: intent.body,
          since: new Date(intent.at),
        });
        const message = found.at(-1);
        if (message !== undefined) await session.recordSent(item.contact, intent, message);
        else {
          await session.looked(intent);
          recovery.unknown.push(intent);
          problems.push(
            `contact ${item.contact.id}: Twilio did not answer (${outcome.error}); the next run checks whether the text went out before trying again`,
          );
          counts.failed++;
        }
      } else if (outcome.kind === 'stopped') {
        // The sender or the account is at fault: every text would fail alike. Stop, touch no contact.
        await session.gone(intent);
        throw stoppedError(outcome.meaning, `${outcome.message}.`);
      } else {
        await session.gone(intent);
        counts.failed++;
        const refusal = applyRefusal(item.contact, outcome, compiled, now);
        if (refusal.optOut !== undefined) session.listed.push(refusal.optOut);
        problems.push(refusal.line);
      }
      await session.checkpoint(false);
      bar?.increment();
    };
    try {
      await twilioModule.sendAll(plan.sends, sendOne, {
        rate: twilio.sendRate,
        weight: (item) => item.segments,
      });
    } finally {
      bar?.stop();
      counts.sent = session.sent;
      await session.finish({
        deliveriesChanged: plan.sends.length > 0 || recovery.sent.length > 0 || obsolete.size > 0,
        daily: { day: cap.day, sentBefore: cap.sentBefore },
        unknown: recovery.unknown,
      });
    }
    const wake = nextWake(table.rows, plan.skipped, deliveries.resends, now, table.unloaded?.earliestReadyAt);
    await store.writeSchedule({
      nextDueAt: wake === null ? null : wake.toISOString(),
      skipped: skippedByReason(plan.skipped),
      inputs,
    });
    if (capped > 0) problems.push(cap.note as string);
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
    adapter.close();
  }
}

/**
 * The quiet cron tick: when contacts.csv is the file the last run planned from, no reply waits,
 * no send is unsettled, and nothing can be due yet, there is nothing to do — decided without
 * parsing contacts.csv (a million rows take seconds to read).
 */
async function nothingDue(store: DataDir, journal: SendJournal, now: Date, inputs: string) {
  if (journal.unsettled().length > 0) return undefined;
  const inbox = await store.readState(STATE.inbox);
  if (inbox.replies.length > 0) return undefined;
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
