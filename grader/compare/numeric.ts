import { Opaque } from '../sandbox/codec.ts';
import type { Text } from '../spec/text.ts';
import { describeShape, formatIndex, formatNumber } from './format.ts';

/**
 * Combined tolerance: |expected − received| ≤ atol + rtol·|expected|.
 * References compute in float32 (TensorFlow.js), students usually in float64, so each output
 * declares a tolerance a little above float32's rounding for its magnitude and depth.
 */
export interface Tolerance {
  atol: number;
  rtol: number;
}

export const DEFAULT_TOLERANCE: Tolerance = { atol: 1e-5, rtol: 1e-4 };

export interface Mismatch {
  kind: 'type' | 'shape' | 'value' | 'non-finite' | 'missing-key';
  /** where it first differs, e.g. "[1][2]" ("" for the value itself) */
  index: string;
  expected: unknown;
  received: unknown;
  absError?: number;
  relError?: number;
  tolerance: Tolerance;
  /** the element with the largest error relative to its tolerance, when there are several */
  worst?: { index: string; absError: number; relError: number; count: number; total: number };
  message: Text;
}

export type Comparison = { ok: true } | ({ ok: false } & Mismatch);

/** True when two numbers agree within the tolerance. Non-finite values never match finite ones. */
export function closeEnough(expected: number, received: number, tol: Tolerance): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(received);
  if (!Number.isFinite(expected)) return expected === received;
  if (!Number.isFinite(received)) return false;
  return Math.abs(expected - received) <= tol.atol + tol.rtol * Math.abs(expected);
}

function typeName(value: unknown): string {
  if (value instanceof Opaque) return value.tag;
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value;
}

/**
 * Compares a student's value with the expected one: types and shapes first, then every number.
 * Reports the first differing index and the worst element.
 */
export function compareValues(expected: unknown, received: unknown, tol: Tolerance = DEFAULT_TOLERANCE): Comparison {
  // the usual case, every element within tolerance, is decided without building anything; only
  // a value that differs is walked again to say where and how (the same answer either way:
  // tests/compare/numeric-fast.test.ts)
  if (allClose(expected, received, tol)) return { ok: true };
  return compareInDetail(expected, received, tol);
}

/**
 * Whether compareInDetail would find nothing: the same walk (the expected value's structure, its
 * own enumerable keys, exact non-numbers, every number within tolerance), with no path, index
 * text or message made on the way.
 */
function allClose(expected: unknown, received: unknown, tol: Tolerance): boolean {
  if (typeof expected === 'number') return typeof received === 'number' && closeEnough(expected, received, tol);
  if (Array.isArray(expected)) {
    if (!Array.isArray(received) || received.length !== expected.length) return false;
    for (let i = 0; i < expected.length; i++) if (!allClose(expected[i], received[i], tol)) return false;
    return true;
  }
  if (expected !== null && typeof expected === 'object') {
    if (received === null || typeof received !== 'object' || Array.isArray(received) || received instanceof Opaque) return false;
    const keys = Object.keys(expected);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      if (!Object.prototype.hasOwnProperty.call(received, key)) return false;
      if (!allClose((expected as Record<string, unknown>)[key], (received as Record<string, unknown>)[key], tol)) return false;
    }
    return true;
  }
  return expected === received;
}

/** compareValues, always walking with paths and messages (exported for the test that holds the two to one answer) */
export function compareInDetail(expected: unknown, received: unknown, tol: Tolerance = DEFAULT_TOLERANCE): Comparison {
  const structural = compareStructure(expected, received, [], tol);
  if (structural) return { ok: false, ...structural };
  let first: Mismatch | undefined;
  let worstScore = 0;
  let worst: { index: string; absError: number; relError: number } | undefined;
  let count = 0;
  let total = 0;
  walkNumbers(expected, received, [], (e, r, path) => {
    total++;
    if (closeEnough(e, r, tol)) return;
    count++;
    const abs = Math.abs(e - r);
    const rel = e === 0 ? Infinity : abs / Math.abs(e);
    const score = Number.isFinite(abs) ? abs / (tol.atol + tol.rtol * Math.abs(e)) : Infinity;
    if (!first) first = valueMismatch(e, r, path, tol);
    if (!worst || score > worstScore) {
      worstScore = score;
      worst = { index: formatIndex(path), absError: abs, relError: rel };
    }
  });
  if (!first) return { ok: true };
  const found: Mismatch = first;
  if (worst && count > 1) found.worst = { ...worst, count, total };
  return { ok: false, ...found };
}

function valueMismatch(e: number, r: number, path: (number | string)[], tol: Tolerance): Mismatch {
  const index = formatIndex(path);
  const where = index === '' ? { es: 'El valor', en: 'The value' } : { es: `El elemento ${index}`, en: `Element ${index}` };
  const tolText = `atol=${formatNumber(tol.atol, 3)}, rtol=${formatNumber(tol.rtol, 3)}`;
  if (!Number.isFinite(r) && Number.isFinite(e)) {
    return {
      kind: 'non-finite',
      index,
      expected: e,
      received: r,
      tolerance: tol,
      message: {
        es: `${where.es} es ${formatNumber(r)} y debería ser ${formatNumber(e)}: un NaN o Infinity nunca se acepta como aproximación de un número (¿división por cero, log(0), exp de un número grande?).`,
        en: `${where.en} is ${formatNumber(r)} but should be ${formatNumber(e)}: NaN or Infinity is never close to a number (division by zero, log(0), exp of a large number?).`,
      },
    };
  }
  const abs = Math.abs(e - r);
  const rel = e === 0 ? Infinity : abs / Math.abs(e);
  return {
    kind: 'value',
    index,
    expected: e,
    received: r,
    absError: abs,
    relError: rel,
    tolerance: tol,
    message: {
      es: `${where.es} vale ${formatNumber(r)} pero se esperaba ${formatNumber(e)} (error absoluto ${formatNumber(abs, 3)}, relativo ${formatNumber(rel, 3)}; tolerancia ${tolText}).`,
      en: `${where.en} is ${formatNumber(r)} but ${formatNumber(e)} was expected (absolute error ${formatNumber(abs, 3)}, relative ${formatNumber(rel, 3)}; tolerance ${tolText}).`,
    },
  };
}

/** The same key but for case, `_`/`-` or one letter (dlogpNew, d_logp_new, dLogpNw for dLogpNew). */
function sameKeyLoosely(a: string, b: string): boolean {
  const norm = (k: string) => k.toLowerCase().replace(/[_-]/g, '');
  const [x, y] = [norm(a), norm(b)];
  if (x === y) return true;
  if (Math.abs(x.length - y.length) > 1 || Math.min(x.length, y.length) < 3) return false;
  // at most one edit (insert, delete or substitute)
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (x.length > y.length) i++;
    else if (y.length > x.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (x.length - i) + (y.length - j) <= 1;
}

function compareStructure(expected: unknown, received: unknown, path: (number | string)[], tol: Tolerance): Mismatch | undefined {
  const index = formatIndex(path);
  const at = index === '' ? { es: '', en: '' } : { es: ` en ${index}`, en: ` at ${index}` };
  if (typeof expected === 'number') {
    if (typeof received === 'number') return undefined;
    return {
      kind: 'type',
      index,
      expected,
      received,
      tolerance: tol,
      message: {
        es: `Se esperaba un número${at.es} y se recibió ${typeName(received)}${received === undefined ? ' (¿falta un return?)' : ''}.`,
        en: `Expected a number${at.en} but received ${typeName(received)}${received === undefined ? ' (missing return?)' : ''}.`,
      },
    };
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(received)) {
      return {
        kind: 'type',
        index,
        expected,
        received,
        tolerance: tol,
        message: {
          es: `Se esperaba un array (${describeShape(expected)})${at.es} y se recibió ${typeName(received)}. Devuelve arrays normales de number, no Float64Array ni otros objetos.`,
          en: `Expected an array (${describeShape(expected)})${at.en} but received ${typeName(received)}. Return plain number arrays, not Float64Array or other objects.`,
        },
      };
    }
    if (received.length !== expected.length) {
      return {
        kind: 'shape',
        index,
        expected,
        received,
        tolerance: tol,
        message: {
          es: `La forma no coincide${at.es}: se esperaba longitud ${expected.length} (${describeShape(expected)}) y se recibió longitud ${received.length} (${describeShape(received)}).`,
          en: `Shape mismatch${at.en}: expected length ${expected.length} (${describeShape(expected)}) but received length ${received.length} (${describeShape(received)}).`,
        },
      };
    }
    for (let i = 0; i < expected.length; i++) {
      const inner = compareStructure(expected[i], received[i], [...path, i], tol);
      if (inner) return inner;
    }
    return undefined;
  }
  if (expected !== null && typeof expected === 'object') {
    if (received === null || typeof received !== 'object' || Array.isArray(received) || received instanceof Opaque) {
      return {
        kind: 'type',
        index,
        expected,
        received,
        tolerance: tol,
        message: {
          es: `Se esperaba un objeto con las claves ${Object.keys(expected).join(', ')}${at.es} y se recibió ${typeName(received)}.`,
          en: `Expected an object with keys ${Object.keys(expected).join(', ')}${at.en} but received ${typeName(received)}.`,
        },
      };
    }
    // keys the contract does not name are accepted, as TypeScript's structural typing accepts them (a
    // { loss, grad, debug } is a { loss, grad }); a missing one is named with the keys that were returned
    for (const key of Object.keys(expected)) {
      if (!Object.prototype.hasOwnProperty.call(received, key)) {
        const has = Object.keys(received);
        const near = has.find((k) => !Object.prototype.hasOwnProperty.call(expected, k) && sameKeyLoosely(k, key));
        const listed = has.length === 0 ? { es: 'el objeto no tiene claves', en: 'the object has no keys' } : { es: `tiene ${has.map((k) => `«${k}»`).join(', ')}`, en: `it has ${has.map((k) => `"${k}"`).join(', ')}` };
        const hint = near === undefined ? { es: '', en: '' } : { es: ` ¿Es «${near}» la misma clave mal escrita? Los nombres distinguen mayúsculas.`, en: ` Is "${near}" the same key misspelled? Names are case-sensitive.` };
        return {
          kind: 'missing-key',
          index,
          expected,
          received,
          tolerance: tol,
          message: {
            es: `Falta la clave «${key}»${at.es} en el objeto devuelto (${listed.es}; se esperaban ${Object.keys(expected).map((k) => `«${k}»`).join(', ')}).${hint.es}`,
            en: `The returned object has no key "${key}"${at.en} (${listed.en}; expected ${Object.keys(expected).map((k) => `"${k}"`).join(', ')}).${hint.en}`,
          },
        };
      }
      const inner = compareStructure((expected as Record<string, unknown>)[key], (received as Record<string, unknown>)[key], [...path, key], tol);
      if (inner) return inner;
    }
    return undefined;
  }
  // strings, booleans, null: exact
  if (expected === received) return undefined;
  return {
    kind: 'value',
    index,
    expected,
    received,
    tolerance: tol,
    message: {
      es: `Se esperaba ${JSON.stringify(expected)}${at.es} y se recibió ${typeName(received) === 'string' ? JSON.stringify(received) : typeName(received)}.`,
      en: `Expected ${JSON.stringify(expected)}${at.en} but received ${typeName(received) === 'string' ? JSON.stringify(received) : typeName(received)}.`,
    },
  };
}

function walkNumbers(expected: unknown, received: unknown, path: (number | string)[], visit: (e: number, r: number, path: (number | string)[]) => void): void {
  if (typeof expected === 'number') {
    visit(expected, received as number, path);
    return;
  }
  if (Array.isArray(expected)) {
    const rec = received as unknown[];
    for (let i = 0; i < expected.length; i++) walkNumbers(expected[i], rec[i], [...path, i], visit);
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    for (const key of Object.keys(expected)) walkNumbers((expected as Record<string, unknown>)[key], (received as Record<string, unknown>)[key], [...path, key], visit);
  }
}
