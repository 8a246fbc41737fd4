import { expectCloseTo } from '../../spec/assert.ts';
import type { PropertyContext } from '../../spec/define.ts';
import { StudentCallFailure } from '../../spec/failure.ts';
import type { Text } from '../../spec/text.ts';
import { Opaque } from '../../sandbox/codec.ts';
import type { StudentError } from '../../sandbox/student-process.ts';
import type { Tolerance } from '../../compare/numeric.ts';
import type { Lang } from '../result.ts';
import type { StudentSession } from './student-session.ts';
import { both, t, type Catalog } from '../../i18n/index.ts';
import { sandboxText } from '../../i18n/sandbox-text.ts';

/** The line of the student's file in a stack trace, e.g. "at f (exercises/ch/x/x.ts:12:5)". */
export function lineFromStack(stack: string, displayPath: string): number | undefined {
  const escaped = displayPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}:(\\d+):\\d+`).exec(stack);
  return match ? Number(match[1]) : undefined;
}

/** A stub's «Sin implementar: f» (or an older «Not implemented: f»): the student has not started yet. */
export const NOT_IMPLEMENTED = /not implemented|no implementad|sin implementar|no está implementada/i;

function threwText(fn: string, error: StudentError): Text {
  if (error.kind === 'non-error') return both((c) => c.engine.call.nonError(fn, error.name, error.message));
  if (error.kind === 'unserializable') return both((c) => c.engine.call.unserializable(fn, error.message));
  if (NOT_IMPLEMENTED.test(error.message)) return both((c) => c.engine.call.notImplemented(fn, error.message));
  return both((c) => c.engine.call.threw(fn, error.name, error.message));
}

/** Builds the context a property's check runs with: calls go to the sandbox, never in-process. */
export function makeContext(options: {
  session: StudentSession;
  exports: ReadonlySet<string>;
  lang: Lang;
  tolerance: Tolerance;
  displayPath: string;
}): PropertyContext {
  const { session, exports, displayPath } = options;
  const callTracked = async (fn: string, ...args: unknown[]): Promise<{ value: unknown; mutated: number[] }> => {
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
      return { value: outcome.value, mutated: outcome.mutated };
    }
    if (outcome.kind === 'threw') {
      const kind = outcome.error.kind === 'unserializable' ? 'unserializable' : 'threw';
      throw new StudentCallFailure(kind, threwText(fn, outcome.error), fn, lineFromStack(outcome.error.stack, displayPath));
    }
    const what = (c: Catalog): string => c.engine.call.death[outcome.reason] ?? c.engine.call.death['crash']!;
    throw new StudentCallFailure(outcome.reason, { es: t('es').engine.call.died(fn, what(t('es')), sandboxText(outcome.message, 'es')), en: t('en').engine.call.died(fn, what(t('en')), sandboxText(outcome.message, 'en')) }, fn);
  };
  return {
    lang: options.lang,
    tolerance: options.tolerance,
    callTracked,
    call: async (fn, ...args) => (await callTracked(fn, ...args)).value,
    expectClose: (expected, received, opts) => expectCloseTo(expected, received, opts?.tolerance ?? options.tolerance, opts?.what),
  };
}
