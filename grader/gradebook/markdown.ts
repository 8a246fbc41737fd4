import { codeSpan, escapeMarkdownText } from '../report/escape.ts';
import type { ClassReportModel } from './report-model.ts';

/** A table cell: escaped, no pipes or line breaks that would break the row. */
const cell = (text: string, max = 120): string => escapeMarkdownText(text, max).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (text: string, max = 120): string => (text === '' ? '' : codeSpan(text, max).replace(/\|/g, '\\|'));

/**
 * Pure: the class report as GitHub-flavoured Markdown, for a pull request or an issue: the
 * summary, per exercise, the properties that fail with their most common shrunk counterexample,
 * and one row per student linking to the repository and the graded commit. Student-controlled
 * text is escaped (no mentions, links, HTML or broken tables).
 */
export function renderClassReportMarkdown(model: ClassReportModel): string {
  const t = model.t;
  const s = model.summary;
  const lines: string[] = [`## ${cell(model.title, 200)}`, '', `_${t.subtitle}_`, ''];
  lines.push(
    `| ${t.students} | ${t.graded} | ${t.noSubmission} | ${t.errorsCard} | ${t.passed} | ${t.mean} | ${t.median} | ${t.late} | ${t.tampered} |`,
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${s.students} | ${s.graded} | ${s.noSubmission} | ${s.errors} | ${s.passed} (${s.passRate}) | ${s.mean}% | ${s.median}% | ${s.late} | ${s.tampered} |`,
    '',
  );
  if (t.ungradedNote !== '') lines.push(t.ungradedNote, '');
  lines.push(`### ${t.exercisesHeading}`, '', `| ${t.exercise} | ${t.meanCol} | ${t.passRate} | ${t.complete} | ${t.timeouts} | ${t.errors} |`, '|---|---:|---:|---:|---:|---:|');
  for (const e of model.exercises) lines.push(`| ${code(e.id)} | ${e.mean} / ${e.maxScore} | ${e.label} (${e.passed}/${e.total}) | ${e.complete} | ${e.timeouts} | ${e.errors} |`);
  lines.push('');
  const failing = model.properties.filter((p) => p.failures > 0).sort((a, b) => b.failureRate - a.failureRate || (a.id < b.id ? -1 : 1));
  lines.push(`### ${t.propertiesHeading}`, '');
  if (failing.length === 0) lines.push(t.noFailure, '');
  else {
    lines.push(`| ${t.property} | ${t.failureRate} | ${t.commonCounterexample} |`, '|---|---:|---|');
    for (const p of failing) lines.push(`| ${code(p.id)}${p.hidden ? ` (${t.hidden})` : ''} | ${p.failureLabel} (${p.failures}/${p.total}) | ${p.counterexample !== null ? `${code(p.counterexample, 160)} ×${p.counterexampleCount}` : ''} |`);
    lines.push('');
  }
  lines.push(`### ${t.studentsHeading}`, '', `| ${t.username} | ${t.points} | ${t.percent} | ${t.status} | ${t.commit} | ${t.lateCol} | ${t.tamperedCol} |`, '|---|---:|---:|---|---|---|---|');
  for (const r of model.students) {
    const user = r.repoUrl !== '' ? `[${cell(r.username, 60)}](${r.repoUrl})` : cell(r.username, 60);
    const commit = r.commitUrl !== '' ? `[\`${r.shortSha}\`](${r.commitUrl})` : r.shortSha !== '' ? `\`${r.shortSha}\`` : '';
    lines.push(`| ${user} | ${r.graded ? `${r.total} / ${r.max}` : '—'} | ${r.graded ? r.percentage : '—'} | ${cell(r.status)} | ${commit} | ${r.late ? t.yes : ''} | ${r.tampered ? t.yes : ''} |`);
  }
  lines.push('');
  return lines.join('\n');
}
