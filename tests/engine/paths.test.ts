/**
 * Every student file is read component by component inside the submission root: a symbolic link
 * at the root, chapter, exercise or file level never grades a file that is not the student's
 * own (a classmate's, the model solution); the exercise is `tampered` with 0 points.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { gradeSubmission } from '../../grader/engine/grade.ts';
import { readInsideRoot } from '../../grader/engine/steps/safe-path.ts';
import { SOLUTIONS_DIR } from '../../grader/paths.ts';
import { buildCleanTree } from '../../grader/regrade/clean-tree.ts';
import { findSymlinks } from '../../grader/regrade/tamper.ts';

const catalog = loadCatalog();
const def = catalog.exercises.find((e) => e.id === 'ch15-losses/dice-loss')!;
const tmp = mkdtempSync(join(tmpdir(), 'dlgrade-paths-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// the classmate's honest, full-marks submission
const classmate = join(tmp, 'classmate');
mkdirSync(join(classmate, def.chapter, def.name), { recursive: true });
cpSync(join(SOLUTIONS_DIR, def.chapter, def.name, def.file), join(classmate, def.chapter, def.name, def.file));

function attacker(name: string, build: (dir: string) => void): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  build(dir);
  return dir;
}

const attacks: Record<string, string> = {
  'file -> classmate': attacker('file', (d) => {
    mkdirSync(join(d, def.chapter, def.name), { recursive: true });
    symlinkSync(join('..', '..', '..', 'classmate', def.chapter, def.name, def.file), join(d, def.chapter, def.name, def.file));
  }),
  'exercise -> classmate': attacker('exercise', (d) => {
    mkdirSync(join(d, def.chapter), { recursive: true });
    symlinkSync(join('..', '..', 'classmate', def.chapter, def.name), join(d, def.chapter, def.name));
  }),
  'chapter -> classmate': attacker('chapter', (d) => symlinkSync(join('..', 'classmate', def.chapter), join(d, def.chapter))),
  // `exercises -> …/solutions`: the submission root itself is a link
  'root -> solutions': (() => {
    const repo = attacker('root', () => undefined);
    symlinkSync(SOLUTIONS_DIR, join(repo, 'exercises'));
    return join(repo, 'exercises');
  })(),
};

const grade = async (dir: string, lang: 'es' | 'en' = 'es') => (await gradeSubmission({ submissionDir: dir, exercises: [def.id], audience: 'instructor', catalog, lang })).exercises[0]!;

describe('grade never follows a symbolic link out of the submission', () => {
  it('the classmate the links point at earns full marks (the attacks would have worked)', async () => {
    const r = await grade(classmate);
    expect(r.score).toBe(r.maxScore);
  });

  it.each(Object.entries(attacks))('%s: tampered, 0 points, a message naming the link', async (_name, dir) => {
    const r = await grade(dir);
    expect(r.status).toBe('error');
    expect(r.reason).toBe('tampered');
    expect(r.score).toBe(0);
    expect(r.message).toMatch(/enlace simbólico/);
    expect(r.properties.every((p) => p.status === 'skipped')).toBe(true);
    const en = await grade(dir, 'en');
    expect(en.message).toMatch(/symbolic link/);
  });
});

describe('readInsideRoot', () => {
  it('names the offending component and refuses a path whose real location leaves the root', () => {
    expect(readInsideRoot(attacks['chapter -> classmate']!, [def.chapter, def.name, def.file], 1 << 20)).toEqual({ kind: 'refused', problem: 'symlink', at: def.chapter });
    expect(readInsideRoot(classmate, [def.chapter, def.name, def.file], 1 << 20).kind).toBe('found');
    expect(readInsideRoot(classmate, [def.chapter, '..', def.file], 1 << 20)).toMatchObject({ kind: 'refused', problem: 'escape' });
    expect(readInsideRoot(classmate, [def.chapter, def.name, 'nope.ts'], 1 << 20)).toEqual({ kind: 'absent' });
    expect(readInsideRoot(classmate, [def.chapter, def.name, def.file], 10)).toMatchObject({ kind: 'refused', problem: 'too-large' });
  });
});

describe('regrade: the clean tree and the tamper scan', () => {
  it('refuses links at every level, copies real files, and lists every link in the checkout', () => {
    const checkout = attacker('checkout', (d) => {
      mkdirSync(join(d, 'exercises'), { recursive: true });
      symlinkSync(join('..', '..', 'classmate', def.chapter), join(d, 'exercises', def.chapter));
      writeFileSync(join(d, 'README.md'), '# x\n');
      symlinkSync('/etc/hostname', join(d, 'notes.txt'));
    });
    const other = catalog.exercises.find((e) => e.id === 'ch01-intro-ml/confusion-matrix')!;
    mkdirSync(join(checkout, 'exercises', other.chapter, other.name), { recursive: true });
    writeFileSync(join(checkout, 'exercises', other.chapter, other.name, other.file), 'export {};\n');
    const tree = buildCleanTree(checkout, [def, other]);
    try {
      expect(tree.refused[def.id]).toEqual({ problem: 'symlink', at: `exercises/${def.chapter}` });
      expect(tree.refused[other.id]).toBeUndefined();
      expect(readInsideRoot(tree.dir, [other.chapter, other.name, other.file], 1 << 20).kind).toBe('found');
      expect(readInsideRoot(tree.dir, [def.chapter, def.name, def.file], 1 << 20).kind).toBe('absent');
    } finally {
      tree.remove();
    }
    expect(findSymlinks(checkout)).toEqual([`exercises/${def.chapter}`, 'notes.txt']);
  });
});
