/** The results as they go into bench/results.md: tables whose figures stand next to their yardstick. */

export interface Section {
  title: string;
  /** what was measured and how, one paragraph */
  about: string;
  headers: string[];
  rows: string[][];
  /** the bars this section checks: true = met */
  bars: { name: string; ok: boolean; detail: string }[];
  notes: string[];
}

export function table(headers: readonly string[], rows: readonly string[][]): string {
  const align = headers.map((_, i) => (i === 0 ? '---' : '---:'));
  return [headers, align, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

export function renderSection(s: Section): string {
  const parts = [`## ${s.title}`, '', s.about, '', table(s.headers, s.rows)];
  if (s.bars.length > 0) {
    parts.push('');
    for (const b of s.bars) parts.push(`- ${b.ok ? '**PASS**' : '**FAIL**'} ${b.name}: ${b.detail}`);
  }
  if (s.notes.length > 0) {
    parts.push('');
    for (const n of s.notes) parts.push(`- ${n}`);
  }
  return parts.join('\n');
}
