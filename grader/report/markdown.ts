import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatNumber } from '../compare/format.ts';
import type { GradeResult } from '../engine/result.ts';
import { TEMPLATES_DIR } from '../paths.ts';
import { codeSpan, escapeMarkdownText, neutralizeHtmlComments, untrustedFence } from './escape.ts';

const codeFence = untrustedFence;
const span = (text: string, max = 200): string => codeSpan(neutralizeHtmlComments(text), max);
import { diffNotes, labels, sandboxSummary, type Labels } from './labels.ts';
import { typeErrorText } from '../typecheck/render.ts';

const ICON = { pass: '✅', fail: '❌', error: '⚠️', timeout: '⏱️', skipped: '➖' } as const;

interface FailureView {
  icon: string;
  id: string;
  property?: string;
  points?: string;
  propertyTitle?: string;
  message?: string;
  counterexample?: string;
  diff?: string;
  expected?: string;
  received?: string;
  hint?: string;
  where?: string;
  command?: string;
  output?: string;
}

export interface MarkdownView {
  L: Labels;
  title: string;
  score: string;
  maxScore: string;
  percent?: string;
  meta: string;
  exercises: { icon: string; id: string; title: string; score: string; maxScore: string; status: string }[];
  failures: FailureView[];
}

/**
 * The view-model: every string here is final Markdown. Untrusted text (anything a student's code
 * or file can influence) is either entity-escaped plain text or inside a code fence longer than any
 * backtick run it contains; ids and names come from the catalog's validated patterns.
 */
export function markdownView(result: GradeResult): MarkdownView {
  const L = labels(result.lang);
  const failures: FailureView[] = [];
  for (const e of result.exercises) {
    // type errors first, as their own block (reported beside the results, they do not block grading)
    if (e.typeErrors && e.typeErrors.length > 0) failures.push({ icon: ICON.error, id: e.id, message: escapeMarkdownText(typeErrorText(e, result.lang), 4000) });
    if (e.status !== 'pass' && (e.message || e.properties.every((p) => p.status === 'skipped'))) {
      const view: FailureView = { icon: ICON[e.status], id: e.id };
      if (e.message) view.message = escapeMarkdownText(e.message, 3000);
      if (e.location) view.where = span(`${e.location.file}:${e.location.line}`);
      if (e.output) view.output = codeFence(e.output, { max: 2000 });
      failures.push(view);
    }
    for (const p of e.properties) {
      if (p.status === 'pass' || p.status === 'skipped') continue;
      const view: FailureView = { icon: ICON[p.status], id: e.id, property: p.name, points: formatNumber(p.points), propertyTitle: escapeMarkdownText(p.title) };
      if (p.message) view.message = escapeMarkdownText(p.message, 2000);
      if (p.counterexample) view.counterexample = codeFence(p.counterexample, { max: 1500 });
      if (p.diff) {
        const notes = diffNotes(p.diff, L);
        view.diff = `**${L.firstDiff}** ${span(p.diff.index || '·')}: ${L.expected.toLowerCase()} ${span(p.diff.expected ?? '')}, ${L.received.toLowerCase()} ${span(p.diff.received ?? '')}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
      }
      if (p.expected !== undefined && p.received !== undefined) {
        view.expected = codeFence(p.expected, { max: 1500 });
        view.received = codeFence(p.received, { max: 1500 });
      }
      if (p.hint) view.hint = escapeMarkdownText(p.hint, 1000);
      if (p.explanation) view.hint = `${view.hint ?? ''}\n\n**${L.explanation}:** ${escapeMarkdownText(p.explanation, 2000)}`;
      if (p.location) view.where = span(`${p.location.file}:${p.location.line}`);
      if (p.command) view.command = codeFence(p.command, { lang: 'sh', max: 500 });
      failures.push(view);
    }
  }
  const sandbox = sandboxSummary(result, L);
  const view: MarkdownView = {
    L,
    title: L.title,
    score: formatNumber(result.score),
    maxScore: formatNumber(result.maxScore),
    meta: `${L.seed} \`${result.seed}\` · ${L.backend} \`${result.backend}\` · ${L.sandbox}: ${sandbox} · dlgrade ${escapeMarkdownText(result.tool.version, 40)}`,
    exercises: result.exercises.map((e) => ({
      icon: ICON[e.status],
      id: e.id,
      title: escapeMarkdownText(e.title, 200),
      score: formatNumber(e.score),
      maxScore: formatNumber(e.maxScore),
      status: L[`status_${e.status}`],
    })),
    failures,
  };
  if (result.maxScore > 0) view.percent = formatNumber((100 * result.score) / result.maxScore, 3);
  return view;
}

let template: Handlebars.TemplateDelegate<MarkdownView> | undefined;

/** Renders the Markdown report (templates/report.md.hbs) from the view-model. Pure. */
export function renderMarkdown(result: GradeResult): string {
  template ??= Handlebars.compile<MarkdownView>(readFileSync(join(TEMPLATES_DIR, 'report.md.hbs'), 'utf8'), { noEscape: true, strict: false });
  return template(markdownView(result)).replace(/\n{3,}/g, '\n\n');
}
