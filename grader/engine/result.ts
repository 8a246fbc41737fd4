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
  /** the function this location is in (a timeout names the function that was running) */
  function?: string;
  /** untrusted: a few lines of the student's file around `line` */
  frame?: { line: number; text: string }[];
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
  /** what differs: a value (the numbers above), a non-finite value, or the type, shape or keys */
  kind?: 'type' | 'shape' | 'value' | 'non-finite' | 'missing-key';
  /** e.g. "2×3" or "number" */
  expectedShape?: string;
  /** untrusted */
  receivedShape?: string;
}

export interface PropertyResult {
  name: string;
  title: string;
  function?: string;
  hidden?: boolean;
  role?: 'primary' | 'invariant' | 'hygiene';
  status: PropertyStatus;
  /** the function threw the stub's "not implemented" error: not started yet */
  notImplemented?: boolean;
  /** not checked (status skipped, score 0) because these prerequisites did not pass */
  blockedBy?: string[];
  /** the failing call as one line of TypeScript, e.g. `conv2d(input, kernel, { stride: 1 })` */
  call?: string;
  points: number;
  score: number;
  /** untrusted (may quote a student's error message) */
  message?: string;
  hint?: string;
  /** the longer explanation (instructor audience or --explain only) */
  explanation?: string;
  /** the shrunk counterexample: the failing call's arguments as TypeScript declarations, then the call */
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

/** How the student process was contained: bubblewrap (all walls), unshare (some), or a plain process. */
export type SandboxMechanism = 'bubblewrap' | 'unshare' | 'process';
export type WallState = 'isolated' | 'not-isolated';

/**
 * Each wall of the sandbox, stated separately:
 * - processes: the student sees and signals no process of the host (own PID namespace, own session);
 * - filesystem: the student sees no host file but Node and its own read-only folder;
 * - network: no network interface but its own loopback (own network namespace, abstract sockets included);
 * - sockets: no host Unix socket reachable by path (docker.sock, D-Bus, the runner's own).
 */
export interface SandboxWalls {
  processes: WallState;
  filesystem: WallState;
  network: WallState;
  sockets: WallState;
}

export interface SandboxInfo {
  process: 'separate';
  mechanism: SandboxMechanism;
  walls: SandboxWalls;
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
