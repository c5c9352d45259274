/**
 * The funnel engine's public API (pure). Typical use by a command:
 *
 *   const funnel = await loadFunnelFile(path);            // src/adapters/funnel-file.ts
 *   const compiled = compileFunnel(funnel);
 *   // send: for each contact whose next_action_at <= now
 *   const d = advance(compiled, contact, { type: 'DUE' }, now);
 *   if (d.send) { check sendWindow(...) of contactTimeZone(contact); render(d.send.text, contact);
 *                 send; only then write d.state / d.nextActionAt to the row }
 *   // categorize: verdict = categorize(body, { custom: funnel.categories, expecting: expecting(compiled, contact.state) })
 *   const d2 = advance(compiled, contact, { type: 'REPLY', category: verdict.category }, now);
 */
export { advance, type ContactState, type Decision, type FunnelEvent } from './advance.js';
export { checkContacts } from './contact-check.js';
export { formatDuration, parseDuration } from './duration.js';
export { REOPENED_BY_INTERESTED } from './machine.js';
export { RESERVED_STEP_IDS } from './read-step.js';
export {
  type CompiledFunnel,
  compileFunnel,
  describeState,
  expecting,
  isFinished,
  type ParsedState,
  parseState,
  type StateDescription,
  type StateKind,
  serializeState,
  stepKey,
} from './state.js';
export { type FunnelText, type TextStats, textStats, textsOf } from './texts.js';
export * from './types.js';
export { type Validation, validateFunnel } from './validate.js';
export { pickVariant, stableHash } from './variants.js';
