/**
 * A/B variants and cost in the summary, from the message log alone (each `sent` row names its
 * step and variant; `status` rows bring Twilio's price). Pure.
 *
 * A reply counts for the text it answers: the last text the contact was sent before it (a reply
 * after the next step's text counts for that text, not the variant). Per variant, each figure
 * counts contacts: sent it, replied to it, replied `interested`, replied `opt_out`. Figures are
 * all-time (to `until`): a test runs for days, not for one summary's window. How the log is
 * read is log-texts.ts; the cost by day is daily-cost.ts (re-exported here).
 */
import { addText, type Cost, costJson, emptyCost } from '../cost.js';
import type { MessageRow } from '../model.js';
import { fisherExact, formatP, LIKELY_REAL_BELOW } from '../stats.js';
import { readLog, type Text } from './log-texts.js';

export { costByDay, type DayCost, totalCost } from './daily-cost.js';

export interface VariantFigures {
  id: string;
  /** contacts sent this variant */
  sent: number;
  replied: number;
  interested: number;
  optedOut: number;
  /** what its texts cost (resends included) */
  cost: Cost;
}

export interface VariantStep {
  step: string;
  variants: VariantFigures[];
  /** how sure the difference in interested rate is, in plain words (undefined: nothing to compare) */
  verdict?: string;
  /** the p-value behind the verdict (Fisher's exact test, the leading variant against the rest) */
  p?: number;
}

export function variantFigures(messages: readonly MessageRow[], until: Date): VariantStep[] {
  const { texts, replies, categoryBySid } = readLog(messages, until.getTime());
  const byContact = new Map<string, Text[]>();
  for (const t of texts) {
    const list = byContact.get(t.contactId);
    if (list === undefined) byContact.set(t.contactId, [t]);
    else list.push(t);
  }
  for (const list of byContact.values()) list.sort((a, b) => a.t - b.t);

  type Tally = {
    sent: Set<string>;
    replied: Set<string>;
    interested: Set<string>;
    optedOut: Set<string>;
    cost: Cost;
  };
  const steps = new Map<string, Map<string, Tally>>();
  const tally = (step: string, variant: string): Tally => {
    const variants = steps.get(step) ?? new Map<string, Tally>();
    steps.set(step, variants);
    let t = variants.get(variant);
    if (t === undefined) {
      t = {
        sent: new Set(),
        replied: new Set(),
        interested: new Set(),
        optedOut: new Set(),
        cost: emptyCost(),
      };
      variants.set(variant, t);
    }
    return t;
  };
  for (const text of texts) {
    if (text.variant === '') continue;
    const t = tally(text.step, text.variant);
    t.sent.add(text.contactId);
    addText(t.cost, text);
  }
  for (const reply of replies) {
    const answered = (byContact.get(reply.contactId) ?? []).filter((x) => x.t <= reply.t).at(-1);
    if (answered === undefined || answered.variant === '') continue;
    const t = tally(answered.step, answered.variant);
    t.replied.add(reply.contactId);
    const category = categoryBySid.get(reply.sid);
    if (category === 'interested') t.interested.add(reply.contactId);
    if (category === 'opt_out') t.optedOut.add(reply.contactId);
  }
  return [...steps].map(([step, variants]) => {
    const figures = [...variants]
      .map(([id, t]) => ({
        id,
        sent: t.sent.size,
        replied: t.replied.size,
        interested: t.interested.size,
        optedOut: t.optedOut.size,
        cost: t.cost,
      }))
      .sort((a, b) => a.id.localeCompare(b.id));
    return { step, variants: figures, ...judge(figures) };
  });
}

/** The interested rate, as people read it: `12%`, `8.3%`. */
export function rate(n: number, of: number): string {
  if (of === 0) return '–';
  const pct = (n / of) * 100;
  return `${pct >= 10 || Number.isInteger(pct) ? Math.round(pct) : pct.toFixed(1)}%`;
}

/**
 * The leading variant by interested rate against the others together, by Fisher's exact test:
 * "B's interested rate (12%) is higher than A's (8%); with these numbers that could be chance
 * (p = 0.31)" or "...; likely real (p = 0.01)".
 */
function judge(variants: VariantFigures[]): { verdict?: string; p?: number } {
  const live = variants.filter((v) => v.sent > 0);
  if (live.length < 2) return {};
  const share = (v: VariantFigures) => v.interested / v.sent;
  const best = [...live].sort((a, b) => share(b) - share(a) || a.id.localeCompare(b.id))[0] as VariantFigures;
  const rest = live.filter((v) => v !== best);
  const restSent = rest.reduce((n, v) => n + v.sent, 0);
  const restInterested = rest.reduce((n, v) => n + v.interested, 0);
  const p = fisherExact(
    best.interested,
    best.sent - best.interested,
    restInterested,
    restSent - restInterested,
  );
  const others = rest.length === 1 ? `${(rest[0] as VariantFigures).id}'s` : `the other variants' together`;
  const restRate = rate(restInterested, restSent);
  if (best.interested * restSent === restInterested * best.sent)
    return {
      verdict: `${live.map((v) => v.id).join(' and ')} have the same interested rate so far (${rate(best.interested, best.sent)})`,
      p,
    };
  const how = p < LIKELY_REAL_BELOW ? 'likely real' : 'that could be chance';
  return {
    verdict: `${best.id}'s interested rate (${rate(best.interested, best.sent)}) is higher than ${others} (${restRate}); with these numbers ${how} (${formatP(p)})`,
    p,
  };
}

/** For `status --json`: each step's variants with counts, rates (0..1) and cost; the verdict. */
export function variantsJson(steps: readonly VariantStep[]) {
  const share = (n: number, of: number) => (of === 0 ? null : Math.round((n / of) * 10_000) / 10_000);
  return steps.map((s) => ({
    step: s.step,
    variants: s.variants.map((v) => ({
      id: v.id,
      sent: v.sent,
      replied: v.replied,
      interested: v.interested,
      optedOut: v.optedOut,
      replyRate: share(v.replied, v.sent),
      interestedRate: share(v.interested, v.sent),
      optOutRate: share(v.optedOut, v.sent),
      cost: costJson(v.cost),
    })),
    verdict: s.verdict ?? null,
    p: s.p === undefined ? null : Number(s.p.toPrecision(4)),
  }));
}
