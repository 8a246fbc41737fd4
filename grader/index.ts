/**
 * dlgrade's public API. Everything else under grader/ is internal and may change.
 */
export { gradeSubmission, type GradeOptions } from './engine/grade.ts';
export type * from './engine/result.ts';
export { loadCatalog } from './catalog/load.ts';
export { selectExercises } from './catalog/select.ts';
export type { Catalog, ExerciseDef, PropertyMeta, CatalogIssue } from './catalog/types.ts';
export { renderMarkdown } from './report/markdown.ts';
export { renderTerminal } from './report/terminal.ts';
export { DlgradeError, type ErrorCode } from './errors.ts';
