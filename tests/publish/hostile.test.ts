import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GradeResult } from '../../grader/engine/result.ts';
import { DlgradeError } from '../../grader/errors.ts';
import { loadResult, parseResult } from '../../grader/publish/load-result.ts';
import { STICKY_MARKER } from '../../grader/publish/sticky-comment.ts';
import { startFakeGitHub, type FakeGitHub } from '../fake-github/server.ts';
import { fixture, publish, seedPushedPull, tempDir } from './helpers.ts';
import { fencedBlocks, outsideCode } from './markdown-scan.ts';

let gh: FakeGitHub;
let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  gh = await startFakeGitHub();
  ({ dir, cleanup } = await tempDir());
});

afterEach(async () => {
  await gh.close();
  await cleanup();
  expect(gh.violations).toEqual([]);
});

const BAD_CHARS = /[\u001B\u202A-\u202E\u2066-\u2069\u0007]/;

function assertHarmlessMarkdown(body: string): void {
  expect(body.startsWith(`${STICKY_MARKER}\n`)).toBe(true);
  // the only HTML comment opener is the marker itself, at the very start
  expect(body.split('<!--')).toHaveLength(2);
  expect(body).not.toMatch(BAD_CHARS);
  const fences = fencedBlocks(body); // throws if a student string closed a fence early
  expect(fences.length).toBeGreaterThan(0);
  // the renderer's own folds are the only <details> allowed; student text never makes one
  const prose = outsideCode(body).replace(/^<details><summary>(Detalles|Details)<\/summary>$|^<\/details>$/gm, '');
  expect(prose).not.toMatch(/@octocat/);
  expect(prose).not.toMatch(/#1\b/);
  expect(prose).not.toMatch(/<(img|b|details|\/details)\b/i);
  expect(prose).not.toMatch(/\]\(javascript:/);
  expect(prose).not.toMatch(/^::/m);
}

describe('hostile result strings', () => {
  it('are rendered harmless in the posted comment, the check run, and the job summary', async () => {
    seedPushedPull(gh);
    const { report, log } = await publish(gh, dir, await fixture('hostile.json'));
    expect(report.comments[0]?.action).toBe('created');
    const body = gh.commentsOn(2)[0]?.body ?? '';
    assertHarmlessMarkdown(body);
    // the 30-backtick run inside the counterexample forces a longer fence
    expect(body).toContain('`'.repeat(31) + 'text');

    const run = [...gh.checkRuns.values()][0];
    expect(run?.summary ?? '').not.toMatch(BAD_CHARS);
    expect((run?.summary ?? '').includes('<!--')).toBe(false);
    for (const annotation of run?.annotations ?? []) {
      expect(JSON.stringify(annotation)).not.toMatch(/\\u001b|\\u202e|<!--/i);
      expect(String(annotation.path)).not.toContain('..');
    }
    const summary = await readFile(join(dir, 'summary.md'), 'utf8');
    expect(summary).not.toMatch(BAD_CHARS);
    expect(summary.includes('<!--')).toBe(false);
    // nothing student-controlled reached the log
    expect(log.join('\n')).not.toMatch(/octocat|set-output|onerror/);
  });

  it('a result quoting the marker in its messages never yields a second sticky comment', async () => {
    seedPushedPull(gh);
    const result = await fixture('hostile.json');
    await publish(gh, dir, result);
    await publish(gh, dir, { ...result, score: 1 });
    const ours = gh.commentsOn(2).filter((c) => c.body.startsWith(STICKY_MARKER));
    expect(ours).toHaveLength(1);
  });
});

describe('hostile result files', () => {
  it('refuses a schema-invalid result naming the file and the path', async () => {
    const bad = { ...(await fixture('mixed.json')), score: -1, extra: '<!-- dlgrade:feedback -->' };
    const error = await parseResult(JSON.stringify(bad), 'r.json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DlgradeError);
    expect((error as DlgradeError).code).toBe('E_RESULT_INVALID');
    expect((error as DlgradeError).message).toMatch(/\/score: must be >= 0/);
    expect((error as DlgradeError).message).toMatch(/must NOT have additional properties \(extra\)/);
    expect((error as DlgradeError).file).toBe('r.json');
  });

  it('refuses a 100 KB counterexample (over the schema\'s 20,000-character cap)', async () => {
    const result: GradeResult = await fixture('mixed.json');
    result.exercises[1]!.properties[1]!.counterexample = 'x'.repeat(100_000);
    await expect(parseResult(JSON.stringify(result), 'r.json')).rejects.toThrow(/counterexample: must NOT have more than 20000 characters/);
  });

  it('refuses a file over 5 MiB before reading it, and a file that is not JSON', async () => {
    const big = join(dir, 'big.json');
    await writeFile(big, ' '.repeat(5 * 1024 * 1024 + 1));
    await expect(loadResult(big)).rejects.toThrow(/más que el límite de 5242880/);
    const notJson = join(dir, 'bad.json');
    await writeFile(notJson, '{"schemaVersion": 1,');
    await expect(loadResult(notJson)).rejects.toMatchObject({ code: 'E_RESULT_INVALID', file: notJson });
    await expect(loadResult(join(dir, 'missing.json'))).rejects.toMatchObject({ code: 'E_IO' });
  });

  it('cleans control characters out of an attacker-chosen property name in the error', async () => {
    const bad = { ...(await fixture('mixed.json')), ['\u001b[31m::set-output x\n']: 1 };
    const error = (await parseResult(JSON.stringify(bad), 'r.json').catch((e: unknown) => e)) as DlgradeError;
    expect(error.message).not.toMatch(/[\u001b\n]/);
  });
});
