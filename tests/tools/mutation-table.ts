/**
 * Writes the mutation-testing table of docs/coverage.md from the logs of `dlgrade verify --mutation`
 * (one or more files, later ones winning for an exercise they cover). A survivor of the log that an
 * exercise.yaml now records in `equivalentMutants` is counted as equivalent (the record was written
 * after the run); any other survivor stays a survivor.
 *
 *   node --import tsx tests/tools/mutation-table.ts <log>… > table.md
 */
import { readFileSync } from 'node:fs';
import { loadCatalog } from '../../grader/catalog/load.ts';

const catalog = loadCatalog();
const byId = new Map(catalog.exercises.map((d) => [d.id, d]));
interface Row { killed: number; survived: string[]; equivalent: number; noCompile: number }
const rows = new Map<string, Row>();
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

for (const file of process.argv.slice(2)) {
  let pending: string[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const s = /^\s+(?:SURVIVED|SOBREVIVE) (\S+?)\.ts:(\d+):\d+ (\w+): (.*) → (.*?)( \((?:could not grade|no se ha podido corregir).*)?$/.exec(line);
    if (s) { pending.push(JSON.stringify([Number(s[2]), s[3], s[4], s[5]])); continue; }
    // the log of either language (`dlgrade verify --mutation` speaks --lang / DLGRADE_LANG)
    const m = /^(\S+\/\S+): (?:mutation score|puntuación de mutación) \S+ \((\d+) (?:killed|eliminados), (\d+) (?:survived|supervivientes), (\d+) (?:equivalent|equivalentes), (\d+) (?:not compiling|no compilan)\)/.exec(line);
    if (m) {
      rows.set(m[1]!, { killed: Number(m[2]), survived: pending, equivalent: Number(m[4]), noCompile: Number(m[5]) });
      pending = [];
    }
  }
}

const out: string[] = ['| exercise | mutants | killed | equivalent | surviving | score |', '| --- | ---: | ---: | ---: | ---: | ---: |'];
let tk = 0, tn = 0, te = 0, ts = 0, tc = 0;
for (const def of catalog.exercises) {
  const r = rows.get(def.id);
  if (!r) { out.push(`| \`${def.id}\` | not run | | | | |`); continue; }
  let equivalent = r.equivalent;
  let surviving = 0;
  for (const s of r.survived) {
    const [line, mutator, original, replacement] = JSON.parse(s) as [number, string, string, string];
    // the log shortens long code to 80 characters: match on the start
    const recorded = byId.get(def.id)!.equivalentMutants.some((e) => e.line === line && (e.mutator === undefined || e.mutator === mutator) && squash(e.original).startsWith(original.slice(0, 79)) && squash(e.replacement).startsWith(replacement.slice(0, 79)));
    if (recorded) equivalent++; else surviving++;
  }
  const mutants = r.killed + r.survived.length + r.equivalent + r.noCompile;
  const counted = r.killed + surviving;
  tk += r.killed; tn += mutants; te += equivalent; ts += surviving; tc += r.noCompile;
  out.push(`| \`${def.id}\` | ${mutants} | ${r.killed} | ${equivalent} | ${surviving} | ${counted === 0 ? '—' : ((100 * r.killed) / counted).toFixed(1) + '%'} |`);
}
out.push(`| **catalog** | **${tn}** | **${tk}** | **${te}** | **${ts}** | **${((100 * tk) / (tk + ts)).toFixed(1)}%** |`);
console.log(out.join('\n'));
console.error(`${rows.size} of ${catalog.exercises.length} exercises in the logs; ${tc} mutants did not compile (not counted)`);
