import { untrustedFence } from '../report/escape.ts';
import type { Block, ExerciseFeedback, FeedbackModel } from './feedback-model.ts';

/** How much detail a rendering keeps; `FIT_LEVELS` go from everything to the bare minimum. */
export interface DetailLevel {
  passing: boolean;
  /** characters kept of each untrusted block, by importance (1 most important); 0 drops the block */
  blockMax: [number, number, number];
  /** failing properties shown per exercise */
  propertiesPerExercise: number;
  /** exercise sections (headings, messages) */
  exerciseSections: boolean;
  /** table rows kept */
  rows: number;
}

export const FIT_LEVELS: DetailLevel[] = [
  { passing: true, blockMax: [4000, 4000, 4000], propertiesPerExercise: Infinity, exerciseSections: true, rows: Infinity },
  { passing: false, blockMax: [4000, 4000, 4000], propertiesPerExercise: Infinity, exerciseSections: true, rows: Infinity },
  { passing: false, blockMax: [2000, 600, 300], propertiesPerExercise: Infinity, exerciseSections: true, rows: Infinity },
  { passing: false, blockMax: [600, 200, 0], propertiesPerExercise: 5, exerciseSections: true, rows: Infinity },
  { passing: false, blockMax: [300, 0, 0], propertiesPerExercise: 1, exerciseSections: true, rows: Infinity },
  { passing: false, blockMax: [0, 0, 0], propertiesPerExercise: 0, exerciseSections: false, rows: Infinity },
  { passing: false, blockMax: [0, 0, 0], propertiesPerExercise: 0, exerciseSections: false, rows: 100 },
  { passing: false, blockMax: [0, 0, 0], propertiesPerExercise: 0, exerciseSections: false, rows: 0 },
];

function blocks(list: Block[], level: DetailLevel, details = 'Details'): string[] {
  const shown: string[] = [];
  const folded: string[] = [];
  for (const block of list) {
    const max = level.blockMax[block.importance - 1] ?? 0;
    if (max <= 0 || block.text === '') continue;
    (block.folded === true ? folded : shown).push(`**${block.label}:**`, '', untrustedFence(block.text, { lang: block.lang, max }), '');
  }
  // supporting detail (expected, received, code, reproduce) folded under the diagnosis
  if (folded.length > 0) shown.push(`<details><summary>${details}</summary>`, '', ...folded, '</details>', '');
  return shown;
}

function exerciseSection(exercise: ExerciseFeedback, level: DetailLevel, details: string): { lines: string[]; omitted: number } {
  const interesting = exercise.failing.length > 0 || exercise.blocks.length > 0;
  if (!interesting && !level.passing) return { lines: [], omitted: 0 };
  const lines = [`### ${exercise.heading}`, '', ...exercise.lines.flatMap((l) => [l, '']), ...blocks(exercise.blocks, level)];
  const shown = exercise.failing.slice(0, level.propertiesPerExercise);
  for (const property of shown) {
    lines.push(`#### ${property.heading}`, '', ...property.lines.flatMap((l) => [l, '']), ...blocks(property.blocks, level, details));
  }
  if (level.passing && exercise.passing.length > 0) lines.push(...exercise.passing.map((p) => `- ${p}`), '');
  return { lines, omitted: exercise.failing.length - shown.length };
}

/** Renders the feedback at one detail level (pure). `marker`, when given, is the very first line. */
export function renderFeedback(model: FeedbackModel, level: DetailLevel, opts: { marker?: string; notes?: string[] } = {}): string {
  const m = model.m;
  const lines: string[] = [];
  if (opts.marker !== undefined) lines.push(opts.marker);
  lines.push(model.scoreLine, '');
  const rows = model.rows.slice(0, level.rows);
  if (rows.length > 0) {
    lines.push(`| ${model.tableHeader.join(' | ')} |`, '| --- | --- | ---: |', ...rows.map((r) => `| ${r.join(' | ')} |`), '');
  }
  let omitted = model.rows.length - rows.length;
  if (level.exerciseSections) {
    const sections = model.exercises.map((e) => exerciseSection(e, level, m.details));
    const body = sections.flatMap((s) => s.lines);
    omitted += sections.reduce((acc, s) => acc + s.omitted, 0);
    if (body.length > 0) lines.push(`### ${m.failures}`, '', ...body);
  }
  const truncated = level !== FIT_LEVELS[0] && (omitted > 0 || level !== FIT_LEVELS[1]);
  if (omitted > 0) lines.push(`_${m.detailsOmitted(omitted)}_`, '');
  if (truncated) lines.push(`_${m.truncated}_`, '');
  for (const note of opts.notes ?? []) lines.push(note, '');
  lines.push(...model.footer);
  return lines.join('\n') + '\n';
}

export interface FitLimits {
  /** characters (GitHub's comment limit counts characters) */
  maxChars: number;
  /** UTF-8 bytes (the job summary limit is 1 MiB) */
  maxBytes?: number;
}

function fits(text: string, limits: FitLimits): boolean {
  return text.length <= limits.maxChars && (limits.maxBytes === undefined || Buffer.byteLength(text, 'utf8') <= limits.maxBytes);
}

/**
 * The most detailed rendering within the limits: passing details go first, then long blocks
 * (counterexamples before messages), then per-property sections, then table rows. The marker and
 * the score line are always kept; as a last resort the text is cut at a line boundary.
 */
export function renderFeedbackWithin(model: FeedbackModel, limits: FitLimits, opts: { marker?: string; notes?: string[] } = {}): { text: string; level: number } {
  for (const [index, level] of FIT_LEVELS.entries()) {
    const text = renderFeedback(model, level, opts);
    if (fits(text, limits)) return { text, level: index };
  }
  const head = [opts.marker, model.scoreLine, '', `_${model.m.truncated}_`, ''].filter((l): l is string => l !== undefined).join('\n') + '\n';
  return { text: head, level: FIT_LEVELS.length };
}
