/**
 * Quiet hours: messages go out only inside the sending window of the contact's own local time
 * (default 09:00–20:00; the funnel file may narrow it but never widen it past 08:00–21:00, the
 * TCPA's calling-hours rule, 47 CFR 64.1200(c)(1)). Time-zone arithmetic uses
 * `Intl.DateTimeFormat` only (the zone database that ships with Node), so DST days are right.
 */
import type { QuietHours } from './funnel/types.js';
import { timeZoneOfPhone } from './time-zones.js';

export const DEFAULT_QUIET_HOURS: QuietHours = { start: 9 * 60, end: 20 * 60 };
/** the widest window allowed: 08:00–21:00 */
export const WIDEST_QUIET_HOURS: QuietHours = { start: 8 * 60, end: 21 * 60 };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** An instant's parts in a zone as Intl writes them (`year`, ..., `second`, `timeZoneName`). */
export function zoneParts(instant: Date, timeZone: string): Record<string, string> {
  const p: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') p[part.type] = part.value;
  }
  return p;
}

/** True when the IANA zone name is known to this Node (e.g. `America/New_York`). */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '') return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The local wall-clock time of an instant in a zone. */
export function wallTime(instant: Date, timeZone: string): WallTime {
  const p = zoneParts(instant, timeZone);
  return {
    year: Number(p.year ?? 0),
    month: Number(p.month ?? 1),
    day: Number(p.day ?? 1),
    hour: Number(p.hour ?? 0),
    minute: Number(p.minute ?? 0),
    second: Number(p.second ?? 0),
  };
}

function asUtc(w: WallTime): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/**
 * The instant a local wall-clock time happens in a zone. Found by correcting a guess with the
 * zone's offset twice (offsets change at most once near a given time). A time skipped by a DST
 * jump resolves to the same wall time after the jump (02:30 on a spring-forward day → 03:30).
 */
export function instantOf(w: WallTime, timeZone: string): Date {
  const target = asUtc(w);
  let guess = target;
  for (let i = 0; i < 3; i++) {
    const offset = asUtc(wallTime(new Date(guess), timeZone)) - guess;
    const next = target - offset;
    if (next === guess) break;
    guess = next;
  }
  return new Date(guess);
}

export interface SendWindow {
  open: boolean;
  /** when open: `now`; else the next instant the window opens in that zone */
  opensAt: Date;
  /** when open: the instant it closes today; no text may be created from then on */
  closesAt?: Date;
}

/** Is `now` inside the sending window in `timeZone`, and if not, when does it next open? */
export function sendWindow(
  now: Date,
  timeZone: string,
  window: QuietHours = DEFAULT_QUIET_HOURS,
): SendWindow {
  const local = wallTime(now, timeZone);
  const minutes = local.hour * 60 + local.minute;
  if (minutes >= window.start && minutes < window.end) {
    const closesAt = instantOf(
      { ...local, hour: Math.floor(window.end / 60), minute: window.end % 60, second: 0 },
      timeZone,
    );
    return { open: true, opensAt: now, closesAt };
  }
  // the opening today if it is still ahead, else tomorrow's (Date.UTC rolls the day/month over)
  const day = minutes < window.start ? local.day : local.day + 1;
  const rolled = new Date(Date.UTC(local.year, local.month - 1, day));
  const opensAt = instantOf(
    {
      year: rolled.getUTCFullYear(),
      month: rolled.getUTCMonth() + 1,
      day: rolled.getUTCDate(),
      hour: Math.floor(window.start / 60),
      minute: window.start % 60,
      second: 0,
    },
    timeZone,
  );
  return { open: false, opensAt };
}

export type TimeZoneSource = 'column' | 'phone' | 'funnel';

/**
 * The contact's own zone: a valid `timezone` column (any case of the header), else the phone
 * number's area code or country, else the funnel's default zone.
 */
export function contactTimeZone(
  contact: Readonly<Record<string, string>>,
  fallback: string,
): { timeZone: string; source: TimeZoneSource } {
  for (const [k, v] of Object.entries(contact)) {
    const key = k.trim().toLowerCase();
    if ((key === 'timezone' || key === 'time_zone') && isValidTimeZone(v.trim())) {
      return { timeZone: v.trim(), source: 'column' };
    }
  }
  const fromPhone = timeZoneOfPhone(contact.phone ?? '');
  if (fromPhone !== undefined && isValidTimeZone(fromPhone)) return { timeZone: fromPhone, source: 'phone' };
  return { timeZone: fallback, source: 'funnel' };
}

/** `"09:30"` → 570; undefined for anything else. */
export function parseClock(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = /^([01]?\d|2[0-4]):([0-5]\d)$/.exec(text.trim());
  if (m === null) return undefined;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes > 24 * 60 ? undefined : minutes;
}

export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Twilio's ValidityPeriod for a text created at `at` whose window closes at `windowEnd`: whole
 * seconds left, at most 36,000 (Twilio's Message resource: 1 to 36000). Undefined when under
 * five seconds are left (Twilio recommends more than 5): too late to create it.
 */
export function validityPeriod(windowEnd: Date, at: Date): number | undefined {
  const seconds = Math.floor((windowEnd.getTime() - at.getTime()) / 1000);
  return seconds < 5 ? undefined : Math.min(36_000, seconds);
}
