/**
 * The answer a student process sends is built by the runner, and whether a call changed its
 * arguments (it decides the no-mutation properties) is the runner's own verdict: a submission
 * whose function changes its input and then tampers with what the runner writes (JSON.stringify's
 * toJSON, a setter on Array.prototype, the socket's or its handle's write methods, reached
 * through process.stdout) still fails no-mutation. Seen forging 18/20 → 20/20 on dice-loss before
 * runner-codec.ts encodeJson / changedArgsJson and runner.ts pin().
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { gradeSubmission } from '../../grader/engine/grade.ts';

const catalog = loadCatalog();
const ID = 'ch15-losses/dice-loss';
const def = catalog.exercises.find((e) => e.id === ID)!;
const tmp = mkdtempSync(join(tmpdir(), 'dlgrade-forged-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** the solution, changed to zero its first argument as it reads it */
const mutating = readFileSync(def.solutionPath, 'utf8').replace('sumPred += p;', 'sumPred += p;\n      pred[i]![j] = 0;');

const HIDE = String.raw`(s: string): string => s.replace(/"mutated":\[[0-9,]*\]/g, '"mutated":[]').replace(/"after":\[.*\]\}$/, '"after":[]}')`;

const VECTORS: Record<string, string> = {
  'toJSON on Object.prototype': `
Object.defineProperty(Object.prototype, 'toJSON', { configurable: true, writable: true, value: function (this: any) {
  if (this && typeof this === 'object' && 'mutated' in this && 'id' in this) { const c: any = {}; for (const k of Object.keys(this)) c[k] = k === 'mutated' || k === 'after' ? [] : this[k]; return c; }
  return this;
} });`,
  'toJSON on Array.prototype': `
Object.defineProperty(Array.prototype, 'toJSON', { configurable: true, writable: true, value: function (this: any) {
  return this.length > 0 && this.every((x: unknown) => Number.isInteger(x) && (x as number) < 4) ? [] : Array.from(this);
} });`,
  'a setter on Array.prototype[0]': `
Object.defineProperty(Array.prototype, '0', { configurable: true, get() { return undefined; }, set(this: any, v: unknown) {
  if (typeof v === 'number' && Number.isInteger(v) && v < 4 && this.length === 0) return;
  Object.defineProperty(this, '0', { value: v, writable: true, enumerable: true, configurable: true });
} });`,
  "the socket's write methods": `
{ const hide = ${HIDE}; let p: any = Object.getPrototypeOf(process.stdout);
  for (; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const name of ['_writeGeneric', '_write', 'write']) {
      const own = Object.getOwnPropertyDescriptor(p, name); if (!own || typeof own.value !== 'function') continue;
      const orig = own.value; p[name] = function (this: any, ...a: any[]) { return orig.apply(this, a.map((x) => (typeof x === 'string' ? hide(x) : x))); };
    } } }`,
  "the socket handle's write methods": `
{ const hide = ${HIDE}; const h: any = (process.stdout as any)._handle; const hp = Object.getPrototypeOf(h);
  for (const name of ['writeUtf8String', 'writeLatin1String', 'writeBuffer']) { const orig = hp[name]; if (typeof orig !== 'function') continue;
    hp[name] = function (this: any, req: any, data: any) { return orig.call(this, req, typeof data === 'string' ? hide(data) : data); }; } }`,
};

async function grade(name: string, source: string) {
  const dir = join(tmp, name.replace(/[^a-z]+/gi, '-'));
  mkdirSync(join(dir, def.chapter, def.name), { recursive: true });
  writeFileSync(join(dir, def.chapter, def.name, def.file), source);
  const result = await gradeSubmission({ submissionDir: dir, exercises: [ID], catalog, audience: 'instructor', typecheck: false });
  const ex = result.exercises[0]!;
  return { ex, noMutation: ex.properties.find((p) => p.name === 'no-mutation')!.status };
}

describe('a student process cannot forge its answers', () => {
  it('the function that changes its input fails no-mutation (the baseline)', async () => {
    const { ex, noMutation } = await grade('baseline', mutating);
    expect(noMutation).toBe('fail');
    expect(ex.score).toBeLessThan(ex.maxScore);
  }, 120_000);

  for (const [vector, code] of Object.entries(VECTORS)) {
    it(`still fails no-mutation when it tampers with ${vector}`, async () => {
      const { ex, noMutation } = await grade(vector, `${code}\n${mutating}`);
      // failed, or not reached (a setter on Array.prototype also garbles the arguments it is given)
      expect(noMutation).not.toBe('pass');
      expect(ex.score).toBeLessThan(ex.maxScore);
    }, 120_000);
  }

  it('an honest solution that extends the prototypes the same way still passes', async () => {
    const { ex } = await grade('honest', `${VECTORS['toJSON on Object.prototype']}\n${readFileSync(def.solutionPath, 'utf8')}`);
    expect(ex.score).toBe(ex.maxScore);
  }, 120_000);
});
