/**
 * How a person names a contact on the command line: its id, or its phone as they would type it
 * (`+1 212 555 0142`, `(212) 555-0142`, `2125550142`). Phones in contacts.csv are E.164.
 */
import type { Contact } from './model.js';

/** The contact `ref` names, or undefined; an id wins over a phone. */
export function findContact<C extends Contact>(rows: readonly C[], ref: string): C | undefined {
  const wanted = ref.trim();
  const byId = rows.find((c) => c.id === wanted);
  if (byId !== undefined) return byId;
  const digits = wanted.replace(/\D/g, '');
  if (digits.length < 7) return undefined;
  const matches = (phone: string) => {
    const own = phone.replace(/\D/g, '');
    // typed with its country code, or as a US/Canadian number without the leading 1
    return own === digits || (digits.length === 10 && phone === `+1${digits}`);
  };
  return rows.find((c) => matches(c.phone));
}
