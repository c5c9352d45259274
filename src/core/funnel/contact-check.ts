/**
 * The funnel's texts against the contacts they go to (`smsfunnel check`): template fields some
 * active contact lacks with no fallback, texts that run long or turn UCS-2 once filled in.
 */
import { segmentsOf } from '../segments.js';
import { fieldsOf, render } from '../template.js';
import { codePoint, nonGsmIn, textsOf } from './texts.js';
import type { Funnel, Problem } from './types.js';

/** Contacts that can still be texted: not finished, not opted out. */
function active(contact: Readonly<Record<string, string>>): boolean {
  const state = contact.state ?? '';
  return !state.startsWith('done.') && !state.startsWith('opted_out');
}

/**
 * Checks the texts against the contacts: a field with no fallback that is empty for some active
 * contact is an error (naming how many and a few contact ids); the longest rendered text per
 * template is a warning when it goes over 3 segments or turns UCS-2 for some contacts.
 */
export function checkContacts(
  funnel: Funnel,
  contacts: readonly Readonly<Record<string, string>>[],
): Problem[] {
  const problems: Problem[] = [];
  const live = contacts.filter(active);
  for (const t of textsOf(funnel)) {
    const bare = fieldsOf(t.template).filter((x) => !x.hasFallback);
    if (bare.length === 0 && live.length === 0) continue;
    const lacking = new Map<string, string[]>();
    let worst = 0;
    // a field's values that turn the text UCS-2: ids and the first such character
    const ucs = new Map<string, { ids: string[]; char: string }>();
    const ownUcs = nonGsmIn(t.template).length > 0;
    for (const c of live) {
      const r = render(t.template, c);
      if (!r.ok) {
        for (const m of r.missing) lacking.set(m, [...(lacking.get(m) ?? []), c.id ?? '?']);
        continue;
      }
      const s = segmentsOf(r.text);
      worst = Math.max(worst, s.segments);
      if (s.encoding === 'UCS-2' && !ownUcs) {
        for (const { field } of fieldsOf(t.template)) {
          const char = segmentsOf(fieldValue(c, field)).nonGsmChars[0];
          if (char === undefined) continue;
          const hit = ucs.get(field) ?? { ids: [], char };
          hit.ids.push(c.id ?? '?');
          ucs.set(field, hit);
        }
      }
    }
    for (const [field, ids] of lacking) {
      problems.push({
        severity: 'error',
        path: t.path,
        message: `{{${field}}} is empty for ${ids.length} of ${live.length} contacts (id ${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', ...' : ''})`,
        hint: `Give it a fallback, e.g. {{${field}|there}}, or fill the ${field} column in contacts.csv.`,
      });
    }
    if (worst > 3)
      problems.push({
        severity: 'warning',
        path: t.path,
        message: `for some contacts this text is ${worst} segments long`,
      });
    for (const [field, { ids, char }] of ucs)
      problems.push({
        severity: 'warning',
        path: t.path,
        message: `{{${field}}} of ${ids.length} contact${ids.length === 1 ? '' : 's'} (id ${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ', ...' : ''}) holds characters outside GSM-7 such as ${codePoint(char)}: their text goes UCS-2, which can double its cost`,
        hint: `That is how their ${field} is written in contacts.csv; change it there only if the cost matters more.`,
      });
  }
  return problems;
}

/** A contact's value of a template field, matched as `render` matches it (case, spaces). */
function fieldValue(contact: Readonly<Record<string, string>>, field: string): string {
  for (const [k, v] of Object.entries(contact))
    if (k.trim().toLowerCase() === field && v.trim() !== '') return v;
  return '';
}
