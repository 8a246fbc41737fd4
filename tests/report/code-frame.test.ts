/**
 * A syntax error shows the line before, the line and the line after, with a caret under esbuild's
 * column (tabs kept so it lines up), in both languages and both renderers.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gradeSubmission } from '../../grader/engine/grade.ts';
import { caretPad } from '../../grader/report/caret.ts';
import { renderMarkdown } from '../../grader/report/markdown.ts';
import { renderTerminal } from '../../grader/report/terminal.ts';

const root = mkdtempSync(join(tmpdir(), 'dlgrade-frame-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SOURCE = "export function conv2d(input: number[][][], kernel: number[][][][], opts: { stride?: number | [number, number]; padding?: 'valid' | 'same' } = {}): number[][][] {\n\tconst rows = input.length;\n\tconst out = [;\n\treturn out;\n}\n";

describe('the code frame of a syntax error', () => {
  it('caretPad keeps tabs and blanks everything else', () => {
    expect(caretPad('\tconst out = [;', 15)).toBe('\t             ');
    expect(caretPad('x', 1)).toBe('');
  });

  it.each(['es', 'en'] as const)('%s: three lines and a caret at the column, in the terminal and in Markdown', async (lang) => {
    const dir = join(root, lang);
    mkdirSync(join(dir, 'ch07-convolution', 'conv2d'), { recursive: true });
    writeFileSync(join(dir, 'ch07-convolution', 'conv2d', 'conv2d.ts'), SOURCE);
    const result = await gradeSubmission({ submissionDir: dir, exercises: ['ch07-convolution/conv2d'], lang, typecheck: false });
    const exercise = result.exercises[0]!;
    expect(exercise.reason).toBe('compile-error');
    expect(exercise.location).toMatchObject({ line: 3, column: 15, frame: [{ line: 2 }, { line: 3, text: '\tconst out = [;' }, { line: 4 }] });
    const terminal = renderTerminal(result, { color: false });
    expect(terminal).toContain(`${lang === 'es' ? 'Dónde' : 'Where'}: exercises/ch07-convolution/conv2d/conv2d.ts:3:15`);
    expect(terminal).toContain('  2 | \tconst rows = input.length;\n');
    expect(terminal).toContain('> 3 | \tconst out = [;\n');
    expect(terminal).toContain('    | \t             ^\n');
    expect(terminal).toContain('  4 | \treturn out;\n');
    // the line is in the frame, not quoted again in the message
    expect(terminal.split('const out = [;').length).toBe(2);
    expect(renderMarkdown(result)).toContain('> 3 | \tconst out = [;\n    | \t             ^\n  4 | \treturn out;');
  }, 60_000);
});
