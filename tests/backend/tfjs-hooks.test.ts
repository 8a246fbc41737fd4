import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { INSTALL_ROOT } from '../../grader/paths.ts';

const cache = mkdtempSync(join(tmpdir(), 'dlgrade-tfjs-hooks-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

// what a reference does, plus what select.ts does, in one grader-like process
const SCRIPT = `
import { createRequire } from 'node:module';
import * as ns from '@tensorflow/tfjs';
const cjs = createRequire(process.cwd() + '/x.js')('@tensorflow/tfjs');
const names = Object.keys(ns).filter((n) => n !== 'default').sort();
const same = names.every((n) => ns[n] === cjs[n]) && ns.default === cjs;
console.log(JSON.stringify({ url: import.meta.resolve('@tensorflow/tfjs'), names, same, sum: ns.add(ns.tensor([1, 2]), ns.tensor([3, 4])).arraySync() }));
`;

type Seen = { url: string; names: string[]; same: boolean; sum: number[] };
function run(env: NodeJS.ProcessEnv): Seen {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--import', './grader/backend/tfjs-register.mjs', '--input-type=module', '-e', SCRIPT], {
    cwd: INSTALL_ROOT,
    env: { ...process.env, DLGRADE_CACHE_DIR: cache, ...env },
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Seen;
}

describe('the cheap import of TensorFlow.js (tfjs-hooks.mjs)', () => {
  it('gives the references the same instance and every name the plain ESM import gives, cache cold, warm or corrupt', () => {
    const plain = run({ DLGRADE_TFJS_REQUIRE: '0' });
    expect(plain.same).toBe(true);
    expect(plain.url).not.toContain('dlgrade-tfjs-facade');
    const cold = run({});
    const entries = readdirSync(cache).filter((f) => f.startsWith('tfjs-exports-'));
    expect(entries).toHaveLength(1);
    const warm = run({});
    writeFileSync(join(cache, entries[0]!), '{"key": "not this one", "names": ["add"]}');
    const stale = run({});
    writeFileSync(join(cache, entries[0]!), '{ truncated');
    const corrupt = run({});
    for (const r of [cold, warm, stale, corrupt]) {
      expect(r.url).toContain('dlgrade-tfjs-facade'); // the facade answered, not Node's lexer
      expect(r.same).toBe(true);
      expect(r.sum).toEqual([4, 6]);
      // a superset of what Node's CommonJS lexer finds (it can miss names, never adds them)
      for (const name of plain.names) expect(r.names).toContain(name);
    }
    expect(readdirSync(cache).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
