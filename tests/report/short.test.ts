/**
 * Short by default: untouched stubs print a few lines per exercise and end in a summary; one bug
 * gives one diagnosis; no-mutation fails only when an argument changed, and says which and where.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { gradeSubmission } from '../../grader/engine/grade.ts';
import { renderMarkdown } from '../../grader/report/markdown.ts';
import { renderTerminal } from '../../grader/report/terminal.ts';
import { FIXTURES_DIR, stubSubmission, submissionWith } from '../tools/fixtures.ts';

const catalog = loadCatalog();
const conv = catalog.exercises.find((e) => e.id === 'ch07-convolution/conv2d')!;

async function gradeStubs(chapter: string) {
  const defs = catalog.exercises.filter((e) => e.chapter === chapter);
  const sub = stubSubmission(defs);
  try {
    return await gradeSubmission({ submissionDir: sub.dir, catalog, exercises: defs.map((d) => d.id), runs: 10 });
  } finally {
    sub.cleanup();
  }
}

describe('short reports', () => {
  it('the stub-only report of ch07-convolution stays within 25 lines and ends in a summary with the next command', async () => {
    const result = await gradeStubs('ch07-convolution');
    const text = renderTerminal(result, { color: false });
    const lines = text.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(25);
    expect(text).toContain('Sin la nota completa:');
    for (const e of result.exercises) expect(text).toContain(`  ✘ ${e.id} 0/${e.maxScore}`);
    expect(lines.at(-1)).toMatch(/^Siguiente paso: implementa conv2d en exercises\/ch07-convolution\/conv2d\/conv2d\.ts y ejecuta npx dlgrade check ch07-convolution\/conv2d$/);
    // --verbose restores every property
    const verbose = renderTerminal(result, { color: false, verbose: true });
    for (const p of result.exercises.flatMap((e) => e.properties)) expect(verbose).toContain(` ${p.name}`);
    expect(verbose.split('\n').length).toBeGreaterThan(lines.length);
  }, 120_000);

  it('untouched stubs of a whole chapter are short: at most four lines per exercise plus the summary', async () => {
    const result = await gradeStubs('ch27-generative-models');
    const lines = renderTerminal(result, { color: false }).trimEnd().split('\n');
    expect(result.exercises.length).toBe(6);
    expect(lines.length).toBeLessThanOrEqual(2 + 4 * result.exercises.length + 3 + result.exercises.length);
    const md = renderMarkdown(result);
    expect(md.split('\n').length).toBeLessThan(100);
    expect(md).toContain('### Resumen');
  }, 120_000);

  it('one bug, one diagnosis: a flipped kernel fails matches-reference; the properties built on it are not checked', async () => {
    const sub = submissionWith(conv, join(FIXTURES_DIR, 'buggy', 'ch07-convolution', 'conv2d', 'flipped-kernel.ts'));
    try {
      const result = await gradeSubmission({ submissionDir: sub.dir, catalog, exercises: [conv.id] });
      const props = new Map(result.exercises[0]!.properties.map((p) => [p.name, p]));
      expect(props.get('matches-reference')!.status).toBe('fail');
      for (const name of ['kernel-linearity', 'identity-kernel', 'defaults', 'output-shape', 'no-mutation']) {
        expect(props.get(name), name).toMatchObject({ status: 'skipped', score: 0, blockedBy: ['matches-reference'], message: 'sin comprobar: primero tiene que pasar matches-reference' });
      }
      const failing = props.get('matches-reference')!;
      expect(failing.call).toMatch(/^conv2d\(input, kernel, \{ stride: .*, padding: '(valid|same)' \}\)$/);
      expect(failing.counterexample).toMatch(/^const input = [\s\S]*; \/\/ \d+×\d+×\d+\nconst kernel = [\s\S]*; \/\/ \d+×\d+×\d+×\d+\nconv2d\(input, kernel/);
      expect(failing.location?.function).toBe('conv2d');
      expect(failing.location!.line).toBeGreaterThan(1);
      expect(failing.location!.frame).toHaveLength(3);
      // replayed on its own (prerequisites not selected), no-mutation finds no changed argument: the
      // wrong value is not its business (it is only held back, as secondary, until a primary passes)
      const alone = await gradeSubmission({ submissionDir: sub.dir, catalog, exercises: [conv.id], properties: ['no-mutation'] });
      const nm = alone.exercises[0]!.properties.find((p) => p.name === 'no-mutation')!;
      expect(nm.counterexample).toBeUndefined();
      expect(nm.message).toMatch(/^Todavía no puntúa/);
    } finally {
      sub.cleanup();
    }
  }, 120_000);

  it('no-mutation names the argument the function changed and the index', async () => {
    const source = readFileSync(conv.solutionPath, 'utf8').replace(/\): number\[\]\[\]\[\] \{\n/, '): number[][][] {\n  input[0]![0]![0] = 42;\n');
    const dir = mkdtempSync(join(tmpdir(), 'dlgrade-mut-'));
    try {
      mkdirSync(join(dir, conv.chapter, conv.name), { recursive: true });
      writeFileSync(join(dir, conv.chapter, conv.name, conv.file), source);
      const result = await gradeSubmission({ submissionDir: dir, catalog, exercises: [conv.id], properties: ['no-mutation'] });
      const p = result.exercises[0]!.properties.find((q) => q.name === 'no-mutation')!;
      expect(p.status).toBe('fail');
      expect(p.message).toMatch(/^conv2d modificó su argumento input en \[0\]\[0\]\[0\]: valía -?[\d.]+ y al volver vale 42\./);
      expect(p.call).toMatch(/^conv2d\(input, kernel/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

it('the Markdown report with verbose shows every failing property in full', async () => {
  const sub = submissionWith(conv, join(FIXTURES_DIR, 'buggy', 'ch07-convolution', 'conv2d', 'stride-ignored-in-window.ts'));
  try {
    const result = await gradeSubmission({ submissionDir: sub.dir, catalog, exercises: [conv.id] });
    const failing = result.exercises[0]!.properties.filter((p) => p.status === 'fail');
    const short = renderMarkdown(result);
    const verbose = renderMarkdown(result, { verbose: true });
    expect(short.match(/^#### /gm)).toHaveLength(1);
    expect(verbose.match(/^#### /gm)).toHaveLength(failing.length);
    expect(short).toContain('<details><summary>Detalles</summary>');
  } finally {
    sub.cleanup();
  }
}, 120_000);
