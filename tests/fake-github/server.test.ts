import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from './server.ts';
import { convertSchema } from './openapi.ts';

let gh: FakeGitHub;
beforeEach(async () => {
  gh = await startFakeGitHub();
  gh.pulls.push({ number: 2, headRef: 'trabajo', headSha: 'a'.repeat(40), baseRef: 'main' });
});
afterEach(() => gh.close());

const auth = { authorization: 'token x', 'content-type': 'application/json' };

describe('fake GitHub', () => {
  it('records a request body that GitHub\'s schema rejects', async () => {
    const res = await fetch(`${gh.url}/repos/${gh.owner}/${gh.repo}/issues/2/comments`, { method: 'POST', headers: auth, body: JSON.stringify({ body: 42 }) });
    await res.text();
    expect(gh.violations.join('\n')).toMatch(/request \/body must be string/);
  });

  it('rejects a comment over 65,536 characters with a 422 validation error', async () => {
    const res = await fetch(`${gh.url}/repos/${gh.owner}/${gh.repo}/issues/2/comments`, { method: 'POST', headers: auth, body: JSON.stringify({ body: 'x'.repeat(65_537) }) });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { message: string }).message).toBe('Validation Failed');
    expect(gh.violations).toEqual([]);
  });

  it('rejects 51 annotations in one request', async () => {
    const annotations = Array.from({ length: 51 }, () => ({ path: 'a.ts', start_line: 1, end_line: 1, annotation_level: 'failure', message: 'm' }));
    const res = await fetch(`${gh.url}/repos/${gh.owner}/${gh.repo}/check-runs`, { method: 'POST', headers: auth, body: JSON.stringify({ name: 'n', head_sha: 'a'.repeat(40), output: { title: 't', summary: 's', annotations } }) });
    expect(res.status).toBe(422);
    await res.text();
    // GitHub's own schema also says maxItems 50
    expect(gh.violations).toEqual([expect.stringMatching(/annotations must NOT have more than 50 items/)]);
  });

  it('paginates with Link headers honouring per_page', async () => {
    for (let i = 0; i < 5; i++) gh.addComment(2, `c${i}`);
    const res = await fetch(`${gh.url}/repos/${gh.owner}/${gh.repo}/issues/2/comments?per_page=2&page=2`, { headers: auth });
    expect(((await res.json()) as { body: string }[]).map((c) => c.body)).toEqual(['c2', 'c3']);
    expect(res.headers.get('link')).toMatch(/page=3>; rel="next".*page=3>; rel="last".*page=1>; rel="first".*page=1>; rel="prev"/);
    expect(gh.violations).toEqual([]);
  });

  it('requires a token and refuses unknown endpoints', async () => {
    expect((await fetch(`${gh.url}/repos/${gh.owner}/${gh.repo}/pulls`)).status).toBe(401);
    await (await fetch(`${gh.url}/user`, { headers: auth })).text();
    expect(gh.violations.join('\n')).toMatch(/GET \/user: not an endpoint/);
  });

  it('lists the PRs of a commit as GitHub does: on the default branch only the merged one that introduced it', async () => {
    const list = async (sha: string): Promise<number[]> => {
      const res = await fetch(`${gh.url}/repos/${gh.owner}/${gh.repo}/commits/${sha}/pulls`, { headers: auth });
      return ((await res.json()) as { number: number }[]).map((p) => p.number);
    };
    const onMain = 'b'.repeat(40);
    const merged = 'c'.repeat(40);
    gh.branches.set('main', onMain);
    gh.defaultBranchHistory.add(merged);
    // an open PR headed by the default branch's commit (a Classroom Feedback PR: head main, base feedback)
    gh.pulls.push({ number: 3, headRef: 'main', headSha: onMain, baseRef: 'feedback' });
    // a merged PR whose head commit is now on main, and a closed unmerged one headed by it too
    gh.pulls.push({ number: 4, headRef: 'arreglo', headSha: merged, baseRef: 'main', state: 'closed', merged: true, mergeCommitSha: 'd'.repeat(40) });
    gh.pulls.push({ number: 5, headRef: 'viejo', headSha: merged, baseRef: 'main', state: 'closed' });
    expect(await list(onMain)).toEqual([]);
    expect(await list(merged)).toEqual([4]);
    // off the default branch: open and merged PRs associated with the commit
    expect(await list('a'.repeat(40))).toEqual([2]);
    gh.pulls.push({ number: 6, headRef: 'trabajo-2', headSha: 'a'.repeat(40), baseRef: 'trabajo', state: 'closed', merged: true });
    gh.pulls.push({ number: 7, headRef: 'trabajo-3', headSha: 'a'.repeat(40), baseRef: 'trabajo', state: 'closed' });
    expect(await list('a'.repeat(40))).toEqual([2, 6]);
    expect(gh.violations).toEqual([]);
  });

  it('converts OpenAPI nullable to JSON-schema unions', () => {
    expect(convertSchema({ type: 'string', nullable: true, enum: ['a'] })).toEqual({ type: ['string', 'null'], enum: ['a', null] });
    expect(convertSchema({ nullable: true, allOf: [{ $ref: '#/components/schemas/x' }] })).toEqual({ anyOf: [{ type: 'null' }, { allOf: [{ $ref: '#/definitions/x' }] }] });
  });
});
