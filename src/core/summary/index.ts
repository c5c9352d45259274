/** The daily summary: numbers (`computeSummary`) and the email made of them (`renderSummaryEmail`). */
export { BUILT_IN_CATEGORIES } from '../categorize/categorize.js';
export { computeSummary, type SummaryInput } from './compute.js';
export { errorMeaning } from './error-codes.js';
export { csvCell, csvText, escapeHtml } from './escape.js';
export { type RenderOptions, renderSummaryEmail, type SummaryEmail, summarySubject } from './render.js';
export type * from './types.js';
export {
  costByDay,
  type DayCost,
  rate,
  totalCost,
  type VariantFigures,
  type VariantStep,
  variantFigures,
  variantsJson,
} from './variants.js';
export { windowStart } from './window.js';
