/**
 * The batched run's values (grader/engine/steps/prefetch.ts): fast-check's run of a property takes
 * the Values the memo's sampling generated (Replayed) instead of generating them again, and the
 * record mode runs on copies. Driven here without a sandbox (a session that answers in-process):
 * the run that grades gets exactly the inputs, counterexample, path and shrinks of fast-check on
 * its own, and whatever the record mode does to its inputs never reaches it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode } from '../../grader/sandbox/codec.ts';
import type { BatchAnswer, BatchCall, CallOutcome } from '../../grader/sandbox/student-process.ts';
import { CallMemo, memoStats, type CallPort } from '../../grader/engine/steps/prefetch.ts';
import type { PropertyContext } from '../../grader/spec/define.ts';
import type { StudentSession } from '../../grader/engine/steps/student-session.ts';

/** the "student": the sum of an array */
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

function session(): StudentSession {
  const answer = (fn: string, args: unknown[]): CallOutcome => ({ kind: 'ok', value: sum(args[0] as number[]), mutated: [], ms: 0 });
  return {
    batching: true,
    finished: false,
    batch: async (calls: readonly BatchCall[]): Promise<BatchAnswer[]> => calls.map((c) => ({ ...answer(c.fn, decode(c.encodedArgs) as unknown[]), chargedMs: 0 })),
    use: async (a: BatchAnswer): Promise<CallOutcome> => {
      const { chargedMs: _c, ...outcome } = a;
      void _c;
      return outcome as CallOutcome;
    },
    release: () => undefined,
    call: async (fn: string, args: unknown[]) => answer(fn, args),
    expectedBatchMs: () => 0,
  } as unknown as StudentSession;
}

type Input = { xs: number[]; nested: { ys: number[] }[] };
const arbitrary: fc.Arbitrary<Input> = fc.record({ xs: fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 12 }), nested: fc.array(fc.record({ ys: fc.array(fc.nat(9)) }), { maxLength: 3 }) });

/** a context whose calls go through `port`; `record`: the memo's record mode */
function contextOf(port: CallPort, record: boolean): PropertyContext & { record: boolean } {
  return {
    record,
    lang: 'es',
    tolerance: { atol: 0, rtol: 0 },
    call: async (fn: string, ...args: unknown[]) => {
      const outcome = await port.call(fn, args);
      if (outcome.kind !== 'ok') throw new Error('no answer');
      return outcome.value;
    },
    callTracked: () => Promise.reject(new Error('unused')),
    expectClose: () => undefined,
  } as PropertyContext & { record: boolean };
}

/** the property's check: fails for long arrays (so fast-check shrinks); in record mode it also vandalises its input */
async function check(input: Input, ctx: PropertyContext): Promise<void> {
  if ((ctx as { record?: boolean }).record) {
    input.xs.push(999);
    for (const n of input.nested) n.ys.length = 0;
  }
  const got = await ctx.call('sum', input.xs);
  if (got !== sum(input.xs) || input.xs.length > 7) throw new Error(`too long: ${input.xs.length}`);
}

async function run(batched: boolean, params: fc.Parameters<[Input]>): Promise<{ details: fc.RunDetails<[Input]>; inputs: Input[] }> {
  const s = session();
  const inputs: Input[] = [];
  const memo = batched
    ? new CallMemo({ session: s, arbitrary: arbitrary as fc.Arbitrary<unknown>, params: params as fc.Parameters<[unknown]>, check: (input, c) => check(input as Input, c), context: (port) => contextOf(port, true) })
    : undefined;
  const real = contextOf({ call: (fn, args) => (memo ? memo.port.call(fn, args) : s.call(fn, args)) }, false);
  const property = fc.asyncProperty((memo?.arbitrary ?? arbitrary) as fc.Arbitrary<Input>, async (input) => {
    inputs.push(structuredClone(input));
    await memo?.begin();
    try {
      await check(input, real);
    } catch (error: unknown) {
      memo?.fail();
      throw error;
    }
  });
  try {
    return { details: await fc.check(property, params), inputs };
  } finally {
    memo?.close();
  }
}

describe("fast-check's run takes the sampled values", () => {
  for (const seed of [1, 42, 2026]) {
    it(`seed ${seed}: the same inputs, counterexample, path and shrinks as fast-check alone; the record mode's changes never reach them`, async () => {
      const params: fc.Parameters<[Input]> = { seed, numRuns: 100, examples: [[{ xs: [1, 2], nested: [{ ys: [3] }] }]] };
      const replayedBefore = memoStats.replayed;
      const answeredBefore = memoStats.answered;
      const alone = await run(false, params);
      const batched = await run(true, params);
      expect(memoStats.replayed).toBeGreaterThan(replayedBefore);
      expect(memoStats.answered).toBeGreaterThan(answeredBefore);
      expect(batched.inputs).toEqual(alone.inputs);
      expect(batched.inputs.flatMap((i) => i.xs)).not.toContain(999);
      expect(batched.details.failed).toBe(alone.details.failed);
      expect(batched.details.counterexample).toEqual(alone.details.counterexample);
      expect(batched.details.counterexamplePath).toBe(alone.details.counterexamplePath);
      expect(batched.details.numShrinks).toBe(alone.details.numShrinks);
      expect(batched.details.numRuns).toBe(alone.details.numRuns);
    });
  }
});
