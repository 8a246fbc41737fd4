import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript, no declarations (the boot modules load before any TypeScript)
import * as hooks from '../../grader/boot/precompiled-hooks.mjs';
// @ts-expect-error plain JavaScript, no declarations
import { precompile, precompileSources } from '../../grader/boot/precompile.mjs';
import { INSTALL_ROOT } from '../../grader/paths.ts';

interface Hooks {
  buildKey(): string;
  moduleKey(buildKey: string, path: string, bytes: Buffer): string;
  entryPath(dir: string, key: string): string;
  writeEntry(file: string, key: string, code: string): boolean;
}
const { buildKey, moduleKey, entryPath, writeEntry } = hooks as unknown as Hooks;

const scratch = mkdtempSync(join(tmpdir(), 'dlgrade-precompile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const REGISTER = join(INSTALL_ROOT, 'grader', 'boot', 'register.mjs');
// a module that throws from line 5 (types before it: the line only survives through the source map)
const MOD = 'interface A {\n  x: number;\n}\nexport function boom(a: A): never {\n  throw new Error(`boom ${a.x}`);\n}\nexport const word: string = "one";\n';
const MAIN = "import { boom, word } from './mod.ts';\nlet at = '';\ntry {\n  boom({ x: 1 });\n} catch (e) {\n  at = (e as Error).stack!.split('\\n')[1]!.trim();\n}\nconsole.log(JSON.stringify({ word, at }));\n";

function project(name: string): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(dir, 'mod.ts'), MOD);
  writeFileSync(join(dir, 'main.ts'), MAIN);
  writeFileSync(join(dir, 'run.mjs'), `await import(${JSON.stringify(REGISTER)});\nawait import('./main.ts');\n`);
  return dir;
}

interface Run {
  word: string;
  at: string;
  log: string[];
}
function run(dir: string, cache: string, env: NodeJS.ProcessEnv = {}): Run {
  const log = join(dir, `log-${Math.random().toString(36).slice(2)}`);
  const r = spawnSync(process.execPath, ['run.mjs'], { cwd: dir, env: { ...process.env, DLGRADE_CACHE_DIR: cache, DLGRADE_PRECOMPILE_LOG: log, ...env }, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  let lines: string[] = [];
  try {
    lines = readFileSync(log, 'utf8').trim().split('\n').map((l) => l.replace(dir + '/', ''));
  } catch {
    // no line: the hooks never ran (tsx did)
  }
  return { ...(JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { word: string; at: string }), log: lines.sort() };
}

const entries = (cache: string): string[] => readdirSync(join(cache, 'precompiled'));
const modEntry = (dir: string, cache: string): string => {
  const path = join(dir, 'mod.ts');
  return entryPath(cache, moduleKey(buildKey(), path, readFileSync(path)));
};

describe('precompiled TypeScript (grader/boot/precompiled-hooks.mjs)', () => {
  it('compiles on first use, then loads the stored build, with the .ts lines in stack traces', () => {
    const dir = project('cold-warm');
    const cache = join(dir, 'cache');
    const cold = run(dir, cache);
    expect(cold.log).toEqual(['compiled main.ts', 'compiled mod.ts']);
    expect(entries(cache)).toHaveLength(2);
    const warm = run(dir, cache);
    expect(warm.log).toEqual(['hit main.ts', 'hit mod.ts']);
    for (const r of [cold, warm]) {
      expect(r.word).toBe('one');
      expect(r.at).toBe(`at boom (${join(dir, 'mod.ts')}:5:9)`);
    }
    expect(entries(cache).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('really runs what the cache holds when its key and checksum match (so a hit is a hit)', () => {
    const dir = project('forged');
    const cache = join(dir, 'cache');
    const file = modEntry(dir, cache);
    const key = file.split('/').at(-1)!.replace('.mjs', '');
    expect(writeEntry(file, key, 'export function boom() { throw new Error("x"); }\nexport const word = "from the cache";\n')).toBe(true);
    const r = run(dir, cache);
    expect(r.log).toEqual(['compiled main.ts', 'hit mod.ts']);
    expect(r.word).toBe('from the cache');
  });

  it('never uses a build after one byte of the source changes, even with the same size and mtime', () => {
    const dir = project('one-byte');
    const cache = join(dir, 'cache');
    expect(run(dir, cache).word).toBe('one');
    const path = join(dir, 'mod.ts');
    const before = statSync(path);
    writeFileSync(path, MOD.replace('"one"', '"two"'));
    utimesSync(path, before.atime, before.mtime);
    expect(statSync(path).size).toBe(before.size);
    const r = run(dir, cache);
    expect(r.log).toEqual(['compiled mod.ts', 'hit main.ts']);
    expect(r.word).toBe('two');
    expect(run(dir, cache).log).toEqual(['hit main.ts', 'hit mod.ts']);
  });

  it('refuses a truncated, corrupt or mislabelled entry and rewrites it', () => {
    const dir = project('corrupt');
    const cache = join(dir, 'cache');
    run(dir, cache);
    const file = modEntry(dir, cache);
    const good = readFileSync(file, 'utf8');
    const cases: [string, string][] = [
      [good.slice(0, good.length - 40), 'refused checksum'],
      [good.replace(/^\/\/dlgrade-precompiled \S+/, '//dlgrade-precompiled ' + '0'.repeat(64)), 'refused other-key'],
      ['garbage', 'refused malformed'],
      ['', 'refused malformed'],
    ];
    for (const [text, why] of cases) {
      writeFileSync(file, text);
      const r = run(dir, cache);
      expect(r.log).toEqual(['hit main.ts', `${why} mod.ts`]);
      expect(r.word).toBe('one');
      expect(r.at).toBe(`at boom (${join(dir, 'mod.ts')}:5:9)`);
      expect(readFileSync(file, 'utf8')).toBe(good);
    }
  });

  it('still works where the cache cannot be written (every module transpiled at each load)', () => {
    const dir = project('unwritable');
    const notADir = join(dir, 'a-file');
    writeFileSync(notADir, '');
    // even root cannot create a folder under a regular file
    const r = run(dir, join(notADir, 'cache'));
    expect(r.log).toEqual(['compiled unstored main.ts', 'compiled unstored mod.ts']);
    expect(r.word).toBe('one');
    expect(r.at).toBe(`at boom (${join(dir, 'mod.ts')}:5:9)`);
    if (process.getuid?.() !== 0) {
      const readOnly = join(dir, 'ro');
      mkdirSync(join(readOnly, 'precompiled'), { recursive: true });
      chmodSync(join(readOnly, 'precompiled'), 0o555);
      expect(run(dir, readOnly).word).toBe('one');
    }
  });

  it('DLGRADE_PRECOMPILE=0 loads through tsx: the hooks never run', () => {
    const dir = project('off');
    const r = run(dir, join(dir, 'cache'), { DLGRADE_PRECOMPILE: '0' });
    expect(r.log).toEqual([]);
    expect(r.word).toBe('one');
    expect(r.at).toContain(`${join(dir, 'mod.ts')}:5:`);
  });
});

describe('the precompile step (npm run precompile, prepare)', () => {
  const cache = join(scratch, 'install-cache');

  it('builds the entries the hooks use: a grading then loads every TypeScript module from the cache', async () => {
    const first = (await precompile({ dir: cache })) as { compiled: number; fresh: number };
    const sources = precompileSources() as string[];
    expect(first.compiled + first.fresh).toBe(sources.length);
    expect(sources).toContain(join(INSTALL_ROOT, 'grader', 'cli', 'main.ts'));
    expect(sources).toContain(join(INSTALL_ROOT, 'exercises', 'ch07-convolution', 'conv2d', 'spec.ts'));
    expect(sources).toContain(join(INSTALL_ROOT, 'reference', 'ch07-convolution', 'conv2d.ts'));
    expect(sources.some((s) => s.endsWith('.test.ts'))).toBe(false);
    writeFileSync(join(cache, 'precompiled', 'stale.mjs'), 'old');
    const again = (await precompile({ dir: cache })) as { compiled: number; fresh: number; removed: number };
    expect(again).toMatchObject({ compiled: 0, fresh: sources.length, removed: 1 });

    const grade = (env: NodeJS.ProcessEnv): { result: Record<string, unknown>; log: string[] } => {
      const out = join(scratch, `result-${env['DLGRADE_PRECOMPILE'] ?? '1'}.json`);
      const log = join(scratch, `grade-log-${env['DLGRADE_PRECOMPILE'] ?? '1'}`);
      const r = spawnSync(process.execPath, ['bin/dlgrade.js', 'grade', 'solutions', '--exercise', 'ch07-convolution/conv2d', '--exercise', 'ch02-math/stable-softmax', '--quiet', '--json', out], {
        cwd: INSTALL_ROOT,
        env: { ...process.env, DLGRADE_CACHE_DIR: cache, DLGRADE_PRECOMPILE_LOG: log, ...env },
        encoding: 'utf8',
      });
      expect(r.status, r.stderr).toBe(0);
      let lines: string[] = [];
      try {
        lines = readFileSync(log, 'utf8').trim().split('\n');
      } catch {
        // tsx: no line
      }
      const strip = (v: unknown): unknown =>
        Array.isArray(v) ? v.map(strip) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'durationMs' && k !== 'startedAt').map(([k, x]) => [k, strip(x)])) : v;
      return { result: strip(JSON.parse(readFileSync(out, 'utf8'))) as Record<string, unknown>, log: lines };
    };
    // the module hooks themselves (not the build tree, tests/boot/tree.test.ts, which loads with none)
    const precompiled = grade({ DLGRADE_TREE: '0' });
    const viaTsx = grade({ DLGRADE_PRECOMPILE: '0' });
    expect(precompiled.log.length).toBeGreaterThan(40);
    expect(precompiled.log.filter((l) => !l.startsWith('hit '))).toEqual([]);
    expect(precompiled.log).toContain(`hit ${join(INSTALL_ROOT, 'exercises', 'ch07-convolution', 'conv2d', 'spec.ts')}`);
    expect(precompiled.log).toContain(`hit ${join(INSTALL_ROOT, 'reference', 'ch07-convolution', 'conv2d.ts')}`);
    expect(precompiled.log).toContain(`hit ${join(INSTALL_ROOT, 'grader', 'cli', 'main.ts')}`);
    expect(viaTsx.log).toEqual([]);
    expect(precompiled.result['score']).toBe(precompiled.result['maxScore']);
    expect(precompiled.result).toEqual(viaTsx.result);
  }, 300_000);
});

describe('the build keeps every name the source gives (no keepNames needed)', () => {
  // keepNames was dropped from the transform (its __name() wrappers ran at every evaluation of a
  // closure); names must still be what the engine infers from the TypeScript source, as they
  // would be under tsx: stack traces, error names and anything printing a function rely on them
  const SOURCE = [
    'export const arrow = (x: number): number => x;',
    'export const asyncArrow = async (): Promise<void> => undefined;',
    'export function declared(): void {}',
    'export class Shape { #hidden = (): number => 1; method(): void {} static make(): Shape { return new Shape(); } hidden(): Function { return this.#hidden; } }',
    'export const table = { "check-user": (p: string) => p, plain: function () {}, short() {} };',
    'let assigned: () => void; assigned = () => {}; export { assigned };',
    'export const nested = (): (() => void) => { const inner = (): void => {}; return inner; };',
    'export enum Kind { A, B }',
  ].join('\n');
  it('arrows, declarations, classes, methods, private fields, quoted keys, enums', async () => {
    const esbuild = await import('esbuild');
    const options = (hooks as unknown as { transformOptions(path: string): import('esbuild').TransformOptions }).transformOptions('names.ts');
    expect(options.keepNames).toBeUndefined();
    const { code } = await esbuild.transform(SOURCE, options);
    const file = join(scratch, 'names.mjs');
    writeFileSync(file, code);
    const m = (await import(pathToFileURL(file).href)) as Record<string, any>;
    expect(code).not.toContain('__name');
    expect([m['arrow'].name, m['asyncArrow'].name, m['declared'].name, m['Shape'].name, m['assigned'].name]).toEqual(['arrow', 'asyncArrow', 'declared', 'Shape', 'assigned']);
    expect([m['Shape'].prototype.method.name, m['Shape'].make.name, new m['Shape']().hidden().name]).toEqual(['method', 'make', '#hidden']);
    expect([m['table']['check-user'].name, m['table'].plain.name, m['table'].short.name]).toEqual(['check-user', 'plain', 'short']);
    expect(m['nested']().name).toBe('inner');
    expect(m['Kind']).toEqual({ 0: 'A', 1: 'B', A: 0, B: 1 });
  });
});
