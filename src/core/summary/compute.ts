/**
 * The numbers of the daily summary, from the contacts and the message log. Pure: `now` and the
 * data come in, a `Summary` goes out. The window is "since the last summary": an event counts
 * when its row was LOGGED after `since` and up to `now` — logged, not sent, so a reply that
 * `poll-replies` fetched late is still reported once and never twice.
 */

import { BUILT_IN_CATEGORIES } from '../categorize/categorize.js';
import { readyAt } from '../contact-update.js';
import { type Contact, isoSeconds, type MessageRow, parseTime } from '../model.js';
import { errorMeaning } from './error-codes.js';
import { countStages, stageOf } from './stages.js';
import { computeTrends } from './trends.js';
import type {
  DeliveryFailure,
  HotLead,
  HumanReply,
  Person,
  RunProblem,
  StageSpec,
  Summary,
} from './types.js';
import { costByDay, variantFigures } from './variants.js';

export interface SummaryInput {
  now: Date;
  /** the previous summary's end; undefined → 24 hours before `now` */
  since?: Date | undefined;
  contacts: readonly Contact[];
  messages: readonly MessageRow[];
  stages?: readonly StageSpec[] | undefined;
  /** problems the runs met that are not on a contact (e.g. from a run journal) */
  runErrors?: readonly string[] | undefined;
  /** contact columns a caller needs on each hot lead, after email (the funnel's `summary.lead_columns`) */
  leadColumns?: readonly string[] | undefined;
  /** the team's IANA zone: the calendar days the trends and the cost are counted by (UTC when absent) */
  timeZone?: string | undefined;
}

const HUMAN_CATEGORIES = ['question', 'other'];
const FAILED = ['failed', 'undelivered'];
const DAY_MS = 24 * 60 * 60 * 1000;

interface Reply {
  sid: string;
  contactId: string;
  from: string;
  body: string;
  when: string;
  t: number;
}

export function computeSummary(input: SummaryInput): Summary {
  const until = input.now.getTime();
  const since = input.since?.getTime() ?? until - DAY_MS;
  const inWindow = (cell: string): boolean => {
    const t = parseTime(cell)?.getTime();
    return t !== undefined && t > since && t <= until;
  };
  const byId = new Map(input.contacts.map((c) => [c.id, c]));
  const stageNames = input.stages?.map((s) => s.name) ?? ['hot', 'needs_human', 'opted_out', 'wrong_number'];
  const stage = (c: Contact | undefined) => (c === undefined ? '' : stageOf(c.state, stageNames));
  const optedOut = (c: Contact | undefined) =>
    c !== undefined && (c.opted_out_at !== '' || stage(c) === 'opted_out');

  // One pass over the log: categories (a later row wins), last words per contact, the window's events.
  const categoryBySid = new Map<string, string>();
  const lastWords = new Map<string, Reply>();
  const replies: Reply[] = [];
  const deliveryBySid = new Map<string, { status: string; code: string }>();
  let sent = 0;
  let segments = 0;
  input.messages.forEach((row, index) => {
    if (row.category !== '') categoryBySid.set(row.sid, row.category);
    const logged = parseTime(row.logged_at)?.getTime();
    if (logged === undefined || logged > until) return;
    if (row.event === 'received') {
      const whenDate = parseTime(row.date_sent) ?? new Date(logged);
      const reply: Reply = {
        sid: row.sid,
        contactId: row.contact_id,
        from: row.from,
        body: row.body,
        when: isoSeconds(whenDate),
        t: whenDate.getTime(),
      };
      const previous = lastWords.get(row.contact_id);
      if (row.contact_id !== '' && (previous === undefined || previous.t <= reply.t))
        lastWords.set(row.contact_id, reply);
      if (logged > since) replies.push(reply);
      return;
    }
    if (logged <= since) return;
    if (row.event === 'sent') {
      sent += 1;
      segments += Number.parseInt(row.segments, 10) || 1;
    }
    if ((row.event === 'sent' || row.event === 'status') && row.status !== '') {
      // A send refused at once (e.g. 21610) has no SID to fold on; it still counts as failed.
      deliveryBySid.set(row.sid === '' ? `#${index}` : row.sid, { status: row.status, code: row.error_code });
    }
  });

  let delivered = 0;
  let failed = 0;
  const failureCounts = new Map<string, number>();
  for (const { status, code } of deliveryBySid.values()) {
    if (status === 'delivered') delivered += 1;
    if (FAILED.includes(status)) {
      failed += 1;
      failureCounts.set(code, (failureCounts.get(code) ?? 0) + 1);
    }
  }
  const failures: DeliveryFailure[] = [...failureCounts]
    .map(([code, count]) => ({ code, meaning: errorMeaning(code), count }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));

  const categoryCounts = new Map<string, number>();
  for (const r of replies) {
    const category = categoryBySid.get(r.sid) || 'uncategorized';
    categoryCounts.set(category, (categoryCounts.get(category) ?? 0) + 1);
  }
  const repliesByCategory = [...categoryCounts]
    .map(([category, count]) => ({ category, count }))
    .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category));

  const person = (contactId: string, from = ''): Person => {
    const c = byId.get(contactId);
    if (c === undefined) return { contactId, name: '(unknown number)', phone: from };
    const name = `${c.first_name} ${c.last_name}`.trim();
    return { contactId, name: name === '' ? '(no name)' : name, phone: c.phone };
  };
  const active = (c: Contact) => inWindow(c.last_inbound_at) || inWindow(c.updated_at);

  // Hot leads: replied interested (or a funnel's own answer such as `morning`) in the window, or moved to `hot`.
  const hot = new Map<string, Omit<HotLead, 'details'>>();
  for (const r of replies) {
    const category = categoryBySid.get(r.sid) ?? '';
    const wanted =
      category === 'interested' ||
      (category !== '' && !(BUILT_IN_CATEGORIES as readonly string[]).includes(category));
    if (!wanted || r.contactId === '' || optedOut(byId.get(r.contactId))) continue;
    const last = lastWords.get(r.contactId) ?? r;
    hot.set(r.contactId, {
      ...person(r.contactId),
      words: last.body,
      when: last.when,
      why: `replied ${category}`,
    });
  }
  for (const c of input.contacts) {
    if (stage(c) !== 'hot' || !active(c) || optedOut(c)) continue;
    const last = lastWords.get(c.id);
    hot.set(c.id, { ...person(c.id), words: last?.body ?? '', when: last?.when ?? '', why: 'outcome hot' });
  }
  const leadColumns = ['email', ...(input.leadColumns ?? []).filter((c) => c !== 'email')];
  const details = (contactId: string) => {
    const c = byId.get(contactId);
    return c === undefined
      ? []
      : leadColumns
          .map((column) => ({ column, value: (c[column] ?? '').trim() }))
          .filter((d) => d.value !== '');
  };
  const hotLeads = [...hot.values()].map((l) => ({ ...l, details: details(l.contactId) })).sort(newestFirst);

  // Replies that need a person: questions and replies nothing understood, and contacts parked at needs_human.
  const human = new Map<string, Omit<HumanReply, 'waitedMs'>>();
  for (const r of replies) {
    const category = categoryBySid.get(r.sid) ?? '';
    if (!HUMAN_CATEGORIES.includes(category) || optedOut(byId.get(r.contactId))) continue;
    const key = r.contactId === '' ? `from:${r.from}` : r.contactId;
    const previous = human.get(key);
    if (previous !== undefined && previous.when > r.when) continue;
    human.set(key, { ...person(r.contactId, r.from), words: r.body, when: r.when, category });
  }
  for (const c of input.contacts) {
    if (stage(c) !== 'needs_human' || human.has(c.id) || !active(c)) continue;
    const last = lastWords.get(c.id);
    human.set(c.id, {
      ...person(c.id),
      words: last?.body ?? '',
      when: last?.when ?? '',
      category: 'needs_human',
    });
  }
  const waited = (when: string) => (when === '' ? 0 : Math.max(0, input.now.getTime() - Date.parse(when)));
  const needsHuman = [...human.values()].map((h) => ({ ...h, waitedMs: waited(h.when) })).sort(newestFirst);

  const optOuts = input.contacts
    .filter((c) => inWindow(c.opted_out_at))
    .map((c) => ({ ...person(c.id), at: isoSeconds(parseTime(c.opted_out_at) as Date) }))
    .sort((a, b) => a.at.localeCompare(b.at));

  const errors: RunProblem[] = [
    ...input.contacts
      .filter((c) => c.error.trim() !== '')
      .map((c) => ({ who: `${person(c.id).name} (${c.id})`, message: c.error.trim() })),
    ...(input.runErrors ?? []).map((message) => ({ who: 'run', message })),
  ];

  // What goes out in the next 24 hours (quiet hours and state rules may move some of it).
  const horizon = input.now.getTime() + 24 * 3600_000;
  const dueSoon = input.contacts.filter((c) => readyAt(c) <= horizon);
  const ahead = {
    due: dueSoon.length,
    backFromLater: dueSoon
      .filter((c) => c.category === 'later')
      .map((c) => ({ ...person(c.id), at: c.next_action_at }))
      .sort((a, b) => a.at.localeCompare(b.at)),
  };

  return {
    since: isoSeconds(new Date(since)),
    until: isoSeconds(input.now),
    contacts: input.contacts.length,
    funnel: countStages(
      input.contacts.map((c) => c.state),
      input.stages,
    ),
    sent,
    segments,
    delivered,
    failed,
    failures,
    replies: replies.length,
    repliesByCategory,
    optOuts,
    hotLeads,
    needsHuman,
    ahead,
    errors,
    trends: computeTrends(input),
    variants: variantFigures(input.messages, input.now),
    costByDay: costByDay(input.messages, input.now, input.timeZone ?? 'UTC'),
  };
}

function newestFirst(a: { when: string; name: string }, b: { when: string; name: string }): number {
  return b.when.localeCompare(a.when) || a.name.localeCompare(b.name);
}
