/**
 * TypeScript with V8's code cache (grader/typecheck/compiler-cache.ts): the cache is written once
 * the compiler has checked a file and taken by the next load; an entry that does not verify whole
 * (one byte of its data changed, truncated, another key in its header) is never handed to V8 and
 * is written again; entries of other keys and old temporary files go; DLGRADE_CODE_CACHE=0 reads and writes nothing. The
 * compiler from the cache is TypeScript itself: the same version, the same output and diagnostics.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as TS from 'typescript';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FOLDER, loadCompiler } from '../../grader/typecheck/compiler-cache.ts';
import { typecheckBounded } from '../../grader/typecheck/bounded.ts';

const HERE = import.meta.url;
const plain = createRequire(HERE)('typescript') as typeof TS;
let cache: string;

beforeEach(() => {
  cache = mkdtempSync(join(tmpdir(), 'dlgrade-code-cache-'));
  vi.stubEnv('DLGRADE_CACHE_DIR', cache);
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(cache, { recursive: true, force: true });
});

const folder = (): string => join(cache, FOLDER);
const entries = (): string[] => (existsSync(folder()) ? readdirSync(folder()).filter((n) => n.endsWith('.bin')) : []);
const entryFile = (): string => join(folder(), entries()[0]!);

/** what a compiler says of a small program: its JavaScript and its syntax errors */
function says(ts: typeof TS): { version: string; js: string; errors: string[] } {
  const js = ts.transpileModule('export const f = (x: number): number => x * 2;\n', { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText;
  const broken = ts.createSourceFile('broken.ts', 'let = ;\nfunction (', ts.ScriptTarget.ES2022, true) as TS.SourceFile & { parseDiagnostics: TS.Diagnostic[] };
  return { version: ts.version, js, errors: broken.parseDiagnostics.map((d) => `${d.code}@${d.start}`) };
}

/** loads, runs a little of the compiler, stores: what the checker's thread does at its first check */
function loadAndStore(): { fromCache: boolean; said: ReturnType<typeof says> } {
  const loaded = loadCompiler(HERE);
  const said = says(loaded.ts);
  loaded.store();
  return { fromCache: loaded.fromCache, said };
}

describe("the compiler's code cache", () => {
  it('is written after the first use and taken by the next load, which is TypeScript itself', () => {
    const first = loadAndStore();
    expect(first.fromCache).toBe(false);
    expect(entries()).toHaveLength(1);
    expect(readFileSync(entryFile()).subarray(0, 19).toString()).toBe('dlgrade-code-cache ');
    const second = loadAndStore();
    expect(second.fromCache).toBe(true);
    expect(second.said).toEqual(says(plain));
    expect(first.said).toEqual(says(plain));
    expect(entries()).toHaveLength(1);
  }, 60_000);

  it('never hands V8 an entry that does not verify whole, and writes it again', () => {
    loadAndStore();
    const file = entryFile();
    const good = readFileSync(file);
    const forged = (bytes: Buffer): void => {
      writeFileSync(file, bytes);
      const again = loadAndStore();
      expect(again.fromCache).toBe(false);
      expect(again.said).toEqual(says(plain));
      // rewritten: the next load takes it
      expect(loadCompiler(HERE).fromCache).toBe(true);
    };
    const flipped = Buffer.from(good);
    flipped[flipped.length - 100] = flipped[flipped.length - 100]! ^ 0xff;
    forged(flipped);
    forged(good.subarray(0, good.length - 1000));
    forged(good.subarray(0, 40));
    forged(Buffer.alloc(0));
    // a whole, valid entry under another key's header (another compiler or Node): refused
    const newline = good.indexOf(0x0a);
    const [header, key, digest] = good.subarray(0, newline).toString().split(' ');
    forged(Buffer.concat([Buffer.from(`${header} ${'0'.repeat(key!.length)} ${digest}\n`), good.subarray(newline + 1)]));
  }, 120_000);

  it("removes other keys' entries and temporary files left by ended writers when it writes its own", () => {
    loadAndStore();
    const mine = entries()[0]!;
    rmSync(join(folder(), mine));
    writeFileSync(join(folder(), `${'a'.repeat(64)}.bin`), 'an entry of another TypeScript');
    writeFileSync(join(folder(), 'notes.txt'), 'not an entry');
    // a writer ended before its rename left its temporary file; another one is writing now
    const left = join(folder(), `${mine}.123.abc.tmp`);
    const writing = join(folder(), `${mine}.456.def.tmp`);
    writeFileSync(left, 'half an entry');
    writeFileSync(writing, 'half an entry');
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(left, hourAgo, hourAgo);
    loadAndStore();
    expect(entries()).toEqual([mine]);
    expect(existsSync(join(folder(), 'notes.txt'))).toBe(true);
    expect(existsSync(left)).toBe(false);
    expect(existsSync(writing)).toBe(true);
  }, 60_000);

  it('DLGRADE_CODE_CACHE=0: TypeScript as require gives it, nothing read or written', () => {
    vi.stubEnv('DLGRADE_CODE_CACHE', '0');
    const loaded = loadCompiler(HERE);
    expect(loaded.ts).toBe(plain);
    loaded.store();
    expect(entries()).toEqual([]);
  });

  it("is kept by the checker's thread once it has answered its first check, whose findings are tsc's", async () => {
    const outcome = await typecheckBounded({
      source: "export function double(x: number): number {\n  const y: string = x;\n  return x * 2;\n}\n",
      stubSource: 'export function double(x: number): number {\n  throw new Error("todo");\n}\n',
      fileName: 'double.ts',
      displayPath: 'exercises/x/double.ts',
      exports: [{ name: 'double', signature: 'double(x: number): number' }],
      exportLine: () => 1,
      lang: 'en',
    });
    expect(outcome.ok && outcome.diagnostics.map((d) => [d.line, d.code])).toEqual([[2, 2322]]);
    // written after the answer: it appears shortly after
    for (let i = 0; i < 200 && entries().length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(entries()).toHaveLength(1);
    expect(loadCompiler(HERE).fromCache).toBe(true);
  }, 60_000);
});
