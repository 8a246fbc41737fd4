/**
 * The one result object of a grading run (schema: grader/schema/result.schema.json, version 1).
 * Everything the renderers and publishers need is here; they never recompute grades.
 * Strings marked "untrusted" may carry text chosen by student code.
 */
export type Lang = 'es' | 'en';
export type BackendName = 'tensorflow' | 'wasm' | 'cpu';
export type Audience = 'student' | 'instructor';

export type ExerciseStatus = 'pass' | 'fail' | 'error' | 'timeout';
export type PropertyStatus = ExerciseStatus | 'skipped';

export type ExerciseReason =
  | 'not-submitted'
  | 'compile-error'
  | 'missing-export'
  | 'crash'
  | 'out-of-memory'
  | 'timeout'
  | 'output-too-large'
  | 'grader-error'
  | 'tampered';

export interface Location {
  file: string;
  line: number;
  column?: number;
}

/** One finding of the TypeScript checker in the student's file. */
export interface TypeDiagnostic {
  file: string;
  line: number;
  column: number;
  /** TypeScript's code (TS2322 → 2322); 0 for dlgrade's own refusals */
  code: number;
  /** untrusted: quotes the student's code */
  message: string;
  /** a beginner's explanation of the commonest codes */
  explanation?: string;
}

export interface NumericDiff {
  /** first differing index, e.g. "[1][2][0]" or "" for a scalar */
  index: string;
  expected?: string;
  /** untrusted */
  received?: string;
  absError?: number | null;
  relError?: number | null;
  atol?: number;
  rtol?: number;
}

export interface PropertyResult {
  name: string;
  title: string;
  function?: string;
  hidden?: boolean;
  status: PropertyStatus;
  points: number;
  score: number;
  /** untrusted (may quote a student's error message) */
  message?: string;
  hint?: string;
  /** the longer explanation (instructor audience or --explain only) */
  explanation?: string;
  /** the shrunk counterexample, pretty-printed */
  counterexample?: string;
  expected?: string;
  /** untrusted */
  received?: string;
  diff?: NumericDiff;
  seed?: number;
  path?: string;
  numRuns?: number;
  numShrinks?: number;
  /** the exact command that reproduces this property locally */
  command?: string;
  location?: Location;
  durationMs?: number;
}

export interface ExerciseResult {
  /** `<chapter>/<exercise>`, e.g. `ch07-convolution/conv2d` */
  id: string;
  title: string;
  /** the student's file, relative to the repository root */
  file: string;
  status: ExerciseStatus;
  reason?: ExerciseReason;
  /** untrusted (compile errors quote student code) */
  message?: string;
  location?: Location;
  score: number;
  maxScore: number;
  durationMs?: number;
  /** untrusted: the student process's stdout/stderr, capped */
  output?: string;
  /** TypeScript's errors in the student's file, reported beside the results (they do not block grading) */
  typeErrors?: TypeDiagnostic[];
  properties: PropertyResult[];
}

export interface SandboxInfo {
  process: 'separate';
  network: 'isolated' | 'not-isolated';
  filesystem: 'permission-model' | 'not-restricted';
}

export interface GradeResult {
  schemaVersion: 1;
  tool: { name: 'dlgrade'; version: string };
  lang: Lang;
  seed: number;
  runs: number;
  backend: BackendName;
  audience: Audience;
  submission?: string;
  commit?: string;
  startedAt?: string;
  durationMs: number;
  sandbox: SandboxInfo;
  score: number;
  maxScore: number;
  exercises: ExerciseResult[];
}
