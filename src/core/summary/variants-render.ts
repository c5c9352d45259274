/**
 * The A/B variants and the cost of the texts, in the summary's plain text and HTML (sections the
 * renderers insert after Delivery). Same content in both.
 */
import { briefCost, describeCost } from '../cost.js';
import { csvText, escapeHtml as e } from './escape.js';
import type { Summary } from './types.js';
import { rate, totalCost } from './variants.js';

const ESTIMATE_NOTE =
  'Where Twilio has not reported a price yet, the cost is an ESTIMATE: segments × the list price per segment of the destination country (US/Canada $0.0083).';

/** Lines for the plain-text part (each section starts with an empty line and its title). */
export function variantsText(s: Summary): string[] {
  const out: string[] = [];
  for (const step of s.variants ?? []) {
    out.push('', `A/B VARIANTS OF STEP ${step.step.toUpperCase()}`);
    const width = Math.max(7, ...step.variants.map((v) => v.id.length));
    out.push(`  ${'variant'.padEnd(width)}  ${'sent'.padStart(6)}  replied  interested  opted out  cost`);
    for (const v of step.variants)
      out.push(
        `  ${v.id.padEnd(width)}  ${String(v.sent).padStart(6)}  ${rate(v.replied, v.sent).padStart(7)}  ${rate(v.interested, v.sent).padStart(10)}  ${rate(v.optedOut, v.sent).padStart(9)}  ${briefCost(v.cost)}`,
      );
    if (step.verdict !== undefined) out.push(`  ${step.verdict}.`);
  }
  const days = s.costByDay ?? [];
  if (days.length > 0) {
    out.push('', 'COST OF THE TEXTS, LAST 7 DAYS');
    for (const d of days) out.push(`  ${d.day}  ${String(d.texts).padStart(6)} texts  ${briefCost(d.cost)}`);
    const total = totalCost(days);
    out.push(`  in all: ${describeCost(total) || 'nothing sent'}`);
    if (total.estimatedTexts > 0) out.push(`  ${ESTIMATE_NOTE}`);
  }
  return out;
}

type Section = (title: string, note: string, content: string) => string;
type Table = (headers: string[], rows: string[][]) => string;

/** The same as HTML sections, built with the HTML renderer's own section and table. */
export function variantsHtml(s: Summary, section: Section, table: Table): string {
  const parts: string[] = [];
  for (const step of s.variants ?? []) {
    const rows = step.variants.map((v) => [
      `<b>${e(v.id)}</b>`,
      String(v.sent),
      rate(v.replied, v.sent),
      rate(v.interested, v.sent),
      rate(v.optedOut, v.sent),
      e(briefCost(v.cost)),
    ]);
    const verdict =
      step.verdict === undefined
        ? ''
        : `<p style="font-family:Arial,Helvetica,sans-serif;font-size:14px;margin:8px 0 0;">${e(step.verdict)}.</p>`;
    parts.push(
      section(
        `A/B variants of step ${step.step}`,
        'each contact gets one variant; a reply counts for the text it answers',
        table(['Variant', 'Sent', 'Replied', 'Interested', 'Opted out', 'Cost'], rows) + verdict,
      ),
    );
  }
  const days = s.costByDay ?? [];
  if (days.length > 0) {
    const total = totalCost(days);
    const rows = days.map((d) => [e(d.day), String(d.texts), e(briefCost(d.cost))]);
    const note = `<p style="font-family:Arial,Helvetica,sans-serif;font-size:12px;color:#6b7280;margin:6px 0 0;">In all: ${e(describeCost(total) || 'nothing sent')}.${total.estimatedTexts > 0 ? ` ${e(ESTIMATE_NOTE)}` : ''}</p>`;
    parts.push(
      section(
        'Cost of the texts',
        'the last 7 days, by the day they were sent',
        table(['Day', 'Texts', 'Cost'], rows) + note,
      ),
    );
  }
  return parts.join('\n');
}

/**
 * The variants as a CSV attachment (empty when no step has variants): one row per variant, rates
 * as fractions, the cost as Twilio's price (USD) and the estimate apart, the step's p-value.
 */
export function variantsCsv(s: Summary): string {
  const steps = s.variants ?? [];
  if (steps.length === 0) return '';
  const share = (n: number, of: number) => (of === 0 ? '' : (n / of).toFixed(4));
  const rows = steps.flatMap((step) =>
    step.variants.map((v) => [
      step.step,
      v.id,
      String(v.sent),
      String(v.replied),
      String(v.interested),
      String(v.optedOut),
      share(v.replied, v.sent),
      share(v.interested, v.sent),
      share(v.optedOut, v.sent),
      ((v.cost.reported.USD ?? 0) / 1e6).toFixed(5),
      (v.cost.estimatedUsd / 1e6).toFixed(5),
      String(v.cost.estimatedTexts),
      step.p === undefined ? '' : step.p.toPrecision(4),
    ]),
  );
  return csvText(
    [
      'step',
      'variant',
      'sent',
      'replied',
      'interested',
      'opted_out',
      'reply_rate',
      'interested_rate',
      'opt_out_rate',
      'twilio_price_usd',
      'estimated_usd',
      'estimated_texts',
      'p_interested',
    ],
    rows,
  );
}
