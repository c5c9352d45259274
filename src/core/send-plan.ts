/**
 * Which texts are due now, and which contacts move on without a text. Pure: `send` performs the
 * plan. A contact is due when its next_action_at has come, it has not opted out, its number is
 * usable, and no reply of theirs is still waiting for `categorize`. A due text goes out only
 * inside the contact's quiet hours, in their own time zone; otherwise it waits for its window.
 * The skip reasons live in send-skip.ts, the summary line and the next wake-up in send-wake.ts
 * (both re-exported here).
 */

import {
  capReached,
  type RuledWindow,
  ruledWindow,
  ruleFor,
  type StateRule,
} from './compliance/state-rules.js';
import { isOptedOut, isUnusable, readyAt } from './contact-update.js';
import type { Resend } from './delivery.js';
import { advance, type CompiledFunnel, type Decision, type Funnel, pickVariant } from './funnel/index.js';
import type { Contact } from './model.js';
import { parseTime } from './model.js';
import { contactTimeZone } from './quiet-hours.js';
import { MAX_BODY, segmentsOf } from './segments.js';
import { heldBack, type Skip } from './send-skip.js';
import { render } from './template.js';

export { heldBack, type Skip, type SkipReason, skippedByReason } from './send-skip.js';
export { nextWake, RECHECK_MS, summaryLine } from './send-wake.js';

export interface PlannedSend {
  contact: Contact;
  /** messages.csv `step`: the step id, `route:<id>` or `help` */
  key: string;
  text: string;
  /** the A/B variant of the step this contact gets (messages.csv `variant`), if the step has variants */
  variant?: string;
  segments: number;
  encoding: string;
  decision: Decision;
  timeZone: string;
  /**
   * when the contact's sending window closes: the text is not created from then on (the run's
   * clock moves), and Twilio is told to drop it if it is still queued then (ValidityPeriod)
   */
  windowEnd: Date;
  /** set when this is the one retry of an undelivered text */
  resend?: Resend;
}

export interface SendPlan {
  sends: PlannedSend[];
  /** due contacts that move on without a text (a last wait ran out: outcome no_response, ...) */
  moves: { contact: Contact; decision: Decision }[];
  skipped: Skip[];
  /** due but left for a later run because of --limit */
  deferred: number;
  /** resends no longer owed: the contact cannot be texted, or a newer text went out or is due */
  obsoleteResends: Resend[];
}

export interface PlanInput {
  funnel: Funnel;
  /** texts to send once more (after an unreachable handset), due at their `at` */
  resends?: readonly Resend[];
  compiled: CompiledFunnel;
  contacts: readonly Contact[];
  now: Date;
  awaitingCategorize: ReadonlySet<string>;
  /** contacts whose last create went unanswered and Twilio has not listed yet: never texted again until settled */
  unsettled?: ReadonlySet<string>;
  /** contacts a person is handling (`smsfunnel reply`): the funnel sends them nothing until `resume` */
  withPerson?: ReadonlySet<string>;
  limit?: number;
  /** per contact, the texts of the last 24 hours (ISO), for the states that cap them */
  recentTexts?: Readonly<Record<string, readonly string[]>>;
  /** numbers on the suppression list (opt-outs.csv): never texted, whatever their row says */
  suppressed?: ReadonlySet<string>;
}

/** Ids in natural order (2 before 10); one collator, not one per comparison. */
const byIdNumeric = new Intl.Collator('en', { numeric: true }).compare;

export function isDue(contact: Contact, now: Date): boolean {
  return readyAt(contact) <= now.getTime();
}

export function planSends(input: PlanInput): SendPlan {
  const { funnel, compiled, now } = input;
  const due = input.contacts
    .filter((c) => isDue(c, now))
    .sort((a, b) => a.next_action_at.localeCompare(b.next_action_at) || byIdNumeric(a.id, b.id));
  const plan: SendPlan = { sends: [], moves: [], skipped: [], deferred: 0, obsoleteResends: [] };
  const limit = input.limit ?? Number.POSITIVE_INFINITY;
  const resends = input.resends ?? [];
  const byId =
    resends.length === 0 ? new Map<string, Contact>() : new Map(input.contacts.map((c) => [c.id, c]));
  // One window per zone and state rule: the same for every contact there at this instant.
  const windows = new Map<string, RuledWindow>();
  const windowIn = (timeZone: string, rule: StateRule) => {
    const key = `${timeZone} ${rule.code}`;
    let window = windows.get(key);
    if (window === undefined) {
      window = ruledWindow(now, timeZone, funnel.quietHours, rule);
      windows.set(key, window);
    }
    return window;
  };
  for (const resend of resends) {
    const contact = byId.get(resend.contactId);
    if (contact === undefined || isOptedOut(contact) || isUnusable(contact)) {
      plan.obsoleteResends.push(resend);
      continue;
    }
    if (
      Date.parse(resend.at) > now.getTime() ||
      input.awaitingCategorize.has(contact.id) ||
      input.unsettled?.has(contact.id) === true ||
      input.withPerson?.has(contact.id) === true
    )
      continue;
    // Something newer went out since, or is due now (the sequence moved on): the old text is not
    // worth resending, and the newer one goes instead. Compared as instants: last_sent_at is whole
    // seconds, sentAt has milliseconds.
    const lastSent = parseTime(contact.last_sent_at);
    if ((lastSent !== undefined && lastSent.getTime() > Date.parse(resend.sentAt)) || isDue(contact, now)) {
      plan.obsoleteResends.push(resend);
      continue;
    }
    const { timeZone } = contactTimeZone(contact, funnel.timezone);
    const rule = ruleFor(contact);
    const window = windowIn(timeZone, rule);
    if (!window.open || plan.sends.length >= limit) continue;
    if (capReached(rule, input.recentTexts?.[contact.id] ?? [], now) !== undefined) continue;
    const unchanged = {
      state: contact.state,
      changed: false,
      nextActionAt: parseTime(contact.next_action_at) ?? null,
    };
    const seg = segmentsOf(resend.body);
    plan.sends.push({
      contact,
      key: resend.step,
      text: resend.body,
      ...(resend.variant === undefined ? {} : { variant: resend.variant }),
      segments: seg.segments,
      encoding: seg.encoding,
      decision: unchanged,
      timeZone,
      windowEnd: window.closesAt ?? now,
      resend,
    });
  }
  const resent = new Set(plan.sends.map((s) => s.contact));
  // One number, one conversation: a number is texted once a run, whichever rows hold it.
  const texted = new Set(plan.sends.map((s) => s.contact.phone));
  for (const contact of due) {
    if (resent.has(contact)) continue;
    const held = heldBack(contact, input, funnel.kind, texted);
    if (held !== undefined) {
      plan.skipped.push(held);
      continue;
    }
    const decision = advance(compiled, contact, { type: 'DUE' }, now);
    if (decision.error !== undefined) {
      plan.skipped.push({ contact, reason: 'state', detail: decision.error });
      continue;
    }
    if (decision.send === undefined) {
      if (decision.changed) plan.moves.push({ contact, decision });
      continue;
    }
    const { timeZone } = contactTimeZone(contact, funnel.timezone);
    const rule = ruleFor(contact);
    const window = windowIn(timeZone, rule);
    if (!window.open) {
      plan.skipped.push({
        contact,
        reason: 'quiet_hours',
        detail: `outside its sending window in ${timeZone}: ${window.heldBy}`,
        opensAt: window.opensAt,
      });
      continue;
    }
    const capped = capReached(rule, input.recentTexts?.[contact.id] ?? [], now);
    if (capped !== undefined) {
      plan.skipped.push({
        contact,
        reason: 'daily_limit',
        detail: `${rule.name} law (${rule.law}): at most ${rule.maxPer24h} texts in 24 hours`,
        opensAt: capped,
      });
      continue;
    }
    const step = compiled.steps.get(decision.send.key);
    const variant = step === undefined ? undefined : pickVariant(step, contact.id);
    const text =
      decision.send.key === 'help'
        ? { ok: true as const, text: decision.send.text }
        : render(variant?.message ?? decision.send.text, contact);
    if (!text.ok) {
      plan.skipped.push({
        contact,
        reason: 'template',
        detail: `message "${decision.send.key}" needs ${text.missing.join(', ')}, which this contact lacks: fill it in contacts.csv or give the field a fallback like {{${text.missing[0]}|there}}`,
      });
      continue;
    }
    if (text.text.length > MAX_BODY) {
      plan.skipped.push({
        contact,
        reason: 'template',
        detail: `message "${decision.send.key}" comes to ${text.text.length} characters for this contact; Twilio takes at most ${MAX_BODY}: shorten the fields it uses`,
      });
      continue;
    }
    if (plan.sends.length >= limit) {
      plan.deferred++;
      continue;
    }
    const seg = segmentsOf(text.text);
    texted.add(contact.phone);
    plan.sends.push({
      contact,
      key: decision.send.key,
      text: text.text,
      ...(variant === undefined ? {} : { variant: variant.id }),
      segments: seg.segments,
      encoding: seg.encoding,
      decision,
      timeZone,
      windowEnd: window.closesAt ?? now,
    });
  }
  return plan;
}
