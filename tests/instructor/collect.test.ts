import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../grader/cli/main.ts';
import { collect, NO_SUBMISSION, renderCollectReport, type CollectRecord } from '../../grader/collect/collect.ts';
import { selectAtDeadline } from '../../grader/collect/pushes.ts';
import { parseRoster, parseShard, shardRoster } from '../../grader/provision/roster.ts';
import { startFakeGitHubOrg, type FakeGitHubOrg, type FakeOrgRepo } from '../fake-github/org.ts';
import { TOKEN, testClient } from './helpers.ts';

const DEADLINE = new Date('2026-10-15T23:59:59Z');
const tmp = mkdtempSync(join(tmpdir(), 'dlgrade-collect-'));
let gh: FakeGitHubOrg;
let records: CollectRecord[];
const shas: Record<string, string[]> = {};

function git(cwd: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', ['-c', 'user.name=Alumna', '-c', 'user.email=alumna@example.com', ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } }).trim();
}

/** A student's bare remote and working copy, with the starter commit pushed and `feedback` at it. */
function studentRepo(user: string): { repo: FakeOrgRepo; work: string; commit: (file: string, text: string, date?: string) => string; push: (timestamp: string) => void } {
  const bare = join(tmp, 'remotes', `${user}.git`);
  const work = join(tmp, 'work', user);
  mkdirSync(work, { recursive: true });
  execFileSync('git', ['init', '--bare', '--quiet', '--initial-branch=main', bare]);
  git(work, ['init', '--quiet', '--initial-branch=main']);
  writeFileSync(join(work, 'README.md'), '# tarea\n');
  git(work, ['add', '-A']);
  git(work, ['commit', '--quiet', '-m', 'Initial commit']);
  const starter = git(work, ['rev-parse', 'HEAD']);
  git(work, ['push', '--quiet', bare, 'main', 'main:feedback']);
  const repo = gh.addRepo({ name: `ch07-convolution-${user}`, cloneUrl: `file://${bare}`, headSha: starter });
  repo.branches.set('feedback', starter);
  shas[user] = [starter];
  return {
    repo,
    work,
    commit: (file, text, date) => {
      mkdirSync(join(work, file, '..'), { recursive: true });
      writeFileSync(join(work, file), text);
      git(work, ['add', '-A']);
      git(work, ['commit', '--quiet', '-m', `edit ${file}`], date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {});
      const sha = git(work, ['rev-parse', 'HEAD']);
      shas[user]!.push(sha);
      return sha;
    },
    push: (timestamp) => {
      git(work, ['push', '--quiet', '--force', bare, 'main']);
      gh.recordPush(repo, git(work, ['rev-parse', 'HEAD']), { timestamp });
    },
  };
}

const ROSTER = parseRoster(`github_username,student_id,name,email
ana,A1,Ana,
luis,A2,Luis,
marta,A3,Marta,
pedro,A4,Pedro,
`).students;

beforeAll(async () => {
  gh = await startFakeGitHubOrg({ org: 'curso-dl' });
  // ana: her second commit is dated before the deadline but was pushed after it
  const ana = studentRepo('ana');
  ana.commit('exercises/ch07-convolution/conv2d/conv2d.ts', 'export const v = 1;\n', '2026-10-14T12:00:00Z');
  ana.push('2026-10-14T12:00:05Z');
  ana.commit('exercises/ch07-convolution/conv2d/conv2d.ts', 'export const v = 2;\n', '2026-10-15T20:00:00Z');
  ana.push('2026-10-16T09:30:00Z');
  // plus many later pushes GitHub recorded (the on-time one ends up on the second page, newest first)
  for (let i = 0; i < 120; i++) gh.recordPush(ana.repo, shas['ana']!.at(-1)!, { timestamp: new Date(Date.parse('2026-10-17T00:00:00Z') + i * 60_000).toISOString().replace('.000', '') });
  // luis: on time, and his tree holds a collect.json symbolic link pointing outside
  const luis = studentRepo('luis');
  luis.commit('exercises/ch07-convolution/conv2d/conv2d.ts', 'export const v = 3;\n');
  symlinkSync('../../outside.txt', join(luis.work, 'collect.json'));
  git(luis.work, ['add', '-A']);
  git(luis.work, ['commit', '--quiet', '-m', 'symlink']);
  shas['luis']!.push(git(luis.work, ['rev-parse', 'HEAD']));
  luis.push('2026-10-15T23:59:59Z'); // exactly at the deadline counts
  // marta: the repository cannot be cloned
  const marta = studentRepo('marta');
  marta.commit('x.txt', 'x\n');
  marta.push('2026-10-15T10:00:00Z');
  marta.repo.cloneUrl = `file://${join(tmp, 'remotes', 'gone.git')}`;
  // pedro: only late pushes
  const pedro = studentRepo('pedro');
  pedro.commit('x.txt', 'late\n', '2026-10-01T00:00:00Z');
  pedro.push('2026-10-20T10:00:00Z');
  records = await collect({ gh: testClient(gh), token: TOKEN, org: 'curso-dl', assignment: 'ch07-convolution', students: ROSTER, deadline: DEADLINE, out: join(tmp, 'out'), concurrency: 2, now: () => new Date('2026-10-21T00:00:00Z') });
}, 120_000);

afterAll(async () => {
  expect(gh.violations).toEqual([]);
  await gh.close();
  rmSync(tmp, { recursive: true, force: true });
});

const byUser = (u: string) => records.find((r) => r.username === u)!;
const out = (...p: string[]) => join(tmp, 'out', ...p);

describe('dlgrade collect', () => {
  it('takes the last commit pushed before the deadline, by GitHub’s push record, not commit dates', () => {
    const ana = byUser('ana');
    expect(ana.status).toBe('collected');
    expect(ana.sha).toBe(shas['ana']![1]);
    expect(ana.pushed_at).toBe('2026-10-14T12:00:05Z');
    expect(ana.late_pushes.count).toBe(121);
    expect(ana.late_pushes.last_pushed_at).toBe('2026-10-17T01:59:00Z');
    expect(ana.starter_commit).toBe(shas['ana']![0]);
    expect(git(out('ana'), ['rev-parse', 'HEAD'])).toBe(shas['ana']![1]);
    expect(readFileSync(out('ana', 'exercises/ch07-convolution/conv2d/conv2d.ts'), 'utf8')).toBe('export const v = 1;\n');
    expect(gh.requests.some((r) => r.operationId === 'repos/list-activities' && r.query.get('page') === '2')).toBe(true);
  });

  it('writes collect.json for everyone, replacing a student’s own file without following links', () => {
    for (const user of ['ana', 'luis', 'marta', 'pedro']) {
      const saved = JSON.parse(readFileSync(out(user, 'collect.json'), 'utf8')) as CollectRecord;
      expect(saved).toEqual(byUser(user));
    }
    expect(lstatSync(out('luis', 'collect.json')).isSymbolicLink()).toBe(false);
    expect(existsSync(join(tmp, 'outside.txt'))).toBe(false);
    expect(byUser('luis')).toMatchObject({ status: 'collected', sha: shas['luis']!.at(-1), late_pushes: { count: 0 } });
  });

  it('one repository that cannot be cloned is reported and the others are collected', () => {
    const marta = byUser('marta');
    expect(marta.status).toBe('failed');
    expect(marta.sha).toBeNull();
    expect(marta.errors.join(' ')).toMatch(/^git: /);
    expect(byUser('pedro')).toMatchObject({ status: 'no-submission', sha: null, late_pushes: { count: 1, last_pushed_at: '2026-10-20T10:00:00Z' } });
    const report = renderCollectReport(records);
    expect(report).toMatch(/✘ marta/);
    expect(report).toContain('2 recogidos · 1 sin entrega · 1 con errores');
  });

  it('never leaves the token on disk', () => {
    const grep = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true, recursive: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name))
        .filter((f) => readFileSync(f).includes(TOKEN) || readFileSync(f).includes(Buffer.from(`x-access-token:${TOKEN}`).toString('base64')));
    expect(grep(out())).toEqual([]);
    expect(readFileSync(out('ana', '.git', 'config'), 'utf8')).not.toMatch(/extraheader|remote "/i);
  });

  it('a rerun fetches into the existing checkouts and gives the same answer', async () => {
    const again = await collect({ gh: testClient(gh), token: TOKEN, org: 'curso-dl', assignment: 'ch07-convolution', students: ROSTER.slice(0, 2), deadline: DEADLINE, out: out(), now: () => new Date('2026-10-21T00:00:00Z') });
    expect(again.map((r) => [r.username, r.status, r.sha])).toEqual([
      ['ana', 'collected', shas['ana']![1]],
      ['luis', 'collected', shas['luis']!.at(-1)],
    ]);
  });
});

describe('a student who never pushed', () => {
  it('is «sin entrega» when the only pushes are provision’s (manifest and workflow), not a submission', async () => {
    const rosa = studentRepo('rosa');
    // what provision commits after generating the repository, pushed by the instructor's token
    rosa.commit('.dlgrade/manifest.json', '{"starterCommit":"x"}\n');
    rosa.commit('.github/workflows/dlgrade.yml', 'name: dlgrade\n');
    rosa.push('2026-09-01T12:00:00Z');
    rosa.repo.activity.at(-1)!.actor = 'profesora';
    // sofia's repository was never touched after generation: its head is the starter commit itself
    const sofia = studentRepo('sofia');
    gh.recordPush(sofia.repo, shas['sofia']![0]!, { timestamp: '2026-09-01T12:00:00Z', actor: 'profesora' });
    // tomas pushed work on time: collected, even though his first pushes were provision's
    const tomas = studentRepo('tomas');
    tomas.commit('.dlgrade/manifest.json', '{"starterCommit":"x"}\n');
    tomas.push('2026-09-01T12:00:00Z');
    tomas.commit('exercises/ch07-convolution/conv2d/conv2d.ts', 'export const v = 4;\n');
    tomas.push('2026-10-10T12:00:00Z');
    const students = parseRoster('github_username,student_id,name,email\nrosa,A5,Rosa,\nsofia,A6,Sofía,\ntomas,A7,Tomás,\n').students;
    const seen: string[] = [];
    const got = await collect({ gh: testClient(gh), token: TOKEN, org: 'curso-dl', assignment: 'ch07-convolution', students, deadline: DEADLINE, out: out(), concurrency: 1, onStudent: (r) => seen.push(r.username) });
    expect(seen).toEqual(['rosa', 'sofia', 'tomas']);
    expect(got.map((r) => [r.username, r.status, r.no_submission])).toEqual([
      ['rosa', 'no-submission', 'only-provisioning'],
      ['sofia', 'no-submission', 'only-provisioning'],
      ['tomas', 'collected', null],
    ]);
    expect(got[0]!.errors).toEqual([NO_SUBMISSION]);
    // nothing of rosa's tree is left to be graded
    expect(readdirSync(out('rosa')).filter((f) => f !== '.git')).toEqual(['collect.json']);
    const report = renderCollectReport(got);
    expect(report).toContain('· rosa curso-dl/ch07-convolution-rosa: sin entrega (solo los commits de la preparación de la tarea)');
    expect(report).toContain('1 recogidos · 2 sin entrega · 0 con errores');
    expect(renderCollectReport(got, 'en')).toContain('rosa curso-dl/ch07-convolution-rosa: no submission (only the commits that set up the assignment)');
    expect(byUser('pedro').no_submission).toBe('no-push');
    expect(renderCollectReport(records)).toContain('pedro curso-dl/ch07-convolution-pedro: sin entrega (ningún push a main antes del plazo)');
  });
});

describe('dlgrade collect (CLI)', () => {
  it('collects one shard with --shard and writes its summary; the token is never printed', async () => {
    const roster = join(tmp, 'roster.csv');
    writeFileSync(roster, 'github_username,student_id,name,email\nana,A1,Ana,\nluis,A2,Luis,\nmarta,A3,Marta,\npedro,A4,Pedro,\n');
    writeFileSync(join(tmp, 'token'), TOKEN);
    let printed = '';
    const capture = (chunk: string | Uint8Array): boolean => ((printed += String(chunk)), true);
    const so = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    const se = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
    let code: number;
    try {
      code = await main(['node', 'dlgrade', 'collect', '--roster', roster, '--deadline', '2026-10-16T01:59:59+02:00', '--org', 'curso-dl', '--assignment', 'ch07-convolution', '--out', join(tmp, 'shard'), '--shard', '1/2', '--api-url', gh.url, '--token-file', join(tmp, 'token')]);
    } finally {
      so.mockRestore();
      se.mockRestore();
      process.exitCode = undefined;
    }
    // sorted by username, every second from the first: ana, marta (marta's clone fails: exit 1)
    expect(code).toBe(1);
    const summary = JSON.parse(readFileSync(join(tmp, 'shard', 'collect-summary.1-of-2.json'), 'utf8')) as { deadline: string; students: CollectRecord[] };
    expect(summary.deadline).toBe(DEADLINE.toISOString());
    expect(summary.students.map((r) => [r.username, r.status, r.shard])).toEqual([
      ['ana', 'collected', '1/2'],
      ['marta', 'failed', '1/2'],
    ]);
    expect(readdirSync(join(tmp, 'shard')).sort()).toEqual(['ana', 'collect-summary.1-of-2.json', 'marta']);
    expect(printed).toMatch(/✔ ana/);
    expect(printed).not.toContain(TOKEN);
  });

  it('refuses a deadline without a zone', async () => {
    const se = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['node', 'dlgrade', 'collect', '--roster', 'r.csv', '--deadline', '2026-10-15 23:59', '--org', 'o', '--assignment', 'a'])).toBe(2);
    } finally {
      se.mockRestore();
    }
  });
});

describe('deadline selection and shards', () => {
  it('ignores the order GitHub lists pushes in and treats the deadline as inclusive', () => {
    const p = (after: string, timestamp: string) => ({ after, timestamp, type: 'push' });
    const { onTime, late } = selectAtDeadline([p('c', '2026-10-16T00:00:00Z'), p('a', '2026-10-10T00:00:00Z'), p('b', '2026-10-15T23:59:59Z')], DEADLINE);
    expect(onTime?.after).toBe('b');
    expect(late.map((x) => x.after)).toEqual(['c']);
  });

  it('splits a roster deterministically into disjoint shards that cover it', () => {
    const students = Array.from({ length: 11 }, (_, i) => ({ githubUsername: `user-${String.fromCharCode(97 + ((i * 7) % 11))}` }));
    const shards = [1, 2, 3].map((index) => shardRoster(students, { index, count: 3 }).map((s) => s.githubUsername));
    expect(shards.flat().sort()).toEqual(students.map((s) => s.githubUsername).sort());
    expect(new Set(shards.flat()).size).toBe(11);
    expect(shards.map((s) => s.length)).toEqual([4, 4, 3]);
    expect(shardRoster([...students].reverse(), { index: 2, count: 3 }).map((s) => s.githubUsername)).toEqual(shards[1]);
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(() => parseShard('4/3')).toThrow(/i\/n/);
    expect(() => parseShard('0/3')).toThrow();
  });
});
