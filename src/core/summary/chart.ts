/**
 * The trend chart of the summary HTML, made the way mail clients draw: Gmail and Outlook strip
 * SVG, scripts and (often) <style>, so each day is a table cell whose bar is a nested table cell
 * with a pixel `height` and a `bgcolor` (Outlook's Word engine honours both), bottom-aligned by
 * `valign`, and the number printed under it. The text alternative is the numbers themselves
 * (every bar has its value beside it, and a `title`), and the same in words above the chart;
 * the bars are `aria-hidden` so a screen reader reads each number once.
 */
import { escapeHtml as e } from './escape.js';
import { FONT, INK, LINE, MUTED, STEP_COLOR } from './palette.js';
import { clockLabel, dayLabel, METRIC_NAMES, percent, stepSentence, trendSentences } from './trend-words.js';
import type { TrendMetric, Trends } from './trends.js';

const BAR_MAX = 28;
const TODAY_BG = '#f3f4f6';
const COLORS: Record<TrendMetric, string> = {
  sent: '#374151',
  delivered: '#16a34a',
  replies: STEP_COLOR,
  interested: '#ea580c',
  optOuts: '#dc2626',
  failed: '#7c3aed',
};

/** A count that fits a phone's day column (about 30 px): `9999` whole, `12.3k` above (the title has it whole). */
export function compact(n: number): string {
  if (n < 10_000) return String(n);
  return n < 100_000 ? `${Math.floor(n / 100) / 10}k` : `${Math.floor(n / 1000)}k`;
}

/** A vertical bar: `height` px of colour, or a 1 px grey base line for nothing. */
function bar(value: number, max: number, color: string): string {
  const h = value <= 0 || max <= 0 ? 1 : Math.max(2, Math.round((value / max) * BAR_MAX));
  const c = value <= 0 ? LINE : color;
  return `<table role="presentation" aria-hidden="true" align="center" width="70%" cellpadding="0" cellspacing="0" border="0"><tr><td height="${h}" bgcolor="${c}" style="height:${h}px;line-height:${h}px;font-size:1px;background:${c};">&nbsp;</td></tr></table>`;
}

export function trendChart(t: Trends, timeZone?: string): string {
  const metrics = Object.keys(METRIC_NAMES) as TrendMetric[];
  const words = trendSentences(t, timeZone)
    .map((s) => `<p style="${FONT}font-size:13px;line-height:18px;color:${INK};margin:0 0 6px;">${e(s)}</p>`)
    .join('\n');
  const head = t.days
    .map(
      (d) =>
        `<td width="10%" align="center" style="${FONT}font-size:11px;color:${MUTED};padding:0 0 4px;">${e(d.weekday)}<br>${Number(d.date.slice(8, 10))}</td>`,
    )
    .join('');
  const todayHead = `<td width="10%" align="center" bgcolor="${TODAY_BG}" style="${FONT}font-size:11px;color:${MUTED};padding:0 0 4px;background:${TODAY_BG};">today<br>${e(clockLabel(t.today.until, timeZone).slice(0, 5))}</td>`;
  const rows = metrics.map((m) => {
    const all = [...t.days.map((d) => d[m]), t.today[m]];
    const max = Math.max(0, ...all);
    const cell = (value: number, title: string, today: boolean) =>
      `<td align="center" valign="bottom" title="${e(title)}"${today ? ` bgcolor="${TODAY_BG}"` : ''} style="${today ? `background:${TODAY_BG};` : ''}padding:6px 1px 2px;border-top:1px solid ${LINE};">${bar(value, max, today ? '#9ca3af' : COLORS[m])}<div style="${FONT}font-size:${value >= 1000 ? 11 : 12}px;line-height:16px;color:${INK};">${compact(value)}</div></td>`;
    const days = t.days.map((d) => cell(d[m], `${METRIC_NAMES[m].title}, ${dayLabel(d)}: ${d[m]}`, false));
    const today = cell(t.today[m], `${METRIC_NAMES[m].title}, today so far: ${t.today[m]}`, true);
    return `<tr><td width="20%" valign="bottom" style="${FONT}font-size:12px;color:${INK};padding:6px 4px 4px 0;border-top:1px solid ${LINE};">${e(METRIC_NAMES[m].short)}</td>${days.join('')}${today}</tr>`;
  });
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;table-layout:fixed;"><tr><td width="20%">&nbsp;</td>${head}${todayHead}</tr>
${rows.join('\n')}</table>
<div style="margin:10px 0 0;">${words}</div>`;
}

/** Each step: reached, then replied, interested and opted out as counts and shares of reached. */
export function stepsTable(t: Trends): string {
  const sentence = `<p style="${FONT}font-size:14px;line-height:20px;color:${INK};margin:0 0 8px;">${e(stepSentence(t.steps))}</p>`;
  if (t.steps.length === 0) return sentence;
  const th = ['Step', 'Reached', 'Replied', 'Interested', 'Opted out']
    .map(
      (h, i) =>
        `<th align="${i === 0 ? 'left' : 'right'}" bgcolor="#f9fafb" style="${FONT}font-size:12px;color:${MUTED};padding:6px 4px;border-bottom:1px solid ${LINE};">${h}</th>`,
    )
    .join('');
  const td = (html: string, left = false) =>
    `<td align="${left ? 'left' : 'right'}" valign="top" style="${FONT}font-size:14px;color:${INK};padding:6px 4px;border-bottom:1px solid ${LINE};">${html}</td>`;
  const share = (n: number, of: number) =>
    `${n}<br><span style="font-size:12px;color:${MUTED};">${percent(n, of)}</span>`;
  const rows = t.steps.map(
    (s) =>
      `<tr>${td(`<b>${e(s.label)}</b>`, true)}${td(String(s.reached))}${td(share(s.replied, s.reached))}${td(share(s.interested, s.reached))}${td(share(s.optedOut, s.reached))}</tr>`,
  );
  return `${sentence}
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;"><tr>${th}</tr>
${rows.join('\n')}</table>`;
}
