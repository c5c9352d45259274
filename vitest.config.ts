import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Forks, not threads: in-process command runs (test/helpers/in-process.ts) change the working
    // directory, which worker threads may not. One worker keeps its modules from file to file
    // (isolate: false): the whole suite took 177 s of CPU with a fresh module graph per file,
    // 140 s without (all 1,687 tests pass either way; a file that sets process.env restores it).
    pool: 'forks',
    isolate: false,
    // Vitest's default is one worker fewer than the cores: on two cores, one file at a time. The
    // slow files mostly wait on the processes they start or on the clock, so two run side by side.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
