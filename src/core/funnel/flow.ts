/** How steps follow each other, shared by the graph checks and the machine compiler. */
import type { Funnel, Route, Step } from './types.js';

export type Target = { goto: string } | { outcome: string };

/** Where a step's wait running out leads; undefined when the step waits for a reply forever. */
export function timeoutTarget(funnel: Funnel, step: Step): Target | undefined {
  if (step.waitMs === undefined) return undefined;
  if (step.onTimeout?.goto !== undefined) return { goto: step.onTimeout.goto };
  if (step.onTimeout?.outcome !== undefined) return { outcome: step.onTimeout.outcome };
  if (step.sequence) {
    const seq = funnel.steps.filter((s) => s.sequence);
    const next = seq[seq.indexOf(step) + 1];
    if (next !== undefined) return { goto: next.id };
  }
  return { outcome: funnel.onTimeout.outcome };
}

/** The route a reply of `category` takes in `step` (its own on_reply first), if any. */
export function routeFor(funnel: Funnel, step: Step | undefined, category: string): Route | undefined {
  return step?.onReply[category] ?? funnel.routes[category];
}

export function firstStep(funnel: Funnel): Step | undefined {
  return funnel.steps.find((s) => s.sequence);
}

/** Every route of the file: funnel-wide and per step, with where each sits in the file. */
export function allRoutes(funnel: Funnel): { route: Route; path: (string | number)[] }[] {
  const out: { route: Route; path: (string | number)[] }[] = [];
  for (const [cat, route] of Object.entries(funnel.routes)) out.push({ route, path: ['routes', cat] });
  funnel.steps.forEach((s, i) => {
    for (const [cat, route] of Object.entries(s.onReply))
      out.push({ route, path: ['steps', i, 'on_reply', cat] });
  });
  return out;
}
