/**
 * Message templates: plain SMS text with `{{field}}` and `{{field|fallback}}`. A field is any
 * contact column, standard or custom, matched without regard to case or surrounding spaces
 * (spreadsheet headers drift: `First_Name`, `first_name `). A field that is empty for a contact
 * and has no fallback makes the text unsendable for that contact (never a blank in a customer's
 * text). No escaping: SMS is plain text. Runs of spaces left by an empty value are collapsed.
 */

export interface TemplatePart {
  /** literal text, or a field reference */
  text?: string;
  field?: string;
  fallback?: string;
}

export interface TemplateSyntaxError {
  /** 0-based offset in the template where the mistake starts */
  offset: number;
  message: string;
}

const FIELD = /^[A-Za-z_][A-Za-z0-9_ .-]*$/;

/** Splits a template into text and fields; every syntax mistake is reported. */
export function parseTemplate(template: string): { parts: TemplatePart[]; errors: TemplateSyntaxError[] } {
  const parts: TemplatePart[] = [];
  const errors: TemplateSyntaxError[] = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{{', i);
    const strayClose = template.indexOf('}}', i);
    if (strayClose !== -1 && (open === -1 || strayClose < open)) {
      errors.push({ offset: strayClose, message: '"}}" without an opening "{{"' });
    }
    if (open === -1) {
      parts.push({ text: template.slice(i) });
      break;
    }
    if (open > i) parts.push({ text: template.slice(i, open) });
    const close = template.indexOf('}}', open + 2);
    const nextOpen = template.indexOf('{{', open + 2);
    if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
      errors.push({ offset: open, message: 'unclosed "{{": write {{field}} or {{field|fallback}}' });
      parts.push({ text: template.slice(open, nextOpen === -1 ? undefined : nextOpen) });
      if (nextOpen === -1) break;
      i = nextOpen;
      continue;
    }
    const inner = template.slice(open + 2, close);
    const bar = inner.indexOf('|');
    const field = (bar === -1 ? inner : inner.slice(0, bar)).trim();
    if (!FIELD.test(field)) {
      errors.push({
        offset: open,
        message:
          field === ''
            ? 'empty field "{{}}": put a column name, e.g. {{first_name}}'
            : `"{{${inner}}}" is not a field name: use letters, digits and _ (a column of contacts.csv)`,
      });
    }
    parts.push(
      bar === -1
        ? { field: field.toLowerCase() }
        : { field: field.toLowerCase(), fallback: inner.slice(bar + 1) },
    );
    i = close + 2;
  }
  return { parts, errors };
}

/** The fields a template names (lower case), with whether each has a fallback. */
export function fieldsOf(template: string): { field: string; hasFallback: boolean }[] {
  return parseTemplate(template)
    .parts.filter((p) => p.field !== undefined)
    .map((p) => ({ field: p.field ?? '', hasFallback: p.fallback !== undefined }));
}

export type Rendered = { ok: true; text: string } | { ok: false; missing: string[] };

/** Fills the template for one contact; `missing` lists fields empty here that have no fallback. */
export function render(template: string, contact: Readonly<Record<string, string>>): Rendered {
  const byName = new Map<string, string>();
  for (const [k, v] of Object.entries(contact)) {
    const key = k.trim().toLowerCase();
    // the first non-empty value wins when two headers differ only by case
    if (!byName.has(key) || byName.get(key) === '') byName.set(key, v);
  }
  const missing: string[] = [];
  let text = '';
  for (const part of parseTemplate(template).parts) {
    if (part.field === undefined) {
      text += part.text ?? '';
      continue;
    }
    const value = (byName.get(part.field) ?? '').trim();
    if (value !== '') text += value;
    else if (part.fallback !== undefined) text += part.fallback;
    else if (!missing.includes(part.field)) missing.push(part.field);
  }
  if (missing.length > 0) return { ok: false, missing };
  return {
    ok: true,
    text: text
      .replace(/ {2,}/g, ' ')
      .replace(/ +([,.!?])/g, '$1')
      .trim(),
  };
}
