/**
 * A fake GitHub REST API for the instructor commands (`assign --github-org`, `provision`,
 * `collect`): an organisation with several repositories, template generation, collaborators and
 * invitations, branches and refs, file contents, pull requests and the repository activity (pushes).
 * Like ./server.ts (publish's single-repository fake), every request and response is validated
 * against GitHub's OpenAPI description and violations are recorded; listings paginate with Link
 * headers; failures can be scripted per path.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ExampleBuilder } from './examples.ts';
import { loadPrunedSpec, type OperationKey } from './openapi.ts';
import type { RecordedRequest, ScriptedFailure } from './server.ts';
import { OpenApiValidator } from './validator.ts';

const ROUTES: (OperationKey & { id: string; tail?: boolean })[] = [
  { method: 'get', path: '/repos/{owner}/{repo}', id: 'repos/get' },
  { method: 'patch', path: '/repos/{owner}/{repo}', id: 'repos/update' },
  { method: 'post', path: '/orgs/{org}/repos', id: 'repos/create-in-org' },
  { method: 'post', path: '/repos/{template_owner}/{template_repo}/generate', id: 'repos/create-using-template' },
  { method: 'get', path: '/repos/{owner}/{repo}/collaborators/{username}', id: 'repos/check-collaborator' },
  { method: 'put', path: '/repos/{owner}/{repo}/collaborators/{username}', id: 'repos/add-collaborator' },
  { method: 'get', path: '/repos/{owner}/{repo}/invitations', id: 'repos/list-invitations' },
  { method: 'get', path: '/repos/{owner}/{repo}/branches/{branch}', id: 'repos/get-branch' },
  { method: 'post', path: '/repos/{owner}/{repo}/git/refs', id: 'git/create-ref' },
  { method: 'get', path: '/repos/{owner}/{repo}/commits', id: 'repos/list-commits' },
  { method: 'get', path: '/repos/{owner}/{repo}/contents/{path}', id: 'repos/get-content', tail: true },
  { method: 'put', path: '/repos/{owner}/{repo}/contents/{path}', id: 'repos/create-or-update-file-contents', tail: true },
  { method: 'get', path: '/repos/{owner}/{repo}/pulls', id: 'pulls/list' },
  { method: 'post', path: '/repos/{owner}/{repo}/pulls', id: 'pulls/create' },
  { method: 'get', path: '/repos/{owner}/{repo}/activity', id: 'repos/list-activities' },
  // provision: every roster username is checked before anything is created
  { method: 'get', path: '/users/{username}', id: 'users/get-by-username' },
];

const ROUTE_PATTERNS = ROUTES.map((r) => ({
  ...r,
  // `{path}` of the contents API spans several segments
  regex: new RegExp(`^${r.path.replace(/\{path\}/, '(.+)').replace(/\{[^}]+\}/g, '([^/]+)')}$`),
}));

export interface FakeOrgCommit {
  sha: string;
  message: string;
  date: string;
}

export interface FakePush {
  id: number;
  before: string;
  after: string;
  ref: string;
  /** when GitHub received the push (server time: what collect must trust) */
  timestamp: string;
  actor: string;
  activity_type: 'push' | 'force_push' | 'branch_creation' | 'branch_deletion' | 'pr_merge' | 'merge_queue_merge';
}

export interface FakeOrgRepo {
  owner: string;
  name: string;
  id: number;
  private: boolean;
  isTemplate: boolean;
  defaultBranch: string;
  /** what the API answers as clone_url (tests: file:// URLs of local bare repositories) */
  cloneUrl: string;
  branches: Map<string, string>;
  /** oldest first */
  commits: FakeOrgCommit[];
  files: Map<string, string>;
  collaborators: Set<string>;
  invitations: { id: number; login: string; permission: string }[];
  pulls: { number: number; head: string; base: string; title: string; body: string; state: 'open' | 'closed' }[];
  /** newest last; listed newest first like GitHub */
  activity: FakePush[];
}

export interface GitBackend {
  /** the squashed commit of the template's default branch, as the new repository's default branch; returns its id */
  generate: (template: FakeOrgRepo, repo: FakeOrgRepo) => string;
  /** one file written on `branch` by the contents API; returns the new commit's id */
  commitFile: (repo: FakeOrgRepo, branch: string, path: string, content: string, message: string) => string;
  setRef: (repo: FakeOrgRepo, branch: string, sha: string) => void;
}

const NOT_FOUND = { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' };
let spec: ReturnType<typeof loadPrunedSpec> | undefined;
let sharedValidator: OpenApiValidator | undefined;
let sharedExamples: ExampleBuilder | undefined;

export class FakeGitHubOrg {
  readonly org: string;
  readonly repos = new Map<string, FakeOrgRepo>();
  /** GitHub users that exist (collaborator invitations to others fail with 404) */
  readonly users = new Set<string>();
  /** accounts that are organisations (GET /users/{name} answers type Organization); the fake's own org is one */
  readonly organizations = new Set<string>();
  readonly requests: RecordedRequest[] = [];
  readonly violations: string[] = [];
  readonly failures: ScriptedFailure[] = [];
  readonly validator: OpenApiValidator;
  readonly examples: ExampleBuilder;
  /** clone_url of repositories created through the API (tests: file:// URLs of local bare repositories) */
  cloneUrlFor: ((owner: string, name: string) => string) | undefined;
  /**
   * Git-backed mode (./git-host.ts): the commits GitHub itself makes (generating a repository from a
   * template, the contents API, refs) are made in the real repositories behind clone_url, and their
   * ids are the fake's, so that what the API says and what git clones agree. Unset: ids are made up.
   */
  gitBackend: GitBackend | undefined;
  #nextId = 5000;
  #clock = Date.parse('2026-09-01T10:00:00Z');
  #server = createServer((req, res) => void this.#handle(req, res));
  url = '';

  constructor(options: { org?: string } = {}) {
    spec ??= loadPrunedSpec(ROUTES.map(({ method, path }) => ({ method, path })));
    sharedValidator ??= new OpenApiValidator(spec);
    sharedExamples ??= new ExampleBuilder(spec.definitions);
    this.validator = sharedValidator;
    this.examples = sharedExamples;
    this.org = options.org ?? 'curso-dl';
    this.organizations.add(this.org.toLowerCase());
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  nextId(): number {
    return this.#nextId++;
  }

  now(): string {
    this.#clock += 1000;
    return new Date(this.#clock).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  newSha(seed: string): string {
    return createHash('sha1').update(`${seed}:${this.nextId()}`).digest('hex');
  }

  repo(owner: string, name: string): FakeOrgRepo | undefined {
    return this.repos.get(`${owner}/${name}`.toLowerCase());
  }

  /** Seeds a repository (a template, or a student's repository for collect). */
  addRepo(init: { owner?: string; name: string; isTemplate?: boolean; private?: boolean; files?: Record<string, string>; cloneUrl?: string; defaultBranch?: string; headSha?: string }): FakeOrgRepo {
    const owner = init.owner ?? this.org;
    const sha = init.headSha ?? this.newSha(init.name);
    const branch = init.defaultBranch ?? 'main';
    const repo: FakeOrgRepo = {
      owner, name: init.name, id: this.nextId(), private: init.private ?? true, isTemplate: init.isTemplate ?? false, defaultBranch: branch,
      cloneUrl: init.cloneUrl ?? this.cloneUrlFor?.(owner, init.name) ?? `https://github.com/${owner}/${init.name}.git`,
      branches: new Map([[branch, sha]]), commits: [{ sha, message: 'Initial commit', date: this.now() }],
      files: new Map(Object.entries(init.files ?? {})), collaborators: new Set(), invitations: [], pulls: [], activity: [],
    };
    this.repos.set(`${owner}/${init.name}`.toLowerCase(), repo);
    return repo;
  }

  /** Records a push to a branch as GitHub would (the test pushes with git, then scripts this). */
  recordPush(repo: FakeOrgRepo, after: string, options: { timestamp: string; branch?: string; actor?: string; type?: FakePush['activity_type'] }): FakePush {
    const branch = options.branch ?? repo.defaultBranch;
    const push: FakePush = {
      id: this.nextId(), before: repo.branches.get(branch) ?? '0'.repeat(40), after, ref: `refs/heads/${branch}`,
      timestamp: options.timestamp, actor: options.actor ?? 'ana-alumna', activity_type: options.type ?? 'push',
    };
    repo.branches.set(branch, after);
    repo.activity.push(push);
    return push;
  }

  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  // ---- objects GitHub would return ---------------------------------------------------------

  #user(login: string, type = 'User'): Record<string, unknown> {
    const id = 583231;
    return this.examples.build('simple-user', {
      login, id, node_id: 'MDQ6VXNlcjE=', type, site_admin: false, avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`, gravatar_id: '',
      url: `https://api.github.com/users/${encodeURIComponent(login)}`, html_url: `https://github.com/${encodeURIComponent(login)}`,
    });
  }

  #publicUser(login: string, type: string): Record<string, unknown> {
    const id = 583231;
    const api = `https://api.github.com/users/${encodeURIComponent(login)}`;
    return this.examples.build('public-user', {
      login, id, node_id: 'MDQ6VXNlcjE=', type, site_admin: false, avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`, gravatar_id: '',
      url: api, html_url: `https://github.com/${encodeURIComponent(login)}`, followers_url: `${api}/followers`, following_url: `${api}/following{/other_user}`,
      gists_url: `${api}/gists{/gist_id}`, starred_url: `${api}/starred{/owner}{/repo}`, subscriptions_url: `${api}/subscriptions`, organizations_url: `${api}/orgs`,
      repos_url: `${api}/repos`, events_url: `${api}/events{/privacy}`, received_events_url: `${api}/received_events`,
      name: null, company: null, blog: null, location: null, email: null, hireable: null, bio: null, public_repos: 0, public_gists: 0, followers: 0, following: 0,
      created_at: '2024-09-01T10:00:00Z', updated_at: '2026-09-01T10:00:00Z',
    });
  }

  #api(repo: FakeOrgRepo, path = ''): string {
    return `https://api.github.com/repos/${repo.owner}/${repo.name}${path}`;
  }

  #repository(repo: FakeOrgRepo): Record<string, unknown> {
    return this.examples.build('full-repository', {
      id: repo.id, node_id: `R_${repo.id}`, name: repo.name, full_name: `${repo.owner}/${repo.name}`, owner: this.#user(repo.owner, 'Organization'),
      private: repo.private, visibility: repo.private ? 'private' : 'public', is_template: repo.isTemplate, default_branch: repo.defaultBranch,
      clone_url: repo.cloneUrl, html_url: `https://github.com/${repo.owner}/${repo.name}`, url: this.#api(repo), fork: false, archived: false, disabled: false,
      created_at: '2026-09-01T10:00:00Z', updated_at: '2026-09-01T10:00:00Z', pushed_at: '2026-09-01T10:00:00Z',
      git_url: `git://github.com/${repo.owner}/${repo.name}.git`, ssh_url: `git@github.com:${repo.owner}/${repo.name}.git`, svn_url: `https://github.com/${repo.owner}/${repo.name}`,
      mirror_url: null, homepage: null, language: null, description: null, network_count: 0, subscribers_count: 0,
    });
  }

  #commitRef(repo: FakeOrgRepo, sha: string): Record<string, unknown> {
    return { sha, url: this.#api(repo, `/commits/${sha}`) };
  }

  // ---- HTTP ---------------------------------------------------------------------------------

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const method = (req.method ?? 'GET').toUpperCase();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      this.violations.push(`${method} ${url.pathname}: request body is not JSON`);
    }
    const route = ROUTE_PATTERNS.find((r) => r.method.toUpperCase() === method && r.regex.test(url.pathname));
    const record: RecordedRequest = { method, path: url.pathname, query: url.searchParams, operationId: route?.id, body, status: 0 };
    this.requests.push(record);
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
      record.status = status;
      if (route !== undefined) for (const v of this.validator.response(route.id, status, payload)) this.violations.push(`${method} ${url.pathname} → ${status}: response ${v}`);
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-github-request-id': `FAKE:${this.requests.length}`, 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '4999', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600), ...headers });
      res.end(payload === undefined ? '' : JSON.stringify(payload));
    };
    if (route === undefined) {
      this.violations.push(`${method} ${url.pathname}: not an endpoint the instructor commands are expected to use`);
      send(404, NOT_FOUND);
      return;
    }
    if (!/^(token|bearer) \S+/i.test(req.headers.authorization ?? '')) {
      send(401, { message: 'Requires authentication', documentation_url: 'https://docs.github.com/rest' });
      return;
    }
    for (const v of this.validator.request(route.id, body)) this.violations.push(`${method} ${url.pathname}: request ${v}`);
    const failure = this.failures.find((f) => (f.method === undefined || f.method === method) && (f.path === undefined || f.path.test(url.pathname)) && (f.times ?? 1) > 0);
    if (failure !== undefined) {
      failure.times = (failure.times ?? 1) - 1;
      send(failure.status, failure.body ?? { message: 'Scripted failure', documentation_url: 'https://docs.github.com/rest' }, failure.headers);
      return;
    }
    const params = (route.regex.exec(url.pathname) ?? []).slice(1).map(decodeURIComponent);
    this.#dispatch(route.id, params, url, (body ?? {}) as Record<string, unknown>, send);
  }

  #paginate(items: unknown[], url: URL, send: (status: number, payload: unknown, headers?: Record<string, string>) => void): void {
    const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30) || 30));
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (n: number) => {
      const u = new URL(url.pathname + url.search, this.url);
      u.searchParams.set('per_page', String(perPage));
      u.searchParams.set('page', String(n));
      return u.toString();
    };
    const rels: string[] = [];
    if (page < last) rels.push(`<${link(page + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`);
    if (page > 1) rels.push(`<${link(1)}>; rel="first"`, `<${link(page - 1)}>; rel="prev"`);
    send(200, items.slice((page - 1) * perPage, page * perPage), rels.length > 0 ? { link: rels.join(', ') } : {});
  }

  #dispatch(id: string, params: string[], url: URL, body: Record<string, unknown>, send: (status: number, payload: unknown, headers?: Record<string, string>) => void): void {
    const notFound = () => send(404, NOT_FOUND);
    const invalid = (message: string, field: string, resource = 'Repository') =>
      send(422, { message: 'Validation Failed', errors: [{ resource, code: 'custom', field, message }], documentation_url: 'https://docs.github.com/rest' });
    if (id === 'repos/create-in-org') {
      const name = String(body['name']);
      if (this.repo(params[0] as string, name)) return invalid('name already exists on this account', 'name');
      const repo = this.addRepo({ owner: params[0] as string, name, isTemplate: body['is_template'] === true, private: body['private'] !== false });
      repo.branches.clear();
      repo.commits = [];
      return send(201, this.#repository(repo));
    }
    if (id === 'repos/create-using-template') {
      const template = this.repo(params[0] as string, params[1] as string);
      if (template === undefined) return notFound();
      if (!template.isTemplate) return invalid(`${template.owner}/${template.name} is not a template repository`, 'template_repo');
      const owner = String(body['owner'] ?? template.owner);
      const name = String(body['name']);
      if (this.repo(owner, name)) return invalid('name already exists on this account', 'name');
      // GitHub squashes the template's default branch into one new commit with a new id
      const repo = this.addRepo({ owner, name, private: body['private'] === true, files: Object.fromEntries(template.files), defaultBranch: template.defaultBranch });
      repo.commits[0]!.message = 'Initial commit';
      if (this.gitBackend !== undefined) {
        const sha = this.gitBackend.generate(template, repo);
        repo.commits[0]!.sha = sha;
        repo.branches.set(repo.defaultBranch, sha);
      }
      return send(201, this.#repository(repo));
    }
    if (id === 'users/get-by-username') {
      const login = (params[0] as string).toLowerCase();
      const type = this.organizations.has(login) ? 'Organization' : this.users.has(login) ? 'User' : undefined;
      if (type === undefined) return notFound();
      return send(200, this.#publicUser(params[0] as string, type));
    }
    const repo = this.repo(params[0] as string, params[1] as string);
    if (repo === undefined) return notFound();
    const rest = params.slice(2);
    switch (id) {
      case 'repos/get':
        return send(200, this.#repository(repo));
      case 'repos/update':
        if (typeof body['is_template'] === 'boolean') repo.isTemplate = body['is_template'];
        return send(200, this.#repository(repo));
      case 'repos/check-collaborator':
        // GitHub answers "not a collaborator" with an empty 404
        return repo.collaborators.has((rest[0] as string).toLowerCase()) ? send(204, undefined) : send(404, undefined);
      case 'repos/add-collaborator': {
        const login = (rest[0] as string).toLowerCase();
        if (!this.users.has(login)) return notFound();
        if (repo.collaborators.has(login)) return send(204, undefined);
        let invitation = repo.invitations.find((i) => i.login === login);
        if (invitation === undefined) {
          invitation = { id: this.nextId(), login, permission: String(body['permission'] ?? 'push') };
          repo.invitations.push(invitation);
        }
        return send(201, this.#invitation(repo, invitation));
      }
      case 'repos/list-invitations':
        return this.#paginate(repo.invitations.map((i) => this.#invitation(repo, i)), url, send);
      case 'repos/get-branch': {
        const sha = repo.branches.get(rest[0] as string);
        if (sha === undefined) return send(404, { message: 'Branch not found', documentation_url: 'https://docs.github.com/rest', status: '404' });
        return send(200, this.examples.build('branch-with-protection', {
          name: rest[0], protected: false, protection_url: this.#api(repo, `/branches/${rest[0]}/protection`),
          _links: { html: `https://github.com/${repo.owner}/${repo.name}/tree/${rest[0]}`, self: this.#api(repo, `/branches/${rest[0]}`) },
          commit: { sha, url: this.#api(repo, `/commits/${sha}`), node_id: `C_${sha.slice(0, 8)}`, html_url: `https://github.com/${repo.owner}/${repo.name}/commit/${sha}`, comments_url: this.#api(repo, `/commits/${sha}/comments`) },
        }));
      }
      case 'git/create-ref': {
        const ref = String(body['ref']);
        const sha = String(body['sha']);
        const branch = ref.replace(/^refs\/heads\//, '');
        if (repo.branches.has(branch)) return invalid('Reference already exists', 'ref', 'Reference');
        if (!repo.commits.some((c) => c.sha === sha)) return invalid('Object does not exist', 'sha', 'Reference');
        this.gitBackend?.setRef(repo, branch, sha);
        repo.branches.set(branch, sha);
        return send(201, { ref, node_id: `REF_${branch}`, url: this.#api(repo, `/git/${ref}`), object: { type: 'commit', sha, url: this.#api(repo, `/git/commits/${sha}`) } });
      }
      case 'repos/list-commits': {
        const head = repo.branches.get(url.searchParams.get('sha') ?? repo.defaultBranch);
        const upto = repo.commits.findIndex((c) => c.sha === head);
        const list = repo.commits.slice(0, upto + 1).reverse();
        return this.#paginate(list.map((c) => this.#commit(repo, c)), url, send);
      }
      case 'repos/get-content': {
        const path = rest[0] as string;
        const content = repo.files.get(path);
        if (content === undefined) return notFound();
        return send(200, this.#contentFile(repo, path, content));
      }
      case 'repos/create-or-update-file-contents': {
        const path = rest[0] as string;
        const branch = String(body['branch'] ?? repo.defaultBranch);
        const old = repo.files.get(path);
        if (old !== undefined && body['sha'] !== this.#blobSha(old)) return send(409, { message: `${path} does not match ${String(body['sha'])}`, documentation_url: 'https://docs.github.com/rest' });
        if (old === undefined && body['sha'] !== undefined) return send(422, { message: 'Invalid request.\n\n"sha" wasn\'t supplied.', documentation_url: 'https://docs.github.com/rest' });
        repo.files.set(path, Buffer.from(String(body['content']), 'base64').toString('utf8'));
        const message = String(body['message']);
        const sha = this.gitBackend !== undefined ? this.gitBackend.commitFile(repo, branch, path, repo.files.get(path) as string, message) : this.newSha(path);
        const commit: FakeOrgCommit = { sha, message, date: this.now() };
        repo.commits.push(commit);
        // with real repositories behind it, the commit is also a push GitHub records (by the token's owner)
        if (this.gitBackend !== undefined) this.recordPush(repo, sha, { timestamp: commit.date, branch, actor: 'profesora' });
        repo.branches.set(branch, commit.sha);
        const content = this.#contentFile(repo, path, repo.files.get(path) as string);
        delete content['content'];
        delete content['encoding'];
        return send(old === undefined ? 201 : 200, this.examples.build('file-commit', { content, commit: { sha: commit.sha, message: commit.message } }));
      }
      case 'pulls/list': {
        const base = url.searchParams.get('base');
        const head = url.searchParams.get('head');
        const state = url.searchParams.get('state') ?? 'open';
        const list = repo.pulls.filter((p) => (base === null || p.base === base) && (head === null || `${repo.owner}:${p.head}` === head) && (state === 'all' || p.state === state));
        return this.#paginate(list.map((p) => this.#pull(repo, p)), url, send);
      }
      case 'pulls/create': {
        const head = String(body['head']).replace(/^[^:]+:/, '');
        const base = String(body['base']);
        if (!repo.branches.has(head) || !repo.branches.has(base)) return invalid(`${repo.branches.has(head) ? 'base' : 'head'} does not exist`, repo.branches.has(head) ? 'base' : 'head', 'PullRequest');
        if (repo.branches.get(head) === repo.branches.get(base)) return invalid(`No commits between ${base} and ${head}`, 'head', 'PullRequest');
        if (repo.pulls.some((p) => p.head === head && p.base === base && p.state === 'open')) return invalid(`A pull request already exists for ${repo.owner}:${head}.`, 'head', 'PullRequest');
        const pull = { number: repo.pulls.length + 1, head, base, title: String(body['title']), body: String(body['body'] ?? ''), state: 'open' as const };
        repo.pulls.push(pull);
        return send(201, this.#pullFull(repo, pull));
      }
      case 'repos/list-activities': {
        const ref = url.searchParams.get('ref');
        const type = url.searchParams.get('activity_type');
        const list = repo.activity
          .filter((a) => (ref === null || a.ref === ref || a.ref === `refs/heads/${ref}`) && (type === null || a.activity_type === type))
          .slice()
          .reverse()
          .map((a) => ({ ...a, node_id: `A_${a.id}`, actor: this.#user(a.actor) }));
        return this.#paginate(list, url, send);
      }
      default:
        return notFound();
    }
  }

  #blobSha(content: string): string {
    return createHash('sha1').update(`blob ${Buffer.byteLength(content)}\0${content}`).digest('hex');
  }

  #contentFile(repo: FakeOrgRepo, path: string, content: string): Record<string, unknown> {
    const sha = this.#blobSha(content);
    const api = this.#api(repo, `/contents/${path}`);
    const html = `https://github.com/${repo.owner}/${repo.name}/blob/${repo.defaultBranch}/${path}`;
    const git = this.#api(repo, `/git/blobs/${sha}`);
    return {
      type: 'file', encoding: 'base64', size: Buffer.byteLength(content), name: path.split('/').pop(), path, content: Buffer.from(content).toString('base64'), sha,
      url: api, git_url: git, html_url: html, download_url: `https://raw.githubusercontent.com/${repo.owner}/${repo.name}/${repo.defaultBranch}/${path}`,
      _links: { self: api, git, html },
    };
  }

  #commit(repo: FakeOrgRepo, c: FakeOrgCommit): Record<string, unknown> {
    const person = { name: 'Ana', email: 'ana@example.com', date: c.date };
    return this.examples.build('commit', {
      sha: c.sha, node_id: `C_${c.sha.slice(0, 8)}`, url: this.#api(repo, `/commits/${c.sha}`), html_url: `https://github.com/${repo.owner}/${repo.name}/commit/${c.sha}`, comments_url: this.#api(repo, `/commits/${c.sha}/comments`),
      commit: { url: this.#api(repo, `/git/commits/${c.sha}`), author: person, committer: person, message: c.message, comment_count: 0, tree: { sha: c.sha, url: this.#api(repo, `/git/trees/${c.sha}`) } },
      author: null, committer: null, parents: [],
    });
  }

  #invitation(repo: FakeOrgRepo, i: { id: number; login: string; permission: string }): Record<string, unknown> {
    return this.examples.build('repository-invitation', {
      id: i.id, node_id: `RI_${i.id}`, invitee: this.#user(i.login), inviter: this.#user('profesora'), permissions: i.permission === 'push' ? 'write' : i.permission,
      created_at: '2026-09-01T10:00:00Z', url: this.#api(repo, `/invitations/${i.id}`), html_url: `https://github.com/${repo.owner}/${repo.name}/invitations`,
      repository: this.examples.build('minimal-repository', { id: repo.id, node_id: `R_${repo.id}`, name: repo.name, full_name: `${repo.owner}/${repo.name}`, owner: this.#user(repo.owner, 'Organization'), private: repo.private, html_url: `https://github.com/${repo.owner}/${repo.name}`, url: this.#api(repo), fork: false, description: null }),
    });
  }

  #pullRef(repo: FakeOrgRepo, branch: string): Record<string, unknown> {
    return { label: `${repo.owner}:${branch}`, ref: branch, sha: repo.branches.get(branch) ?? '0'.repeat(40), user: this.#user(repo.owner, 'Organization'), repo: this.#repository(repo) };
  }

  #pull(repo: FakeOrgRepo, p: FakeOrgRepo['pulls'][number]): Record<string, unknown> {
    return this.examples.build('pull-request-simple', {
      id: 900000 + p.number, number: p.number, state: p.state, title: p.title, body: p.body, locked: false,
      url: this.#api(repo, `/pulls/${p.number}`), html_url: `https://github.com/${repo.owner}/${repo.name}/pull/${p.number}`,
      head: this.#pullRef(repo, p.head), base: this.#pullRef(repo, p.base), user: this.#user('profesora'),
      created_at: '2026-09-01T10:00:00Z', updated_at: '2026-09-01T10:00:00Z', author_association: 'OWNER',
    });
  }

  #pullFull(repo: FakeOrgRepo, p: FakeOrgRepo['pulls'][number]): Record<string, unknown> {
    return this.examples.build('pull-request', {
      id: 900000 + p.number, number: p.number, state: p.state, title: p.title, body: p.body, locked: false,
      url: this.#api(repo, `/pulls/${p.number}`), html_url: `https://github.com/${repo.owner}/${repo.name}/pull/${p.number}`,
      head: this.#pullRef(repo, p.head), base: this.#pullRef(repo, p.base), user: this.#user('profesora'),
      created_at: '2026-09-01T10:00:00Z', updated_at: '2026-09-01T10:00:00Z', author_association: 'OWNER',
    });
  }
}

export async function startFakeGitHubOrg(options: { org?: string } = {}): Promise<FakeGitHubOrg> {
  return new FakeGitHubOrg(options).start();
}
