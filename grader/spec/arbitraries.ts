/**
 * Arbitraries that produce inputs a student can read in a counterexample: numbers on a grid of
 * eighths (exact in float32 and float64, shrinking towards 0), small shapes.
 */
import fc, { type Arbitrary } from 'fast-check';

/** A number k/8 with |k/8| ≤ max (exact in binary floating point). */
export function num(max = 4): Arbitrary<number> {
  const k = Math.round(max * 8);
  return fc.integer({ min: -k, max: k }).map((i) => i / 8 + 0); // + 0 turns -0 into 0
}

/** A number k/8 in [min, max]. */
export function numIn(min: number, max: number): Arbitrary<number> {
  return fc.integer({ min: Math.ceil(min * 8), max: Math.floor(max * 8) }).map((i) => i / 8 + 0);
}

/** A probability-like number in [0, 1] on a grid of 1/16. */
export function prob(): Arbitrary<number> {
  return fc.integer({ min: 0, max: 16 }).map((i) => i / 16);
}

/** A finer-grained float for numerical checks (still finite, no -0). */
export function real(max = 4): Arbitrary<number> {
  return fc.double({ min: -max, max, noNaN: true, noDefaultInfinity: true }).map((x) => x + 0);
}

export function vector(length: number, element: Arbitrary<number> = num()): Arbitrary<number[]> {
  return fc.array(element, { minLength: length, maxLength: length });
}

export function matrix(rows: number, cols: number, element: Arbitrary<number> = num()): Arbitrary<number[][]> {
  return fc.array(vector(cols, element), { minLength: rows, maxLength: rows });
}

export function tensor3(d0: number, d1: number, d2: number, element: Arbitrary<number> = num()): Arbitrary<number[][][]> {
  return fc.array(matrix(d1, d2, element), { minLength: d0, maxLength: d0 });
}

export function tensor4(d0: number, d1: number, d2: number, d3: number, element: Arbitrary<number> = num()): Arbitrary<number[][][][]> {
  return fc.array(tensor3(d1, d2, d3, element), { minLength: d0, maxLength: d0 });
}

/** A 0/1 mask. */
export function mask(rows: number, cols: number): Arbitrary<number[][]> {
  return matrix(rows, cols, fc.integer({ min: 0, max: 1 }));
}

/** A dimension in [min, max]. */
export function dim(min: number, max: number): Arbitrary<number> {
  return fc.integer({ min, max });
}
