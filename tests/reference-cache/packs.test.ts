/**
 * The reference cache's packs (grader/reference-cache/store.ts: one file per reference module and
 * backend holding the answers a process used, read once by the next run): a pack answers only for
 * its own module, backend, function and input; a tampered, truncated, foreign or malformed pack is
 * ignored (the answers are then read as entries of their own, or computed) and rewritten; packs
 * written and read by concurrent processes are always whole and right; and a grading answered from
 * packs gives the same result as one computed.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const scratch = mkdtempSync(join(tmpdir(), 'dlgrade-refcache-packs-'));
process.env['DLGRADE_CACHE_DIR'] = join(scratch, 'cache');
const root = join(scratch, 'install');

const { clearMemoryCache, DISK_FOLDER, flushReferencePacks, memoiseModule, referenceCacheStats } = await import('../../grader/reference-cache/runtime.ts');
const { packKey, packPath, readPack, writePack, PACK_MAX_ENTRIES } = await import('../../grader/reference-cache/store.ts');
const { pruneStore } = await import('../../grader/reference-cache/prune.ts');
const { referenceSources } = await import('../../grader/reference-cache/sources.mjs');
const { selectBackend } = await import('../../grader/backend/select.ts');
const { INSTALL_ROOT } = await import('../../grader/paths.ts');

afterAll(() => rmSync(scratch, { recursive: true, force: true }));
beforeAll(async () => {
  await selectBackend('cpu');
});

const store = join(scratch, 'cache', DISK_FOLDER);
const SOURCE = `export function double(x: number[]): number[] {\n  return x.map((v) => 2 * v);\n}\n`;

function writeRef(name: string): string {
  const file = join(root, 'reference', 'ch99-test', `${name}.ts`);
  mkdirSync(join(root, 'reference', 'ch99-test'), { recursive: true });
  writeFileSync(file, SOURCE);
  return file;
}

function counted(): { fn: (x: number[]) => number[]; calls: () => number } {
  let n = 0;
  return {
    fn: (x: number[]) => {
      n++;
      return x.map((v) => 2 * v);
    },
    calls: () => n,
  };
}

const facade = (fn: (x: number[]) => number[], file: string, exercise = 'ch99-test/x'): ((x: number[]) => number[]) => {
  const { digest } = referenceSources(file, root);
  return memoiseModule({ double: fn }, { exercise, file, digest, names: ['double'], root })['double'] as (x: number[]) => number[];
};

/** the entries of their own (not the packs) */
const entryFiles = (): string[] =>
  readdirSync(store, { recursive: true, encoding: 'utf8' })
    .filter((p) => p.endsWith('.json') && !p.startsWith('packs'))
    .map((p) => join(store, p));
const packFiles = (): string[] => (existsSync(join(store, 'packs')) ? readdirSync(join(store, 'packs')).filter((p) => p.endsWith('.json')).map((p) => join(store, 'packs', p)) : []);

describe('reference cache packs', () => {
  it('store: a pack reads back whole, only for its own module and backend; anything else is refused', () => {
    const dir = join(scratch, 'store-only');
    const entries = [
      { name: 'f', input: '[[1]]', entry: { result: '[2]', async: false, ms: 3 } },
      { name: 'g', input: '[[1]]', entry: { result: '[5]', async: true, ms: 1 } },
    ];
    expect(writePack(dir, 'M', 'cpu', entries)).toBe(true);
    expect(readPack(dir, 'M', 'cpu')).toEqual(entries);
    expect(readPack(dir, 'M', 'wasm')).toBeUndefined();
    expect(readPack(dir, 'N', 'cpu')).toBeUndefined();
    const file = packPath(dir, packKey('M', 'cpu'));
    const good = readFileSync(file, 'utf8');
    // another module's pack copied under this one's name
    writePack(dir, 'N', 'cpu', entries);
    copyFileSync(packPath(dir, packKey('N', 'cpu')), file);
    expect(readPack(dir, 'M', 'cpu')).toBeUndefined();
    const header = good.slice(0, good.indexOf('\n'));
    const body = good.slice(good.indexOf('\n') + 1);
    const bad: Record<string, string> = {
      truncated: good.slice(0, good.length - 5),
      'header only': `${header}\n`,
      'no header': body,
      empty: '',
      // an answer changed, the checksum not: a poisoned pack
      forged: `${header}\n${body.replace('"[2]"', '"[666]"')}`,
      'other format': `${header.replace('"format":1', '"format":0')}\n${body}`,
      'a row of the wrong shape': (() => {
        const rows = JSON.parse(body) as unknown[][];
        rows[0] = ['f', '[[1]]', 2, false, 3];
        return `${header}\n${JSON.stringify(rows)}`;
      })(),
    };
    for (const [what, text] of Object.entries(bad)) {
      writeFileSync(file, text);
      expect(readPack(dir, 'M', 'cpu'), what).toBeUndefined();
    }
    // at most PACK_MAX_ENTRIES, the first given kept
    const many = Array.from({ length: PACK_MAX_ENTRIES + 5 }, (_, i) => ({ name: 'f', input: `[[${i}]]`, entry: { result: `[${2 * i}]`, async: false, ms: 0 } }));
    writePack(dir, 'M', 'cpu', many);
    const back = readPack(dir, 'M', 'cpu')!;
    expect(back).toHaveLength(PACK_MAX_ENTRIES);
    expect(back[0]!.input).toBe('[[0]]');
  });

  it('runtime: the next process is answered from the pack, with no entry of its own left; a bad pack is ignored and rewritten', () => {
    const file = writeRef('packed');
    const ref = counted();
    const f = facade(ref.fn, file);
    expect(f([1, 2])).toEqual([2, 4]);
    expect(f([3])).toEqual([6]);
    const calls = ref.calls();
    expect(packFiles()).toEqual([]);
    flushReferencePacks();
    expect(packFiles()).toHaveLength(1);
    const pack = packFiles()[0]!;
    const good = readFileSync(pack, 'utf8');
    // a new process, with the entries of their own gone: the pack answers, as disk hits
    for (const e of entryFiles()) rmSync(e);
    clearMemoryCache();
    const disk = referenceCacheStats().diskHits;
    expect(f([3])).toEqual([6]);
    expect(f([1, 2])).toEqual([2, 4]);
    expect(f([3])).toEqual([6]);
    expect(ref.calls()).toBe(calls);
    expect(referenceCacheStats().diskHits).toBe(disk + 2);
    // nothing new learned: the pack is not rewritten
    flushReferencePacks();
    expect(readFileSync(pack, 'utf8')).toBe(good);
    // another exercise importing the same reference is never answered from this one's pack
    const other = counted();
    expect(facade(other.fn, file, 'ch99-test/y')([3])).toEqual([6]);
    expect(other.calls()).toBeGreaterThan(0);
    // a forged pack: ignored, the answer computed, the pack rewritten right
    writeFileSync(pack, good.replace('"[6]"', '"[7]"'));
    clearMemoryCache();
    for (const e of entryFiles()) rmSync(e);
    expect(f([3])).toEqual([6]);
    expect(ref.calls()).toBe(calls + 1);
    flushReferencePacks();
    clearMemoryCache();
    for (const e of entryFiles()) rmSync(e);
    expect(f([3])).toEqual([6]);
    expect(ref.calls()).toBe(calls + 1);
  });

  it('packs are pruned like entries (least recently used first)', () => {
    const dir = join(scratch, 'prune');
    for (const m of ['old', 'older', 'new']) writePack(dir, m, 'cpu', [{ name: 'f', input: '1', entry: { result: '2', async: false, ms: 0 } }]);
    const before = pruneStore(dir, { maxEntries: 100, maxBytes: Number.MAX_SAFE_INTEGER });
    expect(before.entries).toBe(3);
    utimesSync(packPath(dir, packKey('old', 'cpu')), new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    utimesSync(packPath(dir, packKey('older', 'cpu')), new Date(Date.now() - 7_200_000), new Date(Date.now() - 7_200_000));
    // over 2 entries: down to 90% of it, the oldest first
    expect(pruneStore(dir, { maxEntries: 2, maxBytes: Number.MAX_SAFE_INTEGER }).removed).toBe(2);
    expect(readPack(dir, 'old', 'cpu')).toBeUndefined();
    expect(readPack(dir, 'older', 'cpu')).toBeUndefined();
    expect(readPack(dir, 'new', 'cpu')).toBeDefined();
  });

  it('packs written and read by concurrent processes are always whole and right', async () => {
    const dir = join(scratch, 'concurrent');
    const run = (seed: number): Promise<number | null> =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', join(INSTALL_ROOT, 'tests', 'reference-cache', 'concurrent-writer.ts'), dir, String(seed), '60', 'packs'], { cwd: INSTALL_ROOT, stdio: 'inherit' });
        child.on('error', reject);
        child.on('exit', (code) => resolve(code));
      });
    const codes = await Promise.all([1, 2, 3, 4].map(run));
    expect(codes).toEqual([0, 0, 0, 0]);
    for (const m of ['{"exercise":"ch99/a"}', '{"exercise":"ch99/b"}', '{"exercise":"ch99/c"}']) expect(readPack(dir, m, 'cpu')?.length).toBeGreaterThan(0);
    expect(readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 120_000);
});
