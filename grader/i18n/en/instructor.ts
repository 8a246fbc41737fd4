import type { InstructorMessages } from '../es/instructor.ts';

export const instructor: InstructorMessages = {
  regradeInterrupted: 'regrade interrupted: the results already written are kept; run the same command again to continue.',
  verifySummary: (backend, ok, total, failing) => `verify (${backend} + cpu): ${ok} of ${total} ${total === 1 ? 'exercise passes' : 'exercises pass'}${failing.length > 0 ? `; failing: ${failing.join(', ')}` : ''}`,
  regradeSummary: (total, graded, skipped, noSubmission, errors) =>
    `regrade: ${total === 1 ? '1 student' : `${total} students`}: ${graded} graded, ${skipped} skipped (already graded), ${noSubmission} with no submission, ${errors} with an error\n`,
  regradeNoSubmission: (users) => `no submission (nothing to grade: neither an error nor a 0): ${users.join(', ')}\n`,
  regradeTampered: (users) => `protected files changed: ${users.join(', ')}\n`,
  regradeGraderErrors: (users) => `grader errors (not the students' fault; retried on the next run): ${users.join(', ')}\n`,
  regradeWeakSandbox: (mechanism, missing) => `WARNING: graded with an incomplete sandbox (${mechanism}; missing: ${missing.join(', ')}), recorded in every result\n`,
  regradeStudentError: (user, errors) => `error ${user}: ${errors.join('; ')}\n`,
  mutationSummary: (survivors) =>
    survivors === 0
      ? 'verify --mutation: no surviving mutant outside equivalentMutants'
      : `verify --mutation: ${survivors === 1 ? '1 surviving mutant' : `${survivors} surviving mutants`}: strengthen the properties, or record an equivalent one in exercise.yaml equivalentMutants with its reason`,
};
