import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: on two cores, one file at a time. The
    // slow files mostly wait on the processes they start, so two run side by side (npm test took
    // 4 min with the 2,000-contact simulation alone on one worker, 2 min 10 s on two).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
