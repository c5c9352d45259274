/**
 * Moved to test/helpers/world.ts, the one test world (issue #15): `Workspace.start(now)` is
 * `faultWorld(now)` there. This path stays so that tests written against it keep working.
 */
import { faultWorld, type World } from '../helpers/world.js';
import { GOOD_PASSWORD } from '../summary/smtp-catcher.js';

export * from '../helpers/world.js';

/** the password the test SMTP server accepts (test/summary/smtp-catcher.ts) */
export const CANARY_SMTP_PASSWORD = GOOD_PASSWORD;

export interface Workspace extends World {
  setNow(now: Date): void;
}

export const Workspace = {
  async start(now = new Date('2026-12-01T15:00:00Z')): Promise<Workspace> {
    const world = await faultWorld(now);
    return Object.assign(world, { setNow: (d: Date) => world.at(d) });
  },
};
