/**
 * Golden reports: the whole student-facing text for each kind of outcome of one exercise (a stub,
 * a syntax error, a type error, one bug, a hang, full marks)
 * (ch07-convolution/conv2d), in both languages, for the terminal and the Markdown renderers.
 * Normalised: durations, the reference backend and the sandbox line vary by machine.
 *
 * To accept a deliberate change of the reports, rewrite the goldens and review the diff:
 *   DLGRADE_UPDATE_GOLDEN=1 npx vitest run tests/report/golden.test.ts
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { gradeSubmission } from '../../grader/engine/grade.ts';
import type { GradeResult, Lang } from '../../grader/engine/result.ts';
import { SOLUTIONS_DIR } from '../../grader/paths.ts';
import { renderMarkdown } from '../../grader/report/markdown.ts';
import { renderTerminal } from '../../grader/report/terminal.ts';
import { FIXTURES_DIR, stubSubmission } from '../tools/fixtures.ts';

const GOLDEN_DIR = join(import.meta.dirname, 'golden');
const UPDATE = process.env['DLGRADE_UPDATE_GOLDEN'] === '1';
const catalog = loadCatalog();
const def = catalog.exercises.find((e) => e.id === 'ch07-convolution/conv2d')!;

const SIGNATURE = `export function conv2d(
  input: number[][][],
  kernel: number[][][][],
  opts: { stride?: number | [number, number]; padding?: 'valid' | 'same' } = {},
): number[][][] {`;

/** Each case: the student's conv2d.ts (a stub, a syntax error, one bug, a hang, the solution). */
const CASES: Record<string, () => { dir: string; cleanup: () => void }> = {
  stub: () => stubSubmission([def]),
  'syntax-error': () => withSource(`${SIGNATURE}\n  const out = [;\n  return out;\n}\n`),
  'flipped-kernel': () => withSource(readFileSync(join(FIXTURES_DIR, 'buggy', 'ch07-convolution', 'conv2d', 'flipped-kernel.ts'), 'utf8')),
  timeout: () => withSource(`${SIGNATURE}\n  let rows = 0;\n  while (input.length > 0) {\n    rows += 1;\n  }\n  return [];\n}\n`),
  'full-marks': () => withSource(readFileSync(def.solutionPath, 'utf8')),
  // a right answer with one type error: reported first, beside the results (it does not block grading)
  'type-error': () => withSource(`${readFileSync(def.solutionPath, 'utf8')}\nconst scale: number = '1';\n`),
};

function withSource(source: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'dlgrade-golden-'));
  mkdirSync(join(dir, def.chapter, def.name), { recursive: true });
  writeFileSync(join(dir, def.chapter, def.name, def.file), source);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Replaces what varies between machines and runs. */
export function normalise(text: string, result: GradeResult): string {
  return text
    .replaceAll(result.backend, '<backend>')
    .replace(/(sandbox: )[^\n|]*?(?=( · dlgrade|\n))/g, '$1<sandbox>')
    .replace(/\d+(\.\d+)? s\b/g, '<duration> s')
    .replace(/\d+ ms\b/g, '<n> ms');
}

async function grade(name: string, lang: Lang): Promise<GradeResult> {
  const sub = CASES[name]!();
  try {
    return await gradeSubmission({ submissionDir: sub.dir, catalog, exercises: [def.id], lang });
  } finally {
    sub.cleanup();
  }
}

function compare(file: string, actual: string): void {
  const path = join(GOLDEN_DIR, file);
  if (UPDATE || !existsSync(path)) {
    if (!UPDATE) throw new Error(`missing golden ${file}: run DLGRADE_UPDATE_GOLDEN=1 npx vitest run tests/report/golden.test.ts`);
    writeFileSync(path, actual);
    return;
  }
  expect(actual, `${file} (to accept a deliberate change: DLGRADE_UPDATE_GOLDEN=1)`).toBe(readFileSync(path, 'utf8'));
}

describe.each(Object.keys(CASES))('golden report: %s', (name) => {
  it.each(['es', 'en'] as const)('%s, terminal and Markdown', async (lang) => {
    const result = await grade(name, lang);
    compare(`${name}.${lang}.txt`, normalise(renderTerminal(result, { color: false }), result));
    compare(`${name}.${lang}.md`, normalise(renderMarkdown(result), result));
  }, 120_000);
});

it('the goldens say what they show: one diagnosis for one bug, «sin comprobar» for what it blocks', () => {
  const bug = readFileSync(join(GOLDEN_DIR, 'flipped-kernel.es.txt'), 'utf8');
  expect(bug.match(/^ {2}✘ [a-z0-9-]+ \(/gm)).toHaveLength(1);
  expect(bug).toMatch(/sin voltear el kernel/);
  expect(bug).toMatch(/sin comprobar hasta que pase lo anterior: .*kernel-linearity/);
  expect(bug).toMatch(/conv2d\(input, kernel, \{ stride: [^)]*\}\);/);
  expect(bug).toMatch(/Dónde: exercises\/ch07-convolution\/conv2d\/conv2d\.ts:\d+ \(en conv2d\)\n/);
  expect(bug.match(/^ {8}[> ] +\d+ \| /gm)).toHaveLength(3);
  // no sentence twice: the message does not repeat the numbers of the first difference
  expect(bug).not.toMatch(/vale .* pero se esperaba/);
  const lines = bug.split('\n').map((l) => l.trim()).filter((l) => l.length > 12);
  expect(lines.length).toBe(new Set(lines).size);
  const full = readFileSync(join(GOLDEN_DIR, 'full-marks.en.txt'), 'utf8');
  expect(full.split('\n').filter((l) => l.startsWith('✔'))).toHaveLength(1);
  expect(readFileSync(join(GOLDEN_DIR, 'timeout.en.txt'), 'utf8')).toMatch(/in conv2d/);
  expect(readFileSync(join(GOLDEN_DIR, 'syntax-error.es.txt'), 'utf8')).toMatch(/conv2d\.ts:\d+/);
  void SOLUTIONS_DIR;
});
