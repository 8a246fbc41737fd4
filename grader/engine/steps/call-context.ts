import { expectCloseTo } from '../../spec/assert.ts';
import type { PropertyContext } from '../../spec/define.ts';
import { StudentCallFailure } from '../../spec/failure.ts';
import type { Text } from '../../spec/text.ts';
import { Opaque } from '../../sandbox/codec.ts';
import type { StudentError } from '../../sandbox/student-process.ts';
import type { Tolerance } from '../../compare/numeric.ts';
import type { Lang } from '../result.ts';
import type { StudentSession } from './student-session.ts';

const DEATH_TEXT: Record<string, Text> = {
  timeout: { es: 'no terminó a tiempo (¿un bucle infinito?)', en: 'did not finish in time (an infinite loop?)' },
  'out-of-memory': { es: 'se quedó sin memoria', en: 'ran out of memory' },
  crash: { es: 'terminó el proceso sin responder (¿process.exit?)', en: 'ended the process without answering (process.exit?)' },
  'output-too-large': { es: 'devolvió un valor demasiado grande', en: 'returned a value that is too large' },
  protocol: { es: 'escribió en el canal del corrector', en: 'wrote on the grader channel' },
};

/** The line of the student's file in a stack trace, e.g. "at f (exercises/ch/x/x.ts:12:5)". */
export function lineFromStack(stack: string, displayPath: string): number | undefined {
  const escaped = displayPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}:(\\d+):\\d+`).exec(stack);
  return match ? Number(match[1]) : undefined;
}

function threwText(fn: string, error: StudentError): Text {
  if (error.kind === 'non-error') {
    return {
      es: `${fn} lanzó un valor que no es un Error (${error.name}: ${error.message}). Lanza siempre new Error("…").`,
      en: `${fn} threw something that is not an Error (${error.name}: ${error.message}). Always throw new Error("…").`,
    };
  }
  if (error.kind === 'unserializable') {
    return { es: `${fn} devolvió un valor que no se puede leer: ${error.message}`, en: `${fn} returned a value that cannot be read: ${error.message}` };
  }
  if (/not implemented|no implementad/i.test(error.message)) {
    return { es: `${fn} todavía no está implementada (${error.message}).`, en: `${fn} is not implemented yet (${error.message}).` };
  }
  return { es: `${fn} lanzó ${error.name}: ${error.message}`, en: `${fn} threw ${error.name}: ${error.message}` };
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
        { es: `${displayPath} no exporta la función ${fn}: escribe «export function ${fn}(…)».`, en: `${displayPath} does not export the function ${fn}: write "export function ${fn}(…)".` },
        fn,
      );
    }
    const outcome = await session.call(fn, args);
    if (outcome.kind === 'ok') {
      if (outcome.value instanceof Opaque && outcome.value.tag === 'Promise') {
        throw new StudentCallFailure('promise', { es: `${fn} devolvió una Promise: la función debe ser síncrona (sin async ni await).`, en: `${fn} returned a Promise: the function must be synchronous (no async/await).` }, fn);
      }
      return { value: outcome.value, mutated: outcome.mutated };
    }
    if (outcome.kind === 'threw') {
      const kind = outcome.error.kind === 'unserializable' ? 'unserializable' : 'threw';
      throw new StudentCallFailure(kind, threwText(fn, outcome.error), fn, lineFromStack(outcome.error.stack, displayPath));
    }
    const death = DEATH_TEXT[outcome.reason] ?? DEATH_TEXT['crash']!;
    throw new StudentCallFailure(outcome.reason, { es: `${fn} ${death.es}: ${outcome.message}.`, en: `${fn} ${death.en}: ${outcome.message}.` }, fn);
  };
  return {
    lang: options.lang,
    tolerance: options.tolerance,
    callTracked,
    call: async (fn, ...args) => (await callTracked(fn, ...args)).value,
    expectClose: (expected, received, opts) => expectCloseTo(expected, received, opts?.tolerance ?? options.tolerance, opts?.what),
  };
}
