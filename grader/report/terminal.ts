import { pc } from './picocolors.ts';
import { caretPad } from './caret.ts';
import type { ExerciseResult, GradeResult, Lang, Location, PropertyResult } from '../engine/result.ts';
import { formatNumber } from '../compare/format.ts';
import { digestExercise, nextAction, summarise, timedOutProperty } from './digest.ts';
import { sanitize } from './escape.ts';
import { typeErrorLines } from '../typecheck/render.ts';
import { diffNotes, fill, labels, sandboxSummary, type Labels } from './labels.ts';

export interface TerminalOptions {
  color: boolean;
  /** every property in full, passing ones too (default: the diagnosis of each exercise only) */
  verbose?: boolean;
}

const ICON = { pass: '✔', fail: '✘', error: '!', timeout: '⏱', skipped: '·' } as const;
type Colors = ReturnType<typeof pc.createColors>;
type Paint = (s: string) => string;

/**
 * Renders a result for a terminal. Pure: the caller writes the string. Student text is sanitised.
 * Short by default: a line per passing exercise; per failing exercise its most fundamental failing
 * property in full and the others in a line each; a summary with what to run next.
 */
export function renderTerminal(result: GradeResult, options: TerminalOptions): string {
  const c = pc.createColors(options.color);
  const L = labels(result.lang);
  const lines: string[] = [];
  lines.push(c.bold(`dlgrade ${result.tool.version}`) + c.dim(` · ${L.seed} ${result.seed} · ${L.backend} ${result.backend} · ${L.sandbox}: ${sandboxSummary(result, L)}`));
  lines.push('');
  for (const exercise of result.exercises) lines.push(...renderExercise(exercise, L, c, options.verbose === true, result.lang));
  if (lines.at(-1) !== '') lines.push('');
  lines.push(...renderSummary(result, L, c));
  return lines.join('\n') + '\n';
}

function colorFor(c: Colors, status: keyof typeof ICON): Paint {
  return status === 'pass' ? c.green : status === 'skipped' ? c.dim : status === 'fail' ? c.red : c.yellow;
}

function points(n: number, L: Labels): string {
  return L.pointsOf(formatNumber(n));
}

function renderExercise(exercise: ExerciseResult, L: Labels, c: Colors, verbose: boolean, lang: Lang): string[] {
  const paint = colorFor(c, exercise.status);
  const head = `${paint(ICON[exercise.status])} ${c.bold(exercise.id)} ${c.dim('— ' + exercise.title)}  ${paint(`${formatNumber(exercise.score)}/${formatNumber(exercise.maxScore)}`)}`;
  // type errors first: the student reads them before anything that ran (a passing exercise shows them too)
  const typeErrors = typeErrorLines(exercise, lang, { heading: c.yellow, dim: c.dim });
  if (exercise.status === 'pass' && !verbose) return [head, ...typeErrors];
  const lines = [head, ...typeErrors];
  if (exercise.message) lines.push(indent(sanitize(exercise.message, 4000), 4, exercise.status === 'pass' ? c.dim : paint));
  if (exercise.location && exercise.status !== 'pass') lines.push(...renderWhere(exercise.location, L, c, 4));
  // a timeout: the function that was running
  const hung = timedOutProperty(exercise);
  if (hung?.location && !exercise.location && !verbose) lines.push(...renderWhere(hung.location, L, c, 4));
  const digest = digestExercise(exercise);
  if (verbose) {
    for (const p of exercise.properties) {
      if (p.status === 'pass') lines.push(`  ${c.green(ICON.pass)} ${p.name} ${c.dim(`(${points(p.points, L)}) — ${p.title}`)}`);
      else if (p.status === 'skipped') lines.push(oneLine(p, L, c));
      else lines.push(...renderFull(p, L, c));
    }
  } else if (!exercise.message) {
    if (digest.notStarted && digest.first) {
      // an untouched stub: what to start with, nothing to diagnose yet
      const at = digest.first.location ? ` (${sanitize(digest.first.location.file, 300)}:${digest.first.location.line})` : '';
      lines.push(`    ${paint(sanitize(digest.first.message ?? '', 400))}${c.dim(at)}`);
    } else {
      if (digest.first) lines.push(...renderFull(digest.first, L, c));
      for (const p of digest.others) lines.push(oneLine(p, L, c));
    }
    if (digest.blocked.length > 0) {
      lines.push(c.dim(`  ${ICON.skipped} ${fill(L.notCheckedCount, { n: digest.blocked.length })}: ${digest.blocked.map((p) => p.name).join(', ')}`));
    }
  }
  if (exercise.output && exercise.status !== 'pass') {
    lines.push(`    ${c.dim(L.output + ':')}`);
    lines.push(indent(sanitize(exercise.output, verbose ? 1500 : 600), 6, c.dim));
  }
  lines.push('');
  return lines;
}

/** One line: icon, name, points and why (its message's first line, or its title). */
function oneLine(p: PropertyResult, L: Labels, c: Colors): string {
  const paint = colorFor(c, p.status);
  const hidden = p.hidden ? c.dim(` [${L.hidden}]`) : '';
  const why = p.message ? sanitize(p.message.split('\n')[0]!, 200) : p.title;
  return `  ${paint(ICON[p.status])} ${p.name}${hidden} ${c.dim(`(${points(p.points, L)}) — ${why}`)}`;
}

/** A failing property in full: what failed, the call, the first difference, the hint, where, how to rerun. */
function renderFull(p: PropertyResult, L: Labels, c: Colors): string[] {
  const paint = colorFor(c, p.status);
  const hidden = p.hidden ? c.dim(` [${L.hidden}]`) : '';
  const lines = [`  ${paint(ICON[p.status])} ${c.bold(p.name)}${hidden} ${c.dim(`(${points(p.points, L)}) — ${p.title}`)}`];
  if (p.message) lines.push(indent(sanitize(p.message, 2000), 6, paint));
  if (p.counterexample) {
    lines.push(`      ${c.bold(L.call + ':')}`);
    lines.push(indent(sanitize(p.counterexample, 1500), 8));
  }
  const d = p.diff;
  if (d && (d.kind === undefined || d.kind === 'value' || d.kind === 'non-finite')) {
    const notes = diffNotes(d, L);
    lines.push(
      `      ${fill(L.firstDiffAt, { index: d.index || L.theValue })}: ${L.expected.toLowerCase()} ${sanitize(d.expected ?? '', 100)}, ${L.received.toLowerCase()} ${sanitize(d.received ?? '', 100)}${notes.length > 0 ? c.dim(` (${notes.join('; ')})`) : ''}`,
    );
  }
  if (p.expected !== undefined) lines.push(...labelled(`${L.expected}${d?.expectedShape ? ` (${d.expectedShape})` : ''}`, sanitize(p.expected, 1200), c.dim));
  if (p.received !== undefined) lines.push(...labelled(`${L.received}${d?.receivedShape ? ` (${sanitize(d.receivedShape, 100)})` : ''}`, sanitize(p.received, 1200), c.dim));
  if (p.hint) lines.push(`      ${c.cyan(L.hint + ':')} ${p.hint}`);
  if (p.explanation) lines.push(`      ${c.cyan(L.explanation + ':')} ${p.explanation}`);
  if (p.location) lines.push(...renderWhere(p.location, L, c, 6));
  if (p.command) lines.push(`      ${c.dim(L.reproduce + ':')} ${sanitize(p.command, 400)}`);
  return lines;
}

/** "Label: value" on one line, or the label and the value indented below it. */
function labelled(label: string, text: string, paint: Paint): string[] {
  if (!text.includes('\n')) return [paint(`      ${label}: ${text}`)];
  return [paint(`      ${label}:`), indent(text, 8, paint)];
}

function renderWhere(location: Location, L: Labels, c: Colors, spaces: number): string[] {
  const pad = ' '.repeat(spaces);
  const fn = location.function ? ` (${fill(L.inFunction, { fn: location.function })})` : '';
  const lines = [`${pad}${c.dim(`${L.where}: ${sanitize(location.file, 300)}:${location.line}${location.column ? `:${location.column}` : ''}${fn}`)}`];
  const frame = location.frame ?? [];
  const width = String(frame.at(-1)?.line ?? location.line).length;
  for (const row of frame) {
    const mark = row.line === location.line ? '>' : ' ';
    const text = sanitize(row.text, 200);
    lines.push(`${pad}  ${c.dim(`${mark} ${String(row.line).padStart(width)} |`)} ${text}`);
    // a syntax error points at its column: a caret under it
    if (row.line === location.line && location.column !== undefined) lines.push(`${pad}  ${c.dim(`  ${' '.repeat(width)} |`)} ${caretPad(text, location.column)}${c.red('^')}`);
  }
  return lines;
}

function renderSummary(result: GradeResult, L: Labels, c: Colors): string[] {
  const pct = result.maxScore > 0 ? ` (${formatNumber((100 * result.score) / result.maxScore, 3)}%)` : '';
  const lines = [c.bold(`${L.total}: ${formatNumber(result.score)}/${formatNumber(result.maxScore)}${pct}`) + c.dim(` · ${L.gradedIn} ${(result.durationMs / 1000).toFixed(1)} s`)];
  const { short, next } = summarise(result);
  if (short.length > 0) {
    lines.push(`${L.shortOf}:`);
    for (const d of short) {
      const paint = colorFor(c, d.exercise.status);
      const first = d.first ? c.dim(` — ${d.first.name}`) : '';
      lines.push(`  ${paint(ICON[d.exercise.status])} ${d.exercise.id} ${formatNumber(d.exercise.score)}/${formatNumber(d.exercise.maxScore)}${first}`);
    }
  }
  if (next) {
    const action = nextAction(next);
    lines.push(`${c.bold(L.nextStep + ':')} ${fill(L[action.key], { ...action.values, file: sanitize(action.values.file, 300) })}`);
  } else {
    lines.push(`${c.bold(L.nextStep + ':')} ${L.nextAll}`);
  }
  return lines;
}

function indent(text: string, spaces: number, paint: Paint = (s) => s): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((line) => pad + paint(line))
    .join('\n');
}
