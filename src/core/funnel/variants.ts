/**
 * A/B variants of a step: `variants: [{ id: a, message: "..." }, { id: b, message: "..." }]`
 * instead of one `message`. Each contact gets one variant, picked by a stable hash of the step id
 * and the contact id, so a rerun, a dry run and a `retry` pick the same one, and over many
 * contacts the variants share them close to evenly. Pure.
 */
import { type Findings, identifier, knownKeys, mapping, type Path, text } from './read.js';
import type { Step, Variant } from './types.js';

const VARIANT_KEYS = ['id', 'message'];

/**
 * Reads a step's `variants:` into `step.variants` (and `step.message`, the first variant's, so a
 * step with variants counts as a step with a message everywhere else). Errors: not a list, fewer
 * than two, an id twice, a variant without a message, `message` and `variants` both given.
 */
export function readVariants(f: Findings, raw: Record<string, unknown>, path: Path, step: Step): void {
  if (raw.variants === undefined) return;
  const at: Path = [...path, 'variants'];
  if (raw.message !== undefined)
    f.error(
      at,
      `step "${step.id}" has both "message" and "variants"`,
      'Keep one: a single "message", or the texts to compare under "variants" (each with an id and a message).',
    );
  if (!Array.isArray(raw.variants)) {
    f.error(
      at,
      'variants must be a list of "- id: a  message: ..." entries',
      'Write each variant as "- id: a" with its "message:" below.',
    );
    return;
  }
  const variants: Variant[] = [];
  const seen = new Set<string>();
  raw.variants.forEach((item, i) => {
    const m = mapping(f, item, [...at, i], 'a variant');
    if (m === undefined) return;
    knownKeys(f, m, [...at, i], VARIANT_KEYS);
    const id = identifier(f, m.id, [...at, i, 'id'], 'variant id');
    const message = text(f, m.message, [...at, i, 'message'], 'message');
    if (message === undefined && m.message === undefined)
      f.error(
        [...at, i],
        `variant ${id === undefined ? i + 1 : `"${id}"`} has no message`,
        'Add "message: ..." to it.',
      );
    if (id !== undefined && seen.has(id))
      f.error(
        [...at, i, 'id'],
        `duplicate variant id "${id}" in step "${step.id}"`,
        'Give every variant of a step its own id (a, b, c...).',
      );
    if (id === undefined || message === undefined) return;
    seen.add(id);
    variants.push({ id, message });
  });
  if (raw.variants.length < 2)
    f.error(
      at,
      `step "${step.id}" has ${raw.variants.length} variant(s): a comparison needs at least two`,
      'Add another variant, or write the one text as "message:".',
    );
  if (variants.length === 0) return;
  step.variants = variants;
  step.message ??= variants[0]?.message;
}

/** The variant of `step` a contact gets: the same every time for the same step and contact id. */
export function pickVariant(step: Pick<Step, 'id' | 'variants'>, contactId: string): Variant | undefined {
  const variants = step.variants;
  if (variants === undefined || variants.length === 0) return undefined;
  // the top bits of a well-mixed 32-bit hash, scaled to the number of variants
  const share = Math.floor((stableHash(`${step.id}\u0000${contactId}`) / 2 ** 32) * variants.length);
  return variants[Math.min(share, variants.length - 1)];
}

/**
 * FNV-1a over the UTF-16 code units, then MurmurHash3's 32-bit finalizer (fmix32) so that ids
 * differing only in their last digit still land far apart. Unsigned 32-bit.
 */
export function stableHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
