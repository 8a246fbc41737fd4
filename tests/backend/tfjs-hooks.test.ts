import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
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

  it("keeps its names where every trusted cache goes: the user's cache folder when the install's cannot be created", () => {
    // the hook as an install whose node_modules is a file (no node_modules/.cache can be made there)
    const root = mkdtempSync(join(tmpdir(), 'dlgrade-tfjs-hooks-install-'));
    try {
      for (const file of ['backend/tfjs-hooks.mjs', 'boot/atomic-write.mjs', 'boot/cache-dir.mjs']) {
        mkdirSync(join(root, 'grader', file.split('/')[0]!), { recursive: true });
        copyFileSync(join(INSTALL_ROOT, 'grader', file), join(root, 'grader', file));
      }
      writeFileSync(join(root, 'node_modules'), 'not a folder');
      const hook = pathToFileURL(join(root, 'grader', 'backend', 'tfjs-hooks.mjs')).href;
      const register = `data:text/javascript,import { register } from 'node:module'; register(${JSON.stringify(hook)});`;
      const env: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: join(root, 'xdg') };
      delete env['DLGRADE_CACHE_DIR'];
      const r = spawnSync(process.execPath, ['--import', register, '--input-type=module', '-e', "import * as tf from '@tensorflow/tfjs'; console.log(typeof tf.add);"], { cwd: INSTALL_ROOT, env, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout.trim()).toBe('function');
      expect(readdirSync(join(root, 'xdg', 'dlgrade')).filter((f) => f.startsWith('tfjs-exports-'))).toHaveLength(1);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
