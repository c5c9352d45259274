/**
 * The run's one clock. With SMSFUNNEL_NOW set (validated in config) time stands still at that
 * instant for the whole run, so tests and demos step through days deterministically; otherwise
 * it is the system clock. The core never asks for the time: commands pass `clock.now()` in.
 */
export interface Clock {
  now(): Date;
}

export function makeClock(override: Date | undefined): Clock {
  if (override !== undefined) {
    const fixed = override.getTime();
    return { now: () => new Date(fixed) };
  }
  return { now: () => new Date() };
}
