/**
 * Moved to test/helpers/world.ts, the one test world (issue #15): this path stays so that tests
 * written against it keep working. New tests import test/helpers/world.ts.
 */
import type { ChildProcess } from 'node:child_process';
import {
  makeWorld as make,
  type World as OneWorld,
  type RunOptions,
  type WorldOptions,
} from '../helpers/world.js';

export * from '../helpers/world.js';

export interface World extends OneWorld {
  /** the binary's child process, to kill it mid-run (new tests: `start`) */
  spawn(args: string[], options?: RunOptions): ChildProcess;
}

export async function makeWorld(options: WorldOptions = {}): Promise<World> {
  const world = await make(options);
  return Object.assign(world, { spawn: (args: string[], o?: RunOptions) => world.start(args, o).child });
}
