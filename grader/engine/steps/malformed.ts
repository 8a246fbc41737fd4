/**
 * Telling a student's malformed output from a grader bug. A property's check reads what the
 * student returned; when that value has the wrong shape or type (undefined, rows of undefined, a
 * string, an object instead of an array…), plain property code can throw (TypeError, RangeError)
 * before any comparison says why. That is the student's failure, never «Error interno».
 *
 * The test is counterfactual: the check is run again on the same input with every call answered
 * in-process by the TensorFlow.js reference (the well-formed answer). If the check no longer
 * throws anything but a PropertyFailure, the student's value caused the crash; if it throws again,
 * the grader itself is wrong (a bug in the spec or the reference) and stays a grader error. When
 * no reference function answers to an export's name, a structural test decides instead: the crash
 * is the student's only when a returned value holds something no numeric answer holds.
 */
import { expectCloseTo } from '../../spec/assert.ts';
import type { PropertyContext, PropertyImpl } from '../../spec/define.ts';
import { PropertyFailure, StudentCallFailure } from '../../spec/failure.ts';
import type { Text } from '../../spec/text.ts';
import { decode, encode, Opaque } from '../../sandbox/codec.ts';
import { formatValue } from '../../compare/format.ts';
import { describeThrown } from '../../errors.ts';
import type { ExportDecl } from '../../catalog/types.ts';
import type { Tolerance } from '../../compare/numeric.ts';
import type { Lang } from '../result.ts';

export type ReferenceModule = Record<string, unknown>;
/** the module, or (TensorFlow.js not loaded yet, see reference-backend.ts) how to load it when it is needed */
export type ReferenceSource = ReferenceModule | (() => Promise<ReferenceModule | undefined>);

/** A context whose calls are answered by the reference, in this process (never student code). */
function referenceContext(reference: ReferenceModule, lang: Lang, tolerance: Tolerance): PropertyContext {
  const callTracked: PropertyContext["callTracked"] = async (fn, ...args) => {
    const f = reference[fn];
    if (typeof f !== 'function') throw new NoReference(fn);
    // the same copy the student's process would get
    const copy = args.map((a) => decode(encode(a)));
    return { value: await (f as (...a: unknown[]) => unknown)(...copy), mutated: [], changes: [] };
  };
  return {
    lang,
    tolerance,
    callTracked,
    call: async (fn, ...args) => (await callTracked(fn, ...args)).value,
    expectClose: (expected, received, opts) => expectCloseTo(expected, received, opts?.tolerance ?? tolerance, opts?.what),
  };
}

class NoReference extends Error {
  constructor(readonly fn: string) {
    super(`no reference function ${fn}`);
  }
}

/** True when `value` holds something no numeric answer (numbers, arrays, plain objects of them) holds. */
export function holdsNonNumeric(value: unknown, depth = 0): boolean {
  if (depth > 64) return true;
  if (typeof value === 'number') return false;
  if (value === undefined || value === null || typeof value !== 'object' || value instanceof Opaque) return true;
  if (Array.isArray(value)) {
    if (value.length === 0) return false;
    // ragged rows: some rows arrays, others not, or rows of different lengths
    const arrays = value.filter(Array.isArray).length;
    if (arrays !== 0 && arrays !== value.length) return true;
    if (arrays === value.length && new Set(value.map((r) => (r as unknown[]).length)).size > 1) return true;
    return value.some((v) => holdsNonNumeric(v, depth + 1));
  }
  const entries = Object.values(value as Record<string, unknown>);
  if (entries.length === 0) return true;
  return entries.some((v) => holdsNonNumeric(v, depth + 1));
}

/** Does the check also crash (not just fail) when the reference answers? undefined: cannot tell. */
async function crashesWithReference(impl: PropertyImpl<unknown>, input: unknown, reference: ReferenceModule, lang: Lang, tolerance: Tolerance): Promise<boolean | undefined> {
  try {
    await impl.check(input as never, referenceContext(reference, lang, tolerance));
    return false;
  } catch (error: unknown) {
    if (error instanceof NoReference) return undefined;
    return !(error instanceof PropertyFailure);
  }
}

/** The failure a student gets when the grader could not read their output. */
export function malformedFailure(fn: string | undefined, returned: unknown, error: unknown, exportDecl: ExportDecl | undefined): PropertyFailure {
  const what = fn ?? 'la función';
  const shown = formatValue(returned, 300);
  const expected = exportDecl ? exportDecl.signature.replace(/^[^)]*\)\s*:\s*/, '') : undefined;
  const text: Text = {
    es: `${what} devolvió un valor con una forma o un tipo inesperados (${shown}): el corrector no pudo leerlo (${describeThrown(error)}).${expected ? ` Debe devolver ${expected}, con números en cada posición.` : ''}`,
    en: `${fn ?? 'the function'} returned a value of an unexpected shape or type (${shown}): the grader could not read it (${describeThrown(error)}).${expected ? ` It must return ${expected}, with a number in every position.` : ''}`,
  };
  return new PropertyFailure(text, { received: returned });
}

export interface ReturnedValue {
  fn: string;
  value: unknown;
}

/**
 * Decides who is to blame for `error`, thrown by a check that already received `returned` from the
 * student: returns the PropertyFailure to report instead, or undefined (a grader error: rethrow).
 */
export async function blameForCrash(options: {
  error: unknown;
  impl: PropertyImpl<unknown>;
  input: unknown;
  returned: ReturnedValue[];
  reference: ReferenceSource | undefined;
  exports: ExportDecl[];
  lang: Lang;
  tolerance: Tolerance;
}): Promise<PropertyFailure | undefined> {
  const { error, returned } = options;
  if (error instanceof PropertyFailure || error instanceof StudentCallFailure) return undefined;
  if (returned.length === 0) return undefined; // nothing of the student's was read yet
  // thrown inside the reference or TensorFlow.js (the student's values never reach them): the
  // grader's fault, even when a second try succeeds (a transient fault must not become a 0)
  if (thrownByReference(error)) return undefined;
  let verdict: boolean | undefined;
  const reference = typeof options.reference === 'function' ? await options.reference() : options.reference;
  if (reference) verdict = await crashesWithReference(options.impl, options.input, reference, options.lang, options.tolerance);
  const suspect = returned.find((r) => holdsNonNumeric(r.value)) ?? returned[returned.length - 1]!;
  if (verdict === undefined) {
    // no reference to ask: blame the student only for a value no numeric answer holds
    if (!returned.some((r) => holdsNonNumeric(r.value))) return undefined;
  } else if (verdict) return undefined;
  return malformedFailure(suspect.fn, suspect.value, error, options.exports.find((e) => e.name === suspect.fn));
}

/** Frames of a reference (`reference/<chapter>/<exercise>.ts`) or of TensorFlow.js in the error's stack. */
export function thrownByReference(error: unknown): boolean {
  const stack = error instanceof Error && typeof error.stack === 'string' ? error.stack : '';
  return /[\\/]reference[\\/][^\\/\s]+[\\/][^\\/\s]+\.(?:ts|js|mjs)\b|[\\/]node_modules[\\/]@tensorflow[\\/]/.test(stack);
}
