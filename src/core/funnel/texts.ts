/**
 * The texts of a funnel (step messages, route replies, the help text) and the checks on them:
 * template syntax, segments and encoding (cost), opt-out wording in the first message, and —
 * given the contacts (contact-check.ts) — fields some contacts lack with no fallback.
 */
import { gsmLookAlike, segmentsOf } from '../segments.js';
import { parseTemplate } from '../template.js';
import { firstStep } from './flow.js';
import type { Findings } from './read.js';
import type { Funnel } from './types.js';

export interface FunnelText {
  /** the send key: step id, `route:<route id>`, or `help` (written to messages.csv `step`) */
  key: string;
  path: (string | number)[];
  template: string;
  /** the A/B variant id, for a step with `variants` (one entry per variant, same key) */
  variant?: string;
}

export function textsOf(funnel: Funnel): FunnelText[] {
  const out: FunnelText[] = [];
  funnel.steps.forEach((s, i) => {
    if (s.variants !== undefined)
      for (const [j, v] of s.variants.entries())
        out.push({
          key: s.id,
          path: ['steps', i, 'variants', j, 'message'],
          template: v.message,
          variant: v.id,
        });
    else if (s.message !== undefined)
      out.push({ key: s.id, path: ['steps', i, 'message'], template: s.message });
  });
  for (const [cat, r] of Object.entries(funnel.routes)) {
    if (r.send !== undefined)
      out.push({ key: `route:${r.id}`, path: ['routes', cat, 'send'], template: r.send });
  }
  funnel.steps.forEach((s, i) => {
    for (const [cat, r] of Object.entries(s.onReply)) {
      if (r.send !== undefined)
        out.push({ key: `route:${r.id}`, path: ['steps', i, 'on_reply', cat, 'send'], template: r.send });
    }
  });
  if (funnel.help !== '') out.push({ key: 'help', path: ['help'], template: funnel.help });
  return out;
}

/** Stand-in for a field value when estimating length without contacts: a typical first name. */
const SAMPLE_VALUE = 'Alexandra';

export interface TextStats {
  key: string;
  variant?: string;
  path: (string | number)[];
  segments: number;
  encoding: 'GSM-7' | 'UCS-2';
  nonGsmChars: string[];
}

/** Segments and encoding of every text, fields filled with their fallback or a sample name. */
export function textStats(funnel: Funnel): TextStats[] {
  return textsOf(funnel).map((t) => {
    const sample = parseTemplate(t.template)
      .parts.map((p) =>
        p.field === undefined
          ? (p.text ?? '')
          : p.fallback && p.fallback.length > SAMPLE_VALUE.length
            ? p.fallback
            : SAMPLE_VALUE,
      )
      .join('');
    return {
      key: t.key,
      ...(t.variant === undefined ? {} : { variant: t.variant }),
      path: t.path,
      ...segmentsOf(sample),
    };
  });
}

export function lintTexts(f: Findings, funnel: Funnel): void {
  for (const t of textsOf(funnel)) {
    for (const e of parseTemplate(t.template).errors) {
      f.error(
        t.path,
        `${e.message} (at character ${e.offset + 1}: "${t.template.slice(e.offset, e.offset + 20)}")`,
      );
    }
  }
  const texts = textsOf(funnel);
  textStats(funnel).forEach((s, i) => {
    const own = nonGsmIn(texts[i]?.template ?? '');
    if (own.length > 0) {
      const where = own
        .slice(0, 3)
        .map((o) => `${codePoint(o.char)} at character ${o.at} ("${o.context}")`)
        .join(', ');
      const swaps = own
        .map((o) => ({ char: o.char, plain: gsmLookAlike(o.char) }))
        .filter((o, i, all) => all.findIndex((x) => x.char === o.char) === i);
      const hint = swaps
        .map((o) => (o.plain === undefined ? `remove "${o.char}"` : `write ${o.plain} for "${o.char}"`))
        .join(', ');
      f.warn(
        s.path,
        `${describeText(s.key, s.variant)} itself has ${where}: that makes it UCS-2, ${s.segments} segment(s) of 70 characters instead of 160`,
        `In the funnel file, ${hint}: the text stays GSM-7 and costs up to half as much.`,
      );
    }
    if (s.segments > 3)
      f.warn(
        s.path,
        `this text is ${s.segments} segments long (${s.encoding}), billed as ${s.segments} messages`,
        'Shorten it to 3 segments or fewer.',
      );
  });
  const first = firstStep(funnel);
  // every variant of the first step is someone's first text: each gets the first-message checks
  for (const t of texts.filter((x) => first !== undefined && x.key === first.id)) lintFirst(f, funnel, t);
}

function lintFirst(f: Findings, funnel: Funnel, t: FunnelText): void {
  const which = t.variant === undefined ? 'the first message' : `variant "${t.variant}" of the first message`;
  if (!/\bstop\b/i.test(t.template))
    f.warn(
      t.path,
      `${which} does not say how to opt out`,
      'Add "Reply STOP to opt out." (carriers expect it in the first text).',
    );
  const brand = brandOf(funnel.name);
  if (brand !== '' && !t.template.toLowerCase().includes(brand.toLowerCase()))
    f.warn(
      t.path,
      `${which} does not name the sender ("${brand}", from the funnel's name)`,
      `Say who is texting, e.g. "it's Dana from ${brand}" (CTIA: the first text identifies the sender).`,
    );
  const short = SHORTENERS.exec(t.template)?.[1];
  if (short !== undefined)
    f.warn(
      t.path,
      `${which} uses the public URL shortener ${short}`,
      "Carriers filter shared shorteners as spam (30007): use your own domain's link.",
    );
}

/** Public link shorteners carriers filter (CTIA, "Messaging Principles and Best Practices"). */
const SHORTENERS =
  /\b(bit\.ly|tinyurl\.com|goo\.gl|t\.co|ow\.ly|is\.gd|buff\.ly|rebrand\.ly|cutt\.ly|shorturl\.at|tiny\.cc|rb\.gy)\//i;

/** The brand in a funnel's name: "Brightside Solar — free quote" → "Brightside Solar". */
export function brandOf(name: string): string {
  return (name.split(/\s[—–-]\s|:|\|/)[0] ?? '').trim();
}

/** Each character outside GSM-7 in a template, with its 1-based position and what surrounds it. */
export function nonGsmIn(template: string): { char: string; at: number; context: string }[] {
  const chars = [...template];
  const out: { char: string; at: number; context: string }[] = [];
  chars.forEach((char, i) => {
    if (segmentsOf(char).encoding === 'UCS-2')
      out.push({ char, at: i + 1, context: chars.slice(Math.max(0, i - 8), i + 8).join('') });
  });
  return out;
}

export function codePoint(char: string): string {
  return `"${char}" (U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`;
}

/** `intro` -> the message of step "intro"; `route:interested` -> the text of route "interested". */
function describeText(key: string, variant?: string): string {
  if (key === 'help') return 'the help text';
  if (key.startsWith('route:')) return `the text of route "${key.slice('route:'.length)}"`;
  return variant === undefined ? `the message of step "${key}"` : `variant "${variant}" of step "${key}"`;
}
