/**
 * The summary as an email: subject with the date and the headline numbers, HTML and plain-text
 * parts, and the hot leads as a CSV the team can open in a spreadsheet.
 */
import { csvText } from './escape.js';
import { renderHtml } from './html.js';
import { plural, renderText } from './text.js';
import type { Summary } from './types.js';
import { variantsCsv } from './variants-render.js';

export interface SummaryEmail {
  subject: string;
  html: string;
  text: string;
  /** columns name, phone, words, when; every hot lead, not only those the email shows */
  hotLeadsCsv: string;
  /** one row per A/B variant with its figures; empty when no step has variants */
  variantsCsv: string;
}

export interface RenderOptions {
  /** the funnel's `name`, e.g. `Brightside Solar quotes` */
  title: string;
  /** the day the summary is for, e.g. `2026-12-01` (in the team's zone) */
  dateLabel: string;
  /** the team's IANA zone every time is shown in (the funnel's `timezone`); UTC when absent */
  timeZone?: string | undefined;
}

export function renderSummaryEmail(summary: Summary, options: RenderOptions): SummaryEmail {
  return {
    subject: summarySubject(summary, options),
    html: renderHtml(summary, options),
    text: renderText(summary, options),
    hotLeadsCsv: hotLeadsCsv(summary),
    variantsCsv: variantsCsv(summary),
  };
}

/** `Brightside Solar 2026-12-01: 212 sent, 14 replies, 3 hot leads, 1 opt-out` */
export function summarySubject(s: Summary, o: RenderOptions): string {
  const line = `${o.title} ${o.dateLabel}: ${s.sent} sent, ${plural(s.replies, 'reply', 'replies')}, ${plural(s.hotLeads.length, 'hot lead')}, ${plural(s.optOuts.length, 'opt-out')}`;
  // A subject is one header line: nothing from a title may break it.
  return line.replace(/[\r\n]+/g, ' ');
}

/** The attachment: every hot lead, with the columns a caller needs (email, `summary.lead_columns`). */
function hotLeadsCsv(summary: Summary): string {
  const extra = [...new Set(summary.hotLeads.flatMap((l) => l.details.map((d) => d.column)))];
  return csvText(
    ['name', 'phone', 'words', 'when', ...extra],
    summary.hotLeads.map((l) => [
      l.name,
      l.phone,
      l.words,
      l.when,
      ...extra.map((c) => l.details.find((d) => d.column === c)?.value ?? ''),
    ]),
  );
}
