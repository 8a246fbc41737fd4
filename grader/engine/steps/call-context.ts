import { expectCloseTo } from '../../spec/assert.ts';
import type { ArgumentChange, PropertyContext } from '../../spec/define.ts';
export type { ArgumentChange } from '../../spec/define.ts';
import { StudentCallFailure } from '../../spec/failure.ts';
import type { Text } from '../../spec/text.ts';
import { Opaque } from '../../sandbox/codec.ts';
import type { StudentError } from '../../sandbox/student-process.ts';
import { compareValues, type Tolerance } from '../../compare/numeric.ts';
import type { Lang } from '../result.ts';
import type { CallPort } from './prefetch.ts';
import { both, t, type Catalog } from '../../i18n/index.ts';
import { deathText } from '../../i18n/sandbox-text.ts';

/** The line of the student's file in a stack trace, e.g. "at f (exercises/ch/x/x.ts:12:5)". */
export function lineFromStack(stack: string, displayPath: string): number | undefined {
  const escaped = displayPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}:(\\d+):\\d+`).exec(stack);
  return match ? Number(match[1]) : undefined;
}

/**
 * The stubs' marker: a plain `Error` whose whole message is «Sin implementar: f» (templates/new,
 * exercises/*), or «Not implemented: f» in repositories handed out before, with f one of the
 * exercise's exports. Only that exact form means «not started yet»: a student's own message that
 * merely mentions it («padding 'reflect' not implemented») is an exception like any other.
 */
const STUB_MESSAGE = /^(?:Sin implementar|Not implemented): ([A-Za-z_$][\w$]*)$/;

export function isStubError(error: StudentError, exports: ReadonlySet<string>): boolean {
  if (error.kind !== 'error' || error.name !== 'Error') return false;
  const match = STUB_MESSAGE.exec(error.message);
  return match !== null && exports.has(match[1]!);
}

function threwText(fn: string, error: StudentError, stub: boolean): Text {
  if (error.kind === 'non-error') return both((c) => c.engine.call.nonError(fn, error.name, error.message));
  if (error.kind === 'unserializable') return both((c) => c.engine.call.unserializable(fn, error.message));
  if (stub) return both((c) => c.engine.call.notImplemented(fn, error.message));
  return both((c) => c.engine.call.threw(fn, error.name, error.message));
}

/** One call a check made, as the trusted side saw it (its own copy of the arguments). */
export interface LoggedCall {
  fn: string;
  args: unknown[];
  /** what it returned (absent when it threw, hung or crashed) */
  value?: unknown;
  returned: boolean;
  changes: ArgumentChange[];
}

/** The first place where the argument the student got differs from what it holds after the call. */
function describeChanges(args: unknown[], mutated: number[], after: unknown[] | undefined, params: readonly string[]): ArgumentChange[] {
  return mutated.map((arg, k) => {
    const name = params[arg] ?? `#${arg + 1}`;
    if (!after || !(k in after)) return { arg, name, index: '' };
    const cmp = compareValues(args[arg], after[k], { atol: 0, rtol: 0 });
    if (cmp.ok) return { arg, name, index: '' };
    return { arg, name, index: cmp.index, before: cmp.expected, after: cmp.received };
  });
}

/** Builds the context a property's check runs with: calls go to the sandbox, never in-process. */
export function makeContext(options: {
  /** where the calls go: the student's session, or a memo of batched answers in front of it (prefetch.ts) */
  session: CallPort;
  exports: ReadonlySet<string>;
  lang: Lang;
  tolerance: Tolerance;
  displayPath: string;
  /** each exported function's parameter names, from the signature in exercise.yaml */
  params?: ReadonlyMap<string, readonly string[]>;
  /** receives every call, in order (the report shows the one that went wrong) */
  log?: LoggedCall[];
}): PropertyContext {
  const { session, exports, displayPath } = options;
  const callTracked = async (fn: string, ...args: unknown[]): Promise<{ value: unknown; mutated: number[]; changes: ArgumentChange[] }> => {
    const entry: LoggedCall = { fn, args, returned: false, changes: [] };
    options.log?.push(entry);
    const result = await callOnce(fn, args);
    entry.changes = describeChanges(args, result.mutated, result.mutatedValues, options.params?.get(fn) ?? []);
    entry.value = result.value;
    entry.returned = true;
    return { value: result.value, mutated: result.mutated, changes: entry.changes };
  };
  const callOnce = async (fn: string, args: unknown[]): Promise<{ value: unknown; mutated: number[]; mutatedValues?: unknown[] }> => {
    if (!exports.has(fn)) {
      throw new StudentCallFailure(
        'missing-export',
        both((c) => c.engine.call.missingExport(displayPath, fn)),
        fn,
      );
    }
    const outcome = await session.call(fn, args);
    if (outcome.kind === 'ok') {
      if (outcome.value instanceof Opaque && outcome.value.tag === 'Promise') {
        throw new StudentCallFailure('promise', both((c) => c.engine.call.promise(fn)), fn);
      }
      return { value: outcome.value, mutated: outcome.mutated, ...(outcome.mutatedValues ? { mutatedValues: outcome.mutatedValues } : {}) };
    }
    if (outcome.kind === 'threw') {
      const kind = outcome.error.kind === 'unserializable' ? 'unserializable' : 'threw';
      const notImplemented = isStubError(outcome.error, exports);
      throw new StudentCallFailure(kind, threwText(fn, outcome.error, notImplemented), fn, lineFromStack(outcome.error.stack, displayPath), notImplemented);
    }
    const what = (c: Catalog): string => c.engine.call.death[outcome.reason] ?? c.engine.call.death['crash']!;
    throw new StudentCallFailure(outcome.reason, { es: t('es').engine.call.died(fn, what(t('es')), deathText(outcome.detail, 'es')), en: t('en').engine.call.died(fn, what(t('en')), deathText(outcome.detail, 'en')) }, fn);
  };
  return {
    lang: options.lang,
    tolerance: options.tolerance,
    callTracked,
    call: async (fn, ...args) => (await callTracked(fn, ...args)).value,
    expectClose: (expected, received, opts) => expectCloseTo(expected, received, opts?.tolerance ?? options.tolerance, opts?.what),
  };
}
