import type { Mismatch } from '../compare/numeric.ts';
import type { Text } from './text.ts';

/** Thrown by a property's check when the student's output is wrong. Data, not a crash. */
export class PropertyFailure extends Error {
  override name = 'PropertyFailure';
  constructor(
    readonly text: Text,
    readonly details: { expected?: unknown; received?: unknown; mismatch?: Mismatch; hint?: Text; what?: Text } = {},
  ) {
    super(text.en);
  }
}

export type StudentFailureKind = 'threw' | 'missing-export' | 'timeout' | 'out-of-memory' | 'crash' | 'output-too-large' | 'protocol' | 'unserializable' | 'promise';

/** Thrown by ctx.call when the student's function did not return a value. */
export class StudentCallFailure extends Error {
  override name = 'StudentCallFailure';
  constructor(
    readonly kind: StudentFailureKind,
    readonly text: Text,
    readonly fn: string,
    readonly line?: number,
    /** the stub's own "not implemented" error: the student has not started this function */
    readonly notImplemented = false,
  ) {
    super(text.en);
  }
}
