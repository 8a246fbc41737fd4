/**
 * `dlgrade verify --mutation`: how strong an exercise's properties are. StrykerJS's instrumenter
 * lists the mutants of the model solution (an operator flipped, a condition forced, a call
 * removed…); each mutant is written out as its own student file and graded through the real
 * engine and sandbox (the sandbox removes the environment, so Stryker's usual mutant switch by
 * environment variable cannot reach it, and must not). A mutant is killed when it loses a point
 * (or times out); it survives when it still earns full marks. A surviving mutant that is
 * equivalent under the exercise's contract is recorded in exercise.yaml `equivalentMutants` with
 * its reason; every other survivor is a gap in the properties.
 */
import { readFileSync } from 'node:fs';
import pLimit from 'p-limit';
import type { ExerciseDef, EquivalentMutant } from '../catalog/types.ts';
import type { Catalog } from '../catalog/types.ts';
import { gradeSubmission } from '../engine/grade.ts';
import type { Lang } from '../engine/result.ts';
import { describeThrown } from '../errors.ts';
import { currentLang, t } from '../i18n/index.ts';
import { submissionWithSource } from './fixtures.ts';

export interface SolutionMutant {
  id: string;
  mutator: string;
  /** 1-based line and column where the replaced code starts */
  line: number;
  column: number;
  original: string;
  replacement: string;
  /** the whole mutated solution */
  source: string;
}

export type MutantStatus = 'killed' | 'timeout' | 'survived' | 'equivalent' | 'compile-error' | 'error';

export interface MutantOutcome extends SolutionMutant {
  status: MutantStatus;
  /** killed: the properties it failed; equivalent: the recorded reason; error: what went wrong */
  detail: string;
}

export interface MutationReport {
  id: string;
  mutants: MutantOutcome[];
  killed: number;
  survived: number;
  equivalent: number;
  /** killed / (killed + survived): equivalent and non-compiling mutants do not count */
  score: number;
}

const quietLogger = {
  isTraceEnabled: () => false, isDebugEnabled: () => false, isInfoEnabled: () => false, isWarnEnabled: () => false, isErrorEnabled: () => true, isFatalEnabled: () => true,
  trace() {}, debug() {}, info() {}, warn() {},
  error(...args: unknown[]) { process.stderr.write(`${args.map(String).join(' ')}\n`); },
  fatal(...args: unknown[]) { process.stderr.write(`${args.map(String).join(' ')}\n`); },
};

/** Offset in `text` of a 0-based (line, column) position. */
function offsetOf(lineStarts: number[], line: number, column: number): number {
  return lineStarts[line]! + column;
}

/** The solution's mutants, each applied to the solution's text. */
export async function solutionMutants(def: ExerciseDef, solutionPath = def.solutionPath): Promise<SolutionMutant[]> {
  const { Instrumenter } = await import('@stryker-mutator/instrumenter');
  const content = readFileSync(solutionPath, 'utf8');
  const instrumenter = new Instrumenter(quietLogger as never);
  const result = await instrumenter.instrument([{ name: solutionPath, content, mutate: true }], { plugins: null, excludedMutations: [], ignorers: [], noHeader: true } as never);
  const lineStarts = [0];
  for (let i = 0; i < content.length; i++) if (content[i] === '\n') lineStarts.push(i + 1);
  return result.mutants
    .filter((m) => m.status === undefined) // Stryker marks ignored / static ones itself
    .map((m) => {
      const start = offsetOf(lineStarts, m.location.start.line, m.location.start.column);
      const end = offsetOf(lineStarts, m.location.end.line, m.location.end.column);
      return {
        id: m.id,
        mutator: m.mutatorName,
        line: m.location.start.line + 1,
        column: m.location.start.column + 1,
        original: content.slice(start, end),
        replacement: m.replacement,
        source: content.slice(0, start) + m.replacement + content.slice(end),
      };
    });
}

const squash = (code: string): string => code.replace(/\s+/g, ' ').trim();

/** The recorded equivalent mutant this one is, if any (same line, same code replaced by the same code). */
export function findEquivalent(mutant: Pick<SolutionMutant, 'line' | 'original' | 'replacement' | 'mutator'>, recorded: EquivalentMutant[]): EquivalentMutant | undefined {
  return recorded.find(
    (e) => e.line === mutant.line && squash(e.original) === squash(mutant.original) && squash(e.replacement) === squash(mutant.replacement) && (e.mutator === undefined || e.mutator === mutant.mutator),
  );
}

/** Grades every mutant of one exercise's solution. */
export async function mutationTest(def: ExerciseDef, options: { catalog: Catalog; seed?: number; runs?: number; concurrency?: number; onMutant?: (m: MutantOutcome) => void }): Promise<MutationReport> {
  const mutants = await solutionMutants(def);
  const limit = pLimit(Math.max(1, options.concurrency ?? 2));
  const outcomes = await Promise.all(
    mutants.map((mutant) =>
      limit(async (): Promise<MutantOutcome> => {
        const equivalent = findEquivalent(mutant, def.equivalentMutants);
        let outcome: MutantOutcome;
        const sub = submissionWithSource(def, mutant.source);
        try {
          const r = (
            await gradeSubmission({
              submissionDir: sub.dir,
              exercises: [def.id],
              audience: 'instructor',
              catalog: options.catalog,
              concurrency: 1,
              ...(options.seed !== undefined ? { seed: options.seed } : {}),
              ...(options.runs !== undefined ? { runs: options.runs } : {}),
            })
          ).exercises[0]!;
          const failed = r.properties.filter((p) => p.status !== 'pass').map((p) => p.name);
          if (r.reason === 'compile-error') outcome = { ...mutant, status: 'compile-error', detail: r.message ?? '' };
          else if (r.status === 'timeout') outcome = { ...mutant, status: 'timeout', detail: r.message ?? 'timed out' };
          else if (r.score < r.maxScore || r.status !== 'pass') outcome = { ...mutant, status: 'killed', detail: failed.join(', ') || (r.reason ?? r.status) };
          else if (equivalent) outcome = { ...mutant, status: 'equivalent', detail: equivalent.reason };
          else outcome = { ...mutant, status: 'survived', detail: 'earns full marks' };
        } catch (error: unknown) {
          outcome = { ...mutant, status: 'error', detail: describeThrown(error) };
        } finally {
          sub.cleanup();
        }
        options.onMutant?.(outcome);
        return outcome;
      }),
    ),
  );
  const killed = outcomes.filter((o) => o.status === 'killed' || o.status === 'timeout').length;
  const survived = outcomes.filter((o) => o.status === 'survived' || o.status === 'error').length;
  const equivalent = outcomes.filter((o) => o.status === 'equivalent').length;
  return { id: def.id, mutants: outcomes, killed, survived, equivalent, score: killed + survived === 0 ? 1 : killed / (killed + survived) };
}

/** One line per surviving mutant, then the score, in `lang` (default: the process's). */
export function renderMutation(report: MutationReport, lang: Lang = currentLang()): string {
  const w = t(lang).verify.mutation;
  const lines = report.mutants
    .filter((m) => m.status === 'survived' || m.status === 'error')
    .map((m) => `  ${w.survived} ${report.id.split('/')[1]}.ts:${m.line}:${m.column} ${m.mutator}: ${squash(m.original).slice(0, 80)} → ${squash(m.replacement).slice(0, 80)}${m.status === 'error' ? ` (${w.couldNotGrade(m.detail)})` : ''}`);
  const pct = (report.score * 100).toFixed(1);
  lines.push(w.score(report.id, pct, report.killed, report.survived, report.equivalent, report.mutants.filter((m) => m.status === 'compile-error').length));
  return `${lines.join('\n')}\n`;
}
