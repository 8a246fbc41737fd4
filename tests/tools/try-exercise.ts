/**
 * Author's loop for one exercise (or chapter): grades the solution, the stub, every buggy fixture
 * and every correct variant, with hidden properties included, and prints what each earned.
 *   node --import tsx tests/tools/try-exercise.ts ch15-losses/dice-loss [--runs N] [--seed S]
 */
import { loadCatalog } from '../../grader/catalog/load.ts';
import { selectExercises } from '../../grader/catalog/select.ts';
import { gradeSubmission } from '../../grader/engine/grade.ts';
import { SOLUTIONS_DIR } from '../../grader/paths.ts';
import { buggyFixtures, stubSubmission, submissionWith, variantFixtures } from './fixtures.ts';

const args = process.argv.slice(2);
const selector = args[0] && !args[0].startsWith('--') ? args[0] : undefined;
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : undefined;
const seed = args.includes('--seed') ? Number(args[args.indexOf('--seed') + 1]) : undefined;
const catalog = loadCatalog();
for (const issue of catalog.issues) console.log(`CATALOG ISSUE ${issue.file} [${issue.field}] ${issue.message}`);
let problems = 0;
for (const def of selectExercises(catalog, selector ? [selector] : undefined)) {
  const grade = (dir: string) =>
    gradeSubmission({ submissionDir: dir, exercises: [def.id], audience: 'instructor', catalog, ...(runs ? { runs } : {}), ...(seed !== undefined ? { seed } : {}) }).then((r) => r.exercises[0]!);
  const line = (label: string, r: Awaited<ReturnType<typeof grade>>, ok: boolean, extra = '') => {
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
  line('stub', stubResult, stubResult.score === 0 && stubResult.properties.every((p) => p.status === 'fail' && /not implemented|no está implementada/i.test(p.message ?? '')));
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
}
console.log(problems === 0 ? 'all good' : `${problems} problem(s)`);
process.exitCode = problems === 0 ? 0 : 1;
