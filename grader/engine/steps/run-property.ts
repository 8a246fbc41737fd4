import fc from 'fast-check';
import type { ExportDecl, PropertyMeta } from '../../catalog/types.ts';
import { formatValue } from '../../compare/format.ts';
import type { PropertyImpl } from '../../spec/define.ts';
import { PropertyFailure, StudentCallFailure } from '../../spec/failure.ts';
import type { PropertyResult } from '../result.ts';
import { describeThrown } from '../../errors.ts';
import { makeContext, type LoggedCall } from './call-context.ts';
import { CallMemo, type CallPort } from './prefetch.ts';
import { functionBodyLine, locate } from './code-frame.ts';
import { layoutValue, parseIndex, renderCall, shapeOf } from '../../compare/layout.ts';
import { fill, labels } from '../../report/labels.ts';
import { blameForCrash, type ReferenceSource } from './malformed.ts';
import type { StudentSession } from './student-session.ts';
import type { Lang } from '../result.ts';
import { t } from '../../i18n/index.ts';
import { deathText } from '../../i18n/sandbox-text.ts';

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
  /** the student's source, for code frames */
  source?: string;
  /** each export's parameter names (from its signature), for the failing call */
  params?: ReadonlyMap<string, readonly string[]>;
  /** the results of the properties already run: a property whose prerequisite did not pass is not checked */
  done?: readonly PropertyResult[];
  /** the exercise's reference module (tells a malformed student output from a grader bug) */
  reference?: ReferenceSource | undefined;
  /** the exercise's declared exports (their signatures name the expected return type) */
  exportDecls?: ExportDecl[];
  /** true once a reference answer was missing before TensorFlow.js loaded: the exercise is graded again, this run is moot */
  deferred?: () => boolean;
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
      message: t(lang).engine.exhausted(deathText(session.exhausted.detail, lang)),
    };
  }
  const blockers = blockedBy(meta, options.done);
  if (blockers.length > 0) {
    return { ...unrun(meta, lang, 'skipped'), blockedBy: blockers, message: fill(labels(lang).notChecked, { names: blockers.join(', ') }) };
  }
  const log: LoggedCall[] = [];
  let failingLog: LoggedCall[] = [];
  // the fast-check run now going, when its calls are batched (prefetch.ts); else every call is live
  let memo: CallMemo | undefined;
  const port: CallPort = { call: (fn, args) => (memo ? memo.port.call(fn, args) : session.call(fn, args)) };
  const contextFor = (through: CallPort, into?: LoggedCall[]) =>
    makeContext({ session: through, exports: options.exports, lang, tolerance: meta.tolerance, displayPath: options.displayPath, ...(into ? { log: into } : {}), ...(options.params ? { params: options.params } : {}) });
  const ctx = contextFor(port, log);
  const checksMutation = meta.name === 'no-mutation';
  const body = async (input: unknown): Promise<void> => {
    await memo?.begin();
    try {
      await predicate(input);
    } catch (error: unknown) {
      memo?.fail();
      throw error;
    }
  };
  /** Runs fast-check on the property, its calls batched unless turned off (or replaying a path). */
  const check = async (params: fc.Parameters<[unknown]>): Promise<fc.RunDetails<[unknown]>> => {
    memo =
      session.batching && params.path === undefined
        ? new CallMemo({ session, arbitrary: impl.arbitrary as fc.Arbitrary<unknown>, params, check: (input, c) => impl.check(input as never, c), context: (through) => contextFor(through) })
        : undefined;
    try {
      // batched, fast-check's run takes the values the memo already generated (prefetch.ts Replayed)
      return await fc.check(fc.asyncProperty(memo?.arbitrary ?? (impl.arbitrary as fc.Arbitrary<unknown>), body), params);
    } finally {
      memo?.close();
      memo = undefined;
    }
  };
  const predicate = async (input: unknown): Promise<void> => {
    // once the student's process hung or keeps crashing, no call can answer any more: stop
    // shrinking so the counterexample stays the input that really showed the problem
    if (session.finished || options.deferred?.()) return;
    log.length = 0;
    try {
      await impl.check(input as never, ctx);
      if (checksMutation) failOnMutation(log, lang);
    } catch (error: unknown) {
      if (options.deferred?.()) return;
      if (checksMutation && error instanceof PropertyFailure && !(error instanceof MutationFailure)) {
        // no-mutation is about the arguments only: a wrong value is the other properties' business
        if (!log.some((c) => c.changes.length > 0)) return;
        failingLog = [...log];
        failOnMutation(log, lang);
      }
      // a crash while reading a malformed student output is the student's failure (see malformed.ts)
      const returned = log.filter((c) => c.returned).map((c) => ({ fn: c.fn, value: c.value }));
      const blamed = await blameForCrash({ error, impl, input, returned, reference: options.reference, exports: options.exportDecls ?? [], lang, tolerance: meta.tolerance });
      failingLog = [...log];
      // in a process that graded another exercise first, a failure is not trusted: the exercise
      // is graded again in a fresh process (run-exercise.ts), so nothing more is asked here
      session.abandon();
      throw blamed ?? error;
    }
  };
  const params: fc.Parameters<[unknown]> = { seed: options.seed, numRuns: options.numRuns };
  // the statement's edge cases run first, every time, whatever the seed
  if (impl.examples) params.examples = Object.values(impl.examples).map((input) => [input]);
  if (options.path !== undefined) params.path = options.path;
  let details: Awaited<ReturnType<typeof fc.check<[unknown]>>>;
  try {
    details = await check(params);
  } catch (error: unknown) {
    // the spec itself failed (e.g. an arbitrary threw while generating): the grader's fault
    return { ...unrun(meta, lang, 'error'), message: graderErrorMessage(error, lang) };
  }
  // an edge case of the statement failed first: fast-check cannot shrink an explicit example, so
  // look for a random input that fails too and shrinks to something small (a beginner reads a
  // 1×2 image more easily than the edge case's 5×3); its path is counted after the examples
  const exampleCount = params.examples?.length ?? 0;
  const firstStep = Number(details.counterexamplePath?.split(':')[0] ?? NaN);
  if (details.failed && exampleCount > 0 && options.path === undefined && firstStep < exampleCount && !session.finished) {
    const exampleLog = failingLog;
    let random: Awaited<ReturnType<typeof fc.check<[unknown]>>> | undefined;
    try {
      random = await check({ seed: options.seed, numRuns: options.numRuns });
    } catch {
      random = undefined;
    }
    if (random?.failed && random.counterexample !== null && random.counterexamplePath) {
      const steps = random.counterexamplePath.split(':');
      steps[0] = String(Number(steps[0]) + exampleCount);
      details = { ...random, counterexamplePath: steps.join(':'), numRuns: details.numRuns + random.numRuns };
    } else {
      failingLog = exampleLog;
    }
  }
  const base: PropertyResult = {
    ...unrun(meta, lang, 'pass'),
    seed: options.seed,
    numRuns: details.numRuns,
    durationMs: Math.round(performance.now() - started),
  };
  if (!details.failed) return { ...base, score: meta.points };

  const result: PropertyResult = { ...base, status: 'fail', numShrinks: details.numShrinks, hint: meta.hint[lang], command: options.command };
  // a wrong value points at the function's body, with a few lines of it
  const bodyLine = options.source !== undefined ? functionBodyLine(options.source, meta.function) : undefined;
  const line = bodyLine ?? options.exportLine;
  if (line !== undefined) result.location = locate(options.source, options.displayPath, line, meta.function);
  const error = details.errorInstance;
  if (details.counterexample !== null) {
    const input = details.counterexample[0];
    const call = failingCall(failingLog, error);
    if (call) {
      const rendered = renderCall(call.fn, options.params?.get(call.fn) ?? [], call.args);
      result.call = rendered.call;
      result.counterexample = rendered.code;
    } else {
      result.counterexample = impl.describe ? impl.describe(input as never) : formatValue(input, 1500);
    }
    result.path = details.counterexamplePath ?? undefined;
    result.command = `${options.command} --path ${details.counterexamplePath}`;
  }
  if (error instanceof PropertyFailure) {
    result.message = error.text[lang];
    if (error.details.hint) result.hint = `${error.details.hint[lang]} ${meta.hint[lang]}`;
    const m = error.details.mismatch;
    const focus = m ? parseIndex(m.index) : undefined;
    const show = (v: unknown): string => layoutValue(v, { maxChars: 1500, ...(focus ? { focus } : {}) });
    if ('expected' in error.details) result.expected = show(error.details.expected);
    if ('received' in error.details) result.received = show(error.details.received);
    if (m) {
      result.diff = { index: m.index, kind: m.kind, expected: formatValue(m.expected, 120), received: formatValue(m.received, 120), atol: m.tolerance.atol, rtol: m.tolerance.rtol };
      if ('expected' in error.details) result.diff.expectedShape = shapeOf(error.details.expected);
      if ('received' in error.details) result.diff.receivedShape = shapeOf(error.details.received);
      if (m.absError !== undefined) result.diff.absError = Number.isFinite(m.absError) ? m.absError : null;
      if (m.relError !== undefined) result.diff.relError = Number.isFinite(m.relError) ? m.relError : null;
      // the numbers are in the diff: the message says what differs, not the same numbers again
      const L = labels(lang);
      const what = error.details.what?.[lang];
      if (m.kind === 'value') result.message = what ? `${what}: ${L.valueDiffers}` : capitalise(L.valueDiffers);
      if (m.kind === 'non-finite') result.message = what ? `${what}: ${L.nonFinite}` : capitalise(L.nonFinite);
      if (m.worst) {
        result.message += t(lang).engine.worst(m.worst.count, m.worst.total, m.worst.index, formatValue(m.worst.absError, 40, 3));
      }
    }
  } else if (error instanceof StudentCallFailure) {
    result.message = error.text[lang];
    const fnLine = options.source !== undefined ? functionBodyLine(options.source, error.fn) : undefined;
    if (fnLine !== undefined) result.location = locate(options.source, options.displayPath, fnLine, error.fn);
    if (error.notImplemented) result.notImplemented = true;
    if (error.kind === 'timeout') result.status = 'timeout';
    if (error.kind === 'missing-export') {
      result.status = 'error';
      delete result.counterexample;
      delete result.call;
      result.location = { file: options.displayPath, line: 1 };
    }
    // an exception: the line that threw
    if (error.line !== undefined) result.location = locate(options.source, options.displayPath, error.line, error.fn);
  } else {
    // neither the student's output nor the student's call: the grader itself failed here
    result.status = 'error';
    result.message = graderErrorMessage(error, lang);
  }
  return result;
}

/** The direct prerequisites of `meta` that ran (or were blocked) without passing. */
function blockedBy(meta: PropertyMeta, done: readonly PropertyResult[] | undefined): string[] {
  if (!done || !meta.requires) return [];
  return meta.requires.filter((name) => {
    const r = done.find((d) => d.name === name);
    return r !== undefined && r.status !== 'pass';
  });
}

/** A no-mutation failure with the argument and the index that changed. */
class MutationFailure extends PropertyFailure {}

/** Throws a MutationFailure naming the first argument a logged call changed, and where. */
function failOnMutation(log: readonly LoggedCall[], lang: Lang): void {
  const call = log.find((c) => c.changes.length > 0);
  if (!call) return;
  const change = call.changes[0]!;
  const text = (l: Lang): string => {
    const L = labels(l);
    if (change.before === undefined && change.after === undefined && change.index === '') return fill(L.mutatedShape, { fn: call.fn, name: change.name });
    return fill(L.mutated, {
      fn: call.fn,
      name: change.name,
      where: change.index === '' ? '' : fill(L.mutatedAt, { index: change.index }),
      before: formatValue(change.before, 60),
      after: formatValue(change.after, 60),
    });
  };
  void lang;
  throw new MutationFailure({ es: text('es'), en: text('en') });
}

/**
 * The call the report shows: the one whose return value the failing comparison received, the one
 * that threw or changed an argument, else the last one the check made.
 */
function failingCall(log: readonly LoggedCall[], error: unknown): LoggedCall | undefined {
  if (log.length === 0) return undefined;
  if (error instanceof StudentCallFailure) return [...log].reverse().find((c) => !c.returned) ?? log[log.length - 1];
  if (error instanceof MutationFailure) return log.find((c) => c.changes.length > 0);
  if (error instanceof PropertyFailure && 'received' in error.details) {
    const received = error.details.received;
    const holds = (v: unknown): boolean =>
      Object.is(v, received) || (v !== null && typeof v === 'object' && received !== null && typeof received === 'object' && Object.values(v).some((x) => x === received));
    const found = [...log].reverse().find((c) => c.returned && holds(c.value));
    if (found) return found;
  }
  return log[log.length - 1];
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The fields every property result has, before anything ran. */
function unrun(meta: PropertyMeta, lang: Lang, status: PropertyResult['status']): PropertyResult {
  const r: PropertyResult = { name: meta.name, title: meta.title[lang], function: meta.function, status, points: meta.points, score: 0 };
  if (meta.hidden) r.hidden = true;
  if (meta.role) r.role = meta.role;
  return r;
}

function graderErrorMessage(error: unknown, lang: Lang): string {
  return t(lang).engine.graderError(describeThrown(error));
}
