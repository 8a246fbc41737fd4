import type { Arbitrary } from 'fast-check';
import type { Lang } from '../engine/result.ts';
import type { Tolerance } from '../compare/numeric.ts';

/** Where the student's function changed one of its arguments. */
export interface ArgumentChange {
  /** position of the argument */
  arg: number;
  /** its name in the signature */
  name: string;
  /** the first index path that differs, "" for the value itself, e.g. "[0][2]" */
  index: string;
  /** the value there before and after the call (undefined when the sandbox could not say) */
  before?: unknown;
  after?: unknown;
}

/** What a property's check gets besides its input. */
export interface PropertyContext {
  lang: Lang;
  /** the tolerance declared for this property in exercise.yaml */
  tolerance: Tolerance;
  /**
   * Calls the student's exported function in the sandbox with a copy of `args` and returns what it
   * returned. Throws StudentCallFailure when it threw, hung, crashed or is not exported.
   */
  call(fn: string, ...args: unknown[]): Promise<unknown>;
  /**
   * Like call, also telling which argument positions the student's function modified and, for
   * each, its name and the first index path that changed.
   */
  callTracked(fn: string, ...args: unknown[]): Promise<{ value: unknown; mutated: number[]; changes: ArgumentChange[] }>;
  /** Fails unless `received` matches `expected` within the tolerance (shapes and types first). */
  expectClose(expected: unknown, received: unknown, options?: { tolerance?: Tolerance; what?: import('./text.ts').Text }): void;
}

export interface PropertyImpl<T> {
  arbitrary: Arbitrary<T>;
  check(input: T, ctx: PropertyContext): Promise<void>;
  /** pretty form of an input for the report; default: the input's fields */
  describe?(input: T): string;
  /**
   * The statement's edge cases this property checks, keyed by their id in exercise.yaml
   * `edgeCases`: each input runs first, on every grading and at every seed (fast-check `examples`).
   */
  examples?: Record<string, T>;
}

/** The trusted half of an exercise: its properties, keyed by the names declared in exercise.yaml. */
export function defineSpec<S extends Record<string, PropertyImpl<any>>>(spec: S): S {
  return spec;
}

/** Typed helper so `check` gets the arbitrary's type. */
export function property<T>(impl: PropertyImpl<T>): PropertyImpl<T> {
  return impl;
}
