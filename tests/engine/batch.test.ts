/**
 * Batched calls (grader/engine/steps/prefetch.ts): the same results with batching on and off
 * (DLGRADE_BATCH=0), for solutions, stubs, buggy fixtures, a call that hangs, crashes or answers
 * too much in the middle of a batch, stateful students; and far fewer messages to the student
 * process (counted, never timed).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { gradeSubmission } from '../../grader/engine/grade.ts';
import type { ExerciseResult } from '../../grader/engine/result.ts';
import { memoStats } from '../../grader/engine/steps/prefetch.ts';
import { SOLUTIONS_DIR } from '../../grader/paths.ts';
import { channelMessages } from '../../grader/sandbox/student-process.ts';
import { buggyFixtures, stubSubmission, submissionWith } from '../tools/fixtures.ts';

const catalog = loadCatalog();
const tmp = mkdtempSync(join(tmpdir(), 'dlgrade-batch-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => {
  delete process.env['DLGRADE_BATCH'];
});

const CONV = 'ch07-convolution/conv2d';
const convDef = catalog.exercises.find((d) => d.id === CONV)!;

/** What a result says, without the durations (the only thing batching may change). */
function normal(r: unknown): unknown {
  return JSON.parse(JSON.stringify(r, (key, value) => (key === 'durationMs' ? undefined : value)));
}

async function gradeOnce(dir: string, ids: string[], batch: boolean, runs?: number): Promise<{ results: ExerciseResult[]; messages: number; answered: number }> {
  if (batch) delete process.env['DLGRADE_BATCH'];
  else process.env['DLGRADE_BATCH'] = '0';
  const before = channelMessages();
  const answered = memoStats.answered;
  const result = await gradeSubmission({ submissionDir: dir, exercises: ids, audience: 'instructor', catalog, concurrency: 1, typecheck: false, ...(runs ? { runs } : {}) });
  return { results: result.exercises, messages: channelMessages() - before, answered: memoStats.answered - answered };
}

/** Grades with batching off, then on: the results must be the same, whatever they are. */
async function same(dir: string, ids: string[], runs?: number): Promise<{ off: Awaited<ReturnType<typeof gradeOnce>>; on: Awaited<ReturnType<typeof gradeOnce>> }> {
  const off = await gradeOnce(dir, ids, false, runs);
  const on = await gradeOnce(dir, ids, true, runs);
  expect(on.results.map(normal)).toEqual(off.results.map(normal));
  return { off, on };
}

/** A submission of conv2d whose export wraps the solution with `wrapper` (it calls `real(...)`). */
function convWith(name: string, wrapper: string): { dir: string; cleanup: () => void } {
  const solution = readFileSync(join(SOLUTIONS_DIR, CONV, 'conv2d.ts'), 'utf8').replace('export function conv2d(', 'function real(');
  const file = join(tmp, name, 'conv2d.ts');
  mkdirSync(join(tmp, name), { recursive: true });
  writeFileSync(file, `${solution}\n${wrapper}\n`);
  return submissionWith(convDef, file);
}

describe('batched calls: same results as one round trip per call', () => {
  it('solutions of several exercises (no-mutation, several calls per check), and far fewer messages', async () => {
    const ids = [CONV, 'ch15-losses/dice-loss', 'ch13-attention-transformers/scaled-dot-product-attention'].filter((id) => catalog.exercises.some((d) => d.id === id));
    const { off, on } = await same(SOLUTIONS_DIR, ids);
    for (const r of on.results) expect(r.score, r.id).toBe(r.maxScore);
    // counted, not timed: every call was a message; now most answers come from batches
    expect(on.answered).toBeGreaterThan(0);
    expect(on.messages * 4).toBeLessThan(off.messages);
  }, 240_000);

  it('cheap calls: the rest of a property in one message; costly calls keep the doubling windows, with the same results', async () => {
    // ~4 ms of CPU per call: the rest of a property (32 runs) is expected to cost more than a
    // batch may spend at once (CHEAP_REST_MS), so it goes in growing windows as before
    const slow = convWith('slow', 'export function conv2d(...args: Parameters<typeof real>): ReturnType<typeof real> {\n  const end = performance.now() + 4;\n  while (performance.now() < end);\n  return real(...args);\n}');
    try {
      const fast = await gradeOnce(SOLUTIONS_DIR, [CONV], true, 40);
      const { on } = await same(slow.dir, [CONV], 40);
      expect(on.results[0]!.score).toBe(on.results[0]!.maxScore);
      expect(fast.results.map(normal)).toEqual(on.results.map((r) => ({ ...(normal(r) as object), file: (normal(fast.results[0]) as { file: string }).file })));
      expect(fast.messages).toBeLessThan(on.messages);
    } finally {
      slow.cleanup();
    }
  }, 240_000);

  it('a stub (every call throws «Sin implementar»): the same results, and no property\'s runs fetched all at once after the first failure', async () => {
    // Adam's stub: several properties run (none requires another), each fails at its first run
    const adam = catalog.exercises.find((d) => d.id === 'ch16-optimizers/adam')!;
    const others = stubSubmission([adam]);
    try {
      const sent = memoStats.sent;
      const { on } = await same(others.dir, [adam.id]);
      const ran = on.results[0]!.properties.filter((p) => p.status !== 'skipped');
      expect(ran.length).toBeGreaterThan(2);
      expect(ran.every((p) => p.status === 'fail')).toBe(true);
      // a window of 8 runs each (twice where an edge case failed first: then a random run is
      // looked for), never the rest of the 100 runs (which alone would be more than this)
      expect(memoStats.sent - sent).toBeLessThanOrEqual(16 * ran.length);
      expect(16 * ran.length).toBeLessThan(100);
    } finally {
      others.cleanup();
    }
    const stub = stubSubmission([convDef]);
    try {
      const { on } = await same(stub.dir, [CONV]);
      expect(on.results[0]!.score).toBe(0);
    } finally {
      stub.cleanup();
    }
  }, 120_000);

  const bugs = buggyFixtures(convDef).slice(0, 4);
  it.each(bugs.map((b) => [b.name, b] as const))('buggy fixture %s: same failures, counterexamples and shrinking', async (_name, bug) => {
    const sub = submissionWith(convDef, bug.path);
    try {
      const { on } = await same(sub.dir, [CONV]);
      expect(on.results[0]!.score).toBeLessThan(on.results[0]!.maxScore);
    } finally {
      sub.cleanup();
    }
  }, 120_000);

  it('a call that hangs in the middle of a batch: the same timeout, on the same call', async () => {
    const sub = convWith('hang', `let n = 0;\nexport function conv2d(...a: Parameters<typeof real>) {\n  if (++n === 5) for (;;) {}\n  return real(...a);\n}`);
    try {
      const { on } = await same(sub.dir, [CONV], 12);
      expect(on.results[0]!.status).toBe('timeout');
      expect(on.answered).toBeGreaterThan(0);
    } finally {
      sub.cleanup();
    }
  }, 120_000);

  it('a call that crashes the process in the middle of a batch: the same crash, restarts and regrading', async () => {
    const sub = convWith('crash', `let n = 0;\nexport function conv2d(...a: Parameters<typeof real>) {\n  if (++n === 5) process.exit(3);\n  return real(...a);\n}`);
    try {
      const { on } = await same(sub.dir, [CONV], 12);
      expect(JSON.stringify(on.results[0])).toMatch(/crash|terminó|ended|exited|salió/i);
      expect(on.answered).toBeGreaterThan(0);
    } finally {
      sub.cleanup();
    }
  }, 120_000);

  it('an answer over the channel’s cap in the middle of a batch: the same death, on that call only', async () => {
    // 16 MiB is the cap of one message: the fifth answer alone is over it, the others far under
    const sub = convWith('large', `let n = 0;\nexport function conv2d(...a: Parameters<typeof real>) {\n  if (++n === 5) return new Array(2_200_000).fill(0.123456789);\n  return real(...a);\n}`);
    try {
      const { on } = await same(sub.dir, [CONV], 12);
      expect(JSON.stringify(on.results[0])).toMatch(/MiB/);
      expect(on.answered).toBeGreaterThan(0);
    } finally {
      sub.cleanup();
    }
  }, 120_000);

  it('a stateful student: a memo of its own answers, and one wrong on every seventh call', async () => {
    const memo = convWith('memo', `const seen = new Map<string, ReturnType<typeof real>>();\nexport function conv2d(...a: Parameters<typeof real>) {\n  const k = JSON.stringify(a);\n  if (!seen.has(k)) seen.set(k, real(...a));\n  return structuredClone(seen.get(k)!);\n}`);
    try {
      const { on } = await same(memo.dir, [CONV], 12);
      expect(on.results[0]!.score).toBe(on.results[0]!.maxScore);
    } finally {
      memo.cleanup();
    }
    // a counter is state the batch changes: the runs of a window after the failing one were
    // answered too, so its shrinking sees other counts. Up to the first failure a check that
    // calls once sees the same sequence: it fails on the same run, and it gains nothing
    const seventh = convWith('seventh', `let n = 0;\nexport function conv2d(...a: Parameters<typeof real>) {\n  const y = real(...a);\n  return ++n % 7 === 0 ? y.map((r) => r.map((p) => p.map(() => 0))) : y;\n}`);
    try {
      const off = await gradeOnce(seventh.dir, [CONV], false, 12);
      const on = await gradeOnce(seventh.dir, [CONV], true, 12);
      const first = (r: ExerciseResult) => ({ status: r.properties[0]!.status, numRuns: r.properties[0]!.numRuns, score: r.properties[0]!.score });
      expect(first(on.results[0]!)).toEqual(first(off.results[0]!));
      expect(first(on.results[0]!).status).toBe('fail');
      expect(on.results[0]!.score).toBeLessThanOrEqual(off.results[0]!.score);
    } finally {
      seventh.cleanup();
    }
  }, 240_000);
});
