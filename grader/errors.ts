/**
 * Errors the grader itself raises (never a student's failure: those are results).
 * Each carries a stable code, the file and value involved where there is one, and the fix.
 */
export type ErrorCode =
  | 'E_CATALOG'
  | 'E_EXERCISE_UNKNOWN'
  | 'E_SUBMISSION_DIR'
  | 'E_OPTION'
  | 'E_BACKEND'
  | 'E_RESULT_INVALID'
  | 'E_IO'
  | 'E_GITHUB'
  | 'E_CONFIG'
  | 'E_ROSTER'
  | 'E_GIT'
  | 'E_SANDBOX'
  | 'E_INTERNAL';

export interface DlgradeErrorOptions {
  code: ErrorCode;
  /** what went wrong, naming the value */
  message: string;
  /** how to fix it */
  fix?: string;
  file?: string;
  cause?: unknown;
}

export class DlgradeError extends Error {
  readonly code: ErrorCode;
  readonly fix: string | undefined;
  readonly file: string | undefined;

  constructor(options: DlgradeErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DlgradeError';
    this.code = options.code;
    this.fix = options.fix;
    this.file = options.file;
  }
}

/** A readable description of anything thrown, without trusting its shape. */
export function describeThrown(thrown: unknown): string {
  if (thrown instanceof Error) return `${thrown.name}: ${thrown.message}`;
  if (typeof thrown === 'string') return thrown;
  try {
    return String(thrown);
  } catch {
    return Object.prototype.toString.call(thrown);
  }
}
