import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { selectBackend } from '../backend/select.ts';
import { loadCatalog } from '../catalog/load.ts';
import { selectExercises } from '../catalog/select.ts';
import { issueMessage } from '../catalog/issues.ts';
import type { Catalog, CatalogIssue, ExerciseDef } from '../catalog/types.ts';
import { gradeSubmission } from '../engine/grade.ts';
import type { ExerciseResult, Lang } from '../engine/result.ts';
import { currentLang, t } from '../i18n/index.ts';
import type { VerifyMessages } from '../i18n/es/verify.ts';
import { describeThrown } from '../errors.ts';
import { placeholdersLeft } from '../scaffold/placeholders.ts';
import { CONSTANT_ANSWERS, constantSubmission } from './constant.ts';
import { exampleProblems } from './examples.ts';
import { buggyFixtures, FIXTURES_DIR, stubSubmission, submissionWith, variantFixtures } from './fixtures.ts';

/** Realistic wrong implementations each exercise needs at least (as tests/engine/corpus.test.ts). */
export const MIN_BUGS = 3;

export interface VerifyCheck {
  name: string;
  ok: boolean;
  /** why (the score, the properties that failed or passed when they should not) */
  detail: string;
}

export interface ExerciseVerification {
  id: string;
  ok: boolean;
  checks: VerifyCheck[];
}

export interface VerifyOptions {
  /** exercise ids, chapters or names; default all (invalid exercises included) */
  selectors?: readonly string[];
  catalog?: Catalog;
  /** tests/fixtures of the course (default: `<catalog root>/tests/fixtures`) */
  fixturesDir?: string;
  seed?: number;
  runs?: number;
  /** gradings at once (default 2) */
  concurrency?: number;
  onExercise?: (verification: ExerciseVerification) => void;
  /** the language of the checks' names and reasons (default: the process's, grader/i18n currentLang) */
  lang?: Lang;
}

export interface VerifyReport {
  backend: string;
  exercises: ExerciseVerification[];
  ok: boolean;
}

/** `<chapter>/<exercise>` an issue belongs to, from its file (exercises/, solutions/ or reference/). */
function issueExercise(issue: CatalogIssue): string | undefined {
  const path = issue.file.split('\\').join('/');
  const m = /^(?:exercises|solutions)\/(ch\d{2}-[^/]+)\/([^/]+)(?:\/|$)/.exec(path) ?? /^reference\/(ch\d{2}-[^/]+)\/([^/]+)\.ts$/.exec(path);
  return m && !m[2]!.endsWith('.yaml') ? `${m[1]}/${m[2]}` : undefined;
}

function matches(selector: string, id: string): boolean {
  const s = selector.trim().replace(/\/+$/, '').replace(/^exercises\//, '');
  const [chapter, name] = id.split('/') as [string, string];
  return id === s || chapter === s || chapter.startsWith(`${s}-`) || name === s;
}

function failing(r: ExerciseResult, lang: Lang): string {
  const v = t(lang).verify;
  const bad = r.properties.filter((p) => p.status !== 'pass').map((p) => `${p.name}: ${v.status[p.status]}${p.message ? ` (${p.message.split('\n')[0]!.slice(0, 160)})` : ''}`);
  return [r.reason ? `${v.status[r.status]} (${t(lang).publish.reason[r.reason]})${r.message ? `: ${r.message.split('\n')[0]!.slice(0, 200)}` : ''}` : '', ...bad].filter(Boolean).join('; ');
}

/**
 * `dlgrade verify`: the catalog self-check after adding or changing an exercise. For each one:
 * catalog issues, both statements, the solution earns full marks (the reference agrees with it
 * within tolerance) on the default backend and on `cpu`, the stub earns 0, no TODO(dlgrade new)
 * left, at least MIN_BUGS buggy fixtures and a variant, the worked examples (the solution returns
 * them, both statements show them), constant answers earn 0, every buggy fixture is caught by the
 * properties its `// expect-fail:` header names, every variant earns full marks: for one exercise,
 * everything tests/catalog and tests/engine check for the whole catalog.
 */
export async function verifyCatalog(options: VerifyOptions = {}): Promise<VerifyReport> {
  const catalog = options.catalog ?? loadCatalog();
  const lang = options.lang ?? currentLang();
  const v = t(lang).verify;
  const c = v.check;
  const issueList = (issues: readonly CatalogIssue[]): string => issues.map((i) => `${i.file} [${i.field}] ${issueMessage(i, lang)}`).join('; ');
  const fixturesDir = options.fixturesDir ?? (catalog.root === undefined ? FIXTURES_DIR : join(catalog.root, 'tests', 'fixtures'));
  const valid = new Map(catalog.exercises.map((d) => [d.id, d]));
  const invalidIds = [...new Set(catalog.issues.map(issueExercise).filter((id): id is string => id !== undefined && !valid.has(id)))];
  const selectors = options.selectors ?? [];
  let chosenValid: ExerciseDef[];
  let chosenInvalid: string[];
  if (selectors.length === 0) {
    chosenValid = catalog.exercises;
    chosenInvalid = invalidIds;
  } else {
    chosenInvalid = invalidIds.filter((id) => selectors.some((s) => matches(s, id)));
    const validSelectors = selectors.filter((s) => catalog.exercises.some((d) => matches(s, d.id)));
    for (const s of selectors) if (!validSelectors.includes(s) && !invalidIds.some((id) => matches(s, id))) selectExercises(catalog, [s]); // throws E_EXERCISE_UNKNOWN
    chosenValid = validSelectors.length > 0 ? selectExercises(catalog, validSelectors) : [];
  }

  const backend = (await selectBackend()).name;
  const base = { audience: 'instructor' as const, catalog, lang, ...(options.seed !== undefined ? { seed: options.seed } : {}), ...(options.runs !== undefined ? { runs: options.runs } : {}) };
  const grade = async (def: ExerciseDef, dir: string, on: string): Promise<ExerciseResult> =>
    (await gradeSubmission({ ...base, submissionDir: dir, exercises: [def.id], concurrency: 1, backend: on })).exercises[0]!;
  const withFile = async (def: ExerciseDef, file: string, on = backend): Promise<ExerciseResult> => {
    const sub = submissionWith(def, file);
    try {
      return await grade(def, sub.dir, on);
    } finally {
      sub.cleanup();
    }
  };
  const guarded = async (name: string, run: () => Promise<Omit<VerifyCheck, 'name'>>): Promise<VerifyCheck> => {
    try {
      return { name, ...(await run()) };
    } catch (error: unknown) {
      return { name, ok: false, detail: v.couldNotGrade(describeThrown(error)) };
    }
  };
  const fullMarks = (r: ExerciseResult): Omit<VerifyCheck, 'name'> =>
    graderFaultCheck(r, v) ?? (r.score === r.maxScore && r.status === 'pass' ? { ok: true, detail: `${r.score}/${r.maxScore}` } : { ok: false, detail: `${r.score}/${r.maxScore}: ${failing(r, lang)}` });

  const limit = pLimit(Math.max(1, options.concurrency ?? 2));
  const checksOf = (def: ExerciseDef): Promise<VerifyCheck>[] => {
    const list: Promise<VerifyCheck>[] = [];
    const issues = catalog.issues.filter((i) => issueExercise(i) === def.id);
    list.push(Promise.resolve({ name: c.catalog, ok: issues.length === 0, detail: issues.length === 0 ? v.noIssues : issueList(issues) }));
    const statements = (['es', 'en'] as const).map((l) => [l, def.statementPaths[l]] as const);
    const missing = statements.filter(([, p]) => !existsSync(p) || readFileSync(p, 'utf8').trim() === '').map(([l]) => `README.${l}.md`);
    list.push(Promise.resolve({ name: c.statements, ok: missing.length === 0, detail: missing.length === 0 ? v.statementsOk : v.statementsMissing(missing) }));
    list.push(
      limit(() =>
        guarded(c.solution(backend), async () => {
          if (!existsSync(def.solutionPath)) return { ok: false, detail: v.missingFile(def.solutionPath) };
          return fullMarks(await withFile(def, def.solutionPath));
        }),
      ),
    );
    list.push(
      limit(() =>
        guarded(c.stub, async () => {
          const stub = stubSubmission([def]);
          try {
            const r = await grade(def, stub.dir, backend);
            const fault = graderFaultCheck(r, v);
            if (fault !== undefined) return fault;
            const notImplemented = r.properties.every((p) => p.status === 'skipped' || p.notImplemented === true || r.reason !== undefined);
            return r.score === 0
              ? { ok: true, detail: `0/${r.maxScore}${notImplemented ? '' : v.stubOtherReason}` }
              : { ok: false, detail: v.passing(`${r.score}/${r.maxScore}`, r.properties.filter((p) => p.status === 'pass').map((p) => p.name)) };
          } finally {
            stub.cleanup();
          }
        }),
      ),
    );
    const left = placeholdersLeft(catalog.root, def.id);
    list.push(
      Promise.resolve({
        name: c.placeholders,
        ok: left.length === 0,
        detail: left.length === 0 ? v.noPlaceholders : v.fillPlaceholders(left.map((p) => `${p.file}:${p.line}`)),
      }),
    );
    const bugCount = buggyFixtures(def, fixturesDir).length;
    const variantCount = variantFixtures(def, fixturesDir).length;
    list.push(
      Promise.resolve({
        name: c.fixtures,
        ok: bugCount >= MIN_BUGS && variantCount >= 1,
        detail: v.fixtureCount(bugCount, MIN_BUGS, variantCount, fixturesDir),
      }),
    );
    list.push(
      guarded(c.examples, async () => {
        const problems = await exampleProblems(def, lang);
        return problems.length === 0 ? { ok: true, detail: v.examplesOk(def.examples.length) } : { ok: false, detail: problems.join('; ') };
      }),
    );
    list.push(
      limit(() =>
        guarded(c.constant, async () => {
          const earning: string[] = [];
          for (const value of CONSTANT_ANSWERS) {
            const sub = constantSubmission([def], value);
            try {
              const r = (await gradeSubmission({ ...base, runs: options.runs ?? 25, submissionDir: sub.dir, exercises: [def.id], concurrency: 1, backend })).exercises[0]!;
              const fault = graderFaultCheck(r, v);
              if (fault !== undefined) return fault;
              if (r.score > 0) earning.push(v.constantEarns(String(value), `${r.score}/${r.maxScore}`, r.properties.filter((p) => p.status === 'pass').map((p) => p.name)));
            } finally {
              sub.cleanup();
            }
          }
          return earning.length === 0 ? { ok: true, detail: v.constantOk(CONSTANT_ANSWERS.map(String)) } : { ok: false, detail: earning.join('; ') };
        }),
      ),
    );
    for (const bug of buggyFixtures(def, fixturesDir)) {
      list.push(
        limit(() =>
          guarded(c.bug(bug.name), async () => {
            if (bug.expectFail.length === 0) return { ok: false, detail: v.noHeader };
            const unknown = bug.expectFail.filter((n) => !def.properties.some((p) => p.name === n));
            if (unknown.length > 0) return { ok: false, detail: v.unknownProperties(unknown) };
            const r = await withFile(def, bug.path);
            const fault = graderFaultCheck(r, v);
            if (fault !== undefined) return fault;
            const failed = r.properties.filter((p) => p.status !== 'pass').map((p) => p.name);
            const escaped = bug.expectFail.filter((n) => !failed.includes(n));
            if (r.score < r.maxScore && escaped.length === 0) return { ok: true, detail: v.caught(bug.expectFail, `${r.score}/${r.maxScore}`) };
            return { ok: false, detail: v.notCaught(`${r.score}/${r.maxScore}`, escaped, failed) };
          }),
        ),
      );
    }
    for (const variant of variantFixtures(def, fixturesDir)) list.push(limit(() => guarded(c.variant(variant.name), async () => fullMarks(await withFile(def, variant.path)))));
    return list;
  };

  const pending = chosenValid.map((def) => ({ def, checks: Promise.all(checksOf(def)) }));
  const byId = new Map<string, VerifyCheck[]>();
  for (const p of pending) byId.set(p.def.id, await p.checks);
  // the cpu backend last and one at a time: the reference backend is global to the process
  for (const def of chosenValid) {
    if (backend === 'cpu') continue;
    byId.get(def.id)!.push(
      await guarded(c.solution('cpu'), async () => (existsSync(def.solutionPath) ? fullMarks(await withFile(def, def.solutionPath, 'cpu')) : { ok: false, detail: v.missingFile(def.solutionPath) })),
    );
  }
  if (backend !== 'cpu') await selectBackend(backend);

  const exercises: ExerciseVerification[] = [];
  for (const id of [...chosenValid.map((d) => d.id), ...chosenInvalid].sort()) {
    const checks = byId.get(id) ?? [{ name: c.catalog, ok: false, detail: v.notLoaded(issueList(catalog.issues.filter((i) => issueExercise(i) === id))) }];
    const verification = { id, ok: checks.every((c) => c.ok), checks };
    options.onExercise?.(verification);
    exercises.push(verification);
  }
  return { backend, exercises, ok: exercises.every((e) => e.ok) };
}

/**
 * The grader's own faults in a result: the exercise's `grader-error`, a property whose error is
 * the grader's (its message says so, or it carries the grader-error flag). A score of 0 from a
 * grader fault proves nothing about a stub or a buggy fixture.
 */
export function graderFaults(r: ExerciseResult): string[] {
  const faults: string[] = [];
  if (r.reason === 'grader-error') faults.push(`${r.reason}: ${(r.message ?? '').split('\n')[0]!.slice(0, 200)}`);
  for (const p of r.properties) {
    const flagged = (p as { graderError?: unknown }).graderError === true;
    if (flagged || (p.status === 'error' && GRADER_ERROR.test(p.message ?? ''))) faults.push(`${p.name}: ${(p.message ?? '').split('\n')[0]!.slice(0, 200)}`);
  }
  return faults;
}

const GRADER_ERROR = /^(Error interno del corrector|Fallo interno del corrector|Internal grader (error|fault))/;

function graderFaultCheck(r: ExerciseResult, v: VerifyMessages): Omit<VerifyCheck, 'name'> | undefined {
  const faults = graderFaults(r);
  return faults.length > 0 ? { ok: false, detail: v.graderError(faults) } : undefined;
}

/** Plain text, one line per check: ✔/✘, the check, why. */
export function renderVerification(v: ExerciseVerification): string {
  return [`${v.ok ? '✔' : '✘'} ${v.id}`, ...v.checks.map((c) => `  ${c.ok ? '✔' : '✘'} ${c.name}: ${c.detail}`)].join('\n') + '\n';
}
