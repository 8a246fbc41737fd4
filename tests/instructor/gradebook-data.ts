/** Synthetic regrade results (no grading): for the gradebook and class report tests. */
import type { ExerciseResult, GradeResult, PropertyResult } from '../../grader/engine/result.ts';
import type { RegradeFile } from '../../grader/regrade/result-file.ts';

export const HOSTILE_NAME = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">';
export const HOSTILE_COUNTEREXAMPLE = '[</pre><script>window.__pwned = 3</script>, "<b>bold</b>", "&amp;"]';

function property(name: string, pass: boolean, extra: Partial<PropertyResult> = {}): PropertyResult {
  return { name, title: `Propiedad ${name}`, status: pass ? 'pass' : 'fail', points: 1, score: pass ? 1 : 0, ...extra };
}

function exercise(id: string, passes: boolean[], extra: Partial<PropertyResult> = {}): ExerciseResult {
  const properties = passes.map((p, i) => property(`p${i + 1}`, p, p ? {} : extra));
  const score = properties.reduce((s, p) => s + p.score, 0);
  return { id, title: `Ejercicio ${id}`, file: `exercises/${id}/x.ts`, status: score === passes.length ? 'pass' : 'fail', score, maxScore: passes.length, properties };
}

export function fakeResult(exercises: ExerciseResult[]): GradeResult {
  return {
    schemaVersion: 1,
    tool: { name: 'dlgrade', version: '0.1.0' },
    lang: 'es',
    seed: 1,
    runs: 5,
    backend: 'cpu',
    audience: 'instructor',
    durationMs: 10,
    sandbox: { process: 'separate', mechanism: 'bubblewrap', walls: { processes: 'isolated', filesystem: 'isolated', network: 'isolated', sockets: 'isolated' } },
    score: exercises.reduce((s, e) => s + e.score, 0),
    maxScore: exercises.reduce((s, e) => s + e.maxScore, 0),
    exercises,
  };
}

export function fakeFile(username: string, passes: [boolean[], boolean[]], extra: Partial<RegradeFile> = {}, propertyExtra: Partial<PropertyResult> = {}): RegradeFile {
  return {
    kind: 'dlgrade-regrade',
    version: 1,
    username,
    late: false,
    latePushes: 0,
    gradedAt: '2026-03-02T00:00:00.000Z',
    settings: { exercises: ['ch01-a/x', 'ch01-b/y'], seed: 1, runs: 5, backend: null, lang: 'es', dlgradeVersion: '0.1.0', manifest: null },
    settingsKey: 'k',
    tamper: [],
    errors: [],
    status: 'graded',
    result: fakeResult([exercise('ch01-a/x', passes[0], propertyExtra), exercise('ch01-b/y', passes[1], propertyExtra)]),
    ...extra,
  };
}

/** A class of ten: varied scores, a late one, a tampered one, an error, a hostile username and counterexample. */
export function fakeClass(): RegradeFile[] {
  const cx = { counterexample: HOSTILE_COUNTEREXAMPLE, message: `expected 1, received <i>${HOSTILE_NAME}</i>`, received: HOSTILE_NAME };
  return [
    fakeFile('ana', [[true, true], [true, true]]),
    fakeFile('beto', [[true, false], [true, true]], {}, cx),
    fakeFile('carla', [[true, false], [false, true]], { late: true, latePushes: 3, pushedAt: '2026-03-01T22:00:00Z' }, cx),
    fakeFile('dani', [[false, false], [true, true]], {}, cx),
    fakeFile('eva', [[true, true], [true, true]], { tamper: [{ path: '.github/workflows/dlgrade.yml', kind: 'modified', workflow: true }] }),
    fakeFile(HOSTILE_NAME, [[true, false], [true, false]], { studentId: '=HYPERLINK("http://evil","x")' }, cx),
    fakeFile('=cmd|calc', [[true, true], [false, false]], { errors: ['exercises/x.ts, "quoted"\nsecond line'] }),
    fakeFile('gil', [[true, true], [true, false]], {}, cx),
    fakeFile('hugo', [[true, true], [true, true]]),
    { ...fakeFile('ines', [[false], [false]]), status: 'error', result: undefined, errors: ['no checkout: ines/ is missing from the collected folder'] } as RegradeFile,
  ];
}

/**
 * The class report's class: fakeClass() with repositories and commits, plus a student who never
 * pushed (sin entrega) and one whose property ran out of time.
 */
export function reportClass(): RegradeFile[] {
  const withRepo = fakeClass().map((f, i) => (f.status === 'graded' && /^[a-z]+$/.test(f.username) ? { ...f, repo: `curso-dl/tarea-${f.username}`, sha: `${String(i).repeat(40)}`.slice(0, 40) } : f));
  const timeout = fakeFile('kim', [[true, false], [true, true]], { repo: 'curso-dl/tarea-kim', sha: 'b'.repeat(40) });
  const p2 = timeout.result!.exercises[0]!.properties[1]!;
  Object.assign(p2, { status: 'timeout', message: 'Property timeout: exceeded limit of 2000 milliseconds' });
  delete p2.counterexample;
  timeout.result!.exercises[0]!.status = 'timeout';
  const none = { ...fakeFile('jose', [[false], [false]]), status: 'error', result: undefined, errors: ['collect: no-submission'] } as RegradeFile;
  return [...withRepo, timeout, none];
}
