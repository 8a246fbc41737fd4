/**
 * The type checker's findings cache (grader/typecheck/cache.ts): a file checked once gives the
 * same findings from the cache, and never another file's, another stub's, another language's or
 * another name's; a tampered or truncated entry is a miss; a stopped check is never stored.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findExportLine } from '../../grader/sandbox/compile.ts';
import { FOLDER, readCachedFindings, storeFindings } from '../../grader/typecheck/cache.ts';
import { typecheckBounded } from '../../grader/typecheck/bounded.ts';
import type { TypecheckInput } from '../../grader/typecheck/typecheck.ts';
import { FIXTURES_DIR } from '../tools/fixtures.ts';

const ROOT = join(import.meta.dirname, '../..');
const STUB = readFileSync(join(ROOT, 'exercises/ch15-losses/dice-loss/dice-loss.ts'), 'utf8');
const SOLUTION = readFileSync(join(ROOT, 'solutions/ch15-losses/dice-loss/dice-loss.ts'), 'utf8');
const WRONG = SOLUTION.replace('let intersection = 0;', 'let intersection: number = "0";');
const BOMB = readFileSync(join(FIXTURES_DIR, 'hostile/typecheck/type-bomb.ts'), 'utf8');

const input = (source: string, lang: 'es' | 'en' = 'es', displayPath = 'exercises/ch15-losses/dice-loss/dice-loss.ts'): TypecheckInput => ({
  source,
  stubSource: STUB,
  fileName: 'dice-loss.ts',
  displayPath,
  exports: [{ name: 'diceLoss', signature: 'diceLoss(pred: number[][], target: number[][], smooth?: number): number' }],
  exportLine: (name) => findExportLine(source, name),
  lang,
});
const cacheable = (i: TypecheckInput) => {
  const { exportLine, ...rest } = i;
  return { ...rest, exportLines: i.exports.map((e) => [e.name, exportLine(e.name)] as [string, number | undefined]) };
};

const env = { dir: process.env['DLGRADE_CACHE_DIR'], cache: process.env['DLGRADE_TYPECHECK_CACHE'], cpu: process.env['DLGRADE_TYPECHECK_CPU_MS'] };
let dir: string;
const entries = (): string[] => {
  try {
    return readdirSync(join(dir, FOLDER));
  } catch {
    return [];
  }
};
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dlgrade-typecheck-cache-'));
  process.env['DLGRADE_CACHE_DIR'] = dir;
  delete process.env['DLGRADE_TYPECHECK_CACHE'];
  process.env['DLGRADE_TYPECHECK_CPU_MS'] = '3000';
});
afterAll(() => {
  for (const [name, value] of [['DLGRADE_CACHE_DIR', env.dir], ['DLGRADE_TYPECHECK_CACHE', env.cache], ['DLGRADE_TYPECHECK_CPU_MS', env.cpu]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('the type check cache', () => {
  it('answers a file checked before with the same findings, and only that file', async () => {
    const cold = await typecheckBounded(input(WRONG));
    expect(cold.ok && cold.diagnostics.length).toBeGreaterThan(0);
    expect(entries()).toHaveLength(1);
    const warm = await typecheckBounded(input(WRONG));
    expect(warm).toEqual({ ...cold, durationMs: 0 });
    // another text, language or name: not the same entry
    expect(readCachedFindings(cacheable(input(SOLUTION)))).toBeUndefined();
    expect(readCachedFindings(cacheable(input(WRONG, 'en')))).toBeUndefined();
    expect(readCachedFindings(cacheable(input(WRONG, 'es', 'ejercicios/otro.ts')))).toBeUndefined();
    expect(readCachedFindings(cacheable({ ...input(WRONG), stubSource: `${STUB}\n` }))).toBeUndefined();
    const en = await typecheckBounded(input(WRONG, 'en'));
    expect(en.ok && en.diagnostics.map((d) => d.line)).toEqual(cold.ok && cold.diagnostics.map((d) => d.line));
    expect(entries()).toHaveLength(2);
  }, 120_000);

  it('refuses a tampered, truncated or foreign entry: checked again and rewritten', async () => {
    const i = cacheable(input(WRONG));
    const real = readCachedFindings(i);
    expect(real).toBeDefined();
    for (const name of entries()) {
      const path = join(dir, FOLDER, name);
      const stored = JSON.parse(readFileSync(path, 'utf8')) as { findings: string };
      // findings edited without the checksum: refused
      writeFileSync(path, JSON.stringify({ ...stored, findings: '[]' }));
    }
    expect(readCachedFindings(i)).toBeUndefined();
    for (const name of entries()) writeFileSync(join(dir, FOLDER, name), '{"format":1,"key":');
    expect(readCachedFindings(i)).toBeUndefined();
    // an entry written for another input, put in this one's place: its key does not match
    storeFindings(cacheable(input(SOLUTION)), []);
    const solutionEntry = entries().find((n) => readFileSync(join(dir, FOLDER, n), 'utf8').includes('"findings":"[]"'))!;
    for (const name of entries()) if (name !== solutionEntry) writeFileSync(join(dir, FOLDER, name), readFileSync(join(dir, FOLDER, solutionEntry)));
    expect(readCachedFindings(i)).toBeUndefined();
    const again = await typecheckBounded(input(WRONG));
    expect(again.ok && again.diagnostics).toEqual(real);
    expect(readCachedFindings(i)).toEqual(real);
  }, 120_000);

  it('never stores a check stopped by its limit, and is off with DLGRADE_TYPECHECK_CACHE=0', async () => {
    const stopped = await typecheckBounded(input(BOMB));
    expect(stopped.ok && stopped.diagnostics[0]!.message).toMatch(/se detuvo/);
    expect(readCachedFindings(cacheable(input(BOMB)))).toBeUndefined();
    process.env['DLGRADE_TYPECHECK_CACHE'] = '0';
    try {
      const before = entries().length;
      const off = await typecheckBounded(input(`${SOLUTION}\n// off\n`));
      expect(off.ok && off.durationMs).toBeGreaterThan(0);
      expect(entries()).toHaveLength(before);
      expect(readCachedFindings(cacheable(input(WRONG)))).toBeUndefined();
    } finally {
      delete process.env['DLGRADE_TYPECHECK_CACHE'];
    }
  }, 180_000);
});

describe('the type check cache’s size', () => {
  it('keeps the most recently written entries once past its cap', async () => {
    const { prune } = await import('../../grader/typecheck/cache.ts');
    const { utimesSync } = await import('node:fs');
    const folder = mkdtempSync(join(tmpdir(), 'dlgrade-typecheck-prune-'));
    try {
      for (let i = 0; i < 30; i++) {
        const file = join(folder, `${String(i).padStart(2, '0')}.json`);
        writeFileSync(file, '{}');
        utimesSync(file, 1_000_000 + i, 1_000_000 + i); // entry i written at second i
      }
      writeFileSync(join(folder, 'note.txt'), 'not an entry');
      prune(folder, 40, 10);
      expect(readdirSync(folder)).toHaveLength(31); // under the cap: nothing removed
      prune(folder, 20, 10);
      expect(readdirSync(folder).sort()).toEqual([...Array.from({ length: 10 }, (_, k) => `${20 + k}.json`), 'note.txt']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
