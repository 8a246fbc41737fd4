/** The grader bundle, built directly (fast; the end-to-end test installs and runs one). */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGraderBundle } from '../../grader/assign/bundle.ts';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { selectExercises } from '../../grader/catalog/select.ts';
import type { ExerciseDef } from '../../grader/catalog/types.ts';
import { INSTALL_ROOT } from '../../grader/paths.ts';

let bundle: string;
let defs: ExerciseDef[];

beforeAll(async () => {
  const catalog = loadCatalog();
  defs = selectExercises(catalog, ['ch07-convolution/conv2d', 'ch15-losses/dice-loss', 'ch23-computer-vision/box-iou']);
  bundle = await buildGraderBundle({ exercises: defs, chapters: catalog.chapters });
}, 120_000);

describe('the self-contained grader bundle', () => {
  it('holds no hidden property: not its name, title, hint or check', () => {
    const hidden = defs.flatMap((d) => d.properties.filter((p) => p.hidden));
    expect(hidden.length).toBeGreaterThanOrEqual(3);
    for (const p of hidden) {
      expect(bundle).not.toContain(`"${p.name}"`);
      expect(bundle).not.toContain(`'${p.name}'`);
      expect(bundle).not.toContain(p.title.es);
      expect(bundle).not.toContain(p.hint.en);
    }
    expect(bundle).not.toContain('debe quedarse con una de cada');
  });

  it('holds no solution code, and holds the public properties, the references and the runner', () => {
    for (const d of defs) {
      const stub = readFileSync(`${d.dir}/${d.file}`, 'utf8');
      const lines = readFileSync(d.solutionPath, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l.length >= 30 && !stub.includes(l) && !/^(\*|\/\/|\/\*)/.test(l));
      for (const line of lines) expect(bundle, `${d.id}: ${line}`).not.toContain(line);
      for (const p of d.properties.filter((q) => !q.hidden)) expect(bundle).toContain(p.name);
    }
    // TensorFlow.js by its parts (grader/assign/tfjs-lean.cjs), never the full package
    expect(bundle).toContain('require("@tensorflow/tfjs-core")');
    expect(bundle).not.toMatch(/"@tensorflow\/tfjs"/);
    expect(bundle).not.toContain('__DLGRADE_RUNNER_SOURCE__');
    // no absolute path of the machine that built it, and no module from solutions/
    expect(bundle).not.toContain(INSTALL_ROOT);
    expect(bundle).not.toMatch(/^\/\/ solutions\//m);
  });
});
