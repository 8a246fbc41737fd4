/**
 * A submission whose every export returns the same constant (grader/verify/constant.ts, which
 * `dlgrade verify` uses for one exercise; this re-export keeps tests/engine/constant.test.ts as it was).
 */
export { CONSTANT_ANSWERS, constantSource, constantSubmission } from '../../grader/verify/constant.ts';
