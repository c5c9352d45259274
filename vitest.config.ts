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
    // slow files mostly wait on the processes they start, so two run side by side (with the
    // 2,000-contact simulation, npm test takes 2 min 50 s on one worker, 1 min 50 s on two).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
