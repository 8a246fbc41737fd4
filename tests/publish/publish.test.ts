import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GradeResult, PropertyResult } from '../../grader/engine/result.ts';
import { STICKY_MARKER } from '../../grader/publish/sticky-comment.ts';
import { addCheckRun, startFakeGitHub, type FakeGitHub } from '../fake-github/server.ts';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { INSTALL_ROOT } from '../../grader/paths.ts';
import type { PublishFlags } from '../../grader/publish/config.ts';
import { memoryLog } from '../../grader/publish/log.ts';
import { publishResult } from '../../grader/publish/publish.ts';
import { configFor, fastFactory, fixture, HEAD_SHA, MAIN_SHA, publish, seedFeedbackPull, seedPushedPull, STARTER_SHA, tempDir } from './helpers.ts';

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
  // every request and response must have matched GitHub's OpenAPI description
  expect(gh.violations).toEqual([]);
});

function failing(name: string, extra: Partial<PropertyResult> = {}): PropertyResult {
  return { name, title: `Propiedad ${name}`, function: 'conv2d', status: 'fail', points: 1, score: 0, message: `falla ${name}`, location: { file: 'exercises/ch07-convolution/conv2d.ts', line: 10 }, ...extra };
}

function withProperties(base: GradeResult, properties: PropertyResult[]): GradeResult {
  const exercise = { ...base.exercises[1]!, properties, maxScore: properties.length, score: 0 };
  return { ...base, exercises: [exercise], maxScore: properties.length, score: 0 };
}

describe('sticky comment', () => {
  it('creates the first comment on the pushed commit\'s PR, starting with the marker', async () => {
    seedPushedPull(gh);
    const { report } = await publish(gh, dir, await fixture('mixed.json'));
    expect(report.degraded).toBe(false);
    expect(report.pulls?.via).toBe('commit');
    expect(report.comments).toEqual([expect.objectContaining({ action: 'created', pull: 2 })]);
    const [comment] = gh.commentsOn(2);
    expect(comment?.body.startsWith(`${STICKY_MARKER}\n## ❌ Resultado de dlgrade: **7.5 / 15** puntos`)).toBe(true);
    expect(comment?.body).toContain('Coincide con tf.conv2d dentro de la tolerancia');
    expect(comment?.body).toContain('npx dlgrade check ch07-convolution/conv2d --property matches-reference --seed 1234567 --path 42:0:1');
  });

  it('updates the same comment on a second run', async () => {
    seedPushedPull(gh);
    const result = await fixture('mixed.json');
    await publish(gh, dir, result);
    const improved = { ...result, score: 10 };
    const { report } = await publish(gh, dir, improved);
    expect(report.comments[0]?.action).toBe('updated');
    expect(gh.commentsOn(2)).toHaveLength(1);
    expect(gh.commentsOn(2)[0]?.body).toContain('**10 / 15**');
    expect(gh.requests.filter((r) => r.operationId === 'issues/update-comment')).toHaveLength(1);
  });

  it('skips the PATCH when the body is unchanged', async () => {
    seedPushedPull(gh);
    const result = await fixture('mixed.json');
    await publish(gh, dir, result);
    const { report } = await publish(gh, dir, result);
    expect(report.comments[0]?.action).toBe('unchanged');
    expect(gh.requests.filter((r) => r.operationId === 'issues/update-comment')).toHaveLength(0);
    expect(gh.requests.filter((r) => r.operationId === 'issues/create-comment')).toHaveLength(1);
  });

  it('finds the marker comment on page 3', async () => {
    seedPushedPull(gh);
    for (let i = 0; i < 230; i++) gh.addComment(2, `comentario ${i}`, { type: 'User' });
    const ours = gh.addComment(2, `${STICKY_MARKER}\nantiguo`);
    for (let i = 0; i < 20; i++) gh.addComment(2, `después ${i}`, { type: 'User' });
    const { report } = await publish(gh, dir, await fixture('mixed.json'));
    expect(report.comments[0]).toMatchObject({ action: 'updated', commentId: ours.id });
    const pages = gh.requests.filter((r) => r.operationId === 'issues/list-comments').map((r) => r.query.get('page') ?? '1');
    expect(pages).toEqual(['1', '2', '3']);
    expect(gh.requests.filter((r) => r.operationId === 'issues/create-comment')).toHaveLength(0);
  });

  it('keeps and updates the oldest of two marker comments (a race), and says so', async () => {
    seedPushedPull(gh);
    const oldest = gh.addComment(2, `${STICKY_MARKER}\nprimero`);
    const newer = gh.addComment(2, `${STICKY_MARKER}\nsegundo`);
    const { report, log } = await publish(gh, dir, await fixture('mixed.json'));
    expect(report.comments[0]).toMatchObject({ action: 'updated', commentId: oldest.id, duplicates: [newer.id] });
    expect(gh.comments.find((c) => c.id === newer.id)?.body).toBe(`${STICKY_MARKER}\nsegundo`);
    expect(log.join('\n')).toMatch(/#2 tenía 2 comentarios de dlgrade \(dos ejecuciones a la vez\): se conserva y actualiza el más antiguo/);
    // with --lang en, the same line in English
    expect((await publish(gh, dir, await fixture('mixed.json'), { lang: 'en' })).log.join('\n')).toMatch(/2 dlgrade comments \(two runs raced\): kept and updated the oldest/);
  });

  it('ignores the marker in a user\'s comment or anywhere but the start of a Bot comment', async () => {
    seedPushedPull(gh);
    const forgedByUser = gh.addComment(2, `${STICKY_MARKER}\nnota falsa`, { type: 'User' });
    const quotedByBot = gh.addComment(2, `otra cosa ${STICKY_MARKER}`);
    const { report } = await publish(gh, dir, await fixture('mixed.json'));
    expect(report.comments[0]?.action).toBe('created');
    expect(gh.comments.find((c) => c.id === forgedByUser.id)?.body).toBe(`${STICKY_MARKER}\nnota falsa`);
    expect(gh.comments.find((c) => c.id === quotedByBot.id)?.body).toBe(`otra cosa ${STICKY_MARKER}`);
  });

  it('truncates an oversized body below 65,536 characters, keeping the marker and the score line', async () => {
    seedPushedPull(gh);
    const huge = Array.from({ length: 40 }, (_, i) => failing(`p${i}`, { message: 'm'.repeat(19_000), counterexample: 'c'.repeat(19_000), received: 'r'.repeat(19_000) }));
    // one exercise per failing property: each exercise shows its first failure in full
    const base = withProperties(await fixture('mixed.json'), huge);
    const spread = { ...base, exercises: huge.map((p, i) => ({ ...base.exercises[0]!, id: `ch07-convolution/ex${i}`, properties: [p], maxScore: 1 })) };
    const { report } = await publish(gh, dir, spread);
    expect(report.comments[0]?.action).toBe('created');
    const body = gh.commentsOn(2)[0]?.body ?? '';
    expect(body.length).toBeLessThan(65_536);
    expect(body.startsWith(`${STICKY_MARKER}\n## ❌ Resultado de dlgrade: **0 / 40** puntos`)).toBe(true);
    expect(body).toContain('se ha omitido por tamaño');
    // the check-run summary is fitted too (GitHub's limit is 65,535)
    expect([...gh.checkRuns.values()][0]?.summary?.length).toBeLessThan(65_535);
  });
});

describe('check run and annotations', () => {
  it('creates a check run with a conclusion from the score and annotations at the failing function', async () => {
    seedPushedPull(gh);
    const { report } = await publish(gh, dir, await fixture('mixed.json'));
    const run = [...gh.checkRuns.values()][0];
    expect(run).toMatchObject({ name: 'dlgrade', headSha: HEAD_SHA, status: 'completed', conclusion: 'failure', title: '7.5 / 15 puntos' });
    expect(report.checkRun).toMatchObject({ created: true, requests: 1 });
    expect(run?.annotations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'exercises/ch07-convolution/conv2d.ts', start_line: 14, annotation_level: 'failure', title: 'ch07-convolution/conv2d › matches-reference (conv2d)' }),
        expect.objectContaining({ path: 'exercises/ch07-convolution/max-pool.ts', start_line: 9, annotation_level: 'failure' }),
        expect.objectContaining({ path: 'exercises/ch07-convolution/max-pool.ts', start_line: 9, annotation_level: 'warning' }),
      ]),
    );
  });

  it('full marks → success; a grader error → neutral', async () => {
    const result = await fixture('mixed.json');
    const perfect: GradeResult = { ...result, score: 5, maxScore: 5, exercises: [result.exercises[0]!] };
    await publish(gh, dir, perfect);
    const broken: GradeResult = { ...result, exercises: [{ ...result.exercises[2]!, reason: 'grader-error', properties: [] }] };
    await publish(gh, dir, broken);
    expect([...gh.checkRuns.values()].map((r) => r.conclusion)).toEqual(['success', 'neutral']);
  });

  it('batches 120 annotations into 3 requests (create + 2 PATCH)', async () => {
    const props = Array.from({ length: 120 }, (_, i) => failing(`p${i}`, { location: { file: 'exercises/ch07-convolution/conv2d.ts', line: i + 1 } }));
    const { report } = await publish(gh, dir, withProperties(await fixture('mixed.json'), props));
    const calls = gh.requests.filter((r) => r.operationId?.startsWith('checks/'));
    expect(calls.map((r) => r.method)).toEqual(['POST', 'PATCH', 'PATCH']);
    expect(calls.map((r) => ((r.body as { output: { annotations: unknown[] } }).output.annotations.length))).toEqual([50, 50, 20]);
    expect([...gh.checkRuns.values()][0]?.annotations).toHaveLength(120);
    expect(report.checkRun).toMatchObject({ requests: 3, annotations: 120 });
  });

  it('annotates the job\'s own check run (--check-run-id) without setting its conclusion', async () => {
    const own = addCheckRun(gh, HEAD_SHA);
    await publish(gh, dir, await fixture('mixed.json'), { checkRunId: String(own.id) });
    expect(gh.requests.filter((r) => r.operationId === 'checks/create')).toHaveLength(0);
    expect(own).toMatchObject({ status: 'in_progress', conclusion: null, title: '7.5 / 15 puntos' });
    expect(own.annotations.length).toBeGreaterThan(0);
  });
});

describe('finding the pull request', () => {
  it('comments on the Feedback PR when `feedback` is at the starter commit from the manifest', async () => {
    seedFeedbackPull(gh);
    seedPushedPull(gh, 2);
    const manifest = join(dir, 'manifest.json');
    await writeFile(manifest, JSON.stringify({ starterCommit: STARTER_SHA }));
    const { report } = await publish(gh, dir, await fixture('mixed.json'), { manifest });
    expect(report.pulls?.via).toBe('feedback');
    expect(gh.commentsOn(1)).toHaveLength(1);
    expect(gh.commentsOn(2)).toHaveLength(0);
  });

  it('refuses a `feedback` branch at another commit, warns, and falls back to the pushed commit\'s PR', async () => {
    // the student pushed a branch `trabajo` with an open PR #2; a `feedback` branch at the wrong commit, with PR #1 from main
    seedPushedPull(gh, 2);
    gh.branches.set('feedback', 'bad0bad0bad0bad0bad0bad0bad0bad0bad0bad0');
    gh.pulls.push({ number: 1, headRef: 'main', headSha: MAIN_SHA, baseRef: 'feedback' });
    const { report, log } = await publish(gh, dir, await fixture('mixed.json'), { starterSha: STARTER_SHA });
    expect(report.pulls?.via).toBe('commit');
    expect(gh.commentsOn(1)).toHaveLength(0);
    expect(gh.commentsOn(2)).toHaveLength(1);
    expect(log.join('\n')).toMatch(/warn: se descarta la rama `feedback`: apunta a bad0bad0bad0, no al commit inicial 5eed5eed5eed/);
    expect(report.degraded).toBe(true);
  });

  it('a push to the default branch finds no PR by commit, as on GitHub: the feedback is in the summary', async () => {
    // a Classroom repository whose Feedback PR cannot be used (no starter commit recorded): the
    // pushed commit heads the open PR main → feedback, but GitHub lists only merged PRs for a
    // commit on the default branch
    seedFeedbackPull(gh);
    const { report } = await publish(gh, dir, await fixture('mixed.json'));
    expect(report.pulls?.via).toBe('none');
    expect(gh.comments).toEqual([]);
    expect(gh.requests.some((r) => r.operationId === 'repos/list-pull-requests-associated-with-commit')).toBe(true);
    expect(await readFile(join(dir, 'summary.md'), 'utf8')).toContain('7.5 / 15');
    expect(gh.violations).toEqual([]);
  });

  it('on a pull_request event, the footer and the check run use the PR head, not the merge commit', async () => {
    const head = 'f'.repeat(40);
    gh.pulls.push({ number: 9, headRef: 'rama', headSha: head, baseRef: 'main' });
    const event = join(dir, 'event.json');
    await writeFile(event, JSON.stringify({ action: 'synchronize', number: 9, pull_request: { number: 9, head: { sha: head } } }));
    // GITHUB_SHA of a pull_request run is the temporary merge commit (HEAD_SHA here)
    const { report } = await publish(gh, dir, await fixture('mixed.json'), { eventPath: event });
    expect(report.commit).toBe(head);
    const [run] = [...gh.checkRuns.values()];
    expect(run?.headSha).toBe(head);
    const body = gh.commentsOn(9)[0]?.body ?? '';
    expect(body).toContain(head.slice(0, 7));
    expect(body).not.toContain(HEAD_SHA.slice(0, 7));
    // a push event keeps GITHUB_SHA
    const push = join(dir, 'push.json');
    await writeFile(push, JSON.stringify({ ref: 'refs/heads/trabajo', after: HEAD_SHA }));
    const again = await publish(gh, dir, await fixture('mixed.json'), { eventPath: push });
    expect(again.report.commit).toBe(HEAD_SHA);
  });

  it('uses the pull request of a pull_request event payload', async () => {
    gh.pulls.push({ number: 9, headRef: 'rama', headSha: 'f'.repeat(40), baseRef: 'main' });
    const event = join(dir, 'event.json');
    await writeFile(event, JSON.stringify({ action: 'synchronize', number: 9, pull_request: { number: 9, head: { sha: 'f'.repeat(40) } } }));
    const { report } = await publish(gh, dir, await fixture('mixed.json'), { eventPath: event });
    expect(report.pulls?.via).toBe('event');
    expect(gh.commentsOn(9)).toHaveLength(1);
  });

  it('with no PR at all, still writes the summary and the check run', async () => {
    const { report } = await publish(gh, dir, await fixture('mixed.json'));
    expect(report.pulls?.via).toBe('none');
    expect(report.comments).toEqual([]);
    expect(gh.checkRuns.size).toBe(1);
    expect(await readFile(join(dir, 'summary.md'), 'utf8')).toContain('7.5 / 15');
  });
});

describe("Classroom 50's result.json", () => {
  const runner = { CLASSROOM: 'curso-dl', ASSIGNMENT: 'tarea-07', SUBMISSION_TAG: 'submit/20260302T103000Z-a1b2c3d', OWNER: 'ana', DLGRADE_COMMIT_DATE: '2026-03-01T18:00:00Z' };
  const run = async (env: Record<string, string>, flags: PublishFlags = {}) => {
    const log = memoryLog();
    const report = await publishResult({ result: await fixture('mixed.json'), config: configFor(gh, dir, { dryRun: true, ...flags }), octokitFactory: fastFactory, log, env, now: () => new Date('2026-03-02T10:30:00Z') });
    return { report, log: log.lines };
  };

  it('is written with the runner\'s variables and validates; datetime is the commit\'s date, graded_at the clock', async () => {
    const { report } = await run(runner, { classroom50Scale: '2' });
    expect(report.warnings).toEqual([]);
    const out = JSON.parse(await readFile(join(dir, 'result.json'), 'utf8')) as Record<string, unknown>;
    expect(out).toMatchObject({ owner: 'ana', assignment_type: 'individual', datetime: '2026-03-01T18:00:00Z', graded_at: '2026-03-02T10:30:00Z', score: 15, 'max-score': 30 });
    // the links the runner did not give are built from the repository and the commit, and validate
    const repo = `https://github.com/${gh.owner}/${gh.repo}`;
    expect(out).toMatchObject({ commit: `${repo}/commit/${HEAD_SHA}`, review: `${repo}/commit/${HEAD_SHA}`, release: `${repo}/releases/tag/submit%2F20260302T103000Z-a1b2c3d` });
    const schema = new Ajv2020({ strict: false }).compile(JSON.parse(await readFile(join(INSTALL_ROOT, 'tests/schemas/classroom50-result-v1.schema.json'), 'utf8')) as object);
    expect(schema(out), JSON.stringify(schema.errors)).toBe(true);
  });

  it('is not written, with a warning naming the problem, when a variable is missing or points are fractional', async () => {
    const { SUBMISSION_TAG: _s, ...partial } = runner;
    const missing = await run(partial);
    expect(missing.report.warnings).toEqual([expect.stringMatching(/^no se ha escrito el result\.json de Classroom 50: falta SUBMISSION_TAG/)]);
    await expect(readFile(join(dir, 'result.json'), 'utf8')).rejects.toThrow(/ENOENT/);
    const fractional = await run(runner);
    expect(fractional.report.warnings).toEqual([expect.stringMatching(/solo acepta puntos enteros, pero los puntos de ch07-convolution\/conv2d › matches-reference vale 2\.5; solución: .*--classroom50-scale/)]);
    await expect(readFile(join(dir, 'result.json'), 'utf8')).rejects.toThrow(/ENOENT/);
    // the other files are still there
    expect(await readFile(join(dir, 'dlgrade-junit.xml'), 'utf8')).toContain('<testsuites');
  });

  it('outside Classroom 50 nothing is written and nothing is a warning', async () => {
    const { report, log } = await run({});
    expect(report.warnings).toEqual([]);
    expect(log.join('\n')).toMatch(/sin result\.json de Classroom 50: faltan CLASSROOM, ASSIGNMENT, SUBMISSION_TAG \(no es una ejecución de Classroom 50\)/);
    await expect(readFile(join(dir, 'result.json'), 'utf8')).rejects.toThrow(/ENOENT/);
  });
});

describe('GitHub failures', () => {
  it('403 read-only token: job summary with a warning naming the permissions, files still written, no throw', async () => {
    seedPushedPull(gh);
    gh.readOnly = true;
    const { report, log } = await publish(gh, dir, await fixture('mixed.json'));
    expect(report.degraded).toBe(true);
    expect(report.warnings.join('\n')).toContain('Resource not accessible by integration');
    const summary = await readFile(join(dir, 'summary.md'), 'utf8');
    expect(summary).toContain('7.5 / 15');
    expect(summary).toContain('`pull-requests: write`');
    expect(summary).toContain('`checks: write`');
    expect(log.filter((l) => l.startsWith('warn:'))).toHaveLength(2);
    expect(await readFile(join(dir, 'dlgrade-junit.xml'), 'utf8')).toContain('<testsuites');
    expect(await readFile(join(dir, 'output.txt'), 'utf8')).toMatch(/^score<<ghadelimiter_/m);
  });

  it('retries a 502 and succeeds', async () => {
    seedPushedPull(gh);
    gh.failures.push({ method: 'POST', path: /\/issues\/2\/comments$/, status: 502, body: { message: 'Server Error' } });
    const { report } = await publish(gh, dir, await fixture('mixed.json'));
    expect(report.degraded).toBe(false);
    expect(gh.requests.filter((r) => r.operationId === 'issues/create-comment').map((r) => r.status)).toEqual([502, 201]);
    expect(gh.commentsOn(2)).toHaveLength(1);
  });

  it('waits for retry-after on a 429 and succeeds', async () => {
    seedPushedPull(gh);
    gh.failures.push({
      method: 'POST',
      path: /\/check-runs$/,
      status: 429,
      headers: { 'retry-after': '1' },
      body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api' },
    });
    const { report, log } = await publish(gh, dir, await fixture('mixed.json'));
    expect(report.degraded).toBe(false);
    expect(gh.requests.filter((r) => r.operationId === 'checks/create').map((r) => r.status)).toEqual([429, 201]);
    expect(log.join('\n')).toMatch(/GitHub limita las peticiones \(límite secundario\) en POST .*check-runs: se reintenta dentro de 1 s/);
  });

  it('a 403 with x-ratelimit-remaining 0 and a far reset gives up with a warning', async () => {
    seedPushedPull(gh);
    gh.failures.push({ method: 'GET', path: /\/pulls$/, status: 403, times: 5, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600) }, body: { message: 'API rate limit exceeded for installation.', documentation_url: 'https://docs.github.com/rest' } });
    const { report } = await publish(gh, dir, await fixture('mixed.json'));
    expect(report.warnings.join('\n')).toMatch(/rate-limited|rate limit/i);
    expect(gh.checkRuns.size).toBe(1);
  });
});
