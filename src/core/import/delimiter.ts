/**
 * Which separator an export uses: a comma (US/UK Excel, Google, Outlook), a semicolon (Excel in
 * locales whose decimal mark is a comma: most of Europe), or a tab (Excel "Unicode Text").
 * Counted outside quotes on the first lines, so a note with commas does not fool it.
 */
export type Delimiter = ',' | ';' | '\t';

const CANDIDATES: Delimiter[] = [',', ';', '\t'];

export function detectDelimiter(text: string, maxLines = 5): Delimiter {
  const counts = new Map<Delimiter, number[]>(CANDIDATES.map((d) => [d, [0]]));
  let inQuotes = false;
  let line = 0;
  for (let i = 0; i < text.length && line < maxLines; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === '\n') {
      line++;
      for (const list of counts.values()) list.push(0);
    } else if (!inQuotes && (ch === ',' || ch === ';' || ch === '\t')) {
      const list = counts.get(ch);
      if (list !== undefined) list[line] = (list[line] ?? 0) + 1;
    }
  }
  // The header line decides; the other lines break a tie.
  let best: Delimiter = ',';
  let bestScore = [0, 0];
  for (const d of CANDIDATES) {
    const list = counts.get(d) ?? [0];
    const score = [list[0] ?? 0, list.reduce((a, b) => a + b, 0)];
    if (
      (score[0] ?? 0) > (bestScore[0] ?? 0) ||
      (score[0] === bestScore[0] && (score[1] ?? 0) > (bestScore[1] ?? 0))
    ) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}
