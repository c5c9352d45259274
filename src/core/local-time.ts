/**
 * Times as a person on the team reads them: in the team's time zone (the funnel's `timezone`),
 * not UTC. Pure (Intl only). For the summary, `status`, dry-run plans and `thread`.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function parts(date: Date, timeZone: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(date)) out[p.type] = p.value;
  return out;
}

/** `2026-12-01T14:03:00Z` in America/New_York → `2026-12-01 09:03 EST`; empty or unreadable → as given. */
export function localTime(when: string | Date, timeZone: string): string {
  const date = typeof when === 'string' ? (when.trim() === '' ? undefined : new Date(when)) : when;
  if (date === undefined || Number.isNaN(date.getTime())) return typeof when === 'string' ? when : '';
  const p = parts(date, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} ${p.timeZoneName}`;
}

/** The calendar day of an instant in a zone, `2026-12-01`. */
export function localDay(date: Date, timeZone: string): string {
  const p = parts(date, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}
