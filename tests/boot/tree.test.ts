/**
 * The build tree (grader/boot/tree.mjs): bin/dlgrade.js loads the grader from it, with no module
 * hooks, only while it is exactly the build of the sources as they are now. Checked on a copy of
 * the install (its own node_modules folder of links, so its tree is its own): a grading from the
 * tree gives the results the hooks give; a changed byte, an added or removed source, a manifest
 * that names other hashes, a tree never completed and DLGRADE_TREE=0 each mean the hooks load the
 * sources, and the results stay the same. The message catalogs are folded into the i18n index
 * (one module), with the same texts, only while each of them is pure data.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { init as lexerReady, parse as parseModule } from 'es-module-lexer';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSTALL_ROOT } from '../../grader/paths.ts';
import type { ProfileReport } from '../../grader/profile.ts';

const scratch = mkdtempSync(join(tmpdir(), 'dlgrade-tree-'));
const root = join(scratch, 'install');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const EXERCISES = ['ch07-convolution/conv2d', 'ch15-losses/focal-loss'];

beforeAll(() => {
  mkdirSync(root);
  for (const entry of ['bin', 'grader', 'exercises', 'reference', 'solutions', 'templates', 'package.json', 'tsconfig.json']) cpSync(join(INSTALL_ROOT, entry), join(root, entry), { recursive: true });
  mkdirSync(join(root, 'tests', 'fixtures'), { recursive: true });
  cpSync(join(INSTALL_ROOT, 'tests', 'fixtures', 'buggy'), join(root, 'tests', 'fixtures', 'buggy'), { recursive: true });
  // the install's packages, linked one by one: the copy's node_modules/.cache (its tree) is its own
  mkdirSync(join(root, 'node_modules'));
  for (const name of readdirSync(join(INSTALL_ROOT, 'node_modules'))) {
    if (name !== '.cache') symlinkSync(join(INSTALL_ROOT, 'node_modules', name), join(root, 'node_modules', name));
  }
  // a submission: conv2d with a bug (its counterexample and message are compared), focal loss solved
  const sub = join(scratch, 'submission');
  mkdirSync(join(sub, 'ch07-convolution', 'conv2d'), { recursive: true });
  cpSync(join(INSTALL_ROOT, 'tests', 'fixtures', 'buggy', 'ch07-convolution', 'conv2d', 'flipped-kernel.ts'), join(sub, 'ch07-convolution', 'conv2d', 'conv2d.ts'));
  mkdirSync(join(sub, 'ch15-losses', 'focal-loss'), { recursive: true });
  cpSync(join(INSTALL_ROOT, 'solutions', 'ch15-losses', 'focal-loss', 'focal-loss.ts'), join(sub, 'ch15-losses', 'focal-loss', 'focal-loss.ts'));
}, 120_000);

function precompile(): string {
  const r = spawnSync(process.execPath, ['grader/boot/precompile.mjs', '--strict'], { cwd: root, encoding: 'utf8', env: { ...process.env, DLGRADE_LANG: 'en' } });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

interface Graded {
  fromTree: boolean;
  hookLines: number;
  result: unknown;
}

function grade(name: string, env: NodeJS.ProcessEnv = {}, { submission = 'submission', typecheck = false } = {}): Graded {
  const json = join(scratch, `${name}.json`);
  const profile = join(scratch, `${name}.profile.json`);
  const log = join(scratch, `${name}.log`);
  const args = ['bin/dlgrade.js', 'grade', join(scratch, submission), '--json', json, '-q', ...(typecheck ? [] : ['--no-typecheck']), ...EXERCISES.flatMap((e) => ['-e', e])];
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, DLGRADE_CACHE_DIR: join(scratch, 'cache'), DLGRADE_PROFILE: profile, DLGRADE_PRECOMPILE_LOG: log, ...env } });
  expect(r.status, r.stderr).toBe(0); // grade exits 0 with a result, failures included
  let hookLines = 0;
  try {
    hookLines = readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).length;
  } catch {
    // no line: no TypeScript went through the hooks
  }
  const marks = (JSON.parse(readFileSync(profile, 'utf8')) as ProfileReport).marks;
  return { fromTree: 'from-build-tree' in marks, hookLines, result: stable(JSON.parse(readFileSync(json, 'utf8'))) };
}

const stable = (result: unknown): unknown => JSON.parse(JSON.stringify(result, (key, value: unknown) => (/ms$|durationMs|startedAt|submission/i.test(key) ? undefined : value)));

const edit = (rel: string, change: (text: string) => string): (() => void) => {
  const file = join(root, rel);
  const before = readFileSync(file, 'utf8');
  writeFileSync(file, change(before));
  return () => writeFileSync(file, before);
};

describe('the build tree', () => {
  let hooks: Graded;

  it('is built by the precompile step and used by bin/dlgrade.js: no TypeScript through the hooks, the same results', () => {
    expect(precompile()).toMatch(/module tree [0-9a-f]{16} built \(\d+ modules/);
    expect(precompile()).toMatch(/module tree [0-9a-f]{16} already fresh/);
    hooks = grade('hooks', { DLGRADE_TREE: '0' });
    expect(hooks.fromTree).toBe(false);
    expect(hooks.hookLines).toBeGreaterThan(50);
    const tree = grade('tree');
    expect(tree.fromTree).toBe(true);
    expect(tree.hookLines).toBe(0);
    expect(tree.result).toEqual(hooks.result);
    // the failure's counterexample and message came through (not an error of the grader)
    const conv = (tree.result as { exercises: { id: string; status: string; properties: { status: string }[] }[] }).exercises.find((e) => e.id === 'ch07-convolution/conv2d')!;
    expect(conv.properties.some((p) => p.status === 'fail')).toBe(true);
    expect(conv.properties.every((p) => p.status !== 'error')).toBe(true);
  }, 300_000);

  it("fills the caches a first run would fill: that run parses no YAML and bundles no runner", () => {
    const cache = join(scratch, 'install-cache');
    const r = spawnSync(process.execPath, ['grader/boot/precompile.mjs', '--strict'], { cwd: root, encoding: 'utf8', env: { ...process.env, DLGRADE_LANG: 'en', DLGRADE_CACHE_DIR: cache } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('dlgrade precompile: caches prepared (catalog, sandbox runner)');
    const names = readdirSync(cache);
    const runner = names.find((n) => /^runner-[0-9a-f]+\.json$/.test(n));
    expect(names.some((n) => /^catalog-[0-9a-f]+\.json$/.test(n))).toBe(true);
    expect(runner).toBeDefined();
    const before = statSync(join(cache, runner!));
    const profile = join(scratch, 'first-run.profile.json');
    const first = spawnSync(process.execPath, ['bin/dlgrade.js', 'grade', join(scratch, 'submission'), '-q', '--no-typecheck', '-e', EXERCISES[1]!], { cwd: root, encoding: 'utf8', env: { ...process.env, DLGRADE_CACHE_DIR: cache, DLGRADE_PROFILE: profile } });
    expect(first.status, first.stderr).toBe(0);
    const spans = Object.keys((JSON.parse(readFileSync(profile, 'utf8')) as ProfileReport).spans);
    expect(spans).toContain('catalog load');
    expect(spans).not.toContain('catalog: YAML parse + validation');
    // the runner's entry was read, not written again
    const after = statSync(join(cache, runner!));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  }, 300_000);

  it("loads the type checker's thread from the same tree: no TypeScript through the hooks there either, the same findings", () => {
    // focal loss solved, with a type error the checker must find (its findings are not cached here)
    const typed = join(scratch, 'typed');
    cpSync(join(scratch, 'submission'), typed, { recursive: true });
    const file = join(typed, 'ch15-losses', 'focal-loss', 'focal-loss.ts');
    writeFileSync(file, readFileSync(file, 'utf8') + "\nconst wrongType: number = 'not a number';\n");
    const env = { DLGRADE_TYPECHECK_CACHE: '0' };
    const viaHooks = grade('typed-hooks', { ...env, DLGRADE_TREE: '0' }, { submission: 'typed', typecheck: true });
    const fromTree = grade('typed-tree', env, { submission: 'typed', typecheck: true });
    expect(viaHooks.hookLines).toBeGreaterThan(50);
    expect(fromTree.fromTree).toBe(true);
    expect(fromTree.hookLines).toBe(0);
    expect(fromTree.result).toEqual(viaHooks.result);
    const focal = (fromTree.result as { exercises: { id: string; typeErrors?: { code: number }[] }[] }).exercises.find((e) => e.id === 'ch15-losses/focal-loss')!;
    expect(focal.typeErrors?.map((e) => e.code)).toEqual([2322]);
  }, 300_000);

  it('folds the message catalogs into the i18n index: one module, the same texts, stack traces on the .ts files', async () => {
    await lexerReady;
    const treeIndex = (): string => {
      const trees = join(root, 'node_modules', '.cache', 'dlgrade', 'tree');
      const { id } = JSON.parse(readFileSync(join(trees, 'current.json'), 'utf8')) as { id: string };
      return join(trees, id, 'modules', 'grader', 'i18n', 'index.mjs');
    };
    const catalogImports = (file: string): string[] => parseModule(readFileSync(file, 'utf8'))[0].map((i) => i.n ?? '').filter((n) => /^\.\/[a-z]+\//.test(n));
    expect(catalogImports(treeIndex())).toEqual([]);
    // every message, in both languages, says the same from the tree as from the sources: each
    // function is called with the same arguments (strings; what throws must throw too: the
    // engine's message is not compared, since it names a variable the bundle may have renamed)
    process.setSourceMapsEnabled(true);
    const folded = (await import(pathToFileURL(treeIndex()).href)) as { CATALOGS: Record<string, unknown> };
    const sources = (await import('../../grader/i18n/index.ts')) as unknown as { CATALOGS: Record<string, unknown> };
    const said = (value: unknown, path: string, out: string[]): void => {
      if (typeof value === 'function') {
        const args = Array.from({ length: value.length }, (_, i) => `arg${i}`);
        try {
          out.push(`${path} = ${JSON.stringify((value as (...a: unknown[]) => unknown)(...args))}`);
        } catch (error) {
          out.push(`${path} throws ${(error as Error).name}`);
        }
      } else if (value !== null && typeof value === 'object') {
        for (const key of Object.keys(value)) said((value as Record<string, unknown>)[key], `${path}.${key}`, out);
      } else out.push(`${path} = ${JSON.stringify(value)}`);
    };
    const texts = (catalogs: Record<string, unknown>): string[] => {
      const out: string[] = [];
      said(catalogs, 'CATALOGS', out);
      return out;
    };
    expect(Object.keys(folded.CATALOGS).sort()).toEqual(['en', 'es']);
    const fromTree = texts(folded.CATALOGS);
    expect(fromTree.length).toBeGreaterThan(500);
    expect(fromTree).toEqual(texts(sources.CATALOGS));
    // an error thrown inside a folded catalog is placed on its own .ts file (in a process of its
    // own, loading from the tree as bin/dlgrade.js does: this one rewrites its stack traces itself)
    const script = [
      `const tree = await import(${JSON.stringify(pathToFileURL(join(root, 'grader', 'boot', 'tree.mjs')).href)});`,
      "const { CATALOGS } = await import(tree.useTree(await tree.validTree(), 'grader/i18n/index.ts'));",
      "try { CATALOGS.en.author.noChapter('x', null); } catch (error) { console.log(error.stack.split('\\n')[1]); }",
    ].join('\n');
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(r.stdout, r.stderr).toContain(`${join(root, 'grader', 'i18n', 'en', 'author.ts')}:5:`);
  }, 120_000);

  it('folds no catalog that is not pure data: one that imports something leaves the index as it is', () => {
    const undo = edit('grader/i18n/en/verify.ts', (t) => `import { sep } from 'node:path';\nvoid sep;\n${t}`);
    try {
      precompile();
      const trees = join(root, 'node_modules', '.cache', 'dlgrade', 'tree');
      const { id } = JSON.parse(readFileSync(join(trees, 'current.json'), 'utf8')) as { id: string };
      const index = readFileSync(join(trees, id, 'modules', 'grader', 'i18n', 'index.mjs'), 'utf8');
      expect(index).toContain('./en/verify.mjs');
      expect(index).toContain('./es/author.mjs');
      expect(grade('unfolded').fromTree).toBe(true);
    } finally {
      undo();
      precompile();
    }
  }, 300_000);

  it('the catalogs keep to what folding needs: type imports, types, and constants holding objects or functions', () => {
    const base = join(INSTALL_ROOT, 'grader', 'i18n');
    const found: string[] = [];
    for (const lang of readdirSync(base, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)) {
      for (const file of readdirSync(join(base, lang)).filter((f) => f.endsWith('.ts'))) {
        const source = ts.createSourceFile(file, readFileSync(join(base, lang, file), 'utf8'), ts.ScriptTarget.Latest);
        for (const statement of source.statements) {
          const pure =
            (ts.isImportDeclaration(statement) && statement.importClause?.isTypeOnly === true) ||
            ts.isInterfaceDeclaration(statement) ||
            ts.isTypeAliasDeclaration(statement) ||
            (ts.isVariableStatement(statement) &&
              (statement.declarationList.flags & ts.NodeFlags.Const) !== 0 &&
              statement.declarationList.declarations.every((d) => d.initializer !== undefined && (ts.isObjectLiteralExpression(d.initializer) || ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))));
          if (!pure) found.push(`grader/i18n/${lang}/${file}:${source.getLineAndCharacterOfPosition(statement.getStart(source)).line + 1}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('is never used once a source differs from its build: a byte, a file added, a file removed', () => {
    for (const [what, change] of [
      ['a byte of a grader module', () => edit('grader/compare/format.ts', (t) => `${t}\n`)],
      ['a byte of a spec', () => edit('exercises/ch07-convolution/conv2d/spec.ts', (t) => `${t} `)],
      ['a byte of a reference', () => edit('reference/ch15-losses/focal-loss.ts', (t) => t.replace('1e-7', '1e-7 '))],
      [
        'a module added',
        () => {
          writeFileSync(join(root, 'grader', 'added.ts'), 'export const x = 1;\n');
          return () => rmSync(join(root, 'grader', 'added.ts'));
        },
      ],
      [
        'a module removed',
        () => {
          const file = join(root, 'grader', 'spec', 'text.ts');
          const before = readFileSync(file);
          rmSync(file);
          // nothing imports text.ts but a grader module's type: the grader still runs
          return () => writeFileSync(file, before);
        },
      ],
    ] as const) {
      const undo = change();
      try {
        const run = grade(`stale-${what.replaceAll(' ', '-')}`);
        expect(run.fromTree, what).toBe(false);
        expect(run.result, what).toEqual(hooks.result);
      } finally {
        undo();
      }
    }
    expect(grade('fresh-again').fromTree).toBe(true);
  }, 300_000);

  it('a manifest that names other hashes, a tree never completed, or DLGRADE_TREE=0: the hooks', () => {
    const trees = join(root, 'node_modules', '.cache', 'dlgrade', 'tree');
    const manifestFile = join(trees, 'current.json');
    const manifest = readFileSync(manifestFile, 'utf8');
    const parsed = JSON.parse(manifest) as { id: string; sources: Record<string, string> };
    try {
      writeFileSync(manifestFile, JSON.stringify({ ...parsed, sources: { ...parsed.sources, 'grader/paths.ts': '0'.repeat(64) } }));
      expect(grade('forged-manifest').fromTree).toBe(false);
      writeFileSync(manifestFile, 'not json');
      expect(grade('broken-manifest').fromTree).toBe(false);
      writeFileSync(manifestFile, manifest);
      rmSync(join(trees, parsed.id, 'complete'));
      expect(grade('incomplete').fromTree).toBe(false);
      writeFileSync(join(trees, parsed.id, 'complete'), '');
      expect(grade('off', { DLGRADE_TREE: '0' }).fromTree).toBe(false);
      expect(grade('on').fromTree).toBe(true);
    } finally {
      writeFileSync(manifestFile, manifest);
    }
  }, 300_000);

  it('another course root (verify --root) loads its own TypeScript through the hooks, and the grader from the tree: one copy of it', () => {
    // a course beside the install, its grader a link to the install's (as tests/instructor/verify.test.ts makes one)
    const course = join(scratch, 'course');
    for (const dir of ['exercises', 'solutions', 'reference']) cpSync(join(root, dir, 'ch01-intro-ml'), join(course, dir, 'ch01-intro-ml'), { recursive: true });
    symlinkSync(join(root, 'grader'), join(course, 'grader'));
    symlinkSync(join(root, 'node_modules'), join(course, 'node_modules'));
    writeFileSync(join(course, 'package.json'), '{ "type": "module", "private": true }\n');
    const verify = (name: string, env: NodeJS.ProcessEnv): { out: string; hooked: string[] } => {
      const log = join(scratch, `${name}.log`);
      const r = spawnSync(process.execPath, ['bin/dlgrade.js', 'verify', 'ch01-intro-ml/confusion-matrix', '--root', course, '--runs', '10'], { cwd: root, encoding: 'utf8', env: { ...process.env, DLGRADE_CACHE_DIR: join(scratch, 'cache'), DLGRADE_PRECOMPILE_LOG: log, ...env } });
      let hooked: string[] = [];
      try {
        hooked = readFileSync(log, 'utf8').trim().split('\n').filter(Boolean);
      } catch {
        // nothing through the hooks
      }
      return { out: r.stdout.replace(/\d+(\.\d+)? s\b/g, 'N s'), hooked };
    };
    const tree = verify('verify-tree', {});
    const hooks = verify('verify-hooks', { DLGRADE_TREE: '0' });
    expect(tree.out).toMatch(/✔ solución/);
    expect(tree.out).toEqual(hooks.out);
    // the course's spec, reference and solution through the hooks; what the spec imports of the
    // grader (grader/spec/) is the tree's module, not a second copy (the type checker's own thread,
    // if it starts, loads its modules through the hooks: another thread, another module graph)
    const spec = `${join(root, 'grader', 'spec')}/`;
    expect(tree.hooked.some((l) => l.includes(join(course, 'exercises')))).toBe(true);
    expect(tree.hooked.filter((l) => l.includes(spec))).toEqual([]);
    expect(hooks.hooked.some((l) => l.includes(spec))).toBe(true);
  }, 300_000);
});
