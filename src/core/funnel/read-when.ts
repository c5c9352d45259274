/**
 * When texts may go out: the funnel's default time zone and its quiet hours (the sending window
 * in the contact's local time), read from the funnel file's `timezone` and `quiet_hours` keys.
 */
import {
  DEFAULT_QUIET_HOURS,
  formatClock,
  isValidTimeZone,
  parseClock,
  WIDEST_QUIET_HOURS,
} from '../quiet-hours.js';
import { type Findings, knownKeys, mapping, text } from './read.js';
import type { QuietHours } from './types.js';

/** The default zone as written (an error is recorded when it is missing or not an IANA zone). */
export function readTimeZone(f: Findings, raw: unknown): string | undefined {
  const timezone = text(f, raw, ['timezone'], 'timezone');
  if (timezone === undefined) {
    if (raw === undefined)
      f.error(
        ['timezone'],
        'no default time zone',
        'Add e.g. "timezone: America/New_York" (used for contacts whose zone cannot be told from their number).',
      );
  } else if (!isValidTimeZone(timezone)) {
    f.error(
      ['timezone'],
      `unknown time zone "${timezone}"`,
      'Use an IANA zone name such as America/New_York, America/Chicago, Europe/London.',
    );
  }
  return timezone;
}

export function readQuietHours(f: Findings, raw: unknown): QuietHours {
  if (raw === undefined || raw === null) return DEFAULT_QUIET_HOURS;
  const m = mapping(f, raw, ['quiet_hours'], 'quiet_hours');
  if (m === undefined) return DEFAULT_QUIET_HOURS;
  knownKeys(f, m, ['quiet_hours'], ['start', 'end']);
  const range = `${formatClock(WIDEST_QUIET_HOURS.start)}–${formatClock(WIDEST_QUIET_HOURS.end)}`;
  const read = (key: 'start' | 'end', fallback: number): number => {
    const v = m[key] === undefined ? fallback : parseClock(m[key]);
    if (v === undefined) {
      f.error(
        ['quiet_hours', key],
        `"${String(m[key])}" is not a time of day`,
        'Write it as "HH:MM" in quotes, e.g. "09:00".',
      );
      return fallback;
    }
    return v;
  };
  const start = read('start', DEFAULT_QUIET_HOURS.start);
  const end = read('end', DEFAULT_QUIET_HOURS.end);
  if (start < WIDEST_QUIET_HOURS.start || end > WIDEST_QUIET_HOURS.end) {
    f.error(
      ['quiet_hours'],
      `the sending window ${formatClock(start)}–${formatClock(end)} is wider than ${range}`,
      `Texts may only go out ${range} in the contact's local time; narrow start/end to fit.`,
    );
  } else if (start >= end) {
    f.error(
      ['quiet_hours'],
      `the sending window starts (${formatClock(start)}) at or after it ends (${formatClock(end)})`,
      'Put the earlier time in start, the later in end.',
    );
  }
  return { start, end };
}
