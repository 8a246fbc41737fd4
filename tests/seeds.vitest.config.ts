/** `npm run test:seeds`: the catalog's fixtures, solutions and variants at five more seeds (slow). */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/engine/seeds.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 300_000,
    env: { DLGRADE_TEST_SEEDS: '1234,98765,31337,4242,20261201' },
  },
});
