import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { provision, renderProvisionReport, type StudentReport } from '../../grader/provision/provision.ts';
import { parseRoster } from '../../grader/provision/roster.ts';
import { CATALOGS } from '../../grader/i18n/index.ts';
import { instructorClient } from '../../grader/github/client.ts';
import { startFakeGitHubOrg, type FakeGitHubOrg } from '../fake-github/org.ts';
import { STARTER_IN_TEMPLATE, TOKEN, templateFiles, testClient } from './helpers.ts';

const ROSTER = `github_username,student_id,name,email
ana-garcia,A001,"García, Ana",ana@example.com
Luis99,A002,Luis Pérez,luis@example.com
marta-r,A003,Marta Ruiz,
`;

let gh: FakeGitHubOrg;
beforeEach(async () => {
  gh = await startFakeGitHubOrg({ org: 'curso-dl' });
  gh.addRepo({ name: 'ch07-convolution', isTemplate: true, files: templateFiles() });
  for (const u of ['ana-garcia', 'luis99', 'marta-r']) gh.users.add(u);
});
afterEach(async () => {
  expect(gh.violations).toEqual([]);
  await gh.close();
});

const run = (apply: boolean, roster = ROSTER): Promise<StudentReport[]> =>
  provision({ gh: testClient(gh), template: { owner: 'curso-dl', repo: 'ch07-convolution' }, org: 'curso-dl', students: parseRoster(roster).students, apply, pollMs: 0 });

describe('dlgrade provision', () => {
  it('dry run: shows the plan and writes nothing', async () => {
    const reports = await run(false);
    expect(reports.map((r) => [r.repository, r.status])).toEqual([
      ['curso-dl/ch07-convolution-ana-garcia', 'planned'],
      ['curso-dl/ch07-convolution-luis99', 'planned'],
      ['curso-dl/ch07-convolution-marta-r', 'planned'],
    ]);
    expect(reports[0]!.steps.map((s) => s.step)).toEqual(['repository', 'collaborator', 'feedback-branch', 'starter-commit', 'feedback-pr']);
    expect(gh.writes()).toEqual([]);
    expect(renderProvisionReport(reports, false)).toContain('simulación');
  });

  it("the Feedback pull request speaks the assignment's language (its manifest), not the instructor's", async () => {
    const files = templateFiles();
    const manifest = JSON.parse(files['.dlgrade/manifest.json']!) as Record<string, unknown>;
    files['.dlgrade/manifest.json'] = JSON.stringify({ ...manifest, lang: 'en' }, null, 2) + '\n';
    gh.addRepo({ name: 'english-course', isTemplate: true, files });
    const [report] = await provision({ gh: testClient(gh), template: { owner: 'curso-dl', repo: 'english-course' }, org: 'curso-dl', students: parseRoster(ROSTER).students.slice(0, 1), apply: true, pollMs: 0 });
    expect(report!.status).toBe('created');
    const pull = gh.repo('curso-dl', 'english-course-ana-garcia')!.pulls[0]!;
    expect(pull.body).toBe(CATALOGS.en.provision.pullBody);
    expect(pull.body).toContain('do not close or merge it');
  });

  it('apply creates everything; a second apply creates nothing and reports what existed', async () => {
    const first = await run(true);
    expect(first.map((r) => r.status)).toEqual(['created', 'created', 'created']);
    for (const user of ['ana-garcia', 'luis99', 'marta-r']) {
      const repo = gh.repo('curso-dl', `ch07-convolution-${user}`)!;
      expect(repo.private).toBe(true);
      const starter = repo.commits[0]!.sha;
      expect(starter).not.toBe(STARTER_IN_TEMPLATE);
      expect(repo.branches.get('feedback')).toBe(starter);
      expect(JSON.parse(repo.files.get('.dlgrade/manifest.json')!).starterCommit).toBe(starter);
      expect(repo.files.get('.github/workflows/dlgrade.yml')).toContain(`DLGRADE_STARTER_SHA: "${starter}"`);
      expect(repo.files.get('.github/workflows/dlgrade.yml')).not.toContain(STARTER_IN_TEMPLATE);
      expect(repo.invitations.map((i) => [i.login, i.permission])).toEqual([[user, 'push']]);
      expect(repo.pulls).toMatchObject([{ head: 'main', base: 'feedback', title: CATALOGS.es.provision.pullTitle, state: 'open' }]);
      expect(repo.pulls[0]!.body).toContain('no lo cierres');
    }
    const writesAfterFirst = gh.writes().length;
    const second = await run(true);
    expect(second.map((r) => r.status)).toEqual(['existed', 'existed', 'existed']);
    expect(second.flatMap((r) => r.steps.map((s) => s.state))).not.toContain('created');
    expect(gh.writes().length).toBe(writesAfterFirst);
    // a student who accepted the invitation is a collaborator: still nothing to do
    gh.repo('curso-dl', 'ch07-convolution-ana-garcia')!.collaborators.add('ana-garcia');
    expect((await run(true)).map((r) => r.status)).toEqual(['existed', 'existed', 'existed']);
    expect(gh.writes().length).toBe(writesAfterFirst);
  });

  it('a 403 or 404 for one student is reported and the others are provisioned', async () => {
    gh.failures.push({ method: 'POST', path: /\/generate$/, times: 1, status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' } });
    // marta's account vanished between the roster check and her invitation: PUT collaborator answers 404
    gh.failures.push({ method: 'PUT', path: /\/collaborators\/marta-r$/, times: 1, status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } });
    const reports = await run(true);
    const [ana, luis, marta] = reports;
    expect(ana!.status).toBe('failed');
    expect(ana!.error).toMatch(/HTTP 403/);
    expect(luis!.status).toBe('created');
    expect(marta!.status).toBe('failed');
    expect(marta!.error).toBe('invitar a marta-r como colaborador: no existe ningún usuario de GitHub «marta-r» (GitHub: HTTP 404 «Not Found»)');
    expect(marta!.fix).toMatch(/github_username/);
    expect(ana!.error).toBe('crear curso-dl/ch07-convolution-ana-garcia desde la plantilla curso-dl/ch07-convolution: el token no tiene permiso para esta operación en la organización (GitHub: HTTP 403 «Resource not accessible by integration»)');
    const text = renderProvisionReport(reports, true);
    expect(text).toMatch(/✘ ana-garcia .*HTTP 403/);
    expect(text).toMatch(/Solución: usa un token de un propietario/);
    expect(text).not.toContain('docs.github.com');
    expect(JSON.stringify(reports)).not.toContain(TOKEN);
    // a rerun finishes what failed and leaves the rest alone
    gh.users.add('marta-r');
    const rerun = await run(true);
    expect(rerun.map((r) => r.status)).toEqual(['created', 'existed', 'created']);
  });

  it('refuses an unknown username or an organisation before creating anything, naming each with the fix', async () => {
    gh.users.delete('marta-r'); // misspelt in the roster: no such GitHub user
    gh.organizations.add('luis99'); // an organisation's name, not a person
    const reports = await run(true);
    expect(gh.writes()).toEqual([]);
    expect(gh.repos.size).toBe(1); // only the template: no orphan repository
    expect(gh.requests.filter((r) => r.operationId === 'users/get-by-username').map((r) => r.path).sort()).toEqual(['/users/Luis99', '/users/ana-garcia', '/users/marta-r']);
    expect(reports.map((r) => [r.username, r.status])).toEqual([
      ['ana-garcia', 'skipped'],
      ['Luis99', 'failed'],
      ['marta-r', 'failed'],
    ]);
    expect(reports[1]!.error).toBe('comprobar el usuario Luis99: «Luis99» es una organización, no un usuario');
    expect(reports[2]!.error).toBe('comprobar el usuario marta-r: no existe ningún usuario de GitHub «marta-r» (GitHub: HTTP 404 «Not Found»)');
    expect(reports[2]!.fix).toBe('corrige github_username en el roster (sin @, tal como aparece en github.com/<usuario>)');
    const text = renderProvisionReport(reports, true);
    expect(text).toContain('No se ha creado nada: 2 usuarios del roster no son cuentas de GitHub válidas');
    expect(text).not.toContain('docs.github.com');
    // in English with lang en; and a dry run checks the same
    const en = await provision({ gh: testClient(gh), template: { owner: 'curso-dl', repo: 'ch07-convolution' }, org: 'curso-dl', students: parseRoster(ROSTER).students, apply: false, pollMs: 0, lang: 'en' });
    expect(en[2]!.error).toBe('check the user marta-r: there is no GitHub user "marta-r" (GitHub: HTTP 404 «Not Found»)');
    expect(renderProvisionReport(en, false, 'en')).toContain('Nothing was created: 2 roster users are not valid GitHub accounts');
    expect(gh.writes()).toEqual([]);
  });

  it('reports each student as it finishes, and explains a GitHub that cannot be reached', async () => {
    const seen: string[] = [];
    const reports = await provision({ gh: testClient(gh), template: { owner: 'curso-dl', repo: 'ch07-convolution' }, org: 'curso-dl', students: parseRoster(ROSTER).students, apply: false, pollMs: 0, concurrency: 1, onStudent: (r) => seen.push(r.username) });
    expect(seen).toEqual(reports.map((r) => r.username));
    const offline = await provision({ gh: instructorClient({ token: TOKEN, apiUrl: 'http://127.0.0.1:9', tuning: { retries: 0, throttle: { enabled: false } }, warn: () => undefined }), apiUrl: 'http://127.0.0.1:9', template: { owner: 'curso-dl', repo: 'ch07-convolution' }, org: 'curso-dl', students: parseRoster(ROSTER).students.slice(0, 1), apply: true, pollMs: 0 });
    expect(offline[0]!.error).toMatch(/^comprobar el usuario ana-garcia: no se puede contactar con la API de GitHub \(http:\/\/127\.0\.0\.1:9\)/);
    expect(offline[0]!.fix).toMatch(/--api-url/);
  });

  it('paginates invitations and pull requests', async () => {
    await run(true, 'github_username,student_id,name,email\nana-garcia,A001,Ana,\n');
    const repo = gh.repo('curso-dl', 'ch07-convolution-ana-garcia')!;
    // 150 other invitations ahead of hers: found on the second page
    const mine = repo.invitations.pop()!;
    for (let i = 0; i < 150; i++) repo.invitations.push({ id: gh.nextId(), login: `other-${i}`, permission: 'push' });
    repo.invitations.push(mine);
    const before = gh.writes().length;
    const [again] = await run(true, 'github_username,student_id,name,email\nana-garcia,A001,Ana,\n');
    expect(again!.status).toBe('existed');
    expect(gh.writes().length).toBe(before);
    expect(gh.requests.filter((r) => r.operationId === 'repos/list-invitations' && r.query.get('page') === '2').length).toBeGreaterThan(0);
  });
});

describe('roster', () => {
  it('reports each bad row with its line and field, and keeps the good rows', () => {
    const roster = parseRoster(
      [
        'github_username,student_id,name,email',
        'ana-garcia,A001,Ana,ana@example.com',
        '-bad-,A002,Bad,bad@example.com',
        'ANA-garcia,A003,Ana again,',
        'luis,A001,Luis,',
        'marta,,Marta,',
        'pablo,A005,Pablo,not-an-email',
        '"quoted, user",A006,Q,',
        'rosa,A007,"Rosa ""la"" Gil",rosa@example.com',
      ].join('\n'),
      'roster.csv',
    );
    expect(roster.students.map((s) => [s.line, s.githubUsername, s.name])).toEqual([
      [2, 'ana-garcia', 'Ana'],
      [9, 'rosa', 'Rosa "la" Gil'],
    ]);
    expect(roster.issues.map((i) => [i.line, i.field])).toEqual([
      [3, 'github_username'],
      [4, 'github_username'],
      [5, 'student_id'],
      [6, 'student_id'],
      [7, 'email'],
      [8, 'github_username'],
    ]);
    expect(roster.issues[1]!.message).toBe('repetido: ya está en la línea 2');
  });

  it('refuses a file without the header', () => {
    expect(() => parseRoster('ana,A001,Ana,ana@example.com\n')).toThrow(/cabecera github_username,student_id,name,email/);
  });
});
