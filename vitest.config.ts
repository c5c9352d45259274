import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: on two cores, one file at a time. The
    // slow files mostly wait on the processes they start, so two run side by side (with the
    // 2,000-contact simulation, npm test takes 2 min 50 s on one worker, 1 min 50 s on two).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
