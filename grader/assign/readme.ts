import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExerciseDef } from '../catalog/types.ts';
import type { Lang } from '../engine/result.ts';
import { TEMPLATES_DIR } from '../paths.ts';

export interface ReadmeView {
  es: boolean;
  title: string;
  exerciseCount: number;
  plural: boolean;
  points: number;
  nodeVersion: number;
  firstId: string;
  exercises: { id: string; title: string; file: string; points: number; statement: string }[];
}

/** Public points of an exercise (hidden properties are not the student's to see). */
export function publicPoints(def: ExerciseDef): number {
  return def.properties.filter((p) => !p.hidden).reduce((s, p) => s + p.points, 0);
}

/** A statement under the README's own title: every heading one level deeper. */
export function demoteHeadings(markdown: string): string {
  let fenced = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
      return !fenced && /^#{1,5} /.test(line) ? `#${line}` : line;
    })
    .join('\n')
    .trimEnd();
}

/** The view-model of the assignment README (pure: statements are passed in). */
export function readmeView(options: { title: string; lang: Lang; exercises: readonly ExerciseDef[]; statements: readonly string[]; nodeVersion?: number }): ReadmeView {
  const exercises = options.exercises.map((def, i) => ({
    id: def.id,
    title: def.title[options.lang],
    file: `exercises/${def.chapter}/${def.name}/${def.file}`,
    points: publicPoints(def),
    statement: demoteHeadings(options.statements[i] ?? ''),
  }));
  return {
    es: options.lang === 'es',
    title: options.title,
    exerciseCount: exercises.length,
    plural: exercises.length !== 1,
    points: exercises.reduce((s, e) => s + e.points, 0),
    nodeVersion: options.nodeVersion ?? 20,
    firstId: exercises[0]?.id ?? '',
    exercises,
  };
}

let template: HandlebarsTemplateDelegate<ReadmeView> | undefined;

/** Renders templates/assignment/README.md.hbs. */
export function renderReadme(view: ReadmeView): string {
  template ??= Handlebars.create().compile<ReadmeView>(readFileSync(join(TEMPLATES_DIR, 'assignment', 'README.md.hbs'), 'utf8'), { noEscape: true, strict: true });
  return template(view).replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
