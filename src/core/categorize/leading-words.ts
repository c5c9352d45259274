/**
 * What every match of a long alternation must start with, worked out from the pattern's source
 * once, so that a reply can be tested cheaply before the pattern runs: "como (?:\p{L}+ ){0,3}
 * cancelo|deje de \p{L}+|(?:no me|nunca) escrib\p{L}*" can only match where the text reads
 * "como ", "deje de ", "no me " or "nunca". Each alternative is tried at every word of a reply,
 * so the world rules (`world-rule.ts`) cost most of a reply's time; most replies hold none of a
 * rule's starts and skip it. The analysis is sound or gives up: `undefined` when some way of
 * matching can start with anything (a class, `\p{L}`, `.`, an anchor) or when the starts would
 * be too many to be worth it.
 */

type Item =
  | { kind: 'char'; c: string; min: number; max: number }
  | { kind: 'group'; alts: Item[][]; min: number; max: number }
  | { kind: 'zero' }
  | { kind: 'any' };

const MAX_STARTS = 4000;

const char = (c: string): Item => ({ kind: 'char', c, min: 1, max: 1 });

class Reader {
  pos = 0;
  constructor(readonly s: string) {}

  /** Alternatives up to a closing `)` or the end. */
  alternatives(): Item[][] {
    const alts: Item[][] = [[]];
    while (this.pos < this.s.length) {
      const c = this.s[this.pos] as string;
      if (c === ')') break;
      this.pos++;
      if (c === '|') alts.push([]);
      else (alts[alts.length - 1] as Item[]).push(this.quantified(this.atom(c)));
    }
    return alts;
  }

  private atom(c: string): Item {
    if (c === '\\') return this.escape();
    if (c === '[') {
      while (this.pos < this.s.length && this.s[this.pos] !== ']')
        this.pos += this.s[this.pos] === '\\' ? 2 : 1;
      this.pos++;
      return { kind: 'any' };
    }
    if (c === '(') {
      const look = /^\?(?:=|!|<=|<!)/.exec(this.s.slice(this.pos));
      if (look !== null) this.pos += look[0].length;
      else if (this.s.startsWith('?:', this.pos)) this.pos += 2;
      else if (this.s.startsWith('?<', this.pos)) this.pos = this.s.indexOf('>', this.pos) + 1;
      const alts = this.alternatives();
      this.pos++; // ')'
      return look !== null ? { kind: 'zero' } : { kind: 'group', alts, min: 1, max: 1 };
    }
    if ('.^$'.includes(c)) return { kind: 'any' };
    return char(c);
  }

  private escape(): Item {
    const c = this.s[this.pos++] as string;
    if (c === 'p' || c === 'P') {
      this.pos = this.s.indexOf('}', this.pos) + 1;
      return { kind: 'any' };
    }
    if (c === 'b' || c === 'B') return { kind: 'zero' };
    if (c === 'd') return { kind: 'group', alts: [...'0123456789'].map((d) => [char(d)]), min: 1, max: 1 };
    if ('DwWsSu'.includes(c)) return { kind: 'any' };
    return char(c);
  }

  private quantified(item: Item): Item {
    const q = /^(?:\?|\*|\+|\{(\d+)(?:(,)(\d*))?\})\??/.exec(this.s.slice(this.pos));
    if (q === null || item.kind === 'zero' || item.kind === 'any') {
      if (q !== null) this.pos += q[0].length;
      return item;
    }
    this.pos += q[0].length;
    const [whole, low, comma, high] = q;
    const min = whole.startsWith('?') || whole.startsWith('*') ? 0 : whole.startsWith('+') ? 1 : Number(low);
    const max = whole.startsWith('?')
      ? 1
      : whole.startsWith('{') && comma === undefined
        ? Number(low)
        : high
          ? Number(high)
          : 2;
    return { ...item, min, max: Math.max(max, min) };
  }
}

/** The starts of `seq` from `k` on, after `prefix`; undefined when one can start with anything. */
function starts(
  seq: readonly Item[],
  k: number,
  prefix: string,
  budget: { left: number },
): string[] | undefined {
  if (--budget.left < 0) return undefined;
  const item = seq[k];
  if (item === undefined) return prefix === '' ? undefined : [prefix];
  if (item.kind === 'zero') return starts(seq, k + 1, prefix, budget);
  if (item.kind === 'any') return prefix === '' ? undefined : [prefix];
  // A literal so far is enough to test for; past a repeat or a choice, stop there.
  if (prefix !== '' && (item.kind === 'group' || item.min !== 1 || item.max !== 1)) {
    if (item.kind === 'char' && item.min >= 1) return [prefix + item.c];
    return [prefix];
  }
  const skipped = item.min === 0 ? starts(seq, k + 1, prefix, budget) : [];
  if (skipped === undefined) return undefined;
  let taken: string[] | undefined;
  if (item.kind === 'char') {
    taken = item.max === 1 ? starts(seq, k + 1, prefix + item.c, budget) : [prefix + item.c];
  } else {
    taken = [];
    for (const alt of item.alts) {
      // Once, the rest follows the alternative; repeated, stop at the alternative's own end.
      const found =
        item.max === 1 ? starts([...alt, ...seq.slice(k + 1)], 0, '', budget) : starts(alt, 0, '', budget);
      if (found === undefined) return undefined;
      taken.push(...found);
    }
  }
  if (taken === undefined) return undefined;
  const all = [...skipped, ...taken];
  return all.length > MAX_STARTS ? undefined : all;
}

/** The literal starts of every match of `source`, or undefined when they cannot be told. */
export function leadingLiterals(source: string): string[] | undefined {
  const reader = new Reader(source);
  const alts = reader.alternatives();
  if (reader.pos < source.length) return undefined; // an unbalanced ")": do not guess
  const budget = { left: 200_000 };
  const out = new Set<string>();
  for (const alt of alts) {
    const found = starts(alt, 0, '', budget);
    if (found === undefined || found.includes('')) return undefined;
    for (const s of found) out.add(s);
    if (out.size > MAX_STARTS) return undefined;
  }
  return [...out];
}

/**
 * A test for "some word of the text starts with one of `literals`", keyed by the first letter so
 * a reply's dozen words each look at a handful of starts. The text is folded (` word word `).
 */
export function startsTest(literals: readonly string[]): (text: string) => boolean {
  const byFirst = new Map<string, string[]>();
  for (const literal of literals) {
    const key = literal.charAt(0);
    const list = byFirst.get(key) ?? [];
    list.push(literal);
    byFirst.set(key, list);
  }
  return (text) => {
    for (let at = text.indexOf(' '); at !== -1 && at < text.length - 1; at = text.indexOf(' ', at + 1)) {
      const list = byFirst.get(text.charAt(at + 1));
      if (list?.some((literal) => text.startsWith(literal, at + 1))) return true;
    }
    return false;
  };
}
