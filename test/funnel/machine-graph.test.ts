/**
 * Properties of the compiled example machine over every state it can reach (found with
 * @xstate/graph's shortest paths) and over long random walks replayed through `advance`.
 */
import { getShortestPaths } from '@xstate/graph';
import { describe, expect, test } from 'vitest';
import {
  advance,
  BUILT_IN_CATEGORIES,
  type Decision,
  describeState,
  type FunnelEvent,
} from '../../src/core/funnel/index.js';
import { compiled } from './example.js';

const categories = [...BUILT_IN_CATEGORIES, 'morning', 'afternoon'];
const machineEvents = [{ type: 'DUE' as const }, ...categories.map((c) => ({ type: `reply.${c}` as const }))];
const toFunnelEvent = (type: string): FunnelEvent =>
  type === 'DUE' ? { type: 'DUE' } : { type: 'REPLY', category: type.slice(6) };

const paths = getShortestPaths(compiled.machine, { events: machineEvents });
const valueText = (value: unknown): string => {
  const out: string[] = [];
  let v = value;
  while (typeof v === 'object' && v !== null) {
    const [k, inner] = Object.entries(v)[0] ?? [];
    if (k === undefined) break;
    out.push(k);
    v = inner;
  }
  if (typeof v === 'string') out.push(v);
  return out.join('.');
};

/** Replays events through advance as the commands would, a day apart, DUE only when due. */
function replay(events: FunnelEvent[], start = new Date('2026-03-02T15:00:00Z')) {
  // as import enrols a contact: state start, first step due now
  let contact = { state: 'start', next_action_at: start.toISOString() };
  let now = start;
  const log: { event: FunnelEvent; before: string; decision: Decision }[] = [];
  for (const event of events) {
    now =
      event.type === 'DUE' && contact.next_action_at !== ''
        ? new Date(Math.max(now.getTime(), Date.parse(contact.next_action_at)))
        : new Date(now.getTime() + 3_600_000);
    const decision = advance(compiled, contact, event, now);
    log.push({ event, before: contact.state, decision });
    contact = { state: decision.state, next_action_at: decision.nextActionAt?.toISOString() ?? '' };
  }
  return { contact, log };
}

const kindOf = (state: string) => {
  const d = describeState(compiled, state);
  if ('error' in d) throw new Error(d.error);
  return d;
};

describe('every reachable state of the example machine', () => {
  const reached = Object.values(paths).map((p) => ({
    state: valueText(p.state.value),
    events: p.steps.map((s) => toFunnelEvent(s.event.type)),
  }));

  test('the graph reaches every state the compiler declares', () => {
    const names = new Set(reached.map((r) => r.state));
    for (const s of compiled.states) expect(names, s).toContain(s);
  });

  test.each(reached.map((r) => [r.state, r]))(
    '%s: ends in an outcome or a wait (something due, or a reply awaited)',
    (_s, r) => {
      const { contact } = replay(r.events.slice(1));
      const d = kindOf(contact.state);
      const waitsForReply = d.kind === 'waiting' && compiled.steps.get(d.step ?? '')?.waitMs === undefined;
      const done = d.kind === 'done' || d.kind === 'opted_out';
      expect(
        done || waitsForReply || contact.next_action_at !== '',
        `${contact.state} owes nothing and waits for nothing`,
      ).toBe(true);
      if (done) expect(contact.next_action_at).toBe('');
    },
  );

  const everyEvent = reached.flatMap((r) =>
    [
      { type: 'DUE' } as FunnelEvent,
      ...categories.map((c) => ({ type: 'REPLY', category: c }) as FunnelEvent),
    ].map((e) => [r.state, e] as const),
  );

  test.each(everyEvent)('%s + %j keeps the rules', (state, event) => {
    const before = kindOf(state);
    const d = advance(
      compiled,
      { state, next_action_at: '2026-03-01T00:00:00Z' },
      event,
      new Date('2026-03-02T15:00:00Z'),
    );
    expect(d.error).toBeUndefined();
    const after = kindOf(d.state);
    if (event.type === 'REPLY' && event.category === 'opt_out' && before.kind !== 'opted_out') {
      expect(after.kind).toBe('opted_out');
    }
    if (before.kind === 'opted_out') {
      // nothing is ever sent after an opt-out; only opt_in moves the contact
      expect(d.send).toBeUndefined();
      if (!(event.type === 'REPLY' && event.category === 'opt_in')) expect(d.state).toBe(state);
    }
    if (before.kind === 'done') {
      // finished stays finished: same outcome, opted out, answering HELP, or reopened by interest
      const reopened =
        event.type === 'REPLY' &&
        event.category === 'interested' &&
        ['no_response', 'cold'].includes(before.outcome ?? '');
      if (!reopened && after.kind !== 'opted_out') expect(after.outcome).toBe(before.outcome);
      if (after.kind !== 'help') expect(d.send).toBeUndefined();
    }
    if (event.type === 'REPLY') expect(d.send, 'a reply never sends directly').toBeUndefined();
  });
});

describe('random walks', () => {
  // a small deterministic generator (mulberry32) so a failure replays the same way
  function rng(seed: number) {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  test('nothing is sent between an opt-out and the next opt-in, over 300 walks of 40 events', () => {
    const next = rng(42);
    for (let walk = 0; walk < 300; walk++) {
      const events: FunnelEvent[] = [];
      for (let i = 0; i < 40; i++) {
        const c = categories[Math.floor(next() * categories.length)] ?? 'other';
        events.push(next() < 0.5 ? { type: 'DUE' } : { type: 'REPLY', category: c });
      }
      let optedOut = false;
      for (const { decision } of replay(events).log) {
        if (optedOut) expect(decision.send, JSON.stringify(events)).toBeUndefined();
        if (decision.optedOut) optedOut = true;
        if (decision.optedIn) optedOut = false;
      }
    }
  });

  test('the full happy path: intro, no reply, follow-up, YES, booking link, "morning" → hot', () => {
    const { log, contact } = replay([
      { type: 'DUE' },
      { type: 'DUE' },
      { type: 'REPLY', category: 'interested' },
      { type: 'DUE' },
      { type: 'REPLY', category: 'morning' },
    ]);
    expect(log.map((l) => l.decision.send?.key)).toEqual([
      'intro',
      'follow_up',
      undefined,
      'route:interested',
      undefined,
    ]);
    expect(contact.state).toBe('done.hot');
  });
});
