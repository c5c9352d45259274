/**
 * The plain-text part: what a phone's notification, a text-only client or `mail` on a server
 * shows. Same content as the HTML, bars drawn with `#`. Outside text is flattened to one line so
 * a reply cannot forge lines of the report.
 */

import { formatWait } from '../handoff.js';
import { humanTime, oneLine } from './escape.js';
import { MAX_ROWS } from './html.js';
import { trendLines } from './trend-text.js';
import type { Summary } from './types.js';
import { variantsText } from './variants-render.js';

const BAR_WIDTH = 30;

export function renderText(
  s: Summary,
  o: { title: string; dateLabel: string; timeZone?: string | undefined },
): string {
  const out: string[] = [];
  out.push(`${o.title} daily summary, ${o.dateLabel}`);
  out.push(`since ${humanTime(s.since, o.timeZone)}`);
  out.push('');
  out.push(
    `${s.sent} sent, ${s.delivered} delivered, ${s.failed} failed, ${plural(s.replies, 'reply', 'replies')}, ` +
      `${plural(s.hotLeads.length, 'hot lead')}, ${plural(s.optOuts.length, 'opt-out')}`,
  );

  heading(out, `THE FUNNEL (${s.contacts} contacts)`);
  bars(
    out,
    s.funnel.map((st) => [st.kind === 'outcome' ? `-> ${st.label}` : st.label, st.count]),
  );

  out.push(...trendLines(s.trends, o.timeZone));

  heading(out, 'HOT LEADS TO CALL');
  if (s.hotLeads.length === 0) out.push('  none in this period');
  for (const l of s.hotLeads.slice(0, MAX_ROWS)) {
    out.push(`  ${oneLine(l.name, 80)}  ${l.phone}  ${humanTime(l.when, o.timeZone)}  (${l.why})`);
    if (l.details.length > 0)
      out.push(`    ${oneLine(l.details.map((d) => `${d.column}: ${d.value}`).join(' · '))}`);
    if (l.words !== '') out.push(`    "${oneLine(l.words)}"`);
  }
  more(out, s.hotLeads.length, ' (all in the attached CSV)');

  heading(out, 'GOING OUT IN THE NEXT 24 HOURS');
  out.push(`  ${plural(s.ahead.due, 'contact')} due`);
  for (const b of s.ahead.backFromLater.slice(0, MAX_ROWS))
    out.push(`  back from "later": ${oneLine(b.name, 80)}  ${b.phone}  ${humanTime(b.at, o.timeZone)}`);

  heading(out, 'REPLIES THAT NEED A PERSON');
  if (s.needsHuman.length === 0) out.push('  nothing waits for a person');
  for (const h of s.needsHuman.slice(0, MAX_ROWS)) {
    const wait = h.waitedMs > 0 ? `  waiting ${formatWait(h.waitedMs)}` : '';
    out.push(
      `  ${oneLine(h.name, 80)}  ${h.phone}  ${humanTime(h.when, o.timeZone)}${wait}  [${h.category}]`,
    );
    if (h.words !== '') out.push(`    "${oneLine(h.words)}"`);
  }
  more(out, s.needsHuman.length);

  heading(out, 'DELIVERY');
  out.push(`  ${s.sent} sent (${s.segments} segments), ${s.delivered} delivered, ${s.failed} failed`);
  for (const f of s.failures)
    out.push(`  ${(f.code || '-').padEnd(6)} ${String(f.count).padStart(5)}  ${f.meaning}`);
  out.push(...variantsText(s));

  heading(out, 'REPLIES BY CATEGORY');
  if (s.repliesByCategory.length === 0) out.push('  no replies in this period');
  bars(
    out,
    s.repliesByCategory.map((c) => [c.category, c.count]),
  );

  heading(out, 'NEW OPT-OUTS');
  if (s.optOuts.length === 0) out.push('  none');
  for (const p of s.optOuts.slice(0, MAX_ROWS))
    out.push(`  ${oneLine(p.name, 80)}  ${p.phone}  ${humanTime(p.at, o.timeZone)}`);
  more(out, s.optOuts.length);

  if (s.errors.length > 0) {
    heading(out, 'PROBLEMS THE RUNS MET');
    for (const p of s.errors.slice(0, MAX_ROWS)) out.push(`  ${oneLine(p.who, 80)}: ${oneLine(p.message)}`);
    more(out, s.errors.length);
  }
  out.push(
    '',
    `From ${humanTime(s.since, o.timeZone)} to ${humanTime(s.until, o.timeZone)}. Sent by smsfunnel.`,
  );
  return `${out.join('\n')}\n`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function heading(out: string[], title: string): void {
  out.push('', title);
}

function bars(out: string[], rows: [string, number][]): void {
  const max = Math.max(0, ...rows.map((r) => r[1]));
  const width = Math.max(0, ...rows.map((r) => r[0].length));
  for (const [label, n] of rows) {
    const len = max === 0 || n === 0 ? 0 : Math.max(1, Math.round((n / max) * BAR_WIDTH));
    out.push(`  ${label.padEnd(width)}  ${'#'.repeat(len).padEnd(BAR_WIDTH)}  ${n}`);
  }
}

function more(out: string[], total: number, note = ''): void {
  if (total > MAX_ROWS) out.push(`  and ${total - MAX_ROWS} more${note}`);
}
