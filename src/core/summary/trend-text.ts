/**
 * The trends in the plain-text part: the seven days as a table of numbers, then the same in
 * words, and each step's conversion, one line a step.
 */
import { clockLabel, dayLabel, METRIC_NAMES, percent, stepSentence, trendSentences } from './trend-words.js';
import type { TrendMetric, Trends } from './trends.js';

export function trendLines(t: Trends, timeZone?: string): string[] {
  const first = t.days[0];
  const last = t.days.at(-1);
  const out: string[] = [];
  out.push(
    '',
    `THE LAST 7 DAYS${first === undefined || last === undefined ? '' : ` (${dayLabel(first)} to ${dayLabel(last)})`}`,
  );
  const metrics = Object.keys(METRIC_NAMES) as TrendMetric[];
  const width = Math.max(...metrics.map((m) => METRIC_NAMES[m].short.length));
  // a column as wide as the largest number and a space, at least 5 ("  Wed")
  const col = Math.max(5, ...metrics.flatMap((m) => t.days.map((d) => String(d[m]).length + 1)));
  const row = (label: string, values: string[], today: string) =>
    `  ${label.padEnd(width)}${values.map((v) => v.padStart(col)).join('')}  | ${today}`;
  out.push(
    row(
      '',
      t.days.map((d) => d.weekday),
      'today',
    ),
  );
  out.push(
    row(
      '',
      t.days.map((d) => String(Number(d.date.slice(8, 10)))),
      `to ${clockLabel(t.today.until, timeZone)}`,
    ),
  );
  for (const m of metrics)
    out.push(
      row(
        METRIC_NAMES[m].short,
        t.days.map((d) => String(d[m])),
        String(t.today[m]),
      ),
    );
  out.push('');
  for (const sentence of trendSentences(t, timeZone)) out.push(`  ${sentence}`);

  out.push('', `HOW EACH STEP CONVERTS (texts sent since ${first === undefined ? '' : dayLabel(first)})`);
  const label = Math.max(0, ...t.steps.map((s) => s.label.length));
  for (const s of t.steps)
    out.push(
      `  ${s.label.padEnd(label)}  ${String(s.reached).padStart(5)} reached  ` +
        `${s.replied} replied (${percent(s.replied, s.reached)}), ` +
        `${s.interested} interested (${percent(s.interested, s.reached)}), ` +
        `${s.optedOut} opted out (${percent(s.optedOut, s.reached)})`,
    );
  out.push(`  ${stepSentence(t.steps)}`);
  return out;
}
