/**
 * A synthetic assignment and collected folder, as `dlgrade assign` and `dlgrade collect` leave them,
 * for the regrade / gradebook / report tests and the bench.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ExerciseDef } from '../../grader/catalog/types.ts';

export const TEMPLATE_STARTER = 'a'.repeat(40);
export const WORKFLOW = '.github/workflows/dlgrade.yml';

const sha256 = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

function write(root: string, path: string, content: string | Buffer): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

export interface Assignment {
  /** the instructor's copy of the template (with .dlgrade/manifest.json) */
  dir: string;
  manifestPath: string;
  files: Record<string, string>;
  defs: ExerciseDef[];
}

/** A template: README, package.json, workflow naming the starter commit, stubs, and the manifest. */
export function makeAssignment(defs: ExerciseDef[]): Assignment {
  const dir = mkdtempSync(join(tmpdir(), 'dlgrade-assignment-'));
  const files: Record<string, string> = {
    'README.md': '# Tarea\n',
    'package.json': '{ "name": "tarea", "private": true }\n',
    [WORKFLOW]: `name: dlgrade\non: push\njobs:\n  grade:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npx dlgrade publish --starter-sha ${TEMPLATE_STARTER}\n`,
  };
  for (const def of defs) files[`exercises/${def.chapter}/${def.name}/README.es.md`] = `# ${def.name}\n`;
  for (const [path, content] of Object.entries(files)) write(dir, path, content);
  for (const def of defs) cpSync(join(def.dir, def.file), join(dir, 'exercises', def.chapter, def.name, def.file));
  const manifest = {
    schemaVersion: 1,
    assignment: 'tarea',
    dlgradeVersion: '0.1.0',
    lang: 'es',
    exercises: defs.map((d) => ({ id: d.id, file: `exercises/${d.chapter}/${d.name}/${d.file}`, points: 1 })),
    graderPackage: 'dlgrade@0.1.0',
    protected: Object.keys(files).sort().map((path) => ({ path, sha256: sha256(files[path]!) })),
    starterCommit: TEMPLATE_STARTER,
  };
  const manifestPath = join(dir, '.dlgrade', 'manifest.json');
  write(dir, '.dlgrade/manifest.json', JSON.stringify(manifest, null, 2) + '\n');
  return { dir, manifestPath, files, defs };
}

export type Answer = 'solution' | 'stub' | 'absent' | { fixture: string };

export interface StudentSpec {
  username: string;
  studentId?: string;
  /** per exercise id (default: solution) */
  answers?: Record<string, Answer>;
  /** files replaced in the checkout (protected files tampered with) */
  overwrite?: Record<string, string>;
  latePushes?: number;
  /** collect could not check the repository out: only collect.json */
  collectFailed?: string;
}

/** `<collected>/<username>/` as `dlgrade collect` writes it: the checkout plus collect.json. */
export function addStudent(collected: string, assignment: Assignment, spec: StudentSpec, index = 0): void {
  const dir = join(collected, spec.username.toLowerCase());
  mkdirSync(dir, { recursive: true });
  const starter = (index + 1).toString(16).padStart(40, 'b');
  const sha = sha256(spec.username).slice(0, 40);
  const record = {
    schema_version: 1,
    username: spec.username,
    student_id: spec.studentId ?? `A${String(index).padStart(4, '0')}`,
    repo: `curso/tarea-${spec.username}`,
    default_branch: 'main',
    deadline: '2026-03-01T23:59:00.000Z',
    sha: spec.collectFailed !== undefined ? null : sha,
    pushed_at: spec.collectFailed !== undefined ? null : '2026-03-01T20:00:00Z',
    late_pushes: { count: spec.latePushes ?? 0, last_pushed_at: spec.latePushes ? '2026-03-02T10:00:00Z' : null, last_sha: spec.latePushes ? 'c'.repeat(40) : null },
    status: spec.collectFailed !== undefined ? 'failed' : 'collected',
    errors: spec.collectFailed !== undefined ? [spec.collectFailed] : [],
    collected_at: '2026-03-02T00:00:00.000Z',
  };
  writeFileSync(join(dir, 'collect.json'), JSON.stringify(record, null, 2) + '\n');
  if (spec.collectFailed !== undefined) return;
  // the provisioned repository: the template's files, its own starter commit in workflow and manifest
  for (const [path, content] of Object.entries(assignment.files)) write(dir, path, path === WORKFLOW ? content.split(TEMPLATE_STARTER).join(starter) : content);
  const manifest = JSON.parse(readFileSync(assignment.manifestPath, 'utf8')) as Record<string, unknown>;
  write(dir, '.dlgrade/manifest.json', JSON.stringify({ ...manifest, starterCommit: starter }, null, 2) + '\n');
  for (const def of assignment.defs) {
    const answer = spec.answers?.[def.id] ?? 'solution';
    if (answer === 'absent') continue;
    const source = answer === 'solution' ? def.solutionPath : answer === 'stub' ? join(def.dir, def.file) : answer.fixture;
    write(dir, `exercises/${def.chapter}/${def.name}/${def.file}`, readFileSync(source));
  }
  for (const [path, content] of Object.entries(spec.overwrite ?? {})) write(dir, path, content);
}
