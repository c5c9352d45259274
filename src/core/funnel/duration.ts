/** Durations in the funnel file: a whole number and a unit, `90m`, `36h`, `2d`, `1w`. */
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/** Milliseconds, or undefined when the text is not a duration. */
export function parseDuration(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = /^\s*(\d{1,4})\s*([mhdw])\s*$/i.exec(text);
  if (m === null) return undefined;
  const n = Number(m[1]);
  if (n === 0) return undefined;
  return n * UNIT_MS[(m[2] ?? 'm').toLowerCase() as keyof typeof UNIT_MS];
}

/** The shortest exact spelling: 172800000 → `2d`. */
export function formatDuration(ms: number): string {
  for (const unit of ['w', 'd', 'h', 'm'] as const) {
    if (ms % UNIT_MS[unit] === 0) return `${ms / UNIT_MS[unit]}${unit}`;
  }
  return `${Math.round(ms / 60_000)}m`;
}
