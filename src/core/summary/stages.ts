/**
 * Which funnel stage a contact's `state` text belongs to, and the order stages are shown in.
 * The funnel engine may hand its own ordering; without one, the example funnel's names are
 * ordered the way a contact travels and any other state follows in the order first met.
 */
import type { StageCount, StageSpec } from './types.js';

const DEFAULT_STEPS = ['start', 'intro', 'follow_up', 'follow_up_2', 'follow_up_3', 'ask_time', 'later'];
const DEFAULT_OUTCOMES = ['hot', 'needs_human', 'cold', 'no_response', 'wrong_number', 'opted_out'];

/** The label a stage gets when the caller gives none: `follow_up` → `Follow up`. */
export function defaultLabel(name: string): string {
  const words = name.replace(/[_.]+/g, ' ').trim();
  return words === '' ? '(no state)' : words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The stage of a state text: the exact stage, else the longest stage whose name prefixes it
 * (`opted_out.intro` → `opted_out`, a nested XState value), else the text itself.
 */
export function stageOf(state: string, names: readonly string[]): string {
  const s = state.trim();
  if (names.includes(s)) return s;
  let best = '';
  for (const n of names) if (n.length > best.length && s.startsWith(`${n}.`)) best = n;
  return best !== '' ? best : s;
}

/** Counts contacts per stage, in funnel order: the caller's stages (all, even empty), or steps then outcomes. */
export function countStages(
  states: Iterable<string>,
  stages: readonly StageSpec[] | undefined,
): StageCount[] {
  const given = stages !== undefined && stages.length > 0;
  const known: StageSpec[] = given
    ? [...stages]
    : [
        ...DEFAULT_STEPS.map((name) => ({ name, kind: 'step' as const })),
        ...DEFAULT_OUTCOMES.map((name) => ({ name, kind: 'outcome' as const })),
      ];
  const names = known.map((k) => k.name);
  const counts = new Map<string, number>();
  const extra: string[] = [];
  for (const state of states) {
    const stage = stageOf(state, names);
    if (!names.includes(stage) && !counts.has(stage)) extra.push(stage);
    counts.set(stage, (counts.get(stage) ?? 0) + 1);
  }
  const row = (spec: StageSpec): StageCount => ({
    name: spec.name,
    label: spec.label ?? defaultLabel(spec.name),
    kind: spec.kind,
    count: counts.get(spec.name) ?? 0,
  });
  // Unknown states are shown as steps before the outcomes, so no contact goes uncounted.
  const extras = extra.map((name) => row({ name, kind: 'step' }));
  const shown = known.map(row).filter((s) => given || s.count > 0);
  const firstOutcome = shown.findIndex((s) => s.kind === 'outcome');
  if (firstOutcome === -1) return [...shown, ...extras];
  return [...shown.slice(0, firstOutcome), ...extras, ...shown.slice(firstOutcome)];
}
