/**
 * Author's loop for one exercise (or chapter): grades the solution, the stub, every buggy fixture
 * and every correct variant, with hidden properties included, and prints what each earned; then
 * the rest of what tests/catalog and tests/engine check for every exercise: no TODO(dlgrade new)
 * left, enough fixtures, the worked examples, constant answers earning 0. (`dlgrade verify <id>`
 * runs the same checks, plus the solution on the cpu backend.)
 *   node --import tsx tests/tools/try-exercise.ts ch15-losses/dice-loss [--runs N] [--seed S]
 */
import { loadCatalog } from '../../grader/catalog/load.ts';
import { selectExercises } from '../../grader/catalog/select.ts';
import { gradeSubmission } from '../../grader/engine/grade.ts';
import { SOLUTIONS_DIR } from '../../grader/paths.ts';
import { graderFaults } from '../../grader/verify/verify.ts';
import { DlgradeError } from '../../grader/errors.ts';
import { placeholdersLeft } from '../../grader/scaffold/placeholders.ts';
import { CONSTANT_ANSWERS, constantSubmission } from '../../grader/verify/constant.ts';
import { exampleProblems } from '../../grader/verify/examples.ts';
import { MIN_BUGS } from '../../grader/verify/verify.ts';
import { buggyFixtures, stubSubmission, submissionWith, variantFixtures } from './fixtures.ts';
import { issueMessage } from '../../grader/catalog/issues.ts';

const args = process.argv.slice(2);
const selector = args[0] && !args[0].startsWith('--') ? args[0] : undefined;
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : undefined;
const seed = args.includes('--seed') ? Number(args[args.indexOf('--seed') + 1]) : undefined;
const catalog = loadCatalog();
for (const issue of catalog.issues) console.log(`CATALOG ISSUE ${issue.file} [${issue.field}] ${issueMessage(issue, 'en')}`);
let problems = 0;
let chosen: ReturnType<typeof selectExercises>;
try {
  chosen = selectExercises(catalog, selector ? [selector] : undefined);
} catch (error: unknown) {
  // an exercise whose exercise.yaml is invalid is not in the catalog: say which file and field, no stack trace
  const mine = catalog.issues.filter((i) => selector !== undefined && i.file.includes(selector.split('/').pop()!));
  console.log(`BAD  ${selector ?? ''}: ${error instanceof DlgradeError ? error.message : String(error)}`);
  for (const i of mine) console.log(`       ${i.file} [${i.field}] ${issueMessage(i, 'en')}`);
  if (error instanceof DlgradeError && error.fix) console.log(`       fix: ${error.fix}`);
  process.exit(1);
}
for (const def of chosen) {
  const grade = (dir: string) =>
    gradeSubmission({ submissionDir: dir, exercises: [def.id], audience: 'instructor', catalog, ...(runs ? { runs } : {}), ...(seed !== undefined ? { seed } : {}) }).then((r) => r.exercises[0]!);
  const line = (label: string, r: Awaited<ReturnType<typeof grade>>, expected: boolean, extra = '') => {
    // a grader error proves nothing: never «ok» for a stub or a bug that "earned 0"
    const faults = graderFaults(r);
    const ok = expected && faults.length === 0;
    if (faults.length > 0) extra = `GRADER ERROR: ${faults.join('; ')} ${extra}`;
    if (!ok) problems++;
    const failed = r.properties.filter((p) => p.status !== 'pass').map((p) => `${p.name}:${p.status}`);
    console.log(`${ok ? 'ok  ' : 'BAD '} ${def.id} ${label.padEnd(28)} ${r.score}/${r.maxScore} ${r.status}${r.reason ? `(${r.reason})` : ''} ${r.durationMs}ms ${failed.join(' ')} ${extra}`);
    if (!ok) {
      if (r.message) console.log(`       message: ${r.message}`);
      for (const p of r.properties.filter((p) => p.status !== 'pass')) console.log(`       ${p.name}: ${p.message ?? ''}\n         counterexample: ${p.counterexample ?? ''}`);
    }
  };
  const solution = await grade(SOLUTIONS_DIR);
  line('solution', solution, solution.score === solution.maxScore);
  const stub = stubSubmission([def]);
  const stubResult = await grade(stub.dir);
  stub.cleanup();
  // a property waiting for a prerequisite that fails (exercise.yaml `requires`) is skipped, as in tests/engine/corpus.test.ts
  const stubOk = (p: (typeof stubResult.properties)[number]) =>
    p.status === 'skipped' ? (p.blockedBy?.length ?? 0) > 0 : p.status === 'fail' && /not implemented|no está implementada/i.test(p.message ?? '');
  line('stub', stubResult, stubResult.score === 0 && stubResult.properties.every(stubOk));
  for (const variant of variantFixtures(def)) {
    const sub = submissionWith(def, variant.path);
    const r = await grade(sub.dir);
    sub.cleanup();
    line(`variant ${variant.name}`, r, r.score === r.maxScore);
  }
  for (const bug of buggyFixtures(def)) {
    const sub = submissionWith(def, bug.path);
    const r = await grade(sub.dir);
    sub.cleanup();
    const failedNames = r.properties.filter((p) => p.status !== 'pass').map((p) => p.name);
    const caught = r.score < r.maxScore && bug.expectFail.length > 0 && bug.expectFail.every((n) => failedNames.includes(n));
    line(`bug ${bug.name}`, r, caught, `(expect-fail: ${bug.expectFail.join(', ') || 'MISSING HEADER'})`);
  }
  const plain = (label: string, ok: boolean, detail: string) => {
    if (!ok) problems++;
    console.log(`${ok ? 'ok  ' : 'BAD '} ${def.id} ${label.padEnd(28)} ${detail}`);
  };
  const left = placeholdersLeft(catalog.root, def.id);
  plain('placeholders', left.length === 0, left.length === 0 ? 'no TODO(dlgrade new) left' : `fill in TODO(dlgrade new): ${left.map((p) => `${p.file}:${p.line}`).join(', ')}`);
  const bugs = buggyFixtures(def).length;
  const variants = variantFixtures(def).length;
  plain('fixtures', bugs >= MIN_BUGS && variants >= 1, `${bugs} buggy (at least ${MIN_BUGS}), ${variants} variant(s) (at least 1)`);
  const exampleIssues = await exampleProblems(def, 'en'); // this tool's report is English
  plain('worked examples', exampleIssues.length === 0, exampleIssues.join('; ') || `${def.examples.length} checked`);
  for (const value of CONSTANT_ANSWERS) {
    const sub = constantSubmission([def], value);
    const r = await gradeSubmission({ submissionDir: sub.dir, exercises: [def.id], audience: 'instructor', catalog, runs: runs ?? 25, ...(seed !== undefined ? { seed } : {}) }).then((x) => x.exercises[0]!);
    sub.cleanup();
    line(`constant return ${value}`, r, r.score === 0);
  }
}
console.log(problems === 0 ? 'all good' : `${problems} problem(s)`);
process.exitCode = problems === 0 ? 0 : 1;
