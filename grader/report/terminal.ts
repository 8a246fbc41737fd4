import pc from 'picocolors';
import type { ExerciseResult, GradeResult, PropertyResult } from '../engine/result.ts';
import { formatNumber } from '../compare/format.ts';
import { sanitize } from './escape.ts';
import { diffNotes, labels, sandboxSummary } from './labels.ts';
import { typeErrorLines } from '../typecheck/render.ts';

export interface TerminalOptions {
  color: boolean;
  /** show passing properties too */
  verbose?: boolean;
}

const ICON = { pass: '✔', fail: '✘', error: '!', timeout: '⏱', skipped: '·' } as const;

/** Renders a result for a terminal. Pure: the caller writes the string. Student text is sanitised. */
export function renderTerminal(result: GradeResult, options: TerminalOptions): string {
  const c = pc.createColors(options.color);
  const L = labels(result.lang);
  const colorFor = (status: keyof typeof ICON): ((s: string) => string) =>
    status === 'pass' ? c.green : status === 'skipped' ? c.dim : status === 'fail' ? c.red : c.yellow;
  const lines: string[] = [];
  const sandbox = sandboxSummary(result, L);
  lines.push(c.bold(`dlgrade ${result.tool.version}`) + c.dim(` · ${L.seed} ${result.seed} · ${L.backend} ${result.backend} · ${L.sandbox}: ${sandbox}`));
  lines.push('');
  for (const exercise of result.exercises) {
    lines.push(...renderExercise(exercise, result, options, colorFor, c));
  }
  const pct = result.maxScore > 0 ? ` (${formatNumber((100 * result.score) / result.maxScore, 3)}%)` : '';
  lines.push(c.bold(`${L.total}: ${formatNumber(result.score)}/${formatNumber(result.maxScore)}${pct}`) + c.dim(` · ${L.gradedIn} ${(result.durationMs / 1000).toFixed(1)} s`));
  return lines.join('\n') + '\n';
}

function renderExercise(
  exercise: ExerciseResult,
  result: GradeResult,
  options: TerminalOptions,
  colorFor: (status: keyof typeof ICON) => (s: string) => string,
  c: ReturnType<typeof pc.createColors>,
): string[] {
  const L = labels(result.lang);
  const paint = colorFor(exercise.status);
  const lines = [`${paint(ICON[exercise.status])} ${c.bold(exercise.id)} ${c.dim('— ' + exercise.title)}  ${paint(`${formatNumber(exercise.score)}/${formatNumber(exercise.maxScore)}`)}`];
  // type errors first: the student reads them before anything that ran
  lines.push(...typeErrorLines(exercise, result.lang, { heading: c.yellow, dim: c.dim }));
  if (exercise.message) lines.push(indent(sanitize(exercise.message, 4000), 4, exercise.status === 'pass' ? c.dim : paint));
  if (exercise.location && exercise.status !== 'pass') lines.push(`    ${c.dim(`${L.where}: ${sanitize(exercise.location.file, 300)}:${exercise.location.line}`)}`);
  for (const property of exercise.properties) {
    if (property.status === 'pass' && !options.verbose) continue;
    if (property.status === 'skipped' && exercise.status !== 'fail' && !options.verbose) continue;
    lines.push(...renderProperty(property, result, colorFor, c));
  }
  if (exercise.output && exercise.status !== 'pass') {
    lines.push(`    ${c.dim(L.output + ':')}`);
    lines.push(indent(sanitize(exercise.output, 1500), 6, c.dim));
  }
  lines.push('');
  return lines;
}

function renderProperty(
  p: PropertyResult,
  result: GradeResult,
  colorFor: (status: keyof typeof ICON) => (s: string) => string,
  c: ReturnType<typeof pc.createColors>,
): string[] {
  const L = labels(result.lang);
  const paint = colorFor(p.status);
  const hidden = p.hidden ? c.dim(` [${L.hidden}]`) : '';
  const lines = [`  ${paint(ICON[p.status])} ${p.name}${hidden} ${c.dim(`(${formatNumber(p.points)} ${L.points})`)} ${c.dim('— ' + p.title)}`];
  if (p.status === 'pass') return lines;
  if (p.message) lines.push(indent(sanitize(p.message, 2000), 6));
  if (p.counterexample) lines.push(`      ${c.bold(L.counterexample + ':')} ${sanitize(p.counterexample, 1200)}`);
  if (p.expected !== undefined && p.received !== undefined && !p.diff) {
    lines.push(`      ${L.expected}: ${sanitize(p.expected, 600)}`);
    lines.push(`      ${L.received}: ${sanitize(p.received, 600)}`);
  }
  if (p.diff) {
    const notes = diffNotes(p.diff, L);
    lines.push(
      `      ${L.firstDiff} ${p.diff.index || '(valor)'}: ${L.expected.toLowerCase()} ${sanitize(p.diff.expected ?? '', 100)}, ${L.received.toLowerCase()} ${sanitize(p.diff.received ?? '', 100)}${notes.length > 0 ? c.dim(` (${notes.join('; ')})`) : ''}`,
    );
    if (p.expected !== undefined) lines.push(c.dim(`      ${L.expected}: ${sanitize(p.expected, 400)}`));
    if (p.received !== undefined) lines.push(c.dim(`      ${L.received}: ${sanitize(p.received, 400)}`));
  }
  if (p.hint) lines.push(`      ${c.cyan(L.hint + ':')} ${p.hint}`);
  if (p.explanation) lines.push(`      ${c.cyan(L.explanation + ':')} ${p.explanation}`);
  if (p.location) lines.push(`      ${c.dim(`${L.where}: ${sanitize(p.location.file, 300)}:${p.location.line}`)}`);
  if (p.command) lines.push(`      ${c.dim(L.reproduce + ':')} ${sanitize(p.command, 400)}`);
  return lines;
}

function indent(text: string, spaces: number, paint: (s: string) => string = (s) => s): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((line) => pad + paint(line))
    .join('\n');
}
