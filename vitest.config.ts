import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'grader/**/*.test.ts', 'reference/**/*.test.ts'],
    // grading spawns student processes; two cores are shared by the pool and the sandboxes
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
