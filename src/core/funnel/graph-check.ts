/** Checks of the funnel as a whole: every goto names a step, every step can be reached and sent. */
import { allRoutes, firstStep, timeoutTarget } from './flow.js';
import type { Findings } from './read.js';
import type { Funnel } from './types.js';

export function checkGraph(f: Findings, funnel: Funnel): void {
  const index = new Map(funnel.steps.map((s, i) => [s.id, i]));
  const ids = funnel.steps.map((s) => s.id).join(', ');
  const first = firstStep(funnel);
  if (first === undefined) {
    f.error(
      ['steps'],
      'no step is in the automatic sequence (every step has "sequence: false")',
      'Let the first step of the funnel be part of the sequence.',
    );
    return;
  }

  // gotos to unknown steps, and whether the step entered has something to send
  for (const { route, path } of allRoutes(funnel)) {
    if (route.goto === undefined) continue;
    const i = index.get(route.goto);
    if (i === undefined) {
      f.error([...path, 'goto'], `goto "${route.goto}": there is no step with that id`, `Steps: ${ids}.`);
    } else if (funnel.steps[i]?.message === undefined && route.send === undefined && !route.sendHelp) {
      f.error(
        [...path, 'goto'],
        `goto "${route.goto}": that step has no message and this route sends none`,
        `Add "send:" to the route or "message:" to step ${route.goto}.`,
      );
    }
  }
  funnel.steps.forEach((s, i) => {
    if (s.sequence && s.message === undefined) {
      f.error(
        ['steps', i],
        `step "${s.id}" is in the automatic sequence but has no message`,
        'Add "message:", or mark it "sequence: false" if only a route that sends reaches it.',
      );
    }
    const g = s.onTimeout?.goto;
    if (g === undefined) return;
    const target = funnel.steps[index.get(g) ?? -1];
    if (target === undefined)
      f.error(
        ['steps', i, 'on_timeout', 'goto'],
        `goto "${g}": there is no step with that id`,
        `Steps: ${ids}.`,
      );
    else if (target.message === undefined)
      f.error(['steps', i, 'on_timeout', 'goto'], `goto "${g}": that step has no message to send`);
    if (s.waitMs === undefined)
      f.error(
        ['steps', i, 'on_timeout'],
        `step "${s.id}" has on_timeout but no wait`,
        'Add "wait:" (how long without a reply).',
      );
  });

  // reachability: from the first step, along waits, and every route (routes apply in any step)
  const reached = new Set<string>([first.id]);
  const queue = [first.id];
  for (const { route } of allRoutes(funnel)) {
    if (route.goto !== undefined && route.id === route.category && !reached.has(route.goto)) {
      reached.add(route.goto);
      queue.push(route.goto);
    }
  }
  while (queue.length > 0) {
    const step = funnel.steps[index.get(queue.shift() ?? '') ?? -1];
    if (step === undefined) continue;
    const next = [timeoutTarget(funnel, step), ...Object.values(step.onReply)];
    for (const t of next) {
      if (t !== undefined && 'goto' in t && t.goto !== undefined && !reached.has(t.goto)) {
        reached.add(t.goto);
        queue.push(t.goto);
      }
    }
  }
  funnel.steps.forEach((s, i) => {
    if (reached.has(s.id)) return;
    const before = funnel.steps
      .slice(0, i)
      .reverse()
      .find((p) => p.sequence);
    const why =
      s.sequence && before !== undefined && before.waitMs === undefined
        ? ` (step "${before.id}" before it has no "wait", so the sequence stops there)`
        : '';
    f.error(
      ['steps', i, 'id'],
      `step "${s.id}" is never reached: no wait leads to it and no route goes to it${why}`,
      `Add a route with "goto: ${s.id}", give the step before it a "wait", or remove the step.`,
    );
  });
}
