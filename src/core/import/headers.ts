/** Source headers: the comparable form of a header, and headers made unique. */

/** `Mobile Phone` -> `mobilephone`: the form headers are compared in. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Source headers made usable as keys: blanks get `column_<n>`, repeats get `_2`, `_3` (an
 * export with two "Phone" columns keeps both).
 */
export function uniqueHeaders(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  return raw.map((h, i) => {
    // a blank header, or one that cannot be an object key, gets a name of its own
    const base = h.trim() === '' || h.trim() === '__proto__' ? `column_${i + 1}` : h.trim();
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base}_${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}
