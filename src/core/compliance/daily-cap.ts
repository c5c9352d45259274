/**
 * `SEND_DAILY_CAP`: carriers give each registered sender a daily limit (T-Mobile's daily cap
 * for an A2P 10DLC brand; Twilio error 30023/30027 past it). The count is kept per day of the
 * funnel's time zone, and what is over it waits for the next day.
 */
import { wallTime } from '../quiet-hours.js';

export interface DailySends {
  /** the funnel's local date, YYYY-MM-DD */
  day: string;
  sent: number;
}

/** The funnel's local date of an instant. */
export function localDay(now: Date, timeZone: string): string {
  const w = wallTime(now, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** Texts sent on `day` so far. */
export function sentOn(state: DailySends | undefined | null, day: string): number {
  return state !== undefined && state !== null && state.day === day ? state.sent : 0;
}

/** How many more may go today: Infinity without a cap. */
export function capLeft(cap: number | undefined, state: DailySends | undefined | null, day: string): number {
  return cap === undefined ? Number.POSITIVE_INFINITY : Math.max(0, cap - sentOn(state, day));
}
