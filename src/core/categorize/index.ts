/**
 * The reply categorizer: pure, deterministic, no dependencies. See `categorize.ts` for the
 * precedence of categories, `opt-out.ts` for the opt-out policy, `custom.ts` for the
 * operator's own categories.
 */
export {
  BUILT_IN_CATEGORIES,
  type BuiltInCategory,
  type CategorizeOptions,
  categorize,
  decide,
  type Verdict,
} from './categorize.js';
export type { CustomCategory } from './custom.js';
export {
  type Evaluation,
  evaluate,
  explain,
  formatConfusion,
  formatMistakes,
  type LabeledReply,
} from './evaluate.js';
export { detectLanguage } from './language.js';
export { type Normalized, normalizeReply } from './normalize.js';
