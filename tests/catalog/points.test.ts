import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog, loadCatalogFromYaml } from '../../grader/catalog/load.ts';
import { apportion, DIFFICULTIES, DIFFICULTY_POINTS, ROLE_SHARE, splitPoints } from '../../grader/catalog/points.ts';
import type { ExerciseDef } from '../../grader/catalog/types.ts';
import type { PropertyResult } from '../../grader/engine/result.ts';
import { scoreExercise } from '../../grader/engine/steps/score.ts';
import { INSTALL_ROOT } from '../../grader/paths.ts';
import { classroom50Scale } from '../../grader/publish/classroom50-shim.ts';
import { issueMessage } from '../../grader/catalog/issues.ts';

/**
 * The points policy (docs/authoring.md, "Points"), checked over the whole catalog: every exercise
 * declares its difficulty and the total it gives, the split by role holds, a correct forward with a
 * wrong backward earns what the policy says, and the exercises the course treats as central
 * outweigh the bookkeeping ones.
 */
const catalog = loadCatalog();
const byId = new Map(catalog.exercises.map((e) => [e.id, e] as const));
const total = (e: ExerciseDef): number => e.properties.reduce((s, p) => s + p.points, 0);

/**
 * What the engine scores when exactly `passing` would pass: a property whose prerequisites do not
 * all pass is not checked (skipped), and secondary properties are gated by scoreExercise itself.
 */
function scenarioScore(e: ExerciseDef, passing: ReadonlySet<string>): number {
  const passed = new Set<string>();
  for (const p of e.properties) if (passing.has(p.name) && p.requires.every((r) => passing.has(r))) passed.add(p.name);
  const properties: PropertyResult[] = e.properties.map((p) => ({
    name: p.name,
    title: p.title.en,
    function: p.function,
    role: p.role,
    status: passed.has(p.name) ? 'pass' : p.requires.every((r) => passed.has(r)) ? 'fail' : 'skipped',
    points: p.points,
    score: passed.has(p.name) ? p.points : 0,
  }));
  return scoreExercise({ id: e.id, title: e.title.en, file: e.file, status: 'pass', properties }, e.properties, 'en').score;
}

describe('points: the split', () => {
  it('apportions whole points, at least one each, summing to the seats, proportional where it can', () => {
    expect(apportion(21, [4])).toEqual([21]);
    expect(apportion(10, [2, 2, 1])).toEqual([4, 4, 2]);
    expect(apportion(7, [1, 1, 1])).toEqual([3, 2, 2]); // ties to the first declared
    expect(apportion(3, [5, 1, 1])).toEqual([1, 1, 1]); // the one-point floor wins over proportion
    expect(apportion(4, [10, 1, 1])).toEqual([2, 1, 1]);
    for (const [seats, weights] of [[9, [3, 1, 1, 2]], [5, [1, 1, 1, 1, 1]], [17, [0.5, 2.5, 1]]] as const) {
      const out = apportion(seats, weights);
      expect(out.reduce((s, x) => s + x, 0)).toBe(seats);
      for (const x of out) expect(Number.isInteger(x) && x >= 1).toBe(true);
    }
  });

  it('gives hygiene 10%, invariants 20% and primaries the rest, by weight inside each role', () => {
    // conv2d's shape: a primary, three visible invariants and a hidden one, two hygiene properties
    const split = splitPoints(30, [
      { role: 'primary', weight: 4 },
      { role: 'hygiene', weight: 1 },
      { role: 'invariant', weight: 2 },
      { role: 'invariant', weight: 2 },
      { role: 'invariant', weight: 1 },
      { role: 'hygiene', weight: 1 },
      { role: 'invariant', weight: 1 },
    ]);
    expect(split).toEqual([21, 2, 2, 2, 1, 1, 1]);
    // no secondary property: the primaries take everything
    expect(splitPoints(10, [{ role: 'primary', weight: 3 }, { role: 'primary', weight: 1 }])).toEqual([8, 2]);
    // more hygiene properties than its share: one point each, taken from the primaries
    expect(splitPoints(10, [{ role: 'primary', weight: 1 }, ...Array.from({ length: 4 }, () => ({ role: 'hygiene' as const, weight: 1 }))])).toEqual([6, 1, 1, 1, 1]);
    // fewer points than properties: no whole split
    expect(splitPoints(10, Array.from({ length: 11 }, () => ({ role: 'primary' as const, weight: 1 })))).toBeUndefined();
  });
});

describe('points: the catalog follows the policy', () => {
  it('has a scale that grows with difficulty', () => {
    const values = DIFFICULTIES.map((d) => DIFFICULTY_POINTS[d]);
    for (let i = 1; i < values.length; i++) expect(values[i]!).toBeGreaterThan(values[i - 1]!);
  });

  it('every exercise declares its difficulty and the total it gives, and its properties add up to it in whole points', () => {
    expect(catalog.issues).toEqual([]);
    expect(catalog.exercises.length).toBeGreaterThan(0);
    const wrong = catalog.exercises.flatMap((e) => {
      if (e.difficulty === undefined || e.points === undefined) return [`${e.id}: no difficulty/points before file:`];
      const problems: string[] = [];
      if (e.points !== DIFFICULTY_POINTS[e.difficulty]) problems.push(`${e.id}: ${e.difficulty} is ${DIFFICULTY_POINTS[e.difficulty]}, not ${e.points}`);
      if (total(e) !== e.points) problems.push(`${e.id}: properties add up to ${total(e)}, not ${e.points}`);
      for (const p of e.properties) if (!Number.isInteger(p.points) || p.points < 1) problems.push(`${e.id} › ${p.name}: ${p.points} points`);
      return problems;
    });
    expect(wrong).toEqual([]);
  });

  it('whole points everywhere: Classroom 50 takes the catalog at scale 1, and every output shows integers', () => {
    expect(classroom50Scale(catalog.exercises)).toBe(1);
  });

  it('splits each total by role: hygiene about 10%, invariants about 20%, primaries the rest', () => {
    const wrong = catalog.exercises.flatMap((e) => {
      const T = e.points ?? 0;
      const sum = (role: string): number => e.properties.filter((p) => p.role === role).reduce((s, p) => s + p.points, 0);
      const count = (role: string): number => e.properties.filter((p) => p.role === role).length;
      const problems: string[] = [];
      for (const role of ['invariant', 'hygiene'] as const) {
        const expected = count(role) === 0 ? 0 : Math.max(count(role), Math.round(ROLE_SHARE[role] * T));
        if (sum(role) !== expected) problems.push(`${e.id}: ${role} ${sum(role)} of ${T}, expected ${expected}`);
      }
      // the result itself is most of the grade
      if (sum('primary') < 0.6 * T) problems.push(`${e.id}: primary properties earn only ${sum('primary')} of ${T}`);
      return problems;
    });
    expect(wrong).toEqual([]);
  });

  it('a correct forward with a wrong backward earns between 15% and 35% of an exercise about the backward pass', () => {
    const withForward = catalog.exercises.filter((e) => e.forward !== undefined);
    expect(withForward.length).toBeGreaterThanOrEqual(5);
    const wrong = withForward.flatMap((e) => {
      const T = e.points ?? total(e);
      const forward = new Set(e.forward);
      // the forward properties only, and at most: those plus every secondary property (which a wrong backward may still pass)
      const least = scenarioScore(e, forward);
      const most = scenarioScore(e, new Set([...forward, ...e.properties.filter((p) => p.role !== 'primary').map((p) => p.name)]));
      return least >= 0.15 * T && most <= 0.35 * T ? [] : [`${e.id}: a correct forward earns ${least}–${most} of ${T}`];
    });
    expect(wrong).toEqual([]);
  });

  it('a function whose result is wrong (a convention swap included) earns nothing from its own secondary properties', () => {
    // every secondary property passes, every primary of its function fails: the engine gives the secondaries nothing
    const wrong = catalog.exercises.flatMap((e) =>
      [...new Set(e.properties.filter((p) => p.role !== 'primary').map((p) => p.function))].flatMap((fn) => {
        if (!e.properties.some((p) => p.function === fn && p.role === 'primary')) return [];
        const passing = new Set(e.properties.filter((p) => p.function !== fn || p.role !== 'primary').map((p) => p.name));
        const others = e.properties.filter((p) => p.function !== fn && passing.has(p.name));
        const most = scenarioScore(e, new Set(others.map((p) => p.name)));
        return scenarioScore(e, passing) <= most ? [] : [`${e.id}: ${fn} earns secondary points without a passing primary`];
      }),
    );
    expect(wrong).toEqual([]);
  });

  it('the chapters’ central algorithms outweigh bookkeeping (the pairs issue 10 named among them)', () => {
    const heavier: [string, string][] = [
      ['ch07-convolution/conv2d', 'ch07-convolution/pooling'],
      ['ch07-convolution/conv2d-backward', 'ch07-convolution/conv2d'],
      ['ch16-optimizers/adam', 'ch19-tensorflow-keras/tensorboard-smoothing'],
      ['ch11-sequences-rnn/rnn-bptt', 'ch02-math/stable-softmax'],
      ['ch13-attention-transformers/multi-head-attention', 'ch02-math/stable-softmax'],
      ['ch13-attention-transformers/multi-head-attention', 'ch13-attention-transformers/scaled-dot-product-attention'],
      ['ch13-attention-transformers/transformer-encoder-layer', 'ch13-attention-transformers/multi-head-attention'],
      ['ch04-perceptron/backprop', 'ch04-perceptron/mlp-image-pipeline'],
      ['ch12-lstm-gru/lstm-cell', 'ch11-sequences-rnn/clip-grad-norm'],
      ['ch05-training/batch-norm', 'ch05-training/lr-schedules'],
      ['ch08-classic-cnn/resnet-bottleneck', 'ch08-classic-cnn/cnn-shapes'],
    ];
    for (const [a, b] of heavier) {
      const [ea, eb] = [byId.get(a), byId.get(b)];
      expect(ea && eb, `${a} and ${b} are in the catalog`).toBeTruthy();
      expect(total(ea!), `${a} outweighs ${b}`).toBeGreaterThan(total(eb!));
    }
    // every hard-core exercise outweighs every core one, and so on down the scale
    const totals = DIFFICULTIES.map((d) => catalog.exercises.filter((e) => e.difficulty === d).map(total));
    for (let i = 1; i < totals.length; i++) expect(Math.min(...totals[i]!)).toBeGreaterThan(Math.max(...totals[i - 1]!));
    // and each level is used: a scale where everything is "core" says nothing
    for (const t of totals) expect(t.length).toBeGreaterThan(0);
  });
});

describe('points: what the catalog refuses', () => {
  const root = mkdtempSync(join(tmpdir(), 'dlgrade-points-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const chapter = join(root, 'exercises', 'ch15-losses');
  cpSync(join(INSTALL_ROOT, 'exercises', 'ch15-losses'), chapter, { recursive: true });
  cpSync(join(INSTALL_ROOT, 'reference', 'ch15-losses'), join(root, 'reference', 'ch15-losses'), { recursive: true });
  const yaml = join(chapter, 'dice-loss', 'exercise.yaml');
  const original = readFileSync(yaml, 'utf8');
  const issuesWith = (edit: (text: string) => string): string[] => {
    writeFileSync(yaml, edit(original));
    return loadCatalogFromYaml(root).issues.filter((i) => i.file.endsWith('dice-loss/exercise.yaml')).map((i) => `${i.field}: ${issueMessage(i, 'en')}`);
  };

  it('loads the real exercise, its properties scaled to its total', () => {
    expect(issuesWith((t) => t)).toEqual([]);
    const dice = loadCatalogFromYaml(root).exercises.find((e) => e.name === 'dice-loss')!;
    expect(dice.properties.reduce((s, p) => s + p.points, 0)).toBe(dice.points);
    expect(dice.properties.find((p) => p.name === 'matches-reference')!.weight).toBe(4);
  });

  it('a total that is not its difficulty’s, half a declaration, an unknown difficulty or forward property', () => {
    expect(issuesWith((t) => t.replace('points: 20\nfile:', 'points: 30\nfile:'))).toEqual(['points: a standard exercise is worth 20 points, not 30 (change points, or the difficulty)']);
    expect(issuesWith((t) => t.replace('difficulty: standard\n', ''))).toEqual([expect.stringMatching(/^difficulty: missing field "difficulty": an exercise declares both/)]);
    expect(issuesWith((t) => t.replace('difficulty: standard', 'difficulty: easy'))[0]).toMatch(/^difficulty: must be equal to one of the allowed values/);
    expect(issuesWith((t) => t.replace('file: dice-loss.ts', 'forward: [matches-referense]\nfile: dice-loss.ts'))).toEqual([expect.stringMatching(/^forward\.0: "matches-referense" is not a property of this exercise/)]);
  });
});
