/**
 * A grader fault is never the student's fault: esbuild's service killed from outside, a reference
 * that throws. The exercise is graded again once; a fault that goes away leaves full marks, one
 * that stays is `error` / `grader-error` (score 0, to be regraded), never compile-error or crash.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { gradeSubmission } from '../../grader/engine/grade.ts';
import { INSTALL_ROOT, SOLUTIONS_DIR } from '../../grader/paths.ts';
import { descendantsOf } from '../../grader/regrade/children.ts';

const ID = 'ch15-losses/dice-loss';
const tmp = mkdtempSync(join(tmpdir(), 'dlgrade-faults-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A course root holding only dice-loss, with its reference replaced by `reference`. */
function courseWithReference(name: string, reference: string): string {
  const root = join(tmp, name);
  cpSync(join(INSTALL_ROOT, 'exercises/ch15-losses/chapter.yaml'), join(root, 'exercises/ch15-losses/chapter.yaml'));
  cpSync(join(INSTALL_ROOT, 'exercises/ch15-losses/dice-loss'), join(root, 'exercises/ch15-losses/dice-loss'), { recursive: true });
  mkdirSync(join(root, 'reference/ch15-losses'), { recursive: true });
  writeFileSync(join(root, 'reference/ch15-losses/dice-loss.ts'), reference);
  mkdirSync(join(root, 'solutions/ch15-losses'), { recursive: true });
  cpSync(join(SOLUTIONS_DIR, 'ch15-losses/dice-loss'), join(root, 'solutions/ch15-losses/dice-loss'), { recursive: true });
  symlinkSync(join(INSTALL_ROOT, 'grader'), join(root, 'grader'));
  symlinkSync(join(INSTALL_ROOT, 'node_modules'), join(root, 'node_modules'));
  return root;
}

const REAL = readFileSync(join(INSTALL_ROOT, 'reference/ch15-losses/dice-loss.ts'), 'utf8');

const grade = async (root: string, lang: 'es' | 'en' = 'es') =>
  (await gradeSubmission({ submissionDir: SOLUTIONS_DIR, exercises: [ID], audience: 'instructor', runs: 5, lang, catalog: loadCatalog({ root }) })).exercises[0]!;

describe('grader faults', () => {
  it('a reference that always throws: grader-error, never charged as the student’s', async () => {
    const root = courseWithReference('always', `export function diceLoss(): number {\n  throw new Error('reference exploded');\n}\n`);
    const r = await grade(root);
    expect(r.status).toBe('error');
    expect(r.reason).toBe('grader-error');
    expect(r.score).toBe(0);
    expect(r.message).toMatch(/Fallo interno del corrector.*reference exploded/s);
    expect((await grade(root, 'en')).message).toMatch(/Internal grader fault/);
  });

  it('a reference that throws once: the retry grades the exercise, full marks', async () => {
    // the first call throws, then the real reference answers
    const root = courseWithReference('once', `${REAL.replace('export function diceLoss(', 'function realDiceLoss(')}\nlet calls = 0;\nexport function diceLoss(...args: Parameters<typeof realDiceLoss>): number {\n  if (calls++ === 0) throw new Error('transient');\n  return realDiceLoss(...args);\n}\n`);
    const r = await grade(root);
    expect(r.status).toBe('pass');
    expect(r.score).toBe(r.maxScore);
  });

  it('esbuild’s service killed from outside: restarted, the student still gets full marks', async () => {
    const first = await grade(INSTALL_ROOT);
    expect(first.score).toBe(first.maxScore);
    const services = descendantsOf(process.pid).filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--service=');
      } catch {
        return false;
      }
    });
    expect(services.length).toBeGreaterThan(0);
    for (const pid of services) process.kill(pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 200));
    const r = await grade(INSTALL_ROOT);
    expect(r.reason).toBeUndefined();
    expect(r.score).toBe(r.maxScore);
  });
});
