/**
 * The per-exercise fixture corpus (tests/fixtures/buggy, tests/fixtures/variants). The logic lives
 * in grader/verify/fixtures.ts, which `dlgrade verify` uses; this re-export keeps the tests and
 * tests/tools/try-exercise.ts as they were.
 */
export { FIXTURES_DIR, buggyFixtures, stubSubmission, submissionWith, variantFixtures, type BuggyFixture } from '../../grader/verify/fixtures.ts';
