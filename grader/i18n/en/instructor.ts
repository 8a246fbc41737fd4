import type { InstructorMessages } from '../es/instructor.ts';

export const instructor: InstructorMessages = {
  provision: {
    headingApply: 'dlgrade provision (--apply):',
    headingDryRun: 'dlgrade provision (dry run: nothing was created; use --apply to run it):',
    state: { created: 'created', existed: 'already existed', planned: 'will be created', failed: 'failed' },
    total: (n, created, existed, planned, failed) => `Total: ${n} students · ${created} created · ${existed} already existed · ${planned} to create · ${failed} with errors`,
  },
  collect: {
    late: (count, last) => ` · ${count === 1 ? '1 late push' : `${count} late pushes`}, the last at ${last}`,
    noSubmission: 'no submission before the deadline',
    error: (errors) => `error: ${errors}`,
    total: (n, collected, none, failed) => `Total: ${n} · ${collected} collected · ${none} without a submission · ${failed} with errors`,
  },
  rosterRowSkipped: 'row skipped',
  regradeInterrupted: 'regrade interrupted: the results already written are kept; run the same command again to continue.',
  verifySummary: (backend, ok, total, failing) => `verify (${backend} + cpu): ${ok} of ${total} ${total === 1 ? 'exercise passes' : 'exercises pass'}${failing.length > 0 ? `; failing: ${failing.join(', ')}` : ''}`,
};
