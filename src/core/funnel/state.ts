/**
 * A compiled funnel and its state texts. The text stored in contacts.csv `state` is the
 * machine's state value with dots between levels (`intro`, `owed.interested`, `done.hot`,
 * `opted_out.follow_up`); a contact owing the help text also keeps the deadline it goes back to:
 * `help.intro@2026-12-03T17:00:00Z`. An empty cell means `start`.
 */
import { isoSeconds, parseTime } from '../model.js';
import { allRoutes } from './flow.js';
import { buildMachine, type FunnelMachine } from './machine.js';
import type { Funnel, Route, Step } from './types.js';

export interface CompiledFunnel {
  funnel: Funnel;
  machine: FunnelMachine;
  /** send key → template (step id, `route:<id>`, `help`) */
  texts: Map<string, string>;
  steps: Map<string, Step>;
  routes: Map<string, Route>;
  /** every state text (without a deadline) of this machine */
  states: Set<string>;
}

/** Compiles a funnel from `validateFunnel` (which must have reported no errors). */
export function compileFunnel(funnel: Funnel): CompiledFunnel {
  const { machine, leaves, texts } = buildMachine(funnel);
  return {
    funnel,
    machine,
    texts,
    steps: new Map(funnel.steps.map((s) => [s.id, s])),
    routes: new Map(allRoutes(funnel).map(({ route }) => [route.id, route])),
    states: new Set(leaves.map((l) => l.join('.'))),
  };
}

export interface ParsedState {
  path: string[];
  /** for `help.*`: the next_action_at to go back to once the help text is sent */
  resumeAt?: Date | null;
}

/** Reads a state cell; a state this funnel does not have is an error naming it. */
export function parseState(compiled: CompiledFunnel, text: string): ParsedState | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { path: ['start'] };
  const at = trimmed.indexOf('@');
  let name = at === -1 ? trimmed : trimmed.slice(0, at);
  // `opted_out` alone (an import's "do not text" column, a hand edit): opted out before any step
  if (name === 'opted_out' && compiled.states.has('opted_out.start')) name = 'opted_out.start';
  if (!compiled.states.has(name)) {
    const step = name.split('.').find((p) => !['owed', 'help', 'done', 'opted_out'].includes(p)) ?? name;
    return {
      error: `state "${name}" is not a state of this funnel (no step, route or outcome "${step}" in it any more)`,
    };
  }
  const parsed: ParsedState = { path: name.split('.') };
  if (at !== -1) {
    const when = parseTime(trimmed.slice(at + 1));
    if (when === undefined)
      return { error: `state "${trimmed}": "${trimmed.slice(at + 1)}" after @ is not a time` };
    parsed.resumeAt = when;
  }
  return parsed;
}

export function serializeState(state: ParsedState): string {
  const name = state.path.join('.');
  return state.resumeAt instanceof Date ? `${name}@${isoSeconds(state.resumeAt)}` : name;
}

export type StateKind = 'start' | 'waiting' | 'owed' | 'help' | 'done' | 'opted_out';

export interface StateDescription {
  kind: StateKind;
  /** the step the contact is in (or goes back to) */
  step?: string;
  route?: string;
  outcome?: string;
  /** one short phrase for status and the summary */
  label: string;
}

export function describeState(compiled: CompiledFunnel, text: string): StateDescription | { error: string } {
  const parsed = parseState(compiled, text);
  if ('error' in parsed) return parsed;
  return describePath(parsed.path);
}

function describePath(path: string[]): StateDescription {
  const [kind = 'start', name = ''] = path;
  switch (kind) {
    case 'start':
      return { kind: 'start', label: 'enrolled, first text due' };
    case 'owed':
      return { kind: 'owed', route: name, label: `owes the ${name} reply` };
    case 'done':
      return { kind: 'done', outcome: name, label: `finished: ${name}` };
    case 'help': {
      const inner = describePath(path.slice(1));
      return { ...inner, kind: 'help', label: `owes the help text, then ${inner.label}` };
    }
    case 'opted_out': {
      const inner = describePath(path.slice(1));
      return { ...inner, kind: 'opted_out', label: 'opted out' };
    }
    default:
      return { kind: 'waiting', step: kind, label: `waiting after ${kind}` };
  }
}

/** Finished with an outcome, or opted out: nothing more will be sent unless they reply. */
export function isFinished(compiled: CompiledFunnel, text: string): boolean {
  const d = describeState(compiled, text);
  return !('error' in d) && (d.kind === 'done' || d.kind === 'opted_out');
}

/** The custom categories the contact's current step asks for (for the categorizer). */
export function expecting(compiled: CompiledFunnel, text: string): string[] {
  const d = describeState(compiled, text);
  if ('error' in d || (d.kind !== 'waiting' && d.kind !== 'help') || d.step === undefined) return [];
  return compiled.steps.get(d.step)?.expect ?? [];
}

/** The step a state belongs to, for messages.csv `step` and the summary's funnel bars. */
export function stepKey(compiled: CompiledFunnel, text: string): string | undefined {
  const d = describeState(compiled, text);
  return 'error' in d ? undefined : d.step;
}
