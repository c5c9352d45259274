/**
 * The trends said in words, for the plain-text part and as the HTML chart's text alternative.
 * Honest on small numbers: counts always, a percentage change only when the day before had at
 * least 20 and the change is larger than chance would often make; the difference of two counts
 * of independent events (Poisson) has a standard deviation of about √(a + b), so a change within
 * two of those is said to be common by chance (normal approximation, as in the NIST/SEMATECH
 * e-Handbook of Statistical Methods, 7.3.3 for proportions). Steps are ranked only when each
 * reached at least 20 contacts, and "converts best" only when a two-proportion z-test says the
 * lead is beyond chance (|z| ≥ 1.96, about 95%).
 */
import { localTime } from '../local-time.js';
import type { StepConversion } from './conversion.js';
import type { DayCounts, TrendDay, TrendMetric, Trends } from './trends.js';

/** fewer reached than this and a step's rate is not compared */
export const MIN_REACHED = 20;
const MIN_FOR_PERCENT = 20;

export const METRIC_NAMES: Record<TrendMetric, { title: string; short: string; one: string; many: string }> =
  {
    sent: { title: 'Texts sent', short: 'sent', one: 'sent', many: 'sent' },
    delivered: { title: 'Delivered', short: 'delivered', one: 'delivered', many: 'delivered' },
    replies: { title: 'Replies', short: 'replies', one: 'reply', many: 'replies' },
    interested: { title: 'Interested contacts', short: 'interested', one: 'interested', many: 'interested' },
    optOuts: { title: 'Opt-outs', short: 'opt-outs', one: 'opt-out', many: 'opt-outs' },
    failed: { title: 'Failures', short: 'failures', one: 'failure', many: 'failures' },
  };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Mon 30 Nov` */
export function dayLabel(d: TrendDay): string {
  return `${d.weekday} ${Number(d.date.slice(8, 10))} ${MONTHS[Number(d.date.slice(5, 7)) - 1] ?? ''}`;
}

/** `07:30 EST`: the wall time of today's end, in the team's zone */
export function clockLabel(iso: string, timeZone = 'UTC'): string {
  return localTime(iso, timeZone).slice(11);
}

/** `18%`; `<1%` for a few out of many; `–` when there is nothing to divide by */
export function percent(n: number, of: number): string {
  if (of <= 0) return '–';
  const p = (n / of) * 100;
  return n > 0 && p < 1 ? '<1%' : `${Math.round(p)}%`;
}

/** A daily average as a person says it: whole above 10, one decimal below. */
export function average(days: readonly DayCounts[], metric: TrendMetric): string {
  if (days.length === 0) return '0';
  const mean = days.reduce((sum, d) => sum + d[metric], 0) / days.length;
  return mean >= 10 ? String(Math.round(mean)) : String(Math.round(mean * 10) / 10);
}

/** What a move from `before` to `after` may honestly be called. */
export function changeNote(before: number, after: number): string {
  if (before === after) return '';
  if (before + after < 10) return ' (too few to call it a trend)';
  if (Math.abs(after - before) <= 2 * Math.sqrt(before + after))
    return ' (a swing this size is common by chance)';
  if (before < MIN_FOR_PERCENT) return '';
  const change = Math.round(((after - before) / before) * 100);
  return ` (${change > 0 ? '+' : ''}${change}%)`;
}

/** One sentence a metric: yesterday against the day before, and the week's average. */
export function metricSentence(t: Trends, metric: TrendMetric): string {
  const name = METRIC_NAMES[metric];
  const a = t.days.at(-2)?.[metric] ?? 0;
  const b = t.days.at(-1)?.[metric] ?? 0;
  if (t.days.every((d) => d[metric] === 0)) return `${name.title}: none in the last 7 days.`;
  const avg = `the 7-day average is ${average(t.days, metric)} a day`;
  if (a === 0 && b === 0) return `${name.title}: none yesterday nor the day before; ${avg}.`;
  if (a === b) return `${name.title}: ${b} yesterday, the same as the day before; ${avg}.`;
  const verb = b > a ? 'rose' : 'fell';
  return `${name.title} ${verb} from ${a} the day before to ${b} yesterday${changeNote(a, b)}; ${avg}.`;
}

function counts(c: DayCounts): string {
  return (Object.keys(METRIC_NAMES) as TrendMetric[])
    .map((m) => `${c[m]} ${c[m] === 1 ? METRIC_NAMES[m].one : METRIC_NAMES[m].many}`)
    .join(', ');
}

/** `Today so far (to 07:30 EST): 3 sent, ...; by 07:30 yesterday: 5 sent, ...` */
export function todaySentence(t: Trends, timeZone?: string): string {
  const at = clockLabel(t.today.until, timeZone);
  return `Today so far (to ${at}): ${counts(t.today)}; by the same time yesterday: ${counts(t.sameTimeYesterday)}.`;
}

/** The sentences of the seven days, in the order of the chart's rows, then today so far. */
export function trendSentences(t: Trends, timeZone?: string): string[] {
  return [
    ...(Object.keys(METRIC_NAMES) as TrendMetric[]).map((m) => metricSentence(t, m)),
    todaySentence(t, timeZone),
  ];
}

/** Two-proportion z statistic (pooled), 0 when either side has nobody. */
export function zScore(x1: number, n1: number, x2: number, n2: number): number {
  if (n1 === 0 || n2 === 0) return 0;
  const p = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
  return se === 0 ? 0 : (x1 / n1 - x2 / n2) / se;
}

/** Which step converts best, said only as surely as the numbers allow. */
export function stepSentence(steps: readonly StepConversion[]): string {
  if (steps.length === 0) return 'No step of the funnel went out in the last 7 days.';
  const rate = (s: StepConversion) => s.replied / s.reached;
  const ranked = steps.filter((s) => s.reached >= MIN_REACHED).sort((x, y) => rate(y) - rate(x));
  const best = ranked[0];
  const second = ranked[1];
  const replied = (s: StepConversion) =>
    `${percent(s.replied, s.reached)} of the ${s.reached} reached replied`;
  if (best === undefined)
    return `Too few contacts reached to compare steps yet (fewer than ${MIN_REACHED} per step in the last 7 days).`;
  if (second === undefined)
    return steps.length === 1
      ? `${best.label}: ${replied(best)}.`
      : `${best.label}: ${replied(best)}; the other steps reached fewer than ${MIN_REACHED}, too few to compare.`;
  if (zScore(best.replied, best.reached, second.replied, second.reached) >= 1.96)
    return `${best.label} converts best: ${replied(best)}, against ${percent(second.replied, second.reached)} for ${second.label}.`;
  return `${best.label} and ${second.label} get replies about as often (${percent(best.replied, best.reached)} and ${percent(second.replied, second.reached)} of those reached); the difference could be chance.`;
}
