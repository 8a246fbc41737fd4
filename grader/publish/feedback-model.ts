import type { ExerciseResult, GradeResult, Lang, PropertyResult } from '../engine/result.ts';
import { codeSpan as rawCodeSpan, escapeMarkdownText, neutralizeHtmlComments, stripControl } from '../report/escape.ts';
import { overallStatus } from '../report/formats/overall.ts';
import { messages, type Messages } from './messages.ts';

/**
 * The view-model of the feedback (comment, check-run summary, job summary). Every string here is
 * already safe Markdown, except `Block.text`, which is cleaned untrusted text that the renderer
 * only ever places inside a code fence.
 */
export interface FeedbackModel {
  lang: Lang;
  /** the one line that must survive any truncation */
  scoreLine: string;
  tableHeader: [string, string, string];
  rows: [string, string, string][];
  exercises: ExerciseFeedback[];
  footer: string[];
  m: Messages;
}

export interface ExerciseFeedback {
  heading: string;
  /** short safe Markdown lines (status reason, where) */
  lines: string[];
  blocks: Block[];
  failing: PropertyFeedback[];
  passing: string[];
}

export interface PropertyFeedback {
  heading: string;
  lines: string[];
  blocks: Block[];
}

export interface Block {
  label: string;
  text: string;
  lang: string;
  /** lower is kept longer when space runs out */
  importance: 1 | 2 | 3;
  /** shown folded in a `<details>` (supporting detail, not the diagnosis) */
  folded?: boolean;
}

export interface FeedbackContext {
  lang?: Lang;
  sha?: string;
  runUrl?: string;
}

/** Scores are schema-checked numbers; show at most two decimals. */
export function formatPoints(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** A code span of untrusted text, with `<!--` made inert even there. */
function codeSpan(text: string, max = 200): string {
  return rawCodeSpan(neutralizeHtmlComments(stripControl(text)), max);
}

function cell(text: string): string {
  // a `|` ends a table cell even inside a code span
  return text.replace(/\|/g, '\\|');
}

function where(location: { file: string; line: number; column?: number } | undefined): string | undefined {
  if (location === undefined) return undefined;
  return codeSpan(`${location.file}:${location.line}${location.column === undefined ? '' : `:${location.column}`}`, 300);
}

function clean(text: string): string {
  return neutralizeHtmlComments(stripControl(text)).replace(/\s+$/, '');
}

function propertyFeedback(property: PropertyResult, m: Messages): PropertyFeedback {
  const status = m.status_[property.status];
  const points = `(${formatPoints(property.score)} / ${formatPoints(property.points)})`;
  if (property.hidden === true) {
    return { heading: `${status} · ${m.hidden} ${points}`, lines: [], blocks: [] };
  }
  const heading = `${status} · ${codeSpan(property.name, 80)} ${escapeMarkdownText(property.title, 300)} ${points}`;
  const lines: string[] = [];
  const fn = property.function === undefined ? undefined : codeSpan(property.function, 80);
  const at = where(property.location);
  if (fn !== undefined || at !== undefined) lines.push([fn && `**${m.func}:** ${fn}`, at && `**${m.location}:** ${at}`].filter(Boolean).join(' · '));
  if (property.diff !== undefined) {
    const d = property.diff;
    const tol = d.atol === undefined && d.rtol === undefined ? '' : ` (${m.tolerance}: atol ${d.atol ?? 0}, rtol ${d.rtol ?? 0})`;
    const abs = typeof d.absError === 'number' ? `, |Δ| = ${d.absError}` : '';
    lines.push(`**${m.firstDiff}:** ${codeSpan(d.index === '' ? '(escalar)' : d.index, 200)}: ${m.expected.toLowerCase()} ${codeSpan(d.expected ?? '?', 200)}, ${m.received.toLowerCase()} ${codeSpan(d.received ?? '?', 200)}${abs}${tol}`);
  }
  if (property.hint !== undefined) lines.push(`> 💡 **${m.hint}:** ${escapeMarkdownText(property.hint, 600)}`);
  const blocks: Block[] = [];
  if (property.message !== undefined) blocks.push({ label: m.message, text: clean(property.message), lang: 'text', importance: 1 });
  if (property.counterexample !== undefined) blocks.push({ label: m.counterexample(property.numShrinks), text: clean(property.counterexample), lang: property.call !== undefined ? 'ts' : 'text', importance: 2 });
  if (property.expected !== undefined) blocks.push({ label: m.expected, text: clean(property.expected), lang: 'text', importance: 3, folded: true });
  if (property.received !== undefined) blocks.push({ label: m.received, text: clean(property.received), lang: 'text', importance: 3, folded: true });
  const frame = property.location?.frame;
  if (frame !== undefined && frame.length > 0) {
    const width = String(frame.at(-1)!.line).length;
    const text = frame.map((r) => `${r.line === property.location!.line ? '>' : ' '} ${String(r.line).padStart(width)} | ${r.text}`).join('\n');
    blocks.push({ label: m.location, text: clean(text), lang: 'text', importance: 3, folded: true });
  }
  if (property.command !== undefined) blocks.push({ label: m.reproduce, text: clean(property.command), lang: 'sh', importance: 1, folded: true });
  return { heading, lines, blocks };
}

function exerciseFeedback(exercise: ExerciseResult, m: Messages): ExerciseFeedback {
  const failingProps = exercise.properties.filter((p) => p.status !== 'pass');
  const heading = `${m.status_[exercise.status]} · ${codeSpan(exercise.id, 128)} ${escapeMarkdownText(exercise.title, 200)} (${formatPoints(exercise.score)} / ${formatPoints(exercise.maxScore)})`;
  const lines: string[] = [];
  if (exercise.reason !== undefined) lines.push(`**${m.status}:** ${m.reason[exercise.reason]}`);
  const at = where(exercise.location) ?? codeSpan(exercise.file, 300);
  lines.push(`**${m.location}:** ${at}`);
  if (exercise.properties.length > 0) lines.push(m.failingOf(failingProps.length, exercise.properties.length));
  const blocks: Block[] = [];
  if (exercise.message !== undefined) blocks.push({ label: m.message, text: clean(exercise.message), lang: 'text', importance: 1 });
  if (exercise.output !== undefined && exercise.output !== '') blocks.push({ label: m.output, text: clean(exercise.output), lang: 'text', importance: 3 });
  const passing = exercise.properties
    .filter((p) => p.status === 'pass')
    .map((p) => (p.hidden === true ? `${m.status_.pass} · ${m.hidden}` : `${m.status_.pass} · ${codeSpan(p.name, 80)} ${escapeMarkdownText(p.title, 300)}`));
  // an exercise that could not run at all (not submitted, compile error) has only skipped
  // properties: its message says why, a section per property would only repeat it
  const detailed = failingProps.filter((p) => p.status !== 'skipped');
  // one diagnosis: the most fundamental failing property in full, the others in a line each, and
  // those waiting for it («not checked») in one line
  const [first, ...others] = detailed;
  for (const p of others) {
    const why = p.message === undefined ? escapeMarkdownText(p.title, 300) : escapeMarkdownText(p.message.split('\n')[0]!, 300);
    lines.push(`- ${m.status_[p.status]} · ${p.hidden === true ? m.hidden : codeSpan(p.name, 80)} (${formatPoints(p.score)} / ${formatPoints(p.points)}): ${why}`);
  }
  const blocked = failingProps.filter((p) => p.status === 'skipped' && (p.blockedBy?.length ?? 0) > 0);
  if (blocked.length > 0) lines.push(`- ${m.status_.skipped} · ${blocked.map((p) => (p.hidden === true ? m.hidden : codeSpan(p.name, 80))).join(', ')}: ${escapeMarkdownText(blocked[0]!.message ?? '', 300)}`);
  return { heading, lines, blocks, failing: first === undefined ? [] : [propertyFeedback(first, m)], passing };
}

/** Builds the view-model from a validated result (pure). */
export function buildFeedbackModel(result: GradeResult, context: FeedbackContext = {}): FeedbackModel {
  const lang = context.lang ?? result.lang;
  const m = messages(lang);
  const status = overallStatus(result);
  const icon = status === 'pass' ? '✅' : status === 'error' ? '⚠️' : '❌';
  const scoreLine = `## ${icon} ${m.heading}: **${formatPoints(result.score)} / ${formatPoints(result.maxScore)}** ${m.points}`;
  const rows = result.exercises.map((e): [string, string, string] => [
    cell(`${codeSpan(e.id, 128)} ${escapeMarkdownText(e.title, 200)}`),
    cell(e.reason === undefined || e.status === 'pass' ? m.status_[e.status] : `${m.status_[e.status]} (${m.reason[e.reason]})`),
    `${formatPoints(e.score)} / ${formatPoints(e.maxScore)}`,
  ]);
  const footerParts = [
    context.sha === undefined ? undefined : `${m.commit} ${codeSpan(context.sha.slice(0, 7))}`,
    context.runUrl === undefined ? undefined : `[${m.run}](${context.runUrl})`,
    `dlgrade ${escapeMarkdownText(result.tool.version, 64)}`,
    `${m.seed} ${result.seed}`,
    `backend ${result.backend}`,
  ].filter((p): p is string => p !== undefined);
  return {
    lang,
    scoreLine,
    tableHeader: [m.exercise, m.status, m.score],
    rows,
    exercises: result.exercises.map((e) => exerciseFeedback(e, m)),
    footer: [`<sub>${footerParts.join(' · ')}</sub>`, `<sub>${m.formative}</sub>`],
    m,
  };
}
