import type { CatalogIssueMessages } from '../i18n/es/catalog-issues.ts';
import type { Tolerance } from '../compare/numeric.ts';
import type { Text } from '../spec/text.ts';
import type { Difficulty } from './points.ts';

export interface ExportDecl {
  name: string;
  signature: string;
}

export type PropertyRole = 'primary' | 'invariant' | 'hygiene';

export interface PropertyMeta {
  name: string;
  title: Text;
  function: string;
  /** whole points it earns (the exercise's total split by role), or as declared without an exercise total */
  points: number;
  /** the `points` exercise.yaml declares: a relative weight inside its role when the exercise has a total */
  weight?: number;
  hidden: boolean;
  /** earns points only when a primary property of the same exercise passes */
  secondary: boolean;
  /** what it checks: the result itself (primary), a relation (invariant), hygiene (no-mutation, shape) */
  role: PropertyRole;
  /**
   * Properties that must pass before this one is checked (resolved: the declared list, or the
   * role's default). Otherwise it is reported as not checked and scores 0.
   */
  requires: string[];
  runs?: number;
  tolerance: Tolerance;
  hint: Text;
  /** the derivation: shown to instructors, or with --explain */
  explanation?: Text;
}

/** A worked example: the call a statement shows and its exact result (checked against the solution). */
export interface ExampleDecl {
  function: string;
  args: unknown[];
  result: unknown;
  tolerance: Tolerance;
}

export interface ExerciseLimits {
  timeMs: number;
  callTimeMs: number;
  memoryMb: number;
}

/** An edge case the statement specifies: the spec runs it on every grading (`examples`). */
export interface EdgeCase {
  id: string;
  text: Text;
}

/** A surviving mutant of the solution that is equivalent under the contract (`verify --mutation`). */
export interface EquivalentMutant {
  line: number;
  mutator?: string;
  original: string;
  replacement: string;
  reason: string;
}

/** One exercise as discovered and validated by the catalog. Nothing here is imported yet. */
export interface ExerciseDef {
  /** `<chapter>/<exercise>` */
  id: string;
  chapter: string;
  name: string;
  /** absolute path of the exercise folder */
  dir: string;
  /** the stub's file name, e.g. conv2d.ts (the only file taken from a submission) */
  file: string;
  title: Text;
  summary: Text;
  /** the book sections it follows (exercise.yaml `book`, e.g. "7.3"; empty when not declared) */
  book: string[];
  /** how hard it is (exercise.yaml `difficulty`): gives its total */
  difficulty?: Difficulty;
  /** the exercise's total (exercise.yaml `points`), split over its properties by role */
  points?: number;
  /** the properties that check only the forward pass of an exercise about a backward pass */
  forward?: string[];
  exports: ExportDecl[];
  runs?: number;
  limits: ExerciseLimits;
  properties: PropertyMeta[];
  /** worked examples shown in both statements (empty for an exercise not yet converted) */
  examples: ExampleDecl[];
  /** the statement's edge cases (exercise.yaml `edgeCases`, default none) */
  edgeCases: EdgeCase[];
  /** recorded equivalent mutants (exercise.yaml `equivalentMutants`, default none) */
  equivalentMutants: EquivalentMutant[];
  /** absolute paths */
  specPath: string;
  referencePath: string;
  solutionPath: string;
  statementPaths: { es: string; en: string };
  /** the stub's text, where the stub file is not on disk (a grader bundle embeds it) */
  stubSource?: string;
  /**
   * How to load the spec's module (a self-contained grader bundle embeds it: its own `import()`,
   * run only when the exercise is graded). When set, the engine uses it instead of importing
   * specPath.
   */
  loadSpec?: () => Promise<{ default?: unknown }>;
  /** How to load the reference module (embedded in a grader bundle beside the spec). */
  loadReference?: () => Promise<Record<string, unknown>>;
}

export interface ChapterDef {
  /** folder name, e.g. ch07-convolution */
  id: string;
  number: number;
  title: Text;
  /** the chapter's exercise names in teaching order (chapter.yaml `order`), when declared */
  order?: string[];
  /** the book sections its exercises follow (chapter.yaml `sections`, e.g. "7.1"), when declared */
  sections?: string[];
}

/** A problem found while loading the catalog: the file, the field, what is wrong. */
/** A message of the `catalogIssues` area of grader/i18n. */
export type CatalogIssueCode = keyof CatalogIssueMessages;

/** One problem of the catalog; its message is rendered in the reader's language (issues.ts: issueMessage). */
export interface CatalogIssue {
  file: string;
  field: string;
  code: CatalogIssueCode;
  /** the message's arguments (JSON: the catalog is cached on disk) */
  params: (string | number | string[])[];
}

export interface Catalog {
  root: string;
  chapters: ChapterDef[];
  exercises: ExerciseDef[];
  issues: CatalogIssue[];
}
