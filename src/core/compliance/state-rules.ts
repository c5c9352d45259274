/**
 * The law of the contact's state, as data: when a text may go out, by the contact's US state (a
 * state column, else the number's area code), in the contact's own time zone. Federal law (TCPA,
 * 47 CFR 64.1200(c)(1)) allows 08:00–21:00; some states are stricter for telephone solicitation,
 * texts included:
 *   Florida  08:00–20:00, at most 3 messages in 24 h (Fla. Stat. 501.059(8), "mini-TCPA", 2021)
 *   Oklahoma 08:00–20:00, at most 3 in 24 h (15 O.S. 775C.4, Telephone Solicitation Act, 2022)
 *   Maryland 08:00–20:00, at most 3 in 24 h (Md. Com. Law 14-4503, Stop the Spam Calls Act, 2023)
 *   Connecticut 09:00–20:00 (Conn. Gen. Stat. 42-288a, 2023)
 *   Texas 09:00–21:00 Monday to Saturday, 12:00–21:00 Sunday (Tex. Bus. & Com. Code 301.051)
 *   Virginia 08:00–21:00 (Va. Code 59.1-518.2)
 * The funnel's quiet hours can only narrow these. Not legal advice: the table is the place to
 * keep it current.
 */
import type { QuietHours } from '../funnel/types.js';
import { formatClock, instantOf, type SendWindow, wallTime } from '../quiet-hours.js';

export interface StateRule {
  /** two-letter code, `US` for the federal rule */
  code: string;
  name: string;
  /** the sending window on a weekday (0 Sunday .. 6 Saturday) */
  window: (weekday: number) => QuietHours;
  /** at most this many texts to one contact in any 24 hours */
  maxPer24h?: number;
  law: string;
}

const hours = (start: number, end: number): QuietHours => ({ start: start * 60, end: end * 60 });
const every = (w: QuietHours) => () => w;

export const FEDERAL_RULE: StateRule = {
  code: 'US',
  name: 'federal law',
  window: every(hours(8, 21)),
  law: 'TCPA, 47 CFR 64.1200(c)(1)',
};

export const STATE_RULES: readonly StateRule[] = [
  { code: 'FL', name: 'Florida', window: every(hours(8, 20)), maxPer24h: 3, law: 'Fla. Stat. 501.059' },
  { code: 'OK', name: 'Oklahoma', window: every(hours(8, 20)), maxPer24h: 3, law: '15 O.S. 775C.4' },
  { code: 'MD', name: 'Maryland', window: every(hours(8, 20)), maxPer24h: 3, law: 'Md. Com. Law 14-4503' },
  { code: 'CT', name: 'Connecticut', window: every(hours(9, 20)), law: 'Conn. Gen. Stat. 42-288a' },
  {
    code: 'TX',
    name: 'Texas',
    window: (weekday) => (weekday === 0 ? hours(12, 21) : hours(9, 21)),
    law: 'Tex. Bus. & Com. Code 301.051',
  },
  { code: 'VA', name: 'Virginia', window: every(hours(8, 21)), law: 'Va. Code 59.1-518.2' },
];

const BY_CODE = new Map(STATE_RULES.map((r) => [r.code, r]));
const BY_NAME = new Map(STATE_RULES.map((r) => [r.name.toLowerCase(), r]));

/** The area codes of the states with rules of their own (NANPA assignments). */
const AREA_CODES: Record<string, string> = {
  FL: '239 305 321 324 352 386 407 448 561 645 656 689 727 728 754 772 786 813 850 863 904 941 954',
  OK: '405 539 572 580 918',
  MD: '227 240 301 410 443 667',
  CT: '203 475 860 959',
  TX: '210 214 254 281 325 346 361 409 430 432 469 512 682 713 726 737 806 817 830 832 903 915 936 940 945 956 972 979',
  VA: '276 434 540 571 686 703 757 804 826 948',
};
const STATE_OF_AREA = new Map(
  Object.entries(AREA_CODES).flatMap(([state, codes]) => codes.split(' ').map((c) => [c, state] as const)),
);

/** Columns that hold the contact's US state (contacts.csv `state` is the funnel's own). */
const STATE_COLUMNS = new Set(['us_state', 'src_state', 'state_code', 'province', 'region']);

/** The rule for a contact: its state column, else its number's area code, else federal law. */
export function ruleFor(contact: Readonly<Record<string, string>>): StateRule {
  for (const [k, v] of Object.entries(contact)) {
    if (!STATE_COLUMNS.has(k.trim().toLowerCase())) continue;
    const value = v.trim();
    const rule = BY_CODE.get(value.toUpperCase()) ?? BY_NAME.get(value.toLowerCase());
    if (rule !== undefined) return rule;
    if (value !== '') return FEDERAL_RULE; // another state: the federal rule
  }
  const area = /^\+1(\d{3})\d{7}$/.exec(contact.phone ?? '')?.[1];
  const state = area === undefined ? undefined : STATE_OF_AREA.get(area);
  return (state === undefined ? undefined : BY_CODE.get(state)) ?? FEDERAL_RULE;
}

/** Both windows at once: the later start, the earlier end. */
function narrow(a: QuietHours, b: QuietHours): QuietHours {
  return { start: Math.max(a.start, b.start), end: Math.min(a.end, b.end) };
}

export interface RuledWindow extends SendWindow {
  /** what held the contact back (or bounds its window): "Texas law, 12:00–21:00 on Sundays" */
  heldBy: string;
}

const DAYS = ['Sundays', 'Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays'];

/**
 * The contact's sending window at `now`: the funnel's quiet hours narrowed by the rule of its
 * state, on the contact's local weekday, in its zone. Closed: when it next opens (up to a week on).
 */
export function ruledWindow(
  now: Date,
  timeZone: string,
  funnelHours: QuietHours,
  rule: StateRule,
): RuledWindow {
  const local = wallTime(now, timeZone);
  const dayOf = (offset: number) => {
    const d = new Date(Date.UTC(local.year, local.month - 1, local.day + offset));
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      weekday: d.getUTCDay(),
    };
  };
  const windowOn = (weekday: number) => narrow(funnelHours, rule.window(weekday));
  const describe = (weekday: number) => {
    const w = windowOn(weekday);
    const range = `${formatClock(w.start)}–${formatClock(w.end)}`;
    const lawNarrows = w.start > funnelHours.start || w.end < funnelHours.end;
    if (!lawNarrows) return `the funnel's quiet hours, ${range}`;
    const varies = rule.window(0).start !== rule.window(1).start || rule.window(0).end !== rule.window(1).end;
    return `${rule.name} law (${rule.law}), ${range}${varies ? ` on ${DAYS[weekday]}` : ''}`;
  };
  const at = (d: ReturnType<typeof dayOf>, minutes: number) =>
    instantOf(
      {
        year: d.year,
        month: d.month,
        day: d.day,
        hour: Math.floor(minutes / 60),
        minute: minutes % 60,
        second: 0,
      },
      timeZone,
    );
  const today = dayOf(0);
  const w = windowOn(today.weekday);
  const minutes = local.hour * 60 + local.minute;
  if (minutes >= w.start && minutes < w.end)
    return { open: true, opensAt: now, closesAt: at(today, w.end), heldBy: describe(today.weekday) };
  for (let offset = minutes < w.start ? 0 : 1; offset <= 7; offset++) {
    const d = dayOf(offset);
    const next = windowOn(d.weekday);
    if (next.start < next.end)
      return { open: false, opensAt: at(d, next.start), heldBy: describe(today.weekday) };
  }
  return { open: false, opensAt: at(dayOf(7), w.start), heldBy: describe(today.weekday) };
}

const DAY_MS = 24 * 3600_000;

/**
 * A state's cap on texts to one person in 24 hours (Florida, Oklahoma, Maryland: 3): reached by
 * the texts at `times` (ISO), it says until when the contact waits; else undefined.
 */
export function capReached(rule: StateRule, times: readonly string[], now: Date): Date | undefined {
  if (rule.maxPer24h === undefined) return undefined;
  const recent = times
    .map((t) => Date.parse(t))
    .filter((t) => t > now.getTime() - DAY_MS && t <= now.getTime())
    .sort((a, b) => a - b);
  if (recent.length < rule.maxPer24h) return undefined;
  // the wait ends when enough of them are 24 hours old
  return new Date((recent[recent.length - rule.maxPer24h] as number) + DAY_MS);
}

/** The texts of the last 24 hours kept per contact under a capped rule, the older ones dropped. */
export function pruneRecent(recent: Record<string, string[]>, now: Date): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [id, times] of Object.entries(recent)) {
    const kept = times.filter((t) => Date.parse(t) > now.getTime() - DAY_MS);
    if (kept.length > 0) out[id] = kept;
  }
  return out;
}
