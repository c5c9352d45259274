/**
 * The demo's story on stdout: what each real command changed in the data folder, told in the
 * funnel's words. It compares snapshots of contacts.csv and messages.csv taken around each
 * command, so it tells what the files say happened, not what the demo meant to happen.
 */
import type { ChalkInstance } from 'chalk';
import { openDataDir } from '../adapters/store/index.js';
import { isUnusable } from '../core/contact-update.js';
import type { Funnel } from '../core/funnel/index.js';
import type { Contact, MessageRow } from '../core/model.js';
import { contactTimeZone, formatClock, sendWindow } from '../core/quiet-hours.js';
import { isDue } from '../core/send-plan.js';
import { errorMeaning } from '../core/summary/error-codes.js';

export const ZONE = 'America/New_York';

export interface Snapshot {
  contacts: Map<string, Contact>;
  messages: MessageRow[];
}

export async function snapshot(dir: string): Promise<Snapshot> {
  const store = await openDataDir({ dir, lockWaitSeconds: 0, readOnly: true });
  try {
    const table = await store.loadContacts();
    return { contacts: new Map(table.rows.map((c) => [c.id, c])), messages: await store.readMessages() };
  } finally {
    await store.close();
  }
}

/** Rows appended to messages.csv between two snapshots. */
export function newRows(before: Snapshot, after: Snapshot, event: MessageRow['event']): MessageRow[] {
  return after.messages.slice(before.messages.length).filter((r) => r.event === event);
}

const clock = (at: Date, timeZone = ZONE) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    at,
  );

export function dayHeading(day: number, at: Date): string {
  const date = new Intl.DateTimeFormat('en-US', {
    timeZone: ZONE,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
  }).format(at);
  return `Day ${day} · ${date}, ${clock(at)} in New York`;
}

export class Narrator {
  /** step keys whose text was already shown once */
  private readonly shownTexts = new Set<string>();

  constructor(
    private readonly print: (line: string) => void,
    private readonly c: ChalkInstance,
    private readonly funnel: Funnel,
  ) {}

  /** A line of its own, not under a moment. */
  say(line: string): void {
    this.print(line);
  }

  heading(line: string): void {
    this.print('');
    this.print(this.c.bold(line));
  }

  line(text: string): void {
    this.print(`  ${text}`);
  }

  /** After `poll-replies`: texts the carrier could not deliver, and what that did to the contact. */
  deliveries(before: Snapshot, after: Snapshot): void {
    const sent = new Map(after.messages.filter((r) => r.event === 'sent').map((r) => [r.sid, r]));
    for (const row of newRows(before, after, 'status')) {
      if (row.error_code === '') continue;
      const contact = after.contacts.get(row.contact_id);
      const effect =
        contact === undefined
          ? 'recorded'
          : isUnusable(contact)
            ? 'the number cannot take texts: never texted again'
            : contact.error !== ''
              ? contact.error
              : 'recorded';
      const step = stepLabel(sent.get(row.sid)?.step ?? 'text');
      this.line(
        `${this.c.red('✗')} ${name(contact)}: ${step} ${row.status}, Twilio ${row.error_code} (${errorMeaning(row.error_code)}) → ${effect}`,
      );
    }
  }

  /** After `categorize`: each reply, how it was understood, and what it did. */
  replies(before: Snapshot, after: Snapshot, now: Date): void {
    const bodies = new Map(after.messages.filter((r) => r.event === 'received').map((r) => [r.sid, r]));
    for (const row of newRows(before, after, 'category')) {
      const reply = bodies.get(row.sid);
      const contact = after.contacts.get(row.contact_id);
      const at =
        reply?.date_sent === undefined || reply.date_sent === ''
          ? ''
          : `${clock(new Date(reply.date_sent))} `;
      const effect =
        contact === undefined
          ? 'from a number that is no contact: kept for a person'
          : this.effect(before.contacts.get(contact.id), contact, now);
      this.line(
        `${this.c.magenta('←')} ${at}${name(contact)}: "${reply?.body ?? ''}" ${this.c.dim('→')} ${this.c.magenta(row.category)}: ${effect}`,
      );
    }
  }

  /** After `send`: texts that went out, contacts that finished without one, contacts still waiting. */
  sends(before: Snapshot, after: Snapshot, now: Date): void {
    const byStep = new Map<string, MessageRow[]>();
    for (const row of newRows(before, after, 'sent')) {
      const list = byStep.get(row.step) ?? [];
      list.push(row);
      byStep.set(row.step, list);
    }
    const texted = new Set<string>();
    // texts go out concurrently: tell them in the funnel's order, then contact order, the same every run
    const order = (step: string) => {
      const i = this.funnel.steps.findIndex((st) => st.id === step);
      return i === -1 ? this.funnel.steps.length : i;
    };
    const groups = [...byStep].sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b));
    for (const [step, rows] of groups) {
      rows.sort((a, b) => a.contact_id.localeCompare(b.contact_id, 'en', { numeric: true }));
      for (const r of rows) texted.add(r.contact_id);
      const who = rows.map((r) => name(after.contacts.get(r.contact_id))).join(', ');
      this.line(`${this.c.cyan('→')} ${this.c.cyan(stepLabel(step))} to ${who}`);
      const first = rows[0];
      if (first !== undefined && !this.shownTexts.has(step)) {
        this.shownTexts.add(step);
        this.line(this.c.dim(`    "${first.body}"`));
      }
    }
    for (const [id, contact] of after.contacts) {
      const was = before.contacts.get(id);
      if (texted.has(id) || was === undefined || was.state === contact.state) continue;
      const waited = this.funnel.steps.find((step) => step.id === was.state)?.waitMs;
      const how = waited === undefined ? '' : ` in ${humanDuration(waited)}`;
      this.line(
        `${this.c.yellow('·')} ${name(contact)}: no reply to ${was.state}${how} → ${this.outcome(contact.state)}`,
      );
    }
    const waiting: string[] = [];
    for (const contact of after.contacts.values()) {
      if (texted.has(contact.id) || !isDue(contact, now)) continue;
      const { timeZone } = contactTimeZone(contact, this.funnel.timezone);
      if (sendWindow(now, timeZone, this.funnel.quietHours).open) continue;
      waiting.push(`${name(contact)} (${clock(now, timeZone)} in ${contact.city || timeZone})`);
    }
    if (waiting.length > 0) {
      const opens = formatClock(this.funnel.quietHours.start);
      this.line(
        this.c.dim(`… too early for ${waiting.length}: their texts wait for ${opens} in their own time zone`),
      );
      this.line(this.c.dim(`    ${waiting.join(', ')}`));
    }
  }

  /** What a reply did to its contact, from the state it left them in. */
  private effect(was: Contact | undefined, contact: Contact, now: Date): string {
    const state = contact.state;
    if (state.startsWith('opted_out')) return this.c.red('opted out, never texted again');
    if (state.startsWith('done.')) return this.outcome(state);
    if (state.startsWith('help.')) return 'gets the help text; the funnel carries on';
    if (state.startsWith('owed.')) {
      const next = Date.parse(contact.next_action_at);
      if (!Number.isNaN(next) && next - now.getTime() > 86_400_000) {
        const on = new Intl.DateTimeFormat('en-US', {
          timeZone: ZONE,
          month: 'short',
          day: 'numeric',
        }).format(next);
        return `texted again on ${on}`;
      }
      return 'owes an answer, which the next send delivers';
    }
    return was?.state === state ? 'recorded; the funnel carries on' : `now in ${state}`;
  }

  private outcome(state: string): string {
    const outcome = state.startsWith('done.') ? state.slice(5) : state;
    switch (outcome) {
      case 'hot':
        return this.c.green.bold('hot lead: call them');
      case 'needs_human':
        return this.c.yellow('needs a person (in the summary)');
      case 'cold':
        return 'finished, not interested';
      case 'no_response':
        return 'finished, no response';
      case 'wrong_number':
        return 'finished, wrong number';
      default:
        return `finished: ${outcome}`;
    }
  }
}

function humanDuration(ms: number): string {
  const days = ms / 86_400_000;
  if (Number.isInteger(days)) return days === 1 ? '1 day' : `${days} days`;
  const hours = Math.round(ms / 3_600_000);
  return hours === 1 ? '1 hour' : `${hours} hours`;
}

function name(contact: Contact | undefined): string {
  if (contact === undefined) return 'unknown number';
  const full = `${contact.first_name} ${contact.last_name}`.trim();
  return full === '' ? contact.phone : full;
}

/** messages.csv `step`: a step id, `route:<category>` or `help`. */
function stepLabel(step: string): string {
  if (step === 'help') return 'help text';
  if (step.startsWith('route:')) return `answer to "${step.slice(6)}"`;
  return step;
}
