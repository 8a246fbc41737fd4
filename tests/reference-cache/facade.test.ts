/**
 * Which reference modules get the lazy facade (grader/reference-cache/hooks.mjs): every export a
 * function declaration or a constant bound to a literal (read from the source by lazyExports), so
 * the facade can give each name without loading the module (and TensorFlow.js). Anything else
 * gets the eager facade, which imports the module.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { facade } from '../../grader/reference-cache/hooks.mjs';
import { lazyExports } from '../../grader/reference-cache/sources.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'dlgrade-refcache-facade-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('lazyExports', () => {
  it('functions, literal constants and types only', () => {
    const source = [
      "import * as tf from '@tensorflow/tfjs';",
      'export interface Params { w: number[] }',
      'export type Mode = "a" | "b";',
      'export const EPSILON = 1e-7;',
      'export const BN_EPS: number = 1e-5;',
      "export const NAME = 'focal';",
      'export const NEG = -2.5E+3',
      'export const ON = true;',
      'export function f(x: number): number;',
      'export function f(x: number): number { return x + EPSILON; }',
      'export async function g(p: Params): Promise<number> { return p.w.length; }',
    ].join('\n');
    expect(lazyExports(source)).toEqual({
      names: ['f', 'g'],
      constants: [
        { name: 'EPSILON', literal: '1e-7' },
        { name: 'BN_EPS', literal: '1e-5' },
        { name: 'NAME', literal: "'focal'" },
        { name: 'NEG', literal: '-2.5E+3' },
        { name: 'ON', literal: 'true' },
      ],
    });
  });

  it('anything the facade could not give without running the module: undefined', () => {
    for (const line of [
      'export const SCALE = Math.sqrt(2);',
      'export const TABLE = [1, 2, 3];',
      'export const K = 1 + 2;',
      "export const S = 'a\\'b';", // an escape: not read as a literal here
      'export const T = `x`;',
      'export let counter = 0;',
      'export class Model {}',
      'export default function h() {}',
      "export * from './other.ts';",
      'export { f as g };',
      'export function* gen() {}',
    ]) {
      expect(lazyExports(`export function f(x: number): number { return x; }\n${line}\n`), line).toBeUndefined();
    }
  });
});

describe('the facade module', () => {
  const write = (name: string, source: string): string => {
    const file = join(scratch, `${name}.ts`);
    writeFileSync(file, source);
    return pathToFileURL(file).href;
  };

  it('lazy: gives the literal constants itself and imports nothing but the runtime', () => {
    const text = facade(write('lazy', 'export const EPSILON = 1e-7;\nexport function f(x: number): number { return x + EPSILON; }\n'), 'ch99/x');
    expect(text).toContain('lazyModule');
    expect(text).toContain('export const EPSILON = 1e-7;');
    expect(text).not.toMatch(/import \* as real/);
  });

  it('eager: a computed export imports the module itself', () => {
    const text = facade(write('eager', 'export const SCALE = Math.sqrt(2);\nexport function f(x: number): number { return x * SCALE; }\n'), 'ch99/x');
    expect(text).toMatch(/import \* as real/);
    expect(text).toContain('memoiseModule');
    expect(text).not.toContain('lazyModule');
  });
});

describe("the facade bundled into an assignment's grader", () => {
  const install = join(scratch, 'install');
  const write = (rel: string, source: string): string => {
    const file = join(install, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, source);
    return file;
  };
  const infoOf = (text: string): Record<string, unknown> => JSON.parse(/lazyModule\(\(\) => import\("[^"]+"\), (\{.*\})\);/.exec(text)![1]!) as Record<string, unknown>;

  it('names the file by its path in the install, imports it by a literal import(), and digests its sources with the salt', () => {
    write('reference/ch99/helper.ts', 'export const K = 3;\n');
    const file = write('reference/ch99/x.ts', "import { K } from './helper.ts';\nexport function f(x: number): number { return x * K; }\n");
    const text = facade(file, 'ch99/x', { file, runtime: '/r/runtime.ts', embedded: { root: install, salt: 's1' } });
    expect(text).toContain(`lazyModule(() => import(${JSON.stringify(file)})`);
    const info = infoOf(text);
    expect(info).toMatchObject({ exercise: 'ch99/x', file: 'reference/ch99/x.ts', embedded: true, names: ['f'] });
    expect(info['uncacheable']).toBeUndefined();
    const digest = info['digest'];
    // the same sources and salt: the same digest; another salt, or a byte of an imported module: another
    expect(infoOf(facade(file, 'ch99/x', { file, runtime: '/r/runtime.ts', embedded: { root: install, salt: 's1' } }))['digest']).toBe(digest);
    expect(infoOf(facade(file, 'ch99/x', { file, runtime: '/r/runtime.ts', embedded: { root: install, salt: 's2' } }))['digest']).not.toBe(digest);
    write('reference/ch99/helper.ts', 'export const K = 4;\n');
    expect(infoOf(facade(file, 'ch99/x', { file, runtime: '/r/runtime.ts', embedded: { root: install, salt: 's1' } }))['digest']).not.toBe(digest);
  });

  it('records why a module cannot be cached, as the build read it', () => {
    const file = write('reference/ch99/random.ts', 'export function f(x: number): number { return x * Math.random(); }\n');
    const info = infoOf(facade(file, 'ch99/random', { file, embedded: { root: install, salt: 's' } }));
    expect(info['uncacheable']).toMatch(/Math\.random/);
  });
});
