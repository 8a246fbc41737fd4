/**
 * The error collect records for a student with nothing to grade. Regrade copies collect's errors
 * into the result file, and the gradebook recognises this one as «sin entrega» (not an error, not 0).
 */
export const NO_SUBMISSION = 'collect: no-submission';
