/** Which stretch of time a summary covers, from the record of the last one (summary.json). */
import type { SummaryState } from '../state-files.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The window's start: where the last summary ended; a forced resend the same day covers that
 * day's window again. Without a usable record (first run, or a clock set back), the last 24 h.
 */
export function windowStart(last: SummaryState | undefined, day: string, now: Date): Date {
  const from = last === undefined ? undefined : Date.parse(last.date === day ? last.since : last.until);
  if (from === undefined || Number.isNaN(from) || from >= now.getTime())
    return new Date(now.getTime() - DAY_MS);
  return new Date(from);
}
