import { compareValues, type Tolerance } from '../compare/numeric.ts';
import { PropertyFailure } from './failure.ts';
import type { Text } from './text.ts';

/** Fails the property with a message in both languages. */
export function fail(text: Text, details: { expected?: unknown; received?: unknown; hint?: Text } = {}): never {
  throw new PropertyFailure(text, details);
}

/** Fails unless received ≈ expected (see compareValues). `what` prefixes the message, e.g. "dW1". */
export function expectCloseTo(expected: unknown, received: unknown, tolerance: Tolerance, what?: Text): void {
  const comparison = compareValues(expected, received, tolerance);
  if (comparison.ok) return;
  const text = what ? { es: `${what.es}: ${comparison.message.es}`, en: `${what.en}: ${comparison.message.en}` } : comparison.message;
  throw new PropertyFailure(text, { expected, received, mismatch: comparison, ...(what ? { what } : {}) });
}
