/**
 * Measures the categorizer on labeled replies (`smsfunnel categorize --test`) and explains one
 * verdict (`--explain`). Missed opt-outs are listed on their own: they are the one mistake that
 * is a legal problem rather than a lost lead.
 */
import { BUILT_IN_CATEGORIES, type CategorizeOptions, decide, readReply } from './categorize.js';
import { detectLanguage } from './language.js';

export interface LabeledReply {
  readonly body: string;
  readonly category: string;
}

export interface Evaluation {
  readonly total: number;
  readonly correct: number;
  /** correct / total, 0 when there are no rows. */
  readonly accuracy: number;
  readonly rows: { body: string; expected: string; got: string }[];
  /** confusion[expected][got] = how many replies. */
  readonly confusion: Record<string, Record<string, number>>;
  /** Replies labeled opt_out that were sorted elsewhere. */
  readonly missedOptOuts: string[];
  /** Replies sorted as opt_out that were labeled otherwise (a lost lead, not a legal problem). */
  readonly falseOptOuts: string[];
}

export function evaluate(rows: readonly LabeledReply[], options: CategorizeOptions = {}): Evaluation {
  const confusion: Record<string, Record<string, number>> = {};
  const out: Evaluation['rows'] = [];
  const missedOptOuts: string[] = [];
  const falseOptOuts: string[] = [];
  let correct = 0;
  for (const row of rows) {
    const got = decide(readReply(row.body), options).category;
    out.push({ body: row.body, expected: row.category, got });
    const line = confusion[row.category] ?? {};
    confusion[row.category] = line;
    line[got] = (line[got] ?? 0) + 1;
    if (got === row.category) correct++;
    else if (row.category === 'opt_out') missedOptOuts.push(row.body);
    else if (got === 'opt_out') falseOptOuts.push(row.body);
  }
  const total = rows.length;
  return {
    total,
    correct,
    accuracy: total === 0 ? 0 : correct / total,
    rows: out,
    confusion,
    missedOptOuts,
    falseOptOuts,
  };
}

/** Built-in categories in precedence order, then any others alphabetically. */
function orderCategories(names: Iterable<string>): string[] {
  const all = new Set(names);
  const builtIn: string[] = BUILT_IN_CATEGORIES.filter((c) => all.has(c));
  const others = [...all].filter((c) => !builtIn.includes(c)).sort();
  return [...builtIn, ...others];
}

/**
 * Plain text for a terminal or a cron mail: an accuracy line, a confusion table (rows are the
 * expected category, columns the category given, "." for zero), then every missed opt-out.
 */
export function formatConfusion(evaluation: Evaluation): string {
  const { total, correct, accuracy, confusion, missedOptOuts } = evaluation;
  const percent = (accuracy * 100).toFixed(1);
  const lines = [`accuracy ${percent}% (${correct}/${total}), missed opt-outs: ${missedOptOuts.length}`];
  const expected = orderCategories(Object.keys(confusion));
  const got = orderCategories(Object.values(confusion).flatMap((line) => Object.keys(line)));
  const corner = 'expected \\ got';
  const first = Math.max(corner.length, ...expected.map((c) => c.length));
  const widths = got.map((c) =>
    Math.max(c.length, ...expected.map((e) => String(confusion[e]?.[c] ?? '').length)),
  );
  const cells = (values: string[]) => values.map((v, i) => v.padStart(widths[i] ?? 0)).join('  ');
  lines.push(`${corner.padEnd(first)}  ${cells(got)}`.trimEnd());
  for (const e of expected) {
    const values = got.map((g) => String(confusion[e]?.[g] ?? '.'));
    lines.push(`${e.padEnd(first)}  ${cells(values)}`.trimEnd());
  }
  for (const body of missedOptOuts) lines.push(`MISSED OPT-OUT: ${JSON.stringify(body)}`);
  return lines.join('\n');
}

/** One line per reply sorted differently from its label, for `--test`: expected, got, text. */
export function formatMistakes(evaluation: Evaluation): string {
  const wrong = evaluation.rows.filter((r) => r.got !== r.expected);
  if (wrong.length === 0) return 'no misclassified rows';
  const lines = [`misclassified rows (${wrong.length}): expected -> got: text`];
  for (const r of wrong) lines.push(`  ${r.expected} -> ${r.got}: ${JSON.stringify(r.body)}`);
  return lines.join('\n');
}

/** Several lines for `--explain`: the normalised text, typos, the category, the rule and the words that decided. */
export function explain(body: string, options: CategorizeOptions = {}): string {
  const reply = readReply(body);
  const v = decide(reply, options);
  const lines = [`reply:      ${JSON.stringify(body)}`, `normalised: ${JSON.stringify(reply.shown)}`];
  // The rules read repeated letters squeezed ("good" as "god"); show that form when it differs.
  if (reply.text !== reply.shown) lines.push(`matched on: ${JSON.stringify(reply.text)}`);
  if (reply.corrections.length > 0) {
    lines.push(`typos:      ${reply.corrections.map((c) => `${c.from} -> ${c.to}`).join(', ')}`);
  }
  lines.push(`language:   ${detectLanguage(body)}`);
  if (reply.reaction !== undefined)
    lines.push(`reaction:   ${reply.reaction.name} (a tapback: the quoted text is ignored)`);
  lines.push(`category:   ${v.category}${v.confident ? '' : ' (not confident: a person should look)'}`);
  lines.push(`rule:       ${v.rule}`);
  lines.push(`because:    ${v.reason}`);
  return lines.join('\n');
}
