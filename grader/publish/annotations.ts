import type { ExerciseResult, GradeResult, Location, PropertyResult } from '../engine/result.ts';
import { plainText, repoRelativePath } from '../report/escape.ts';
import { messages } from './messages.ts';

/** A check-run annotation, in the shape of GitHub's `output.annotations[]`. */
export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  title: string;
  message: string;
  raw_details?: string;
}

/** GitHub accepts at most 50 annotations per check-run request. */
export const ANNOTATIONS_PER_REQUEST = 50;

/** A repository-relative path with no `..`, no absolute prefix and no odd characters; else undefined. */
export function safeRepoPath(path: string): string | undefined {
  return repoRelativePath(path);
}

function locate(location: Location | undefined, exercise: ExerciseResult): { path: string; line: number } | undefined {
  const fromLocation = location === undefined ? undefined : safeRepoPath(location.file);
  if (location !== undefined && fromLocation !== undefined) return { path: fromLocation, line: location.line };
  const file = safeRepoPath(exercise.file);
  return file === undefined ? undefined : { path: file, line: 1 };
}

function propertyAnnotation(exercise: ExerciseResult, property: PropertyResult): Annotation | undefined {
  if (property.status === 'pass' || property.status === 'skipped') return undefined;
  const at = locate(property.hidden === true ? undefined : property.location, exercise);
  if (at === undefined) return undefined;
  const title = property.hidden === true ? exercise.id : `${exercise.id} › ${property.name}${property.function === undefined ? '' : ` (${property.function})`}`;
  const message = property.hidden === true ? property.status : [property.title, property.message].filter(Boolean).join('\n');
  const details = property.hidden === true ? [] : [property.counterexample && `counterexample:\n${property.counterexample}`, property.command && `reproduce: ${property.command}`].filter(Boolean);
  const annotation: Annotation = {
    path: at.path,
    start_line: at.line,
    end_line: at.line,
    annotation_level: property.status === 'fail' ? 'failure' : 'warning',
    title: plainText(title, 255, { foldNewlines: true }),
    message: plainText(message, 2000),
  };
  if (details.length > 0) annotation.raw_details = plainText(details.join('\n'), 4000);
  return annotation;
}

function exerciseAnnotation(exercise: ExerciseResult, lang: GradeResult['lang']): Annotation | undefined {
  if (exercise.status === 'pass' || exercise.reason === undefined) return undefined;
  const at = locate(exercise.location, exercise);
  if (at === undefined) return undefined;
  const level = exercise.reason === 'not-submitted' ? 'notice' : exercise.reason === 'grader-error' ? 'warning' : 'failure';
  return {
    path: at.path,
    start_line: at.line,
    end_line: at.line,
    annotation_level: level,
    title: plainText(`${exercise.id}: ${messages(lang).reason[exercise.reason]}`, 255, { foldNewlines: true }),
    message: plainText(exercise.message ?? exercise.title, 2000),
  };
}

/** Annotations at the function that failed (pure), in report order. */
export function collectAnnotations(result: GradeResult, lang = result.lang): Annotation[] {
  return result.exercises.flatMap((exercise) =>
    [exerciseAnnotation(exercise, lang), ...exercise.properties.map((p) => propertyAnnotation(exercise, p))].filter((a): a is Annotation => a !== undefined),
  );
}

/** Splits into request-sized batches; no annotations is one empty batch (one request carries the output). */
export function batchAnnotations(annotations: Annotation[], size = ANNOTATIONS_PER_REQUEST): Annotation[][] {
  if (annotations.length === 0) return [[]];
  const batches: Annotation[][] = [];
  for (let i = 0; i < annotations.length; i += size) batches.push(annotations.slice(i, i + size));
  return batches;
}
