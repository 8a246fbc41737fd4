/**
 * Author's loop for the generated strategies: grades every degenerate answer (must earn 0) and every
 * malformed output (must never be a grader error) on an exercise, a chapter or the whole catalog.
 *   node --import tsx tests/tools/try-strategies.ts [selector] [--runs N] [--seed S] [--only name,name]
 */
import { loadCatalog } from '../../grader/catalog/load.ts';
import { selectExercises } from '../../grader/catalog/select.ts';
import { gradeSubmission } from '../../grader/engine/grade.ts';
import { degenerateStrategies, MALFORMED, maxParameters, strategyApplies, strategySubmission } from './wrapped-submission.ts';

const args = process.argv.slice(2);
const flag = (n: string) => (args.includes(n) ? args[args.indexOf(n) + 1] : undefined);
const selector = args[0] && !args[0].startsWith('--') ? args[0] : undefined;
const runs = Number(flag('--runs') ?? 20);
const seed = flag('--seed') !== undefined ? Number(flag('--seed')) : undefined;
const only = flag('--only')?.split(',');
const catalog = loadCatalog();
const defs = selectExercises(catalog, selector ? [selector] : undefined);
let problems = 0;
const strategies = [...degenerateStrategies(maxParameters(defs)).map((s) => ({ ...s, kind: 'degenerate' })), ...MALFORMED.map((s) => ({ ...s, kind: 'malformed' }))];
for (const strategy of strategies.filter((s) => !only || only.includes(s.name))) {
  const chosen = defs.filter((d) => strategyApplies(d, strategy));
  const sub = strategySubmission(chosen, strategy);
  const t0 = performance.now();
  const result = await gradeSubmission({ submissionDir: sub.dir, catalog, exercises: chosen.map((d) => d.id), audience: 'instructor', runs, ...(seed !== undefined ? { seed } : {}) });
  sub.cleanup();
  for (const e of result.exercises) {
    const errors = e.properties.filter((p) => p.status === 'error' || /Error interno|Internal grader error/.test(p.message ?? ''));
    const bad = strategy.kind === 'degenerate' ? e.score > 0 : errors.length > 0 || e.reason === 'grader-error';
    if (!bad) continue;
    problems++;
    const shown = strategy.kind === 'degenerate' ? e.properties.filter((p) => p.status === 'pass').map((p) => p.name) : errors.map((p) => `${p.name}: ${p.message}`);
    console.log(`BAD ${strategy.kind} ${strategy.name.padEnd(20)} ${e.id} ${e.score}/${e.maxScore} ${shown.join(' | ')}`);
  }
  console.log(`--- ${strategy.kind} ${strategy.name}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
console.log(problems === 0 ? 'all good' : `${problems} problem(s)`);
process.exitCode = problems === 0 ? 0 : 1;
