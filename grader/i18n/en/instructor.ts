import type { InstructorMessages } from '../es/instructor.ts';

export const instructor: InstructorMessages = {
  regradeInterrupted: 'regrade interrupted: the results already written are kept; run the same command again to continue.',
  verifySummary: (backend, ok, total, failing) => `verify (${backend} + cpu): ${ok} of ${total} ${total === 1 ? 'exercise passes' : 'exercises pass'}${failing.length > 0 ? `; failing: ${failing.join(', ')}` : ''}`,
};
