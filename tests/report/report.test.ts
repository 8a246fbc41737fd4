import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { gradeSubmission } from '../../grader/engine/grade.ts';
import type { GradeResult } from '../../grader/engine/result.ts';
import { SAMPLE_SUBMISSION_DIR, SCHEMA_DIR } from '../../grader/paths.ts';
import { renderMarkdown } from '../../grader/report/markdown.ts';
import { renderTerminal } from '../../grader/report/terminal.ts';

const schema = JSON.parse(readFileSync(join(SCHEMA_DIR, 'result.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true }).compile(schema);

/** A result whose student-controlled strings are all hostile. */
function hostileResult(base: GradeResult): GradeResult {
  const evil = '```\n</details><!-- dlgrade:feedback --> @octocat #1 \u202Egnp.exe\u001b[31m[red] <script>alert(1)</script> ![x](https://evil.example/x.png) | col |\n```';
  const copy = structuredClone(base);
  const e = copy.exercises[0]!;
  e.status = 'fail';
  e.message = `diceLoss lanzó Error: ${evil}`;
  e.output = evil.repeat(3);
  const p = e.properties[0]!;
  Object.assign(p, { status: 'fail', score: 0, message: evil, counterexample: evil, expected: '0', received: evil, diff: { index: '[0]', expected: '0', received: evil.slice(0, 190), atol: 1e-5, rtol: 1e-4 }, command: 'npx dlgrade check x', call: evil, location: { file: 'exercises/x.ts', line: 3, function: 'diceLoss', frame: [{ line: 3, text: evil.replace(/\n/g, ' ') }] } });
  return copy;
}

describe('reports', () => {
  let result: GradeResult;
  beforeAll(async () => {
    result = await gradeSubmission({ submissionDir: SAMPLE_SUBMISSION_DIR, catalog: loadCatalog(), runs: 20 });
  }, 120_000);

  it('the result validates against its JSON Schema', () => {
    expect(validate(result), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...result, schemaVersion: 2 })).toBe(false);
    expect(validate({ ...result, exercises: [{ ...result.exercises[0], status: 'passed' }] })).toBe(false);
  });

  it('names the seed, the backend and the sandbox in every report', () => {
    const md = renderMarkdown(result);
    expect(md).toContain(String(result.seed));
    expect(md).toContain(result.backend);
    const text = renderTerminal(result, { color: false });
    expect(text).toContain(`semilla ${result.seed}`);
    expect(text).toContain(`backend de referencia ${result.backend}`);
  });

  it('the sample submission shows both passing and failing exercises', () => {
    expect(result.exercises.some((e) => e.status === 'pass')).toBe(true);
    expect(result.exercises.some((e) => e.status === 'fail')).toBe(true);
  });

  it('Markdown cannot be injected by student-controlled strings', () => {
    const md = renderMarkdown(hostileResult(result));
    // every ``` run in the input is enclosed by a longer fence
    for (const block of md.split('\n````').slice(1)) expect(block).toBeTruthy();
    expect(md).not.toContain('<!-- dlgrade');
    expect(md).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u001b]/);
    // outside code fences, no raw HTML tag, mention or reference survives
    const outside = md
      .replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '')
      .replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '');
    expect(outside).not.toMatch(/<script>|<\/details><!/);
    expect(outside).not.toMatch(/@octocat/);
    expect(outside).not.toMatch(/(^|\s)#1\b/);
  });

  it('the terminal report strips escape sequences from student text', () => {
    const text = renderTerminal(hostileResult(result), { color: false });
    expect(text).not.toMatch(/[\u001b\u202E]/);
  });

  it('the Markdown report is in English on request', async () => {
    const en = await gradeSubmission({ submissionDir: SAMPLE_SUBMISSION_DIR, lang: 'en', runs: 10, exercises: ['ch15-losses/dice-loss'] });
    const md = renderMarkdown(en);
    expect(md).toContain('Grading report');
    expect(md).toMatch(/Hint|All correct/);
  });
});
