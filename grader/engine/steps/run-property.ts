import fc from 'fast-check';
import type { PropertyMeta } from '../../catalog/types.ts';
import { formatValue } from '../../compare/format.ts';
import type { PropertyImpl } from '../../spec/define.ts';
import { PropertyFailure, StudentCallFailure } from '../../spec/failure.ts';
import type { PropertyResult } from '../result.ts';
import { describeThrown } from '../../errors.ts';
import { makeContext } from './call-context.ts';
import type { StudentSession } from './student-session.ts';
import type { Lang } from '../result.ts';
import { t } from '../../i18n/index.ts';
import { sandboxText } from '../../i18n/sandbox-text.ts';

export interface RunPropertyOptions {
  meta: PropertyMeta;
  impl: PropertyImpl<unknown>;
  session: StudentSession;
  exports: ReadonlySet<string>;
  lang: Lang;
  seed: number;
  numRuns: number;
  /** replay: fast-check's path to a counterexample */
  path?: string;
  displayPath: string;
  exportLine: number | undefined;
  command: string;
}

/**
 * Step 3 (per property): generates inputs with fast-check, asks the sandbox for the student's
 * outputs, lets the property compare them with the reference, shrinks a failure to its smallest
 * counterexample. A failing student is a value (PropertyResult), never an exception.
 */
export async function runProperty(options: RunPropertyOptions): Promise<PropertyResult> {
  const { meta, impl, session, lang } = options;
  const started = performance.now();
  if (session.exhausted) {
    // the student's code already ended its process too many times: nothing can answer
    return {
      ...unrun(meta, lang, 'fail'),
      hint: meta.hint[lang],
      message: t(lang).engine.exhausted(sandboxText(session.exhausted.message, lang)),
    };
  }
  const ctx = makeContext({ session, exports: options.exports, lang, tolerance: meta.tolerance, displayPath: options.displayPath });
  const property = fc.asyncProperty(impl.arbitrary, async (input) => {
    // once the student's process hung or keeps crashing, no call can answer any more: stop
    // shrinking so the counterexample stays the input that really showed the problem
    if (session.finished) return;
    await impl.check(input as never, ctx);
  });
  const params: fc.Parameters<[unknown]> = { seed: options.seed, numRuns: options.numRuns };
  if (options.path !== undefined) params.path = options.path;
  let details: Awaited<ReturnType<typeof fc.check<[unknown]>>>;
  try {
    details = await fc.check(property, params);
  } catch (error: unknown) {
    // the spec itself failed (e.g. an arbitrary threw while generating): the grader's fault
    return { ...unrun(meta, lang, 'error'), message: graderErrorMessage(error, lang) };
  }
  const base: PropertyResult = {
    ...unrun(meta, lang, 'pass'),
    seed: options.seed,
    numRuns: details.numRuns,
    durationMs: Math.round(performance.now() - started),
  };
  if (options.exportLine !== undefined) base.location = { file: options.displayPath, line: options.exportLine };
  if (!details.failed) return { ...base, score: meta.points };

  const result: PropertyResult = { ...base, status: 'fail', numShrinks: details.numShrinks, hint: meta.hint[lang], command: options.command };
  if (details.counterexample !== null) {
    const input = details.counterexample[0];
    result.counterexample = impl.describe ? impl.describe(input as never) : formatValue(input, 1500);
    result.path = details.counterexamplePath ?? undefined;
    result.command = `${options.command} --path ${details.counterexamplePath}`;
  }
  const error = details.errorInstance;
  if (error instanceof PropertyFailure) {
    result.message = error.text[lang];
    if (error.details.hint) result.hint = `${error.details.hint[lang]} ${meta.hint[lang]}`;
    if ('expected' in error.details) result.expected = formatValue(error.details.expected, 1500);
    if ('received' in error.details) result.received = formatValue(error.details.received, 1500);
    const m = error.details.mismatch;
    if (m) {
      result.diff = { index: m.index, expected: formatValue(m.expected, 120), received: formatValue(m.received, 120), atol: m.tolerance.atol, rtol: m.tolerance.rtol };
      if (m.absError !== undefined) result.diff.absError = Number.isFinite(m.absError) ? m.absError : null;
      if (m.relError !== undefined) result.diff.relError = Number.isFinite(m.relError) ? m.relError : null;
      if (m.worst) {
        result.message += t(lang).engine.worst(m.worst.count, m.worst.total, m.worst.index, formatValue(m.worst.absError, 40, 3));
      }
    }
  } else if (error instanceof StudentCallFailure) {
    result.message = error.text[lang];
    if (error.kind === 'timeout') result.status = 'timeout';
    if (error.kind === 'missing-export') {
      result.status = 'error';
      delete result.counterexample;
      result.location = { file: options.displayPath, line: 1 };
    }
    if (error.line !== undefined) result.location = { file: options.displayPath, line: error.line };
  } else {
    // neither the student's output nor the student's call: the grader itself failed here
    result.status = 'error';
    result.message = graderErrorMessage(error, lang);
  }
  return result;
}

/** The fields every property result has, before anything ran. */
function unrun(meta: PropertyMeta, lang: Lang, status: PropertyResult['status']): PropertyResult {
  const r: PropertyResult = { name: meta.name, title: meta.title[lang], function: meta.function, status, points: meta.points, score: 0 };
  if (meta.hidden) r.hidden = true;
  return r;
}

function graderErrorMessage(error: unknown, lang: Lang): string {
  return t(lang).engine.graderError(describeThrown(error));
}
