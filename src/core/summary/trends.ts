/**
 * The summary's trends: the last seven days side by side and how each step of the funnel
 * converts. Days are calendar days in the team's zone (the zone every time of the summary is
 * shown in), from the log and the contacts: a text counts on the day it was sent and so do its
 * delivered/failed results, a reply on the day its contact wrote it (`date_sent`), an opt-out on
 * the day of `opted_out_at`. The seven days are whole days ending yesterday; today so far is
 * kept apart, with the same hours of yesterday beside it, so a summary read at 07:30 never
 * compares seven and a half hours with a whole day.
 */
import { type Contact, isoSeconds, type MessageRow, parseTime } from '../model.js';
import { instantOf, wallTime } from '../quiet-hours.js';
import {
  isInterested,
  type LoggedReply,
  type LoggedText,
  type StepConversion,
  stepConversions,
} from './conversion.js';
import type { StageSpec } from './types.js';

export type { StepConversion } from './conversion.js';

export const TREND_DAYS = 7;

/** What happened on one day. */
export interface DayCounts {
  sent: number;
  delivered: number;
  failed: number;
  replies: number;
  /** contacts who replied interested (or with a funnel's own answer, e.g. `morning`) that day */
  interested: number;
  optOuts: number;
}
export type TrendMetric = keyof DayCounts;
export const TREND_METRICS: readonly TrendMetric[] = [
  'sent',
  'delivered',
  'replies',
  'interested',
  'optOuts',
  'failed',
];

export interface TrendDay extends DayCounts {
  /** the calendar day in the team's zone, `2026-11-30` */
  date: string;
  /** `Mon` */
  weekday: string;
}

export interface Trends {
  /** the seven whole days ending yesterday, oldest first */
  days: TrendDay[];
  /** today from midnight to the summary's `now` */
  today: TrendDay & { until: string };
  /** yesterday from midnight to the same wall-clock time as `now` */
  sameTimeYesterday: DayCounts;
  /** the instant the seven days begin (texts sent since then make the step conversions) */
  from: string;
  steps: StepConversion[];
}

export interface TrendInput {
  now: Date;
  timeZone?: string | undefined;
  contacts: readonly Contact[];
  messages: readonly MessageRow[];
  stages?: readonly StageSpec[] | undefined;
}

const FAILED = ['failed', 'undelivered'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const zero = (): DayCounts => ({ sent: 0, delivered: 0, failed: 0, replies: 0, interested: 0, optOuts: 0 });

export function computeTrends(input: TrendInput): Trends {
  const zone = input.timeZone ?? 'UTC';
  const now = input.now.getTime();
  const w = wallTime(input.now, zone);
  // Day k (0 = today, 7 = a week ago) starts at its local midnight; Date.UTC rolls months over.
  const dayStart = (k: number) => {
    const d = new Date(Date.UTC(w.year, w.month - 1, w.day - k));
    return {
      date: d.toISOString().slice(0, 10),
      weekday: WEEKDAYS[d.getUTCDay()] ?? '',
      t: instantOf(
        {
          year: d.getUTCFullYear(),
          month: d.getUTCMonth() + 1,
          day: d.getUTCDate(),
          hour: 0,
          minute: 0,
          second: 0,
        },
        zone,
      ).getTime(),
    };
  };
  const starts = Array.from({ length: TREND_DAYS + 1 }, (_, i) => dayStart(TREND_DAYS - i)); // oldest first
  const from = starts[0]?.t ?? now;
  const yesterday = dayStart(1);
  const sameTime = instantOf(
    {
      ...w,
      year: Number(yesterday.date.slice(0, 4)),
      month: Number(yesterday.date.slice(5, 7)),
      day: Number(yesterday.date.slice(8, 10)),
    },
    zone,
  ).getTime();
  const buckets = starts.map(() => zero());
  const soFar = zero();
  /** the bucket of an instant: 0..6 the seven days, 7 today; undefined outside */
  const bucket = (t: number | undefined): number | undefined => {
    if (t === undefined || t < from || t > now) return undefined;
    for (let i = starts.length - 1; i >= 0; i--) if (t >= (starts[i]?.t ?? 0)) return i;
    return undefined;
  };
  const count = (t: number | undefined, metric: TrendMetric, n = 1) => {
    const i = bucket(t);
    if (i === undefined) return;
    (buckets[i] as DayCounts)[metric] += n;
    if (i === TREND_DAYS - 1 && t !== undefined && t <= sameTime) soFar[metric] += n;
  };

  // Fold the log: each text's day and final status, each reply's day and category.
  const categoryBySid = new Map<string, string>();
  const texts: LoggedText[] = [];
  const textBySid = new Map<string, LoggedText>();
  const replies: LoggedReply[] = [];
  for (const row of input.messages) {
    if (row.category !== '') categoryBySid.set(row.sid, row.category);
    const logged = parseTime(row.logged_at)?.getTime();
    if (logged === undefined || logged > now) continue;
    if (row.event === 'sent') {
      const text = { sid: row.sid, contactId: row.contact_id, step: row.step, t: logged, status: row.status };
      texts.push(text);
      if (row.sid !== '') textBySid.set(row.sid, text);
    } else if (row.event === 'status' && row.status !== '') {
      const text = textBySid.get(row.sid);
      if (text !== undefined) text.status = row.status;
    } else if (row.event === 'received') {
      replies.push({
        sid: row.sid,
        contactId: row.contact_id,
        t: parseTime(row.date_sent)?.getTime() ?? logged,
      });
    }
  }
  for (const text of texts) {
    count(text.t, 'sent');
    if (text.status === 'delivered') count(text.t, 'delivered');
    if (FAILED.includes(text.status)) count(text.t, 'failed');
  }
  const interestedOn = new Map<number, Set<string>>();
  replies.sort((a, b) => a.t - b.t);
  for (const r of replies) {
    count(r.t, 'replies');
    const i = bucket(r.t);
    if (i === undefined || !isInterested(categoryBySid.get(r.sid) ?? '')) continue;
    const key = r.contactId === '' ? `sid:${r.sid}` : r.contactId;
    const seen = interestedOn.get(i) ?? new Set<string>();
    if (!seen.has(key)) count(r.t, 'interested');
    seen.add(key);
    interestedOn.set(i, seen);
  }
  for (const c of input.contacts) count(parseTime(c.opted_out_at)?.getTime(), 'optOuts');

  const day = (i: number): TrendDay => ({
    date: starts[i]?.date ?? '',
    weekday: starts[i]?.weekday ?? '',
    ...(buckets[i] as DayCounts),
  });
  return {
    days: Array.from({ length: TREND_DAYS }, (_, i) => day(i)),
    today: { ...day(TREND_DAYS), until: isoSeconds(input.now) },
    sameTimeYesterday: soFar,
    from: isoSeconds(new Date(from)),
    steps: stepConversions(
      input,
      texts.filter((t) => t.t >= from),
      replies,
      categoryBySid,
    ),
  };
}
