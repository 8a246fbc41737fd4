/**
 * The partial-credit policy (docs/authoring.md, "Points") on real gradings: a correct forward with
 * a backward not yet written earns the forward's share (15–35% of the total) and a convention
 * swap earns nothing for its function; the whole points reach every consumer unchanged.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { gradeSubmission } from '../../grader/engine/grade.ts';
import type { GradeResult } from '../../grader/engine/result.ts';
import { toClassroomReport } from '../../grader/report/formats/classroom.ts';
import { toClassroom50Result, type Classroom50Context } from '../../grader/report/formats/classroom50.ts';
import { toJUnitXml } from '../../grader/report/formats/junit.ts';
import { renderTerminal } from '../../grader/report/terminal.ts';
import { FIXTURES_DIR, submissionWith, submissionWithSource } from '../../grader/verify/fixtures.ts';

const catalog = loadCatalog();
const CONTEXT: Classroom50Context = {
  classroom: 'curso-dl',
  assignment: 'tarea-05',
  assignment_type: 'individual',
  owner: 'ana',
  submission: 'submit/20260302T103000Z-a1b2c3d',
  commit: 'https://github.com/curso-dl/curso-dl-tarea-05-ana/commit/a1b2c3d',
  release: 'https://github.com/curso-dl/curso-dl-tarea-05-ana/releases/tag/submit%2F20260302T103000Z-a1b2c3d',
  review: 'https://github.com/curso-dl/curso-dl-tarea-05-ana/commit/a1b2c3d',
  datetime: '2026-03-02T09:58:12Z',
  graded_at: '2026-03-02T10:30:00Z',
};
const def = (id: string) => catalog.exercises.find((e) => e.id === id)!;

async function grade(id: string, dir: string): Promise<GradeResult> {
  return gradeSubmission({ submissionDir: dir, exercises: [id], audience: 'instructor', catalog, runs: 20 });
}

describe('partial credit on real gradings', () => {
  it('batch-norm: a correct forward with the backward not written earns 15–35% of 40, in whole points in every output', async () => {
    const bn = def('ch05-training/batch-norm');
    // the model solution with batchNormBackward replaced by the stub's body
    const source = readFileSync(bn.solutionPath, 'utf8').replace('export function batchNormBackward(', 'function solvedBackward(')
      + "\nexport function batchNormBackward(x: number[][], gamma: number[], dy: number[][], eps: number): BatchNormGrads {\n  throw new Error('Sin implementar: batchNormBackward');\n}\n";
    const sub = submissionWithSource(bn, source);
    try {
      const result = await grade(bn.id, sub.dir);
      const e = result.exercises[0]!;
      expect(e.maxScore).toBe(40);
      const passed = e.properties.filter((p) => p.status === 'pass').map((p) => p.name);
      expect(passed).toEqual(expect.arrayContaining(bn.forward!));
      expect(e.properties.filter((p) => p.function === 'batchNormBackward' && p.status === 'pass')).toEqual([]);
      expect(e.score).toBeGreaterThanOrEqual(0.15 * 40);
      expect(e.score).toBeLessThanOrEqual(0.35 * 40);
      expect(Number.isInteger(e.score)).toBe(true);
      // every consumer shows the same whole numbers
      expect(renderTerminal(result, { color: false })).toContain(`${e.score}/40`);
      const classroom = toClassroomReport(result);
      expect(classroom.max_score).toBe(40);
      expect(classroom.tests.reduce((s, t) => s + t.score, 0)).toBe(e.score);
      const c50 = toClassroom50Result(result, CONTEXT); // scale 1: whole points already
      expect(c50).toMatchObject({ score: e.score, 'max-score': 40 });
      for (const t of c50.tests) expect(Number.isInteger(t.score) && Number.isInteger(t['max-score'])).toBe(true);
      expect(toJUnitXml(result)).toContain(`<property name="score" value="${e.score}"/><property name="maxScore" value="40"/>`);
    } finally {
      sub.cleanup();
    }
  }, 120_000);

  it("lstm-cell: TensorFlow's gate order (a convention swap) earns 0 of 30; the same cell with the course's order earns 30", async () => {
    const lstm = def('ch12-lstm-gru/lstm-cell');
    const swapped = submissionWith(lstm, `${FIXTURES_DIR}/buggy/ch12-lstm-gru/lstm-cell/tensorflow-gate-order.ts`);
    const right = submissionWith(lstm, lstm.solutionPath);
    try {
      const [bad, good] = [(await grade(lstm.id, swapped.dir)).exercises[0]!, (await grade(lstm.id, right.dir)).exercises[0]!];
      expect(bad).toMatchObject({ score: 0, maxScore: 30 });
      expect(bad.properties.find((p) => p.name === 'gate-order')?.status).toBe('fail');
      expect(good).toMatchObject({ score: 30, maxScore: 30 });
    } finally {
      swapped.cleanup();
      right.cleanup();
    }
  }, 120_000);
});
