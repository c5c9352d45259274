/**
 * The summary's funnel picture in the funnel's own terms: each contact's stored state text
 * (`intro`, `owed.interested`, `help.intro@…`, `done.hot`, `opted_out.follow_up`) becomes the
 * stage it is shown under, and the stages come in the order a contact travels the funnel file.
 */
import { type CompiledFunnel, describeState, type Funnel } from '../funnel/index.js';
import type { Contact } from '../model.js';
import type { StageSpec } from './types.js';

export const REPLY_OWED = 'reply_owed';

export function funnelStages(funnel: Funnel): StageSpec[] {
  const outcomes = new Set<string>();
  for (const r of Object.values(funnel.routes)) if (r.outcome !== undefined) outcomes.add(r.outcome);
  for (const s of funnel.steps) {
    for (const r of Object.values(s.onReply)) if (r.outcome !== undefined) outcomes.add(r.outcome);
    if (s.onTimeout?.outcome !== undefined) outcomes.add(s.onTimeout.outcome);
  }
  outcomes.add(funnel.onTimeout.outcome);
  outcomes.delete('opted_out');
  const steps = [...funnel.steps].sort((a, b) => Number(b.sequence) - Number(a.sequence));
  return [
    { name: 'start', label: 'Enrolled', kind: 'step' },
    ...steps.map((s) => ({ name: s.id, kind: 'step' as const })),
    { name: REPLY_OWED, label: 'Reply owed', kind: 'step' },
    ...[...outcomes].map((name) => ({ name, kind: 'outcome' as const })),
    { name: 'opted_out', label: 'Opted out', kind: 'outcome' },
  ];
}

/** The stage a contact's state is shown under; an unknown state text is shown as it is. */
export function stageName(compiled: CompiledFunnel, state: string): string {
  const d = describeState(compiled, state);
  if ('error' in d) return state;
  switch (d.kind) {
    case 'opted_out':
      return 'opted_out';
    case 'done':
      return d.outcome ?? state;
    case 'owed':
      return REPLY_OWED;
    case 'start':
      return 'start';
    default:
      return d.step ?? state;
  }
}

/** The contacts with their `state` replaced by their stage, for `computeSummary`. */
export function withStages(compiled: CompiledFunnel, contacts: readonly Contact[]): Contact[] {
  return contacts.map((c) => ({ ...c, state: stageName(compiled, c.state) }));
}
