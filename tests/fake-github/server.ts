/**
 * A fake GitHub REST API on 127.0.0.1 implementing exactly the endpoints `dlgrade publish` uses.
 * Every request body and every response it sends is validated against GitHub's OpenAPI description
 * (violations are recorded: tests assert there are none). It also enforces what the schema does not
 * (comment ≤ 65,536 characters, ≤ 50 annotations per request, Link pagination) and lets tests script
 * failures (read-only token, 5xx, rate limits).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ExampleBuilder } from './examples.ts';
import { loadPrunedSpec, type OperationKey } from './openapi.ts';
import { OpenApiValidator } from './validator.ts';

const ROUTES: (OperationKey & { id: string })[] = [
  { method: 'get', path: '/repos/{owner}/{repo}/branches/{branch}', id: 'repos/get-branch' },
  { method: 'get', path: '/repos/{owner}/{repo}/pulls', id: 'pulls/list' },
  { method: 'get', path: '/repos/{owner}/{repo}/commits/{commit_sha}/pulls', id: 'repos/list-pull-requests-associated-with-commit' },
  { method: 'get', path: '/repos/{owner}/{repo}/issues/{issue_number}/comments', id: 'issues/list-comments' },
  { method: 'post', path: '/repos/{owner}/{repo}/issues/{issue_number}/comments', id: 'issues/create-comment' },
  { method: 'patch', path: '/repos/{owner}/{repo}/issues/comments/{comment_id}', id: 'issues/update-comment' },
  { method: 'post', path: '/repos/{owner}/{repo}/check-runs', id: 'checks/create' },
  { method: 'patch', path: '/repos/{owner}/{repo}/check-runs/{check_run_id}', id: 'checks/update' },
];

export const COMMENT_LIMIT = 65_536;
export const ANNOTATION_LIMIT = 50;
export const READ_ONLY_MESSAGE = 'Resource not accessible by integration';

export interface FakePull {
  number: number;
  headRef: string;
  headSha: string;
  baseRef: string;
  state?: 'open' | 'closed';
  /** a closed pull request that was merged, and the commit its merge created */
  merged?: boolean;
  mergeCommitSha?: string;
}

export interface FakeComment {
  id: number;
  issue: number;
  body: string;
  login: string;
  type: 'Bot' | 'User';
  createdAt: string;
  updatedAt: string;
}

export interface FakeCheckRun {
  id: number;
  name: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  title: string | null;
  summary: string | null;
  annotations: Record<string, unknown>[];
}

export interface ScriptedFailure {
  method?: string;
  /** matched against the request path (without query) */
  path?: RegExp;
  /** how many matching requests fail (default 1) */
  times?: number;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  operationId: string | undefined;
  body: unknown;
  status: number;
}

export interface FakeGitHubOptions {
  owner?: string;
  repo?: string;
  readOnly?: boolean;
}

const ROUTE_PATTERNS = ROUTES.map((r) => ({ ...r, regex: new RegExp(`^${r.path.replace(/\{[^}]+\}/g, '([^/]+)')}$`) }));
let spec: ReturnType<typeof loadPrunedSpec> | undefined;
// compiled once per test file: ajv compilation of GitHub's schemas is the slow part
let sharedValidator: OpenApiValidator | undefined;
let sharedExamples: ExampleBuilder | undefined;

export class FakeGitHub {
  readonly owner: string;
  readonly repo: string;
  readOnly: boolean;
  readonly branches = new Map<string, string>();
  /** the repository's default branch (GitHub's `default_branch`) */
  defaultBranch = 'main';
  /**
   * Commits reachable from the default branch besides its head (`branches.get(defaultBranch)`):
   * GitHub answers `commits/{sha}/pulls` differently for them (see the route below).
   */
  readonly defaultBranchHistory = new Set<string>();
  readonly pulls: FakePull[] = [];
  readonly comments: FakeComment[] = [];
  readonly checkRuns = new Map<number, FakeCheckRun>();
  readonly requests: RecordedRequest[] = [];
  readonly violations: string[] = [];
  readonly failures: ScriptedFailure[] = [];
  readonly validator: OpenApiValidator;
  readonly examples: ExampleBuilder;
  #nextId = 1000;
  #clock = Date.parse('2026-03-02T10:00:00Z');
  #server = createServer((req, res) => void this.#handle(req, res));
  url = '';

  constructor(options: FakeGitHubOptions = {}) {
    spec ??= loadPrunedSpec(ROUTES.map(({ method, path }) => ({ method, path })));
    sharedValidator ??= new OpenApiValidator(spec);
    sharedExamples ??= new ExampleBuilder(spec.definitions);
    this.validator = sharedValidator;
    this.examples = sharedExamples;
    this.owner = options.owner ?? 'curso-dl';
    this.repo = options.repo ?? 'tarea-07-ana';
    this.readOnly = options.readOnly ?? false;
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

  #now(): string {
    this.#clock += 1000;
    return new Date(this.#clock).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  /** Seeds a comment as if someone had posted it earlier. */
  addComment(issue: number, body: string, author: { login?: string; type?: 'Bot' | 'User' } = {}): FakeComment {
    const at = this.#now();
    const comment: FakeComment = { id: this.nextId(), issue, body, login: author.login ?? (author.type === 'User' ? 'ana-alumna' : 'github-actions[bot]'), type: author.type ?? 'Bot', createdAt: at, updatedAt: at };
    this.comments.push(comment);
    return comment;
  }

  /** Whether `sha` is on the default branch (its head or its recorded history). */
  onDefaultBranch(sha: string): boolean {
    return this.branches.get(this.defaultBranch) === sha || this.defaultBranchHistory.has(sha);
  }

  commentsOn(issue: number): FakeComment[] {
    return this.comments.filter((c) => c.issue === issue);
  }

  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  // ---- objects GitHub would return ---------------------------------------------------------

  #apiUrl(path: string): string {
    return `https://api.github.com/repos/${this.owner}/${this.repo}${path}`;
  }

  #user(login: string, type: string): Record<string, unknown> {
    const id = type === 'Bot' ? 41898282 : 583231;
    return this.examples.build('simple-user', {
      login, id, node_id: 'MDQ6VXNlcjE=', type, site_admin: false,
      avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`, gravatar_id: '',
      url: `https://api.github.com/users/${encodeURIComponent(login)}`, html_url: `https://github.com/${encodeURIComponent(login)}`,
    });
  }

  #comment(c: FakeComment): Record<string, unknown> {
    return this.examples.build('issue-comment', {
      id: c.id, node_id: `IC_kwDO${c.id}`, body: c.body, user: this.#user(c.login, c.type),
      url: this.#apiUrl(`/issues/comments/${c.id}`), html_url: `https://github.com/${this.owner}/${this.repo}/pull/${c.issue}#issuecomment-${c.id}`,
      issue_url: this.#apiUrl(`/issues/${c.issue}`), created_at: c.createdAt, updated_at: c.updatedAt, author_association: c.type === 'Bot' ? 'NONE' : 'OWNER',
    });
  }

  #pull(p: FakePull): Record<string, unknown> {
    const ref = (name: string, sha: string) => ({ label: `${this.owner}:${name}`, ref: name, sha, user: this.#user(this.owner, 'Organization') });
    return this.examples.build('pull-request-simple', {
      id: 900000 + p.number, number: p.number, state: p.state ?? 'open', title: `Pull request ${p.number}`, locked: false,
      merged_at: p.merged === true ? '2026-03-01T12:00:00Z' : null, merge_commit_sha: p.mergeCommitSha ?? null,
      url: this.#apiUrl(`/pulls/${p.number}`), html_url: `https://github.com/${this.owner}/${this.repo}/pull/${p.number}`,
      head: ref(p.headRef, p.headSha), base: ref(p.baseRef, this.branches.get(p.baseRef) ?? p.headSha), user: this.#user('ana-alumna', 'User'),
      created_at: '2026-02-01T09:00:00Z', updated_at: '2026-03-01T09:00:00Z', author_association: 'OWNER',
    });
  }

  #checkRun(run: FakeCheckRun): Record<string, unknown> {
    return this.examples.build('check-run', {
      id: run.id, head_sha: run.headSha, node_id: `CR_${run.id}`, external_id: '', name: run.name, status: run.status, conclusion: run.conclusion,
      url: this.#apiUrl(`/check-runs/${run.id}`), html_url: `https://github.com/${this.owner}/${this.repo}/runs/${run.id}`, details_url: null,
      started_at: '2026-03-02T10:00:00Z', completed_at: run.status === 'completed' ? '2026-03-02T10:01:00Z' : null,
      output: { title: run.title, summary: run.summary, text: null, annotations_count: run.annotations.length, annotations_url: this.#apiUrl(`/check-runs/${run.id}/annotations`) },
      check_suite: { id: 5000 }, app: null, pull_requests: [],
    });
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
      if (route !== undefined && !(status >= 200 && status < 300 && payload === undefined && status !== 204)) {
        for (const v of this.validator.response(route.id, status, payload)) this.violations.push(`${method} ${url.pathname} → ${status}: response ${v}`);
      }
      const out = payload === undefined ? '' : JSON.stringify(payload);
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'x-github-request-id': `FAKE:${this.requests.length}`,
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '4999',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
        ...headers,
      });
      res.end(out);
    };
    if (route === undefined) {
      this.violations.push(`${method} ${url.pathname}: not an endpoint publish is expected to use`);
      send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
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
    if (this.readOnly && method !== 'GET') {
      send(403, { message: READ_ONLY_MESSAGE, documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment', status: '403' });
      return;
    }
    const params = (route.regex.exec(url.pathname) ?? []).slice(1).map(decodeURIComponent);
    if (params[0] !== this.owner || params[1] !== this.repo) {
      send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
      return;
    }
    this.#dispatch(route.id, params.slice(2), url, body as Record<string, unknown> | undefined, send);
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

  #dispatch(id: string, params: string[], url: URL, body: Record<string, unknown> | undefined, send: (status: number, payload: unknown, headers?: Record<string, string>) => void): void {
    const notFound = () => send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
    switch (id) {
      case 'repos/get-branch': {
        const sha = this.branches.get(params[0] as string);
        if (sha === undefined) return notFound();
        return send(200, this.examples.build('branch-with-protection', {
          name: params[0], protected: false, protection_url: this.#apiUrl(`/branches/${params[0]}/protection`),
          _links: { html: `https://github.com/${this.owner}/${this.repo}/tree/${params[0]}`, self: this.#apiUrl(`/branches/${params[0]}`) },
          commit: { sha, url: this.#apiUrl(`/commits/${sha}`), node_id: `C_${sha.slice(0, 8)}`, html_url: `https://github.com/${this.owner}/${this.repo}/commit/${sha}`, comments_url: this.#apiUrl(`/commits/${sha}/comments`) },
        }));
      }
      case 'pulls/list': {
        const base = url.searchParams.get('base');
        const state = url.searchParams.get('state') ?? 'open';
        const list = this.pulls.filter((p) => (base === null || p.baseRef === base) && (state === 'all' || (p.state ?? 'open') === state));
        return this.#paginate(list.map((p) => this.#pull(p)), url, send);
      }
      case 'repos/list-pull-requests-associated-with-commit': {
        // GitHub: "Lists the merged pull request that introduced the commit to the repository. If
        // the commit is not present in the default branch, it will return merged and open pull
        // requests associated with the commit." So a commit on the default branch (a Classroom
        // student's push to main) lists no open pull request, not even one it heads.
        const sha = params[0] as string;
        const introduced = (p: FakePull) => p.headSha === sha || p.mergeCommitSha === sha;
        const list = this.onDefaultBranch(sha)
          ? this.pulls.filter((p) => p.merged === true && introduced(p))
          : this.pulls.filter((p) => introduced(p) && ((p.state ?? 'open') === 'open' || p.merged === true));
        return this.#paginate(list.map((p) => this.#pull(p)), url, send);
      }
      case 'issues/list-comments':
        return this.#paginate(this.commentsOn(Number(params[0])).map((c) => this.#comment(c)), url, send);
      case 'issues/create-comment':
      case 'issues/update-comment': {
        const text = typeof body?.body === 'string' ? body.body : '';
        if (text.length > COMMENT_LIMIT) {
          return send(422, { message: 'Validation Failed', errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: `body is too long (maximum is ${COMMENT_LIMIT} characters)` }], documentation_url: 'https://docs.github.com/rest/issues/comments' });
        }
        if (id === 'issues/create-comment') {
          const issue = Number(params[0]);
          if (!this.pulls.some((p) => p.number === issue)) return notFound();
          const at = this.#now();
          const comment: FakeComment = { id: this.nextId(), issue, body: text, login: 'github-actions[bot]', type: 'Bot', createdAt: at, updatedAt: at };
          this.comments.push(comment);
          return send(201, this.#comment(comment), { location: this.#apiUrl(`/issues/comments/${comment.id}`) });
        }
        const comment = this.comments.find((c) => c.id === Number(params[0]));
        if (comment === undefined) return notFound();
        comment.body = text;
        comment.updatedAt = this.#now();
        return send(200, this.#comment(comment));
      }
      case 'checks/create':
      case 'checks/update': {
        const output = (body?.output ?? undefined) as { title?: string; summary?: string; annotations?: Record<string, unknown>[] } | undefined;
        const annotations = output?.annotations ?? [];
        if (annotations.length > ANNOTATION_LIMIT || (output?.summary?.length ?? 0) > 65_535) {
          return send(422, { message: 'Invalid request.\n\nOnly 50 annotations are allowed per request; summary is limited to 65535 characters.', documentation_url: 'https://docs.github.com/rest/checks/runs' });
        }
        let run: FakeCheckRun | undefined;
        if (id === 'checks/create') {
          run = { id: this.nextId(), name: String(body?.name), headSha: String(body?.head_sha), status: String(body?.status ?? 'queued'), conclusion: (body?.conclusion as string | undefined) ?? null, title: null, summary: null, annotations: [] };
          this.checkRuns.set(run.id, run);
        } else {
          run = this.checkRuns.get(Number(params[0]));
          if (run === undefined) return notFound();
          if (typeof body?.status === 'string') run.status = body.status;
          if (typeof body?.conclusion === 'string') run.conclusion = body.conclusion;
        }
        if (output !== undefined) {
          run.title = output.title ?? run.title;
          run.summary = output.summary ?? run.summary;
          run.annotations.push(...annotations);
        }
        return send(id === 'checks/create' ? 201 : 200, this.#checkRun(run));
      }
      default:
        return notFound();
    }
  }
}

/** Starts a fake GitHub; add a job's own in-progress check run with `addCheckRun`. */
export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  return new FakeGitHub(options).start();
}

export function addCheckRun(gh: FakeGitHub, headSha: string, name = 'grade'): FakeCheckRun {
  const run: FakeCheckRun = { id: gh.nextId(), name, headSha, status: 'in_progress', conclusion: null, title: null, summary: null, annotations: [] };
  gh.checkRuns.set(run.id, run);
  return run;
}
