/**
 * The npm package grades the exercises with hidden properties from their public spec: npm pack's
 * prepack step writes spec.public.ts (the spec without its hidden properties,
 * grader/assign/public-specs.ts) and the package ships it instead of spec.ts; the loader falls
 * back to it where spec.ts is absent and reports the hidden properties as not available, never as
 * a grader error. The hidden properties' code never ships.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, cpSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicSpecPath, removePublicSpecs, writePublicSpecs } from '../../grader/assign/public-specs.ts';
import { loadCatalog } from '../../grader/catalog/load.ts';
import type { Catalog } from '../../grader/catalog/types.ts';
import { gradeSubmission } from '../../grader/engine/grade.ts';
import { INSTALL_ROOT, SOLUTIONS_DIR } from '../../grader/paths.ts';

const catalog = loadCatalog();
const withHidden = catalog.exercises.filter((d) => d.properties.some((p) => p.hidden));

/** the catalog as the package sees it: no spec.ts where it is not shipped */
const packaged: Catalog = { ...catalog, exercises: catalog.exercises.map((d) => (d.properties.some((p) => p.hidden) ? { ...d, specPath: join(d.dir, 'spec.not-shipped.ts') } : d)) };

beforeAll(() => {
  writePublicSpecs(catalog.exercises);
});
afterAll(() => {
  removePublicSpecs(catalog.exercises);
});

describe('the public specs of the npm package', () => {
  it('one per exercise with hidden properties; shipped instead of spec.ts', () => {
    expect(withHidden.length).toBeGreaterThan(30);
    const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: INSTALL_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as { files: { path: string }[] }[];
    const files = new Set(packed[0]!.files.map((f) => f.path));
    for (const def of withHidden) {
      const dir = `exercises/${def.chapter}/${def.name}`;
      expect(files.has(`${dir}/spec.public.ts`), dir).toBe(true);
      expect(files.has(`${dir}/spec.ts`), dir).toBe(false);
    }
    expect([...files].filter((p) => p.endsWith('spec.public.ts'))).toHaveLength(withHidden.length);
  }, 120_000);

  it('hold the visible properties, exactly, and no hidden property’s code', async () => {
    for (const def of withHidden) {
      const path = publicSpecPath(def.specPath);
      const text = readFileSync(path, 'utf8');
      for (const p of def.properties.filter((q) => q.hidden)) expect(text, `${path}: ${p.name}`).not.toMatch(new RegExp(`['"]${p.name}['"]\\s*:`));
      const spec = ((await import(pathToFileURL(path).href)) as { default: Record<string, unknown> }).default;
      expect(Object.keys(spec).sort(), path).toEqual(def.properties.filter((p) => !p.hidden).map((p) => p.name).sort());
    }
  }, 300_000);

  it('grade a correct solution with full marks (student), the hidden properties not available (instructor), no grader error', async () => {
    const ids = withHidden.slice(0, 2).map((d) => d.id);
    const student = await gradeSubmission({ submissionDir: SOLUTIONS_DIR, exercises: ids, catalog: packaged, audience: 'student', runs: 10, typecheck: false });
    for (const e of student.exercises) {
      expect([e.id, e.status, e.reason, e.score]).toEqual([e.id, 'pass', undefined, e.maxScore]);
      expect(e.properties.some((p) => p.hidden)).toBe(false);
    }
    const instructor = await gradeSubmission({ submissionDir: SOLUTIONS_DIR, exercises: ids, catalog: packaged, audience: 'instructor', runs: 10, typecheck: false, lang: 'en' });
    for (const e of instructor.exercises) {
      expect(e.reason, e.message).not.toBe('grader-error');
      const hidden = e.properties.filter((p) => p.hidden);
      expect(hidden.length).toBeGreaterThan(0);
      for (const p of hidden) expect([p.status, p.message]).toEqual(['skipped', expect.stringMatching(/^not available in this installation/)]);
      for (const p of e.properties.filter((q) => !q.hidden)) expect(p.status, p.name).toBe('pass');
    }
  }, 300_000);

  // last: npm pack's postpack removes the public specs the tests above read
  it('the packed tarball, installed in a temp folder, grades an exercise with hidden properties; its own prepack/postpack leave nothing behind', async () => {
    const def = withHidden[0]!;
    const tmp = mkdtempSync(join(tmpdir(), 'dlgrade-packed-'));
    try {
      execFileSync('npm', ['pack', '--pack-destination', tmp], { cwd: INSTALL_ROOT, stdio: 'ignore', timeout: 240_000 });
      for (const d of withHidden) expect(existsSync(publicSpecPath(d.specPath)), d.id).toBe(false);
      // npm pack's prepare built the build tree while the public specs were there: postpack builds
      // it again without them, so this checkout's grader still loads from a tree, not the hooks
      const tree = (await import(pathToFileURL(join(INSTALL_ROOT, 'grader', 'boot', 'tree.mjs')).href)) as { validTree(): Promise<unknown> };
      expect(await tree.validTree()).toBeTruthy();
      execFileSync('tar', ['xzf', join(tmp, 'dlgrade-0.1.0.tgz'), '-C', tmp]);
      const pkg = join(tmp, 'package');
      expect(existsSync(join(pkg, 'exercises', def.chapter, def.name, 'spec.ts'))).toBe(false);
      expect(existsSync(join(pkg, 'exercises', def.chapter, def.name, 'spec.public.ts'))).toBe(true);
      // the dependencies as installed here (offline): the package's own files are the tarball's
      symlinkSync(join(INSTALL_ROOT, 'node_modules'), join(pkg, 'node_modules'));
      const sub = join(tmp, 'sub', def.chapter, def.name);
      mkdirSync(sub, { recursive: true });
      cpSync(def.solutionPath, join(sub, def.file));
      execFileSync(process.execPath, [join(pkg, 'bin/dlgrade.js'), 'grade', '-e', def.id, '--runs', '10', '--json', join(tmp, 'result.json'), join(tmp, 'sub')], { cwd: pkg, stdio: 'ignore', timeout: 240_000 });
      const result = JSON.parse(readFileSync(join(tmp, 'result.json'), 'utf8')) as { exercises: { id: string; status: string; score: number; maxScore: number; reason?: string; properties: { hidden?: boolean }[] }[] };
      const e = result.exercises.find((x) => x.id === def.id)!;
      expect([e.status, e.reason, e.score]).toEqual(['pass', undefined, e.maxScore]);
      expect(e.properties.some((p) => p.hidden)).toBe(false);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 480_000);
});
