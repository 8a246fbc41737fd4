import type { ExerciseResult, GradeResult, PropertyResult } from '../../engine/result.ts';
import { neutralizeHtmlComments, neutralizeLineCommands, repoRelativePath, stripControl, capLength, xmlText } from '../escape.ts';
import { couldNotRun, notRunMessage } from './overall.ts';

/**
 * JUnit XML for generic CI viewers (pure): one `<testsuite>` per exercise, one `<testcase>` per
 * property; an exercise with no property results is a single testcase named after the exercise.
 * An exercise that could not run (compile error, crash at load, not submitted, grader error…)
 * gets one exercise-level testcase with `<error type="<reason>" message="…">`, so no viewer shows
 * it as passing. Every attribute and text node goes through `xmlText`, so untrusted strings cannot
 * break the XML; no line of text starts a workflow command; `file` attributes are
 * repository-relative paths or absent.
 */

const BODY_MAX = 8000;

function seconds(ms: number | undefined): string {
  return ((ms ?? 0) / 1000).toFixed(3);
}

function attr(name: string, value: string | number | undefined): string {
  // xmlText strips zero-width characters, so commands are broken after it
  return value === undefined ? '' : ` ${name}="${neutralizeLineCommands(xmlText(neutralizeHtmlComments(String(value))))}"`;
}

/** A `file` attribute: only a repository-relative path (a forged `../../etc/passwd` is dropped). */
function fileAttr(path: string | undefined): string {
  const clean = path === undefined ? undefined : repoRelativePath(path);
  return clean === undefined ? '' : attr('file', clean);
}

function text(value: string, max = BODY_MAX): string {
  return neutralizeLineCommands(xmlText(capLength(neutralizeHtmlComments(stripControl(value)), max)));
}

function propertyDetails(property: PropertyResult): string {
  const lines: string[] = [];
  if (property.message !== undefined) lines.push(property.message);
  if (property.counterexample !== undefined) lines.push(`counterexample: ${property.counterexample}`);
  if (property.expected !== undefined) lines.push(`expected: ${property.expected}`);
  if (property.received !== undefined) lines.push(`received: ${property.received}`);
  if (property.diff !== undefined) lines.push(`first difference at ${property.diff.index || '(scalar)'}: expected ${property.diff.expected ?? '?'}, received ${property.diff.received ?? '?'}`);
  if (property.seed !== undefined) lines.push(`seed: ${property.seed}${property.path === undefined ? '' : `, path: ${property.path}`}`);
  if (property.command !== undefined) lines.push(`reproduce: ${property.command}`);
  return lines.join('\n');
}

function shortMessage(message: string): string {
  return capLength(neutralizeHtmlComments(stripControl(message)).replace(/\s*\n\s*/g, ' '), 500);
}

function outcome(status: PropertyResult['status'], message: string, details: string): string {
  switch (status) {
    case 'pass':
      return '';
    case 'skipped':
      return `<skipped${attr('message', shortMessage(message))}/>`;
    case 'fail':
      return `<failure${attr('message', shortMessage(message))} type="fail">${text(details)}</failure>`;
    default:
      return `<error${attr('message', shortMessage(message))}${attr('type', status)}>${text(details)}</error>`;
  }
}

function propertyCase(exercise: ExerciseResult, property: PropertyResult): string {
  const location = property.location ?? exercise.location;
  const body = outcome(property.status, property.message ?? property.title, propertyDetails(property));
  const open = `<testcase${attr('name', `${property.name}: ${property.title}`)}${attr('classname', exercise.id.replace('/', '.'))}${attr('time', seconds(property.durationMs))}${fileAttr(location?.file ?? exercise.file)}${attr('line', location?.line)}`;
  return body === '' ? `${open}/>` : `${open}>${body}</testcase>`;
}

function exerciseCase(exercise: ExerciseResult): string {
  const message = exercise.message ?? exercise.reason ?? exercise.status;
  const body = couldNotRun(exercise)
    ? `<error${attr('message', shortMessage(notRunMessage(exercise)))}${attr('type', exercise.reason)}>${text(exercise.message ?? '')}</error>`
    : outcome(exercise.status, message, exercise.message ?? '');
  const open = `<testcase${attr('name', exercise.id)}${attr('classname', exercise.id.replace('/', '.'))}${attr('time', seconds(exercise.durationMs))}${fileAttr(exercise.location?.file ?? exercise.file)}${attr('line', exercise.location?.line)}`;
  return body === '' ? `${open}/>` : `${open}>${body}</testcase>`;
}

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

function count(statuses: PropertyResult['status'][]): Counts {
  return {
    tests: statuses.length,
    failures: statuses.filter((s) => s === 'fail').length,
    errors: statuses.filter((s) => s === 'error' || s === 'timeout').length,
    skipped: statuses.filter((s) => s === 'skipped').length,
  };
}

function countAttrs(c: Counts): string {
  return `${attr('tests', c.tests)}${attr('failures', c.failures)}${attr('errors', c.errors)}${attr('skipped', c.skipped)}`;
}

function suite(exercise: ExerciseResult): { xml: string; counts: Counts } {
  const notRun = couldNotRun(exercise);
  // an exercise that could not run: its error first, then the properties it could not run (skipped)
  const head = exercise.properties.length === 0 || notRun;
  const statuses: PropertyResult['status'][] = [...(head ? [notRun ? 'error' : exercise.status] : []), ...exercise.properties.map((p) => p.status)];
  const counts = count(statuses);
  const cases = [...(head ? [exerciseCase(exercise)] : []), ...exercise.properties.map((p) => propertyCase(exercise, p))];
  const lines = [
    `  <testsuite${attr('name', exercise.id)}${countAttrs(counts)}${attr('time', seconds(exercise.durationMs))}${fileAttr(exercise.file)}>`,
    `    <properties>${`<property name="score"${attr('value', exercise.score)}/>`}${`<property name="maxScore"${attr('value', exercise.maxScore)}/>`}${`<property name="title"${attr('value', exercise.title)}/>`}</properties>`,
    ...cases.map((c) => `    ${c}`),
  ];
  if (exercise.output !== undefined && exercise.output !== '') lines.push(`    <system-out>${text(exercise.output, 4000)}</system-out>`);
  lines.push('  </testsuite>');
  return { xml: lines.join('\n'), counts };
}

/** Renders the whole result as a JUnit XML document. */
export function toJUnitXml(result: GradeResult): string {
  const suites = result.exercises.map(suite);
  const total = suites.reduce<Counts>(
    (acc, s) => ({ tests: acc.tests + s.counts.tests, failures: acc.failures + s.counts.failures, errors: acc.errors + s.counts.errors, skipped: acc.skipped + s.counts.skipped }),
    { tests: 0, failures: 0, errors: 0, skipped: 0 },
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="dlgrade"${countAttrs(total)}${attr('time', seconds(result.durationMs))}>`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
}
