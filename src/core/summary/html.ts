/**
 * The HTML part of the summary. Mail clients are not browsers: Gmail drops <style> in many
 * views and Outlook renders with Word, so the layout is tables only, every style inline, bars
 * are nested tables with `width="N%"` and `bgcolor` (both honoured by Outlook), and there is no
 * script, no remote image, no flexbox or grid. Every piece of outside text goes through escapeHtml.
 */
import { formatWait } from '../handoff.js';
import { stepsTable, trendChart } from './chart.js';
import { escapeHtml as e, humanTime, oneLine } from './escape.js';
import { FONT, INK, LINE, MUTED, STEP_COLOR } from './palette.js';
import type { StageCount, Summary } from './types.js';
import { variantsHtml } from './variants-render.js';

/** Rows shown per list; the hot-leads CSV always carries them all. */
export const MAX_ROWS = 50;

const OUTCOME_COLORS: Record<string, string> = {
  hot: '#ea580c',
  needs_human: '#d97706',
  cold: '#64748b',
  no_response: '#94a3b8',
  wrong_number: '#a855f7',
  opted_out: '#dc2626',
};

export interface HtmlOptions {
  title: string;
  dateLabel: string;
  /** the team's IANA zone every time is shown in; UTC when absent */
  timeZone?: string | undefined;
}

export function renderHtml(s: Summary, o: HtmlOptions): string {
  const body = [
    header(s, o),
    headline(s),
    section('The funnel', `${s.contacts} contacts, by where they are now`, funnel(s.funnel)),
    section(
      'The last 7 days',
      "whole days in the team's time zone, and today so far",
      trendChart(s.trends, o.timeZone),
    ),
    section(
      'How each step converts',
      "contacts each step's text reached in the last 7 days, and what they did next",
      stepsTable(s.trends),
    ),
    section('Hot leads to call', 'interested in this period; also attached as CSV', hotLeads(s, o)),
    section('Going out in the next 24 hours', `${s.ahead.due} contact(s) due`, backFromLater(s, o)),
    section(
      'Replies that need a person',
      'questions and replies the funnel could not answer',
      needsHuman(s, o),
    ),
    section(
      'Delivery',
      `${s.sent} sent (${s.segments} segments), ${s.delivered} delivered, ${s.failed} failed`,
      failures(s),
    ),
    variantsHtml(s, section, table),
    section('Replies by category', `${s.replies} replies`, categories(s)),
    section('New opt-outs', 'they will never be texted again', optOuts(s, o)),
    s.errors.length > 0
      ? section('Problems the runs met', 'fix these in contacts.csv or the config', errors(s))
      : '',
    `<p style="${FONT}font-size:12px;color:${MUTED};margin:24px 0 0;">From ${e(humanTime(s.since, o.timeZone))} to ${e(humanTime(s.until, o.timeZone))}. Sent by smsfunnel.</p>`,
  ].join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(o.title)} ${e(o.dateLabel)}</title></head>
<body style="margin:0;padding:0;background:#f3f4f6;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f3f4f6"><tr><td align="center" style="padding:16px 8px;">
<table role="presentation" width="640" cellpadding="0" cellspacing="0" border="0" bgcolor="#ffffff" style="width:100%;max-width:640px;background:#ffffff;border:1px solid ${LINE};"><tr><td style="padding:16px;">
${body}
</td></tr></table>
</td></tr></table>
</body></html>
`;
}

function header(s: Summary, o: HtmlOptions): string {
  return `<h1 style="${FONT}font-size:22px;color:${INK};margin:0 0 4px;">${e(o.title)} daily summary</h1>
<p style="${FONT}font-size:14px;color:${MUTED};margin:0 0 16px;">${e(o.dateLabel)} &middot; since ${e(humanTime(s.since, o.timeZone))}</p>`;
}

function headline(s: Summary): string {
  const settled = s.delivered + s.failed;
  const rate = settled === 0 ? undefined : Math.floor((s.delivered / settled) * 100);
  const tile = (value: number, label: string, color: string) =>
    `<td width="20%" align="center" valign="top" style="padding:12px 4px;border:1px solid ${LINE};"><div style="${FONT}font-size:28px;font-weight:bold;color:${color};line-height:32px;">${value}</div><div style="${FONT}font-size:12px;color:${MUTED};">${label}</div></td>`;
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;"><tr>
${tile(s.sent, 'sent', INK)}${tile(s.delivered, rate === undefined ? 'delivered' : `delivered (${rate}%)`, '#16a34a')}${tile(s.replies, s.replies === 1 ? 'reply' : 'replies', STEP_COLOR)}${tile(s.hotLeads.length, s.hotLeads.length === 1 ? 'hot lead' : 'hot leads', OUTCOME_COLORS.hot ?? INK)}${tile(s.optOuts.length, s.optOuts.length === 1 ? 'opt-out' : 'opt-outs', OUTCOME_COLORS.opted_out ?? INK)}
</tr></table>`;
}

function section(title: string, note: string, content: string): string {
  return `<h2 style="${FONT}font-size:17px;color:${INK};margin:28px 0 2px;padding-bottom:4px;border-bottom:2px solid ${LINE};">${e(title)}</h2>
<p style="${FONT}font-size:12px;color:${MUTED};margin:0 0 8px;">${e(note)}</p>
${content}`;
}

/** A bar as a nested table: `width` in percent of its cell, a solid `bgcolor` cell inside. */
function bar(value: number, max: number, color: string): string {
  if (value <= 0 || max <= 0) return '&nbsp;';
  const pct = Math.max(1, Math.round((value / max) * 100));
  return `<table role="presentation" width="${pct}%" cellpadding="0" cellspacing="0" border="0"><tr><td bgcolor="${color}" height="18" style="background:${color};height:18px;line-height:18px;font-size:1px;">&nbsp;</td></tr></table>`;
}

function barRows(rows: { label: string; value: number; color: string }[]): string {
  const max = Math.max(0, ...rows.map((r) => r.value));
  const cells = rows.map(
    (r) => `<tr>
<td width="34%" style="${FONT}font-size:14px;color:${INK};padding:4px 8px 4px 0;">${e(r.label)}</td>
<td width="54%" style="padding:4px 0;">${bar(r.value, max, r.color)}</td>
<td width="12%" align="right" style="${FONT}font-size:14px;font-weight:bold;color:${INK};padding:4px 0 4px 8px;">${r.value}</td>
</tr>`,
  );
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">${cells.join('')}</table>`;
}

function funnel(stages: StageCount[]): string {
  if (stages.length === 0) return empty('No contacts yet.');
  return barRows(
    stages.map((st) => ({
      label: st.kind === 'outcome' ? `→ ${st.label}` : st.label,
      value: st.count,
      color: st.kind === 'outcome' ? (OUTCOME_COLORS[st.name] ?? '#0d9488') : STEP_COLOR,
    })),
  );
}

function categories(s: Summary): string {
  if (s.repliesByCategory.length === 0) return empty('No replies in this period.');
  return barRows(s.repliesByCategory.map((c) => ({ label: c.category, value: c.count, color: '#0d9488' })));
}

function table(headers: string[], rows: string[][], more = 0, moreNote = ''): string {
  const th = headers
    .map(
      (h) =>
        `<th align="left" bgcolor="#f9fafb" style="${FONT}font-size:12px;color:${MUTED};padding:6px;border-bottom:1px solid ${LINE};">${e(h)}</th>`,
    )
    .join('');
  const trs = rows
    .map(
      (cells) =>
        `<tr>${cells.map((c) => `<td valign="top" style="${FONT}font-size:14px;color:${INK};padding:6px;border-bottom:1px solid ${LINE};">${c}</td>`).join('')}</tr>`,
    )
    .join('\n');
  const tail =
    more > 0
      ? `<p style="${FONT}font-size:12px;color:${MUTED};margin:6px 0 0;">and ${more} more${e(moreNote)}</p>`
      : '';
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;"><tr>${th}</tr>\n${trs}</table>${tail}`;
}

/** A phone as a tap-to-call link when it is a clean E.164 number, else plain escaped text. */
function phone(p: string): string {
  return /^\+\d{6,15}$/.test(p)
    ? `<a href="tel:${p}" style="color:${STEP_COLOR};white-space:nowrap;">${p}</a>`
    : e(p);
}
const words = (w: string) =>
  w === '' ? `<span style="color:${MUTED};">(no reply)</span>` : `&ldquo;${e(oneLine(w))}&rdquo;`;
/** `2026-12-01` over `09:03 EST`: two short lines fit a phone's column where one long one does not. */
const when = (w: string, tz: string | undefined) => {
  const nowrap = (t: string) => `<span style="white-space:nowrap;">${e(t)}</span>`;
  const [date = '', ...clock] = humanTime(w, tz).split(' ');
  return clock.length === 0 ? nowrap(date) : `${nowrap(date)}<br>${nowrap(clock.join(' '))}`;
};

function hotLeads(s: Summary, o: HtmlOptions): string {
  if (s.hotLeads.length === 0) return empty('No hot leads in this period.');
  const rows = s.hotLeads
    .slice(0, MAX_ROWS)
    .map((l) => [
      `<b>${e(l.name)}</b><br>${phone(l.phone)}<br><span style="color:${MUTED};font-size:12px;">${e(l.why)}</span>${l.details.map((d) => `<br><span style="font-size:12px;overflow-wrap:anywhere;word-break:break-word;">${e(d.column)}: ${e(d.value)}</span>`).join('')}`,
      words(l.words),
      when(l.when, o.timeZone),
    ]);
  return table(
    ['Who', 'Their words', 'When'],
    rows,
    s.hotLeads.length - MAX_ROWS,
    ' (all in the attached CSV)',
  );
}

function backFromLater(s: Summary, o: HtmlOptions): string {
  if (s.ahead.backFromLater.length === 0) return empty('Nobody comes back from "later".');
  const rows = s.ahead.backFromLater
    .slice(0, MAX_ROWS)
    .map((b) => [`<b>${e(b.name)}</b>`, phone(b.phone), when(b.at, o.timeZone)]);
  return table(['Back from "later"', 'Phone', 'When'], rows, s.ahead.backFromLater.length - MAX_ROWS);
}

function needsHuman(s: Summary, o: HtmlOptions): string {
  if (s.needsHuman.length === 0) return empty('Nothing waits for a person.');
  const rows = s.needsHuman
    .slice(0, MAX_ROWS)
    .map((h) => [
      `<b>${e(h.name)}</b><br>${phone(h.phone)}`,
      `${words(h.words)}<br><span style="color:${MUTED};font-size:12px;">${e(h.category)}</span>`,
      `${when(h.when, o.timeZone)}${h.waitedMs > 0 ? `<br><span style="color:${MUTED};font-size:12px;">waiting ${e(formatWait(h.waitedMs))}</span>` : ''}`,
    ]);
  return table(['Who', 'What they wrote', 'When'], rows, s.needsHuman.length - MAX_ROWS);
}

function failures(s: Summary): string {
  if (s.failures.length === 0)
    return empty(s.sent === 0 ? 'Nothing was sent in this period.' : 'No delivery failures.');
  const rows = s.failures.map((f) => [`<b>${e(f.code || '—')}</b>`, e(f.meaning), String(f.count)]);
  return table(['Twilio code', 'Meaning', 'Messages'], rows);
}

function optOuts(s: Summary, o: HtmlOptions): string {
  if (s.optOuts.length === 0) return empty('No new opt-outs.');
  const rows = s.optOuts.slice(0, MAX_ROWS).map((p) => [e(p.name), phone(p.phone), when(p.at, o.timeZone)]);
  return table(['Name', 'Phone', 'When'], rows, s.optOuts.length - MAX_ROWS);
}

function errors(s: Summary): string {
  const rows = s.errors.slice(0, MAX_ROWS).map((p) => [e(p.who), e(oneLine(p.message))]);
  return table(['Where', 'Problem'], rows, s.errors.length - MAX_ROWS);
}

function empty(text: string): string {
  return `<p style="${FONT}font-size:14px;color:${MUTED};margin:4px 0;">${e(text)}</p>`;
}
