import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gradeSubmission } from '../../grader/engine/grade.ts';
import { isStubError } from '../../grader/engine/steps/call-context.ts';
import type { StudentError } from '../../grader/sandbox/student-process.ts';

/**
 * «Not started yet» is the stubs' exact marker (a plain Error «Sin implementar: f», or the older
 * «Not implemented: f», f an export), never a message that merely mentions it.
 */
const error = (message: string, name = 'Error', kind: StudentError['kind'] = 'error'): StudentError => ({ kind, name, message, stack: '' });
const exports = new Set(['conv2d', 'maxPool2d']);

describe('the stub marker', () => {
  it('is the stub message, in Spanish or as older repositories had it', () => {
    expect(isStubError(error('Sin implementar: conv2d'), exports)).toBe(true);
    expect(isStubError(error('Not implemented: maxPool2d'), exports)).toBe(true);
  });

  it('is not a student message that mentions it, another error class, a non-error or an unknown name', () => {
    expect(isStubError(error("padding 'reflect' not implemented"), exports)).toBe(false);
    expect(isStubError(error('Sin implementar: conv2d para stride 3'), exports)).toBe(false);
    expect(isStubError(error('sin implementar: conv2d todavía, pero casi'), exports)).toBe(false);
    expect(isStubError(error('Sin implementar: conv2d', 'TypeError'), exports)).toBe(false);
    expect(isStubError(error('Sin implementar: conv2d', 'Error', 'non-error'), exports)).toBe(false);
    expect(isStubError(error('Sin implementar: somethingElse'), exports)).toBe(false);
  });
});

describe('graded', () => {
  const root = mkdtempSync(join(tmpdir(), 'dlgrade-stub-marker-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const STUB = readFileSync(join(import.meta.dirname, '../../exercises/ch07-convolution/conv2d/conv2d.ts'), 'utf8');
  const grade = async (name: string, source: string) => {
    const dir = join(root, name);
    mkdirSync(join(dir, 'ch07-convolution', 'conv2d'), { recursive: true });
    writeFileSync(join(dir, 'ch07-convolution', 'conv2d', 'conv2d.ts'), source);
    const result = await gradeSubmission({ submissionDir: dir, exercises: ['ch07-convolution/conv2d'], lang: 'es', runs: 3, concurrency: 1 });
    return result.exercises[0]!.properties.filter((p) => p.status === 'fail');
  };

  it('the stub is «not started»; a student error saying «not implemented» is an exception of theirs', async () => {
    const stub = await grade('stub', STUB);
    expect(stub.length).toBeGreaterThan(0);
    expect(stub.every((p) => p.notImplemented === true)).toBe(true);
    const own = await grade('own', STUB.replace(/throw new Error\('Sin implementar: conv2d'\);/, "throw new Error(\"padding 'reflect' not implemented\");"));
    expect(own.length).toBeGreaterThan(0);
    expect(own.some((p) => p.notImplemented === true)).toBe(false);
    expect(own.map((p) => p.message ?? '').join('\n')).toContain("padding 'reflect' not implemented");
  }, 120_000);
});
