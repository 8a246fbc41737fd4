import type { Tolerance } from '../compare/numeric.ts';
import type { Text } from '../spec/text.ts';

export interface ExportDecl {
  name: string;
  signature: string;
}

export interface PropertyMeta {
  name: string;
  title: Text;
  function: string;
  points: number;
  hidden: boolean;
  /** earns points only when a primary property of the same exercise passes */
  secondary: boolean;
  runs?: number;
  tolerance: Tolerance;
  hint: Text;
  /** the derivation: shown to instructors, or with --explain */
  explanation?: Text;
}

export interface ExerciseLimits {
  timeMs: number;
  callTimeMs: number;
  memoryMb: number;
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
  exports: ExportDecl[];
  runs?: number;
  limits: ExerciseLimits;
  properties: PropertyMeta[];
  /** absolute paths */
  specPath: string;
  referencePath: string;
  solutionPath: string;
  statementPaths: { es: string; en: string };
  /** the stub's text, where the stub file is not on disk (a grader bundle embeds it) */
  stubSource?: string;
  /**
   * The spec's properties, already loaded (a self-contained grader bundle embeds them). When set,
   * the engine uses it instead of importing specPath.
   */
  spec?: unknown;
}

export interface ChapterDef {
  /** folder name, e.g. ch07-convolution */
  id: string;
  number: number;
  title: Text;
}

/** A problem found while loading the catalog: the file, the field, what is wrong. */
export interface CatalogIssue {
  file: string;
  field: string;
  message: string;
}

export interface Catalog {
  root: string;
  chapters: ChapterDef[];
  exercises: ExerciseDef[];
  issues: CatalogIssue[];
}
