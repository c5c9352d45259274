/**
 * Times as a person on the team reads them: in the team's time zone (the funnel's `timezone`),
 * not UTC. Pure (Intl only). For the summary, `status`, dry-run plans and `thread`.
 */
import { zoneParts } from './quiet-hours.js';

/** `2026-12-01T14:03:00Z` in America/New_York → `2026-12-01 09:03 EST`; empty or unreadable → as given. */
export function localTime(when: string | Date, timeZone: string): string {
  const date = typeof when === 'string' ? (when.trim() === '' ? undefined : new Date(when)) : when;
  if (date === undefined || Number.isNaN(date.getTime())) return typeof when === 'string' ? when : '';
  const p = zoneParts(date, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} ${p.timeZoneName}`;
}

/** The calendar day of an instant in a zone, `2026-12-01`. */
export function localDay(date: Date, timeZone: string): string {
  const p = zoneParts(date, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}
