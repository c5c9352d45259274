/**
 * What `send` says and schedules after a run: the one summary line, and the instant the plan
 * can next change on its own (written to the schedule state file as nextDueAt).
 */
import { readyAt } from './contact-update.js';
import type { Resend } from './delivery.js';
import type { Contact } from './model.js';
import { type Skip, skippedByReason } from './send-skip.js';

/** "sent 212, skipped 3 (quiet hours 2, template 1), failed 1" — the run's one line. */
export function summaryLine(
  counts: { sent: number; failed: number; moved: number; deferred: number; late?: number; capped?: number },
  skipped: readonly Skip[] | Readonly<Record<string, number>>,
  verb = 'sent',
): string {
  const byReason = Array.isArray(skipped) ? skippedByReason(skipped) : (skipped as Record<string, number>);
  const total = Object.values(byReason).reduce((a, b) => a + b, 0);
  const detail = Object.entries(byReason)
    .map(([reason, n]) => `${reason.replace('_', ' ')} ${n}`)
    .join(', ');
  let line = `${verb} ${counts.sent}, skipped ${total}${detail === '' ? '' : ` (${detail})`}, failed ${counts.failed}`;
  if (counts.moved > 0) line += `, finished or moved without a text ${counts.moved}`;
  if (counts.deferred > 0) line += `, left for the next run (--limit) ${counts.deferred}`;
  if ((counts.late ?? 0) > 0) line += `, window closed during the run ${counts.late}`;
  if ((counts.capped ?? 0) > 0) line += `, waiting for tomorrow (SEND_DAILY_CAP) ${counts.capped}`;
  return line;
}

/** A contact skipped for a broken template or state is looked at again after this long. */
export const RECHECK_MS = 60 * 60 * 1000;

/**
 * The earliest instant the plan can change without a reply or an edit of contacts.csv: the next
 * next_action_at still to come, a quiet-hours window opening, a resend falling due, an hourly
 * recheck of contacts skipped for their template or state. Null: nothing will be due on its own.
 * (Called after the run, on the contacts as they now are; `othersReadyAt` is the earliest
 * `readyAt` of contacts the run did not load, which it left as they were.)
 */
export function nextWake(
  contacts: readonly Contact[],
  skipped: readonly Skip[],
  resends: readonly Resend[],
  now: Date,
  othersReadyAt = Number.POSITIVE_INFINITY,
): Date | null {
  let next = Math.max(othersReadyAt, now.getTime());
  const skippedIds = new Set(skipped.map((s) => s.contact.id));
  for (const c of contacts) {
    if (skippedIds.has(c.id)) continue;
    const at = readyAt(c);
    if (at !== Number.POSITIVE_INFINITY) next = Math.min(next, Math.max(at, now.getTime()));
  }
  for (const s of skipped) {
    const at =
      s.reason === 'quiet_hours' || s.reason === 'daily_limit'
        ? s.opensAt?.getTime()
        : s.reason === 'awaiting_reply' || s.reason === 'unsettled'
          ? now.getTime()
          : now.getTime() + RECHECK_MS;
    if (at !== undefined) next = Math.min(next, at);
  }
  for (const r of resends) next = Math.min(next, Math.max(Date.parse(r.at), now.getTime()));
  return Number.isFinite(next) ? new Date(next) : null;
}
