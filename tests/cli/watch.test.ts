import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** `dlgrade check --watch` on a temporary copy: grade, save a broken file, save the fix, stop. */
const ROOT = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'dlgrade-watch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('check --watch', () => {
  it('re-grades the saved exercise, survives a broken file, and stops on SIGINT', async () => {
    const file = join(dir, 'exercises', 'ch07-convolution', 'conv2d', 'conv2d.ts');
    mkdirSync(join(file, '..'), { recursive: true });
    copyFileSync(join(ROOT, 'solutions/ch07-convolution/conv2d/conv2d.ts'), file);
    const child = spawn(process.execPath, [join(ROOT, 'bin/dlgrade.js'), 'check', '--watch', 'ch07-convolution/conv2d', '--runs', '5'], { cwd: dir, env: { ...process.env, DLGRADE_LANG: '', NO_COLOR: '1' } });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    const waitFor = async (pattern: RegExp, from: number): Promise<string> => {
      for (let i = 0; i < 1200; i++) {
        const tail = out.slice(from);
        if (pattern.test(tail)) return tail;
        if (child.exitCode !== null) throw new Error(`dlgrade exited:\n${out}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`timed out waiting for ${pattern}:\n${out}`);
    };
    try {
      const first = await waitFor(/Vigilando 1 ejercicio/, 0);
      // the score itself is the engine's business (and a loaded machine may slow the sandbox's start)
      expect(first).toMatch(/ch07-convolution\/conv2d — /);
      let mark = out.length;
      writeFileSync(file, 'export function conv2d( {\n'); // half-written
      const broken = await waitFor(/Vigilando 1 ejercicio/, mark);
      expect(broken).toContain('Guardado exercises/ch07-convolution/conv2d/conv2d.ts: corrigiendo…');
      expect(broken).toMatch(/error de sintaxis/);
      mark = out.length;
      // an editor's atomic save: the new text written beside, then renamed over the file
      const solution = readFileSync(join(ROOT, 'solutions/ch07-convolution/conv2d/conv2d.ts'), 'utf8');
      writeFileSync(`${file}.swp`, solution);
      renameSync(`${file}.swp`, file);
      const fixed = await waitFor(/Vigilando 1 ejercicio/, mark);
      expect(fixed).toContain('Guardado exercises/ch07-convolution/conv2d/conv2d.ts: corrigiendo…');
      expect(fixed).toMatch(/ch07-convolution\/conv2d — /);
      expect(fixed).not.toMatch(/error de sintaxis/);
      expect(fixed).toMatch(/corregido en \d+ ms/);
      // deleted, then written again (some editors' «backup» saves): graded once it is back
      mark = out.length;
      unlinkSync(file);
      writeFileSync(file, `${solution}\n// otra vez\n`);
      const again = await waitFor(/Vigilando 1 ejercicio/, mark);
      expect(again).toContain('Guardado exercises/ch07-convolution/conv2d/conv2d.ts: corrigiendo…');
      expect(again).toMatch(/ch07-convolution\/conv2d — /);
      expect(again).not.toMatch(/error de sintaxis|no existe|no encuentr/);
    } finally {
      child.kill('SIGINT');
    }
    const code = await new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (c) => resolve(c))));
    expect(code).toBe(0);
  }, 240_000);
});
