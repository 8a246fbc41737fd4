import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shardRoster } from '../../grader/provision/roster.ts';
import { isReusable, MAX_WORKER_FAILURES, settingsKey, type RegradeFile, type RegradeSettings } from '../../grader/regrade/result-file.ts';
import { parseShard, shardUsernames } from '../../grader/regrade/shard.ts';
import { discoverStudents, normaliseCollect } from '../../grader/regrade/students.ts';
import { findTampering } from '../../grader/regrade/tamper.ts';

const sha = (t: string): string => createHash('sha256').update(t).digest('hex');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('shards', () => {
  it('split like dlgrade collect --shard, and every student lands in exactly one shard', () => {
    const users = ['zoe', 'Ana', 'bob', 'carl', 'Dan', 'eve', 'fay'];
    for (const n of [1, 2, 3, 7]) {
      const all: string[] = [];
      for (let i = 1; i <= n; i++) {
        const mine = shardUsernames(users, { index: i, count: n });
        expect(mine).toEqual(shardRoster(users.map((u) => ({ githubUsername: u })), { index: i, count: n }).map((s) => s.githubUsername));
        all.push(...mine);
      }
      expect(all.sort()).toEqual([...users].sort());
    }
    expect(() => parseShard('3/2')).toThrow(/--shard «3\/2» no tiene la forma i\/n/);
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
  });
});

describe('collect.json', () => {
  it('reads the record dlgrade collect writes', () => {
    const info = normaliseCollect({
      schema_version: 1, username: 'Ana-G', student_id: 'A1', repo: 'org/t-ana-g', default_branch: 'main', deadline: '2026-03-01T23:59:00.000Z',
      sha: 'f'.repeat(40), pushed_at: '2026-03-01T20:00:00Z', late_pushes: { count: 2, last_pushed_at: 'x', last_sha: 'y' },
      starter_commit: 'e'.repeat(40), shard: '1/2', status: 'collected', errors: [], collected_at: 'z',
    });
    expect(info).toEqual({ username: 'Ana-G', studentId: 'A1', repo: 'org/t-ana-g', sha: 'f'.repeat(40), pushedAt: '2026-03-01T20:00:00Z', latePushes: 2, late: true, starterCommit: 'e'.repeat(40), shard: '1/2', status: 'collected', errors: [] });
    expect(normaliseCollect({ sha: null, status: 'failed', errors: ['boom'] })).toMatchObject({ status: 'failed', errors: ['boom'], late: false });
    expect(normaliseCollect('garbage')).toEqual({ latePushes: 0, late: false, errors: [] });
  });

  it('finds folders, .collect.json records and roster names (case-insensitively)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dlgrade-students-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'ana'));
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, 'bob.collect.json'), JSON.stringify({ status: 'failed', errors: ['x'] }));
    writeFileSync(join(dir, 'collect-summary.1-of-2.json'), '{}');
    const found = discoverStudents(dir, ['Ana', 'Carl']);
    expect(found.map((s) => [s.username, s.dir !== undefined])).toEqual([['ana', true], ['bob', false], ['carl', false]]);
    expect(found[1]!.collect.errors).toEqual(['x']);
  });
});

describe('tampering', () => {
  const starter = 'a'.repeat(40);
  const own = 'b'.repeat(40);
  const workflow = `run: publish --starter-sha ${starter}\nuses: actions/checkout@${'c'.repeat(40)}\n`;
  const manifest = { exercises: [], starterCommit: starter, protected: [{ path: '.github/workflows/dlgrade.yml', sha256: sha(workflow) }, { path: 'README.md', sha256: sha('# hi\n') }, { path: 'package.json', sha256: sha('{}') }] };

  function checkout(files: Record<string, string>, manifestStarter = own): string {
    const dir = mkdtempSync(join(tmpdir(), 'dlgrade-tamper-'));
    dirs.push(dir);
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    mkdirSync(join(dir, '.dlgrade'));
    writeFileSync(join(dir, '.dlgrade/manifest.json'), JSON.stringify({ starterCommit: manifestStarter }));
    for (const [p, c] of Object.entries(files)) writeFileSync(join(dir, p), c);
    return dir;
  }

  it('accepts the provisioned workflow (its own starter commit) and nothing else changed', () => {
    const dir = checkout({ '.github/workflows/dlgrade.yml': workflow.split(starter).join(own), 'README.md': '# hi\n', 'package.json': '{}' });
    expect(findTampering(dir, manifest)).toEqual([]);
  });

  it('reports a workflow changed beyond the starter commit, a missing file, a symlink, an extra workflow', () => {
    const dir = checkout({ '.github/workflows/dlgrade.yml': workflow.split(starter).join(own).replace('c'.repeat(40), 'd'.repeat(40)), 'README.md': '# hi\n', '.github/workflows/x.yml': 'on: push\n' });
    symlinkSync('/etc/hostname', join(dir, 'package.json'));
    expect(findTampering(dir, manifest)).toEqual([
      { path: '.github/workflows/dlgrade.yml', kind: 'modified', workflow: true },
      { path: 'package.json', kind: 'not-a-file', workflow: false },
      { path: '.github/workflows/x.yml', kind: 'added', workflow: true },
    ]);
    rmSync(join(dir, 'README.md'));
    expect(findTampering(dir, manifest)).toContainEqual({ path: 'README.md', kind: 'missing', workflow: false });
  });

  it('a student naming an action pin as starter commit cannot launder a changed pin', () => {
    // the student re-pins checkout to their own commit and claims it is the starter commit
    const evil = 'd'.repeat(40);
    const dir = checkout({ '.github/workflows/dlgrade.yml': workflow.replace('c'.repeat(40), evil), 'README.md': '# hi\n', 'package.json': '{}' }, evil);
    expect(findTampering(dir, manifest).map((f) => f.path)).toEqual(['.github/workflows/dlgrade.yml']);
  });
});

describe('resume', () => {
  const settings: RegradeSettings = { exercises: ['a/b'], seed: 1, runs: null, backend: null, lang: 'es', dlgradeVersion: '0.1.0', manifest: null };
  const key = settingsKey(settings);
  const file = { kind: 'dlgrade-regrade', version: 1, username: 'ana', sha: 'x', status: 'graded', settingsKey: key } as RegradeFile;
  it('keeps a result only for the same student, commit and settings, and retries errors', () => {
    expect(isReusable(file, { settingsKey: key, sha: 'x', username: 'ana' })).toBe(true);
    expect(isReusable(file, { settingsKey: key, sha: 'y', username: 'ana' })).toBe(false);
    expect(isReusable(file, { settingsKey: settingsKey({ ...settings, seed: 2 }), sha: 'x', username: 'ana' })).toBe(false);
    expect(isReusable({ ...file, status: 'error' }, { settingsKey: key, sha: 'x', username: 'ana' })).toBe(false);
    expect(isReusable(undefined, { settingsKey: key, sha: 'x', username: 'ana' })).toBe(false);
    expect(settingsKey({ ...settings })).toBe(key);
  });

  it('never keeps a grader error, and stops retrying a student whose worker keeps dying', () => {
    const expected = { settingsKey: key, sha: 'x', username: 'ana' };
    expect(isReusable({ ...file, graderError: true }, expected)).toBe(false);
    expect(isReusable({ ...file, status: 'error', graderError: true, workerFailures: MAX_WORKER_FAILURES - 1 }, expected)).toBe(false);
    expect(isReusable({ ...file, status: 'error', graderError: true, workerFailures: MAX_WORKER_FAILURES }, expected)).toBe(true);
    expect(isReusable({ ...file, status: 'error', workerFailures: MAX_WORKER_FAILURES }, { ...expected, sha: 'y' })).toBe(false);
  });
});
