/**
 * The run's one clock. With SMSFUNNEL_NOW set (validated in config) the run starts at that
 * instant and time then moves on as it does on the wall (its first reading is exactly the
 * instant set), so tests and demos step through days deterministically while a long `send`
 * still sees its contacts' windows close; otherwise it is the system clock. The core never asks
 * for the time: commands pass `clock.now()` in.
 */
export interface Clock {
  now(): Date;
}

export function makeClock(
  override: Date | undefined,
  elapsed: () => number = () => performance.now(),
): Clock {
  if (override !== undefined) {
    const fixed = override.getTime();
    let start: number | undefined;
    return {
      now: () => {
        start ??= elapsed();
        return new Date(fixed + Math.floor(elapsed() - start));
      },
    };
  }
  return { now: () => new Date() };
}
