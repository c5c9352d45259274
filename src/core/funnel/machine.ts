/**
 * Compiles a validated funnel into ONE XState v5 machine that every contact runs. No timers and
 * no actors: time arrives as a `DUE` event (the contact's next_action_at came), replies as
 * `reply.<category>` events, and the caller advances contacts with XState's pure `transition`.
 *
 * State values (what contacts.csv stores, dots between levels):
 *   start                 enrolled; DUE sends the first step
 *   <step>                the step's message went out; waiting for a reply or its wait (DUE)
 *   owed.<route>          a reply chose this route; DUE sends what it owes (now, or after `after`)
 *   help.<where>          owes the help text, then goes back to <where> with its deadline kept
 *   done.<outcome>        finished: hot, cold, no_response, needs_human, wrong_number, ...
 *   opted_out.<where>     opted out (nothing is ever sent); opt_in goes back to <where>
 * A route of a step's own `on_reply` is named `<step>:<category>`.
 */
import { setup } from 'xstate';
import { allRoutes, firstStep, routeFor, timeoutTarget } from './flow.js';
import { textsOf } from './texts.js';
import type { Funnel, Route, Step } from './types.js';

export type MachineEvent = { type: 'DUE' } | { type: `reply.${string}` };

/** Outcomes whose contact a later `interested` reply takes back into the funnel. */
export const REOPENED_BY_INTERESTED = ['no_response', 'cold'];

type Leaf = string[];
interface TransitionConfig {
  target: string;
  actions?: { type: 'send'; params: { key: string } }[];
}
type On = Record<string, TransitionConfig>;

const ID = 'funnel';
const to = (path: Leaf, sendKey?: string): TransitionConfig => ({
  target: `#${ID}.${path.join('.')}`,
  ...(sendKey === undefined ? {} : { actions: [{ type: 'send', params: { key: sendKey } }] }),
});

/** A route that stays but sends the help text: answered in place, deadline kept. */
export const answersInPlace = (r: Route): boolean =>
  r.sendHelp && r.goto === undefined && r.outcome === undefined;
/** A route that needs a DUE to complete (sends something, or waits `after`). */
const owes = (r: Route): boolean =>
  !r.stay &&
  !answersInPlace(r) &&
  (r.send !== undefined || r.sendHelp || r.goto !== undefined || r.afterMs !== undefined);

export function buildMachine(funnel: Funnel) {
  const steps = new Map(funnel.steps.map((s) => [s.id, s]));
  const routes = new Map(allRoutes(funnel).map(({ route }) => [route.id, route]));
  const outcomes = new Set<string>([funnel.onTimeout.outcome]);
  for (const r of routes.values())
    if (r.outcome !== undefined && r.outcome !== 'opted_out') outcomes.add(r.outcome);
  for (const s of funnel.steps) {
    const t = timeoutTarget(funnel, s);
    if (t !== undefined && 'outcome' in t) outcomes.add(t.outcome);
  }
  const owedRoutes = [...routes.values()].filter(owes);
  const first = firstStep(funnel);
  if (first === undefined) throw new Error('funnel has no sequence step (validateFunnel reports this)');

  const base: Leaf[] = [
    ['start'],
    ...funnel.steps.map((s) => [s.id]),
    ...owedRoutes.map((r) => ['owed', r.id]),
    ...[...outcomes].map((o) => ['done', o]),
  ];
  const resumable = base.filter((l) => l[0] !== 'owed' || routes.get(l[1] ?? '')?.afterMs !== undefined);

  /** The transition a route takes from `from` (undefined: the reply is only recorded). */
  const take = (route: Route | undefined, from: Leaf): TransitionConfig | undefined => {
    if (route === undefined || route.stay) return undefined;
    if (answersInPlace(route))
      return resumable.some((l) => l.join('.') === from.join('.')) ? to(['help', ...from]) : undefined;
    if (owes(route)) return to(['owed', route.id]);
    return route.outcome === undefined ? undefined : to(['done', route.outcome]);
  };
  const replies = (step: Step | undefined, from: Leaf, skip: string[] = []): On => {
    const on: On = { 'reply.opt_out': to(['opted_out', ...(from[0] === 'help' ? from.slice(1) : from)]) };
    const categories = new Set([...Object.keys(funnel.routes), ...Object.keys(step?.onReply ?? {})]);
    for (const c of categories) {
      if (c === 'opt_out' || c === 'opt_in' || skip.includes(c)) continue;
      const t = take(routeFor(funnel, step, c), from);
      if (t !== undefined) on[`reply.${c}`] = t;
    }
    return on;
  };
  /** Entering a step by a DUE: send its message (a route's own text replaces it). */
  const enter = (target: { goto: string } | { outcome: string }, routeText?: string): TransitionConfig =>
    'goto' in target ? to([target.goto], routeText ?? target.goto) : to(['done', target.outcome], routeText);

  const leafConfig = (leaf: Leaf): { on: On } => {
    const [kind, name = ''] = leaf;
    if (kind === 'start') return { on: { DUE: to([first.id], first.id), ...replies(undefined, leaf) } };
    if (kind === 'owed') {
      const r = routes.get(name) as Route;
      const text = r.send !== undefined ? `route:${r.id}` : r.sendHelp ? 'help' : undefined;
      const target =
        r.goto !== undefined ? { goto: r.goto } : { outcome: r.outcome ?? funnel.onTimeout.outcome };
      return { on: { DUE: enter(target, text), ...replies(undefined, leaf) } };
    }
    if (kind === 'done') {
      const on: On = { 'reply.opt_out': to(['opted_out', ...leaf]) };
      const help = funnel.routes.help;
      if (help !== undefined && answersInPlace(help)) on['reply.help'] = to(['help', ...leaf]);
      const interested = take(funnel.routes.interested, leaf);
      if (REOPENED_BY_INTERESTED.includes(name) && interested !== undefined)
        on['reply.interested'] = interested;
      return { on };
    }
    const step = steps.get(kind ?? '') as Step;
    const timeout = timeoutTarget(funnel, step);
    return { on: { ...(timeout === undefined ? {} : { DUE: enter(timeout) }), ...replies(step, leaf) } };
  };

  const tree: Record<string, unknown> = {};
  const put = (path: Leaf, config: unknown): void => {
    let node = tree;
    path.forEach((key, i) => {
      if (i === path.length - 1) node[key] = config;
      else {
        node[key] ??= { states: {} };
        node = (node[key] as { states: Record<string, unknown> }).states;
      }
    });
  };
  for (const leaf of base) put(leaf, leafConfig(leaf));
  for (const leaf of resumable) {
    const where = leafConfig(leaf).on;
    const on: On = { DUE: to(leaf, 'help') };
    // replies while the help text is owed act as they would where the contact was (not help again)
    for (const [type, t] of Object.entries(where)) if (type !== 'DUE' && type !== 'reply.help') on[type] = t;
    put(['help', ...leaf], { on });
  }
  for (const leaf of base) put(['opted_out', ...leaf], { on: { 'reply.opt_in': to(leaf) } });
  fixInitials(tree);

  const machine = setup({
    types: { events: {} as MachineEvent },
    actions: { send: (_: unknown, _params: { key: string }) => {} },
  }).createMachine({ id: ID, initial: 'start', states: tree as never });
  // a step with variants has one text per variant under its key: the map keeps the first (the
  // send path picks the contact's own, see pickVariant)
  const texts = new Map<string, string>();
  for (const t of textsOf(funnel)) if (!texts.has(t.key)) texts.set(t.key, t.template);
  return {
    machine,
    leaves: [...base, ...resumable.map((l) => ['help', ...l]), ...base.map((l) => ['opted_out', ...l])],
    texts,
  };
}

/** Compound states need an `initial` child for XState; never entered directly here. */
function fixInitials(states: Record<string, unknown>): void {
  for (const node of Object.values(states) as { states?: Record<string, unknown>; initial?: string }[]) {
    if (node.states !== undefined) {
      node.initial = Object.keys(node.states)[0];
      fixInitials(node.states);
    }
  }
}

export type FunnelMachine = ReturnType<typeof buildMachine>['machine'];
