/**
 * Pruning the reference cache's disk store (grader/reference-cache/prune.ts): over its limits,
 * the least recently used entries (mtime: written or last hit) go first, down to 90% of the
 * limits; entries left are whole and verified; nothing but entries and stale temporary files is
 * removed; a hit refreshes an entry; pruneIfDue runs at most once an hour unless forced.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pruneIfDue, pruneStore, touchEntry } from '../../grader/reference-cache/prune.ts';
import { entryKey, entryPath, readEntry, writeEntry } from '../../grader/reference-cache/store.ts';

const scratch = mkdtempSync(join(tmpdir(), 'dlgrade-refcache-prune-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const meta = '{"exercise":"ch99/x"}\0{"backend":"cpu","function":"f"}';
const input = (k: number): string => JSON.stringify([k]);
const answer = (k: number): string => JSON.stringify(Array.from({ length: 100 }, (_, i) => k + i));
const T0 = Date.parse('2026-01-01T00:00:00Z');

/** `n` entries, entry k written k minutes after T0 */
function store(name: string, n: number): string {
  const dir = join(scratch, name);
  for (let k = 0; k < n; k++) {
    expect(writeEntry(dir, meta, input(k), { result: answer(k), async: false, ms: 1 })).toBe(true);
    const at = new Date(T0 + k * 60_000);
    utimesSync(entryPath(dir, entryKey(meta, input(k))), at, at);
  }
  return dir;
}
const present = (dir: string, n: number): number[] => Array.from({ length: n }, (_, k) => k).filter((k) => readEntry(dir, meta, input(k)) !== undefined);

describe('pruning the disk store', () => {
  it('within its limits nothing is removed', () => {
    const dir = store('within', 10);
    expect(pruneStore(dir, { maxEntries: 10, maxBytes: 1e9 }, T0)).toEqual({ entries: 10, bytes: expect.any(Number), removed: 0 });
    expect(present(dir, 10)).toHaveLength(10);
  });

  it('over the entry limit, the oldest go first, down to 90%; the rest stay whole and right', () => {
    const dir = store('count', 30);
    expect(pruneStore(dir, { maxEntries: 20, maxBytes: 1e9 }, T0).removed).toBe(12);
    expect(present(dir, 30)).toEqual(Array.from({ length: 18 }, (_, i) => i + 12));
    for (const k of present(dir, 30)) expect(readEntry(dir, meta, input(k))?.result).toBe(answer(k));
  });

  it('over the byte limit too, and an entry answered recently is kept', () => {
    const dir = store('bytes', 20);
    const { bytes } = pruneStore(dir, { maxEntries: 1000, maxBytes: 1e12 }, T0);
    touchEntry(entryPath(dir, entryKey(meta, input(0))), new Date(T0 + 3600_000)); // entry 0 was just hit
    const outcome = pruneStore(dir, { maxEntries: 1000, maxBytes: bytes / 2 }, T0);
    expect(outcome.removed).toBeGreaterThan(10);
    const left = present(dir, 20);
    expect(left).toContain(0);
    expect(left).not.toContain(1);
    expect(left).toContain(19);
  });

  it('removes only entries and stale temporary files, follows no link', () => {
    const dir = store('others', 5);
    const sub = readdirSync(dir).find((f) => /^[0-9a-f]{2}$/.test(f))!;
    const other = join(dir, sub, 'notes.txt');
    writeFileSync(other, 'x');
    const outside = join(scratch, 'outside.json');
    writeFileSync(outside, 'keep');
    const link = join(dir, sub, `${'a'.repeat(64)}.json`);
    symlinkSync(outside, link);
    const staleTmp = join(dir, sub, 'x.json.1.abc.tmp');
    const freshTmp = join(dir, sub, 'y.json.1.abc.tmp');
    writeFileSync(staleTmp, '');
    writeFileSync(freshTmp, '');
    utimesSync(staleTmp, new Date(T0 - 2 * 3600_000), new Date(T0 - 2 * 3600_000));
    utimesSync(freshTmp, new Date(T0), new Date(T0));
    mkdirSync(join(dir, 'zz'));
    pruneStore(dir, { maxEntries: 0, maxBytes: 0 }, T0);
    expect(present(dir, 5)).toEqual([]);
    expect(existsSync(other)).toBe(true);
    expect(existsSync(outside)).toBe(true);
    expect(existsSync(staleTmp)).toBe(false);
    expect(existsSync(freshTmp)).toBe(true);
  });

  it('pruneIfDue prunes at most once an hour unless forced, and never throws', () => {
    const dir = store('due', 10);
    const limits = { maxEntries: 5, maxBytes: 1e9 };
    expect(pruneIfDue(dir, false, limits, T0)?.removed).toBe(6);
    store('due', 10);
    expect(pruneIfDue(dir, false, limits, T0 + 60_000)).toBeUndefined();
    expect(present(dir, 10)).toHaveLength(10);
    expect(pruneIfDue(dir, true, limits, T0 + 60_000)?.removed).toBe(6);
    store('due', 10);
    expect(pruneIfDue(dir, false, limits, Date.now() + 2 * 3600_000)?.removed).toBe(6);
    expect(pruneIfDue(join(scratch, 'absent', 'x'), true, limits)).toEqual({ entries: 0, bytes: 0, removed: 0 });
  });
});
