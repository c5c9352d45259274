/** How `send --dry-run` shows its plan: who, which step, the text, segments and estimated cost. */
import type { Output } from '../adapters/output.js';
import { US_SEGMENT_PRICE_USD } from '../core/cost.js';
import type { Funnel } from '../core/funnel/index.js';
import { localTime } from '../core/local-time.js';
import { type SendPlan, summaryLine } from '../core/send-plan.js';
import type { Recovery } from './send-recovery.js';

/** Twilio's US list price per SMS segment (the core's price table, src/core/cost.ts), an estimate only. */
export const PRICE_PER_SEGMENT_USD = US_SEGMENT_PRICE_USD;

/**
 * `settling`: what the real run will first do with the sends a killed run left unsettled (the
 * plan below already assumes it), so the dry run and the real run agree on what goes out.
 */
export function printPlan(out: Output, plan: SendPlan, funnel: Funnel, settling?: Recovery): void {
  const segments = plan.sends.reduce((n, s) => n + s.segments, 0);
  const cost = segments * PRICE_PER_SEGMENT_USD;
  out.data({
    funnel: funnel.name,
    sends: plan.sends.map((s) => ({
      contact: s.contact.id,
      phone: s.contact.phone,
      step: s.key,
      variant: s.variant ?? null,
      text: s.text,
      segments: s.segments,
      encoding: s.encoding,
      timeZone: s.timeZone,
    })),
    moves: plan.moves.map((m) => ({
      contact: m.contact.id,
      to: m.decision.state,
      outcome: m.decision.outcome ?? null,
    })),
    skipped: plan.skipped.map((s) => ({
      contact: s.contact.id,
      reason: s.reason,
      detail: s.detail,
      opensAt: s.opensAt?.toISOString() ?? null,
    })),
    deferred: plan.deferred,
    settling:
      settling === undefined
        ? null
        : { recorded: settling.recorded, dropped: settling.dropped, held: settling.unknown.length },
    segments,
    estimatedCostUsd: Number(cost.toFixed(4)),
  });
  if (out.json) return;
  const c = out.color;
  if (settling !== undefined) out.print(settlingLine(settling));
  for (const s of plan.sends) {
    out.print(
      `${c.bold(`#${s.contact.id}`)} ${s.contact.phone} ${c.cyan(s.key)}${s.variant === undefined ? '' : ` variant ${c.cyan(s.variant)}`} (${s.segments} segment${s.segments === 1 ? '' : 's'}, ${s.encoding})`,
    );
    out.print(`    ${s.text.replace(/\n/g, '\n    ')}`);
  }
  for (const m of plan.moves)
    out.print(`${c.bold(`#${m.contact.id}`)} moves to ${m.decision.state} without a text`);
  for (const s of plan.skipped) {
    const when = s.opensAt === undefined ? '' : ` (window opens ${localTime(s.opensAt, funnel.timezone)})`;
    out.print(c.dim(`#${s.contact.id} waits: ${s.detail}${when}`));
  }
  out.result(
    `dry run: would ${summaryLine({ sent: plan.sends.length, failed: 0, moved: plan.moves.length, deferred: plan.deferred }, plan.skipped, 'send')}; ` +
      `${segments} segment${segments === 1 ? '' : 's'}, about $${cost.toFixed(2)} at $${PRICE_PER_SEGMENT_USD}/segment (nothing sent)`,
  );
}

function settlingLine(r: Recovery): string {
  const parts = [
    `${r.recorded} text(s) had gone out: recorded, not sent again`,
    `${r.dropped} had not: planned anew below`,
  ];
  if (r.unknown.length > 0)
    parts.push(
      `${r.unknown.length} not listed by Twilio (or not looked up, without credentials): held until a second look, 10 minutes on, shows whether they went out`,
    );
  return `a killed run left ${r.recorded + r.dropped + r.unknown.length} send(s) unsettled; the real run first settles them with Twilio: ${parts.join('; ')}`;
}
