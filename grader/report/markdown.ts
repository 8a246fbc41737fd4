import type Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { formatNumber } from '../compare/format.ts';
import { caretPad } from './caret.ts';
import type { GradeResult, Location, PropertyResult } from '../engine/result.ts';
import { TEMPLATES_DIR } from '../paths.ts';
import { digestExercise, nextAction, summarise, timedOutProperty } from './digest.ts';
import { codeSpan, escapeMarkdownText, neutralizeHtmlComments, untrustedFence } from './escape.ts';
import { diffNotes, fill, labels, sandboxSummary, type Labels } from './labels.ts';
import { t } from '../i18n/index.ts';

const codeFence = untrustedFence;
const span = (text: string, max = 200): string => codeSpan(neutralizeHtmlComments(text), max);

const ICON = { pass: '✅', fail: '❌', error: '⚠️', timeout: '⏱️', skipped: '➖' } as const;

/** A property shown in full: the visible diagnosis, then the details folded in `<details>`. */
interface FullPropertyView {
  heading: string;
  message?: string;
  call?: string;
  diff?: string;
  hint?: string;
  /** folded: expected, received, where with its code frame, reproduce */
  details: string[];
}

interface ExerciseSectionView {
  heading: string;
  message?: string;
  where?: string;
  output?: string;
  full: FullPropertyView[];
  /** other failing and not-checked properties, a Markdown list item each */
  lines: string[];
}

export interface MarkdownView {
  L: Labels;
  title: string;
  score: string;
  maxScore: string;
  percent?: string;
  meta: string;
  exercises: { icon: string; id: string; title: string; score: string; maxScore: string; status: string }[];
  sections: ExerciseSectionView[];
  summary: string[];
  next: string;
}

export interface MarkdownOptions {
  /** every failing property in full (default: the first of each exercise, the others one line each) */
  verbose?: boolean;
}

function whereText(location: Location, L: Labels): string {
  const fn = location.function ? ` (${fill(L.inFunction, { fn: escapeMarkdownText(location.function, 80) })})` : '';
  return `**${L.where}:** ${span(`${location.file}:${location.line}${location.column ? `:${location.column}` : ''}`, 300)}${fn}`;
}

function frameText(location: Location): string | undefined {
  if (!location.frame || location.frame.length === 0) return undefined;
  const width = String(location.frame.at(-1)!.line).length;
  const rows = location.frame.flatMap((r) => {
    const row = `${r.line === location.line ? '>' : ' '} ${String(r.line).padStart(width)} | ${r.text}`;
    // a syntax error points at its column: a caret under it
    return r.line === location.line && location.column !== undefined ? [row, `  ${' '.repeat(width)} | ${caretPad(r.text, location.column)}^`] : [row];
  });
  return codeFence(rows.join('\n'), { max: 800 });
}

function fullProperty(p: PropertyResult, L: Labels): FullPropertyView {
  const view: FullPropertyView = {
    heading: `${ICON[p.status]} ${span(p.name, 80)} (${L.pointsOf(formatNumber(p.points))}): _${escapeMarkdownText(p.title, 300)}_`,
    details: [],
  };
  if (p.message) view.message = escapeMarkdownText(p.message, 2000);
  if (p.counterexample) view.call = `**${L.call}:**\n\n${codeFence(p.counterexample, { lang: 'ts', max: 1500 })}`;
  const d = p.diff;
  if (d && (d.kind === undefined || d.kind === 'value' || d.kind === 'non-finite')) {
    const notes = diffNotes(d, L);
    view.diff = `**${fill(L.firstDiffAt, { index: span(d.index || L.theValue) })}:** ${L.expected.toLowerCase()} ${span(d.expected ?? '')}, ${L.received.toLowerCase()} ${span(d.received ?? '')}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
  }
  if (p.hint) view.hint = `**${L.hint}:** ${escapeMarkdownText(p.hint, 1000)}`;
  if (p.explanation) view.hint = `${view.hint ?? ''}\n\n**${L.explanation}:** ${escapeMarkdownText(p.explanation, 2000)}`;
  if (p.expected !== undefined) view.details.push(`**${L.expected}${d?.expectedShape ? ` (${escapeMarkdownText(d.expectedShape, 100)})` : ''}:**\n\n${codeFence(p.expected, { max: 1500 })}`);
  if (p.received !== undefined) view.details.push(`**${L.received}${d?.receivedShape ? ` (${escapeMarkdownText(d.receivedShape, 100)})` : ''}:**\n\n${codeFence(p.received, { max: 1500 })}`);
  if (p.location) {
    const frame = frameText(p.location);
    view.details.push(whereText(p.location, L) + (frame ? `\n\n${frame}` : ''));
  }
  if (p.command) view.details.push(`**${L.reproduce}:**\n\n${codeFence(p.command, { lang: 'sh', max: 500 })}`);
  return view;
}

function oneLine(p: PropertyResult, L: Labels): string {
  const why = p.message ? escapeMarkdownText(p.message.split('\n')[0]!, 300) : `_${escapeMarkdownText(p.title, 300)}_`;
  return `- ${ICON[p.status]} ${span(p.name, 80)} (${L.pointsOf(formatNumber(p.points))}): ${why}`;
}

/** The type errors of an exercise: a bold heading, one list item per error (its place as a code span), the note. */
function typeErrorMarkdown(e: GradeResult['exercises'][number], lang: GradeResult['lang']): string {
  const m = t(lang);
  const errors = e.typeErrors ?? [];
  const items = errors.map((d) => `- ${span(`${d.file}:${d.line}:${d.column}`, 300)} ${escapeMarkdownText(d.message, 1500)}${d.explanation ? ` — ${escapeMarkdownText(d.explanation, 500)}` : ''}`);
  return [`**${escapeMarkdownText(m.typecheck.heading, 100)}: ${escapeMarkdownText(m.report.typeErrors(errors.length), 100)}**`, '', ...items, '', escapeMarkdownText(m.report.typeErrorsNote, 300)].join('\n');
}

/**
 * The view-model: every string here is final Markdown. Untrusted text (anything a student's code
 * or file can influence) is either entity-escaped plain text or inside a code fence longer than any
 * backtick run it contains; ids and names come from the catalog's validated patterns.
 */
export function markdownView(result: GradeResult, options: MarkdownOptions = {}): MarkdownView {
  const L = labels(result.lang);
  const sections: ExerciseSectionView[] = [];
  for (const e of result.exercises) {
    if (e.status === 'pass' && !(e.typeErrors && e.typeErrors.length > 0)) continue;
    const digest = digestExercise(e);
    const section: ExerciseSectionView = {
      heading: `${ICON[e.status]} ${span(e.id, 128)} ${escapeMarkdownText(e.title, 200)} (${formatNumber(e.score)}/${formatNumber(e.maxScore)})`,
      full: [],
      lines: [],
    };
    // type errors first, as their own paragraph (reported beside the results, they do not block grading)
    const typeErrors = e.typeErrors && e.typeErrors.length > 0 ? typeErrorMarkdown(e, result.lang) : undefined;
    if (e.message || typeErrors) section.message = [typeErrors, e.message ? escapeMarkdownText(e.message, 3000) : undefined].filter(Boolean).join('\n\n');
    if (e.location) {
      const frame = frameText(e.location);
      section.where = whereText(e.location, L) + (frame ? `\n\n${frame}` : '');
    }
    const hung = timedOutProperty(e);
    if (hung?.location && !e.location) {
      const frame = frameText(hung.location);
      section.where = whereText(hung.location, L) + (frame ? `\n\n${frame}` : '');
    }
    if (e.output) section.output = codeFence(e.output, { max: 2000 });
    if (!e.message && e.status !== 'pass') {
      const failing = options.verbose ? [digest.first, ...digest.others].filter((p): p is PropertyResult => p !== undefined) : digest.first ? [digest.first] : [];
      if (digest.notStarted && digest.first && !options.verbose) {
        section.lines.push(`- ${ICON[digest.first.status]} ${escapeMarkdownText(digest.first.message ?? '', 400)}${digest.first.location ? ` (${span(`${digest.first.location.file}:${digest.first.location.line}`, 300)})` : ''}`);
      } else {
        section.full = failing.map((p) => fullProperty(p, L));
        if (!options.verbose) section.lines.push(...digest.others.map((p) => oneLine(p, L)));
      }
      if (digest.blocked.length > 0) {
        section.lines.push(`- ${ICON.skipped} ${fill(L.notCheckedCount, { n: digest.blocked.length })}: ${digest.blocked.map((p) => span(p.name, 80)).join(', ')}`);
      }
    }
    sections.push(section);
  }
  const { short, next } = summarise(result);
  const view: MarkdownView = {
    L,
    title: L.title,
    score: formatNumber(result.score),
    maxScore: formatNumber(result.maxScore),
    meta: `${L.seed} \`${result.seed}\` · ${L.backend} \`${result.backend}\` · ${L.sandbox}: ${sandboxSummary(result, L)} · dlgrade ${escapeMarkdownText(result.tool.version, 40)}`,
    exercises: result.exercises.map((e) => ({
      icon: ICON[e.status],
      id: e.id,
      title: escapeMarkdownText(e.title, 200),
      score: formatNumber(e.score),
      maxScore: formatNumber(e.maxScore),
      status: L[`status_${e.status}`],
    })),
    sections,
    summary: short.map((d) => `- ${ICON[d.exercise.status]} ${span(d.exercise.id, 128)} ${formatNumber(d.exercise.score)}/${formatNumber(d.exercise.maxScore)}${d.first ? ` — ${span(d.first.name, 80)}` : ''}`),
    next: next ? nextText(nextAction(next), L) : L.nextAll,
  };
  if (result.maxScore > 0) view.percent = formatNumber((100 * result.score) / result.maxScore, 3);
  return view;
}

function nextText(action: ReturnType<typeof nextAction>, L: Labels): string {
  const v = action.values;
  return fill(L[action.key], { fn: span(v.fn, 80), file: span(v.file, 300), property: span(v.property, 128), command: span(v.command, 300) });
}

let template: Handlebars.TemplateDelegate<MarkdownView> | undefined;

/** Renders the Markdown report (templates/report.md.hbs) from the view-model. Pure. */
export function renderMarkdown(result: GradeResult, options: MarkdownOptions = {}): string {
  // handlebars is loaded when a Markdown report is first rendered, not at every start
  template ??= (createRequire(import.meta.url)('handlebars') as typeof Handlebars).compile<MarkdownView>(readFileSync(join(TEMPLATES_DIR, 'report.md.hbs'), 'utf8'), { noEscape: true, strict: false });
  return template(markdownView(result, options)).replace(/\n{3,}/g, '\n\n');
}
