/**
 * The reference cache's disk entries under concurrent writers: N child processes write and read
 * overlapping keys at once (tests/reference-cache/concurrent-writer.ts); every read any of them
 * made was either a miss or the right answer, and afterwards every entry is there, readable and
 * right, with no temporary file left.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { INSTALL_ROOT } from '../../grader/paths.ts';
import { readEntry } from '../../grader/reference-cache/store.ts';

const dir = mkdtempSync(join(tmpdir(), 'dlgrade-refcache-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const WRITERS = 6;
const KEYS = 150;
const meta = (k: number): string => `{"exercise":"ch99/x","n":${k % 7}}\0{"function":"f"}`;
const input = (k: number): string => JSON.stringify([[k, k % 3]]);
const answer = (k: number): string => JSON.stringify(Array.from({ length: 50 + (k % 40) }, (_, i) => k * 1000 + i));

function writer(seed: number, count = KEYS, mode?: 'pruned' | 'pruner', folder = dir): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(INSTALL_ROOT, 'tests', 'reference-cache', 'concurrent-writer.ts'), folder, String(seed), String(count), ...(mode ? [mode] : [])], { cwd: INSTALL_ROOT, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code));
  });
}

describe('reference cache entries written by concurrent processes', () => {
  it(`${WRITERS} writers of ${KEYS} overlapping keys leave every entry readable and correct`, async () => {
    const codes = await Promise.all(Array.from({ length: WRITERS }, (_, i) => writer(i + 1)));
    expect(codes).toEqual(Array.from({ length: WRITERS }, () => 0));
    for (let k = 0; k < KEYS; k++) expect(readEntry(dir, meta(k), input(k))?.result, `key ${k}`).toBe(answer(k));
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' });
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.json'))).toHaveLength(KEYS);
  }, 120_000);

  it('pruners removing entries while writers write and read: every read is a miss or the right answer', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'dlgrade-refcache-pruned-'));
    try {
      const codes = await Promise.all([
        ...Array.from({ length: 4 }, (_, i) => writer(i + 1, KEYS, 'pruned', folder)),
        ...Array.from({ length: 2 }, (_, i) => writer(i + 1, 3000, 'pruner', folder)),
      ]);
      expect(codes).toEqual([0, 0, 0, 0, 0, 0]);
      // the pruners really removed entries while the writers ran
      expect(Number(readFileSync(`${folder}.removed-1`, 'utf8')) + Number(readFileSync(`${folder}.removed-2`, 'utf8'))).toBeGreaterThan(0);
      const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
      expect(files.length).toBeGreaterThan(0);
      let present = 0;
      for (let k = 0; k < KEYS; k++) {
        const e = readEntry(folder, meta(k), input(k));
        if (e === undefined) continue;
        present++;
        expect(e.result, `key ${k}`).toBe(answer(k));
      }
      expect(present).toBe(files.length); // every file left is a whole, verified entry
    } finally {
      for (const f of [folder, `${folder}.removed-1`, `${folder}.removed-2`]) rmSync(f, { recursive: true, force: true });
    }
  }, 120_000);
});
