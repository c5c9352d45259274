/**
 * The one pure entry point the commands use: `advance(compiled, contact, event, now)` restores
 * the contact's machine from its stored state text (`machine.resolveState`), feeds it one event
 * with XState's pure `transition`, and returns a Decision: the new state text, the message the
 * funnel owes (template, unrendered), the next time something is due, the outcome when finished.
 *
 * A reply never sends: it moves the contact into a state that owes a message, due now, and the
 * next `send` run (inside quiet hours) delivers it with a DUE. Apply a Decision that carries a
 * `send` only once the message was accepted by Twilio; otherwise keep the contact as it was.
 */
import { transition } from 'xstate';
import { parseTime } from '../model.js';
import { type CompiledFunnel, type ParsedState, parseState, serializeState } from './state.js';

export type FunnelEvent = { type: 'DUE' } | { type: 'REPLY'; category: string };

export interface Decision {
  /** the new text for the contact's `state` column */
  state: string;
  /** false when the event changed nothing (the reply is only recorded, or nothing was due) */
  changed: boolean;
  /** what to text now: `key` goes to messages.csv `step`; `text` is a template to render */
  send?: { key: string; text: string };
  /** the new next_action_at: when a DUE is next owed (null: waits for a reply or finished) */
  nextActionAt: Date | null;
  /** set when this event finished the contact (`hot`, `cold`, `no_response`, ...) */
  outcome?: string;
  optedOut?: boolean;
  optedIn?: boolean;
  /** the stored state is not one of this funnel's: the contact was not moved */
  error?: string;
}

export interface ContactState {
  state: string;
  /** the contact's next_action_at cell (ISO 8601, or empty) */
  next_action_at?: string;
}

export function advance(
  compiled: CompiledFunnel,
  contact: ContactState,
  event: FunnelEvent,
  now: Date,
): Decision {
  const stored = contact.next_action_at === undefined ? undefined : parseTime(contact.next_action_at);
  const unchanged = (extra: Partial<Decision> = {}): Decision => ({
    state: contact.state,
    changed: false,
    nextActionAt: stored ?? null,
    ...extra,
  });
  const from = parseState(compiled, contact.state);
  if ('error' in from) return unchanged({ error: from.error });
  if (event.type === 'DUE' && stored !== undefined && stored.getTime() > now.getTime()) return unchanged();

  const type = event.type === 'DUE' ? 'DUE' : (`reply.${event.category}` as const);
  const { path, sendKey } = step(compiled, from.path, type);
  if (path.join('.') === from.path.join('.') && sendKey === undefined) return unchanged();

  const to: ParsedState = { path: [...path] };
  let nextActionAt: Date | null = null;
  const later = (ms: number | undefined): Date | null =>
    ms === undefined ? null : new Date(now.getTime() + ms);
  const [kind, name = ''] = path;
  const helpDone = from.path[0] === 'help' && event.type === 'DUE';
  if (helpDone)
    nextActionAt = from.resumeAt ?? (kind === 'start' ? now : null); // the wait it had, not a fresh one
  else if (kind === 'start') nextActionAt = now;
  else if (kind === 'owed') nextActionAt = later(compiled.routes.get(name)?.afterMs ?? 0);
  else if (kind === 'help') {
    nextActionAt = now;
    to.resumeAt = stored ?? null;
  } else if (kind !== 'done' && kind !== 'opted_out')
    nextActionAt = later(compiled.steps.get(kind ?? '')?.waitMs);

  const decision: Decision = { state: serializeState(to), changed: true, nextActionAt };
  if (sendKey !== undefined) decision.send = { key: sendKey, text: compiled.texts.get(sendKey) ?? '' };
  if (kind === 'done' && from.path[0] !== 'done' && !(helpDone || from.path[0] === 'opted_out'))
    decision.outcome = name;
  if (kind === 'opted_out') decision.optedOut = true;
  if (from.path[0] === 'opted_out' && kind !== 'opted_out') decision.optedIn = true;
  return decision;
}

interface Step {
  readonly path: readonly string[];
  /** the message the transition's `send` action names */
  readonly sendKey?: string;
}

/**
 * Restores the machine at `from` and feeds it one event: XState's `resolveState` and pure
 * `transition`. The machine has no context, so the result depends on the state and the event
 * alone, and a run that moves ten thousand contacts through the same few states computes each
 * pair once.
 */
const steps = new WeakMap<CompiledFunnel, Map<string, Step>>();
function step(compiled: CompiledFunnel, from: readonly string[], type: 'DUE' | `reply.${string}`): Step {
  let cache = steps.get(compiled);
  if (cache === undefined) {
    cache = new Map();
    steps.set(compiled, cache);
  }
  const key = `${from.join('\u0000')}\u0001${type}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const snapshot = compiled.machine.resolveState({ value: stateValueOf([...from]), context: {} });
  const [next, actions] = transition(compiled.machine, snapshot, { type });
  const sendAction = actions.find((a) => a.type === 'send');
  const path = Object.freeze(pathOf(next.value));
  const result: Step =
    sendAction === undefined ? { path } : { path, sendKey: (sendAction.params as { key: string }).key };
  cache.set(key, result);
  return result;
}

type StateValue = string | { [key: string]: StateValue };

function stateValueOf(path: string[]): StateValue {
  return path
    .slice(0, -1)
    .reduceRight<StateValue>((inner, key) => ({ [key]: inner }), path[path.length - 1] ?? 'start');
}

function pathOf(value: unknown): string[] {
  const out: string[] = [];
  let v = value;
  while (typeof v === 'object' && v !== null) {
    const [key, inner] = Object.entries(v)[0] ?? [];
    if (key === undefined) break;
    out.push(key);
    v = inner;
  }
  if (typeof v === 'string') out.push(v);
  return out;
}
