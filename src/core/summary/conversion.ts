/**
 * How each step of the funnel converts: of the contacts a step's text reached, how many replied,
 * were interested, opted out. Pure; the trend's fold of messages.csv hands the texts and replies in.
 */
import { BUILT_IN_CATEGORIES } from '../categorize/categorize.js';
import { type Contact, type MessageRow, parseTime } from '../model.js';
import { defaultLabel } from './stages.js';
import type { StageSpec } from './types.js';

export interface StepInput {
  contacts: readonly Contact[];
  messages: readonly MessageRow[];
  stages?: readonly StageSpec[] | undefined;
}

/** One step of the funnel, over the texts of that step sent in the trend's range. */
export interface StepConversion {
  step: string;
  label: string;
  /** contacts whose text of this step was sent and not reported failed */
  reached: number;
  /** of them, contacts who replied before we texted them again */
  replied: number;
  interested: number;
  optedOut: number;
}

const FAILED = ['failed', 'undelivered'];

/** A reply category that means "wants to go on": `interested` or one the funnel defines itself. */
export function isInterested(category: string): boolean {
  return (
    category === 'interested' ||
    (category !== '' && !(BUILT_IN_CATEGORIES as readonly string[]).includes(category))
  );
}

export interface LoggedText {
  sid: string;
  contactId: string;
  step: string;
  /** when it was logged (sent) */
  t: number;
  /** its last delivery status */
  status: string;
}
export interface LoggedReply {
  sid: string;
  contactId: string;
  /** when the contact wrote it */
  t: number;
}
/** Texts that are not a funnel step: a route's answer, HELP's, a person's (`reply`). */
const NOT_A_STEP = /^(route:|help$|person$|$)/;

/**
 * Each step's reach and what came of it. A reply (and an opt-out) belongs to the last text the
 * contact got before it, so a contact who answers the follow-up is counted once, under it.
 */
export function stepConversions(
  input: StepInput,
  inRange: LoggedText[],
  replies: LoggedReply[],
  categoryBySid: Map<string, string>,
): StepConversion[] {
  const given = (input.stages ?? []).filter((s) => s.kind === 'step');
  const known = new Set(given.map((s) => s.name));
  const isStep = (step: string) => (known.size > 0 ? known.has(step) : !NOT_A_STEP.test(step));
  const order = [...given.map((s) => s.name)];
  for (const t of inRange) if (isStep(t.step) && !order.includes(t.step)) order.push(t.step);

  const byContact = new Map<string, { texts: number[]; replies: LoggedReply[] }>();
  const of = (id: string) => {
    const entry = byContact.get(id) ?? { texts: [], replies: [] };
    byContact.set(id, entry);
    return entry;
  };
  // Every text ends the period of the one before it, whatever its kind or day.
  for (const row of input.messages)
    if (row.event === 'sent' && row.contact_id !== '') {
      const t = parseTime(row.logged_at)?.getTime();
      if (t !== undefined) of(row.contact_id).texts.push(t);
    }
  for (const r of replies) if (r.contactId !== '') of(r.contactId).replies.push(r);
  for (const entry of byContact.values()) entry.texts.sort((a, b) => a - b);
  const optedOutAt = new Map(
    input.contacts.map((c) => [c.id, parseTime(c.opted_out_at)?.getTime() ?? Number.NaN]),
  );

  const sets = new Map<string, Record<'reached' | 'replied' | 'interested' | 'optedOut', Set<string>>>();
  for (const text of inRange) {
    if (!isStep(text.step) || text.contactId === '' || FAILED.includes(text.status)) continue;
    const s = sets.get(text.step) ?? {
      reached: new Set(),
      replied: new Set(),
      interested: new Set(),
      optedOut: new Set(),
    };
    sets.set(text.step, s);
    const id = text.contactId;
    s.reached.add(id);
    const entry = of(id);
    const end = entry.texts.find((t) => t > text.t) ?? Number.POSITIVE_INFINITY;
    const within = (t: number) => t > text.t && t <= end;
    for (const r of entry.replies.filter((r) => within(r.t))) {
      const category = categoryBySid.get(r.sid) ?? '';
      s.replied.add(id);
      if (isInterested(category)) s.interested.add(id);
      if (category === 'opt_out') s.optedOut.add(id);
    }
    if (within(optedOutAt.get(id) ?? Number.NaN)) s.optedOut.add(id);
  }
  const labels = new Map(given.map((s) => [s.name, s.label ?? defaultLabel(s.name)]));
  return order.flatMap((step) => {
    const s = sets.get(step);
    if (s === undefined) return [];
    return [
      {
        step,
        label: labels.get(step) ?? defaultLabel(step),
        reached: s.reached.size,
        replied: s.replied.size,
        interested: s.interested.size,
        optedOut: s.optedOut.size,
      },
    ];
  });
}
