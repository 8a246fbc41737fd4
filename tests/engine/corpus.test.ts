/**
 * Generated from the catalog, so no exercise can skip it: for every exercise, the solution earns
 * full marks (hidden properties included), the stub earns 0 without crashing the grader, every
 * correct variant earns full marks, every buggy fixture is caught by the property it names, and
 * both statements exist.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { gradeSubmission } from '../../grader/engine/grade.ts';
import { SOLUTIONS_DIR } from '../../grader/paths.ts';
import { buggyFixtures, stubSubmission, submissionWith, variantFixtures } from '../tools/fixtures.ts';

const catalog = loadCatalog();
const MIN_BUGS = 3;

describe.each(catalog.exercises.map((def) => [def.id, def] as const))('%s', (_id, def) => {
  const grade = async (dir: string) => {
    const result = await gradeSubmission({ submissionDir: dir, exercises: [def.id], audience: 'instructor', catalog });
    return result.exercises[0]!;
  };

  it('has statements in Spanish and English and a solution', () => {
    for (const path of [def.statementPaths.es, def.statementPaths.en, def.solutionPath]) {
      expect(existsSync(path), path).toBe(true);
    }
    expect(readFileSync(def.statementPaths.es, 'utf8')).toMatch(/^#/);
    expect(readFileSync(def.statementPaths.en, 'utf8')).toMatch(/^#/);
  });

  it('the solution earns full marks', async () => {
    const r = await grade(SOLUTIONS_DIR);
    const failing = r.properties.filter((p) => p.status !== 'pass').map((p) => `${p.name}: ${p.message}`);
    expect(failing).toEqual([]);
    expect(r.score).toBe(r.maxScore);
    expect(r.status).toBe('pass');
  });

  it('the stub earns 0 and every property says it is not implemented, or that it waits for one that is not', async () => {
    const stub = stubSubmission([def]);
    try {
      const r = await grade(stub.dir);
      expect(r.score).toBe(0);
      expect(r.status).toBe('fail');
      expect(r.properties.some((p) => p.status === 'fail')).toBe(true);
      for (const p of r.properties) {
        if (p.status === 'skipped') {
          // not checked: its prerequisites (exercise.yaml `requires`) did not pass
          expect(p.blockedBy?.length, p.name).toBeGreaterThan(0);
          for (const b of p.blockedBy!) expect(r.properties.find((q) => q.name === b)?.status, `${p.name} waits for ${b}`).not.toBe('pass');
          expect(p.message, p.name).toMatch(/sin comprobar: primero tiene que pasar/);
          continue;
        }
        expect(p.status, p.name).toBe('fail');
        expect(p.message, p.name).toMatch(/no está implementada|not implemented/i);
      }
    } finally {
      stub.cleanup();
    }
  });

  const variants = variantFixtures(def);
  it.each(variants.map((v) => [v.name, v] as const))('correct variant %s earns full marks', async (_name, variant) => {
    const sub = submissionWith(def, variant.path);
    try {
      const r = await grade(sub.dir);
      expect(r.properties.filter((p) => p.status !== 'pass').map((p) => `${p.name}: ${p.message}`)).toEqual([]);
    } finally {
      sub.cleanup();
    }
  });

  const bugs = buggyFixtures(def);
  it(`has at least ${MIN_BUGS} buggy fixtures and a correct variant`, () => {
    expect(bugs.length).toBeGreaterThanOrEqual(MIN_BUGS);
    expect(variants.length).toBeGreaterThanOrEqual(1);
    for (const bug of bugs) expect(bug.expectFail.length, `${bug.name} needs an "// expect-fail:" first line`).toBeGreaterThan(0);
  });

  it.each(bugs.map((b) => [b.name, b] as const))('buggy fixture %s is caught by the property it names', async (_name, bug) => {
    const sub = submissionWith(def, bug.path);
    try {
      const r = await grade(sub.dir);
      expect(r.score).toBeLessThan(r.maxScore);
      const failed = r.properties.filter((p) => p.status === 'fail' || p.status === 'error' || p.status === 'timeout').map((p) => p.name);
      expect(failed.length, `${bug.name} fails at least one property`).toBeGreaterThan(0);
      // a property that waits for a failing prerequisite (exercise.yaml `requires`) reports
      // «not checked»: the bug is diagnosed by the more fundamental property it names
      const blocked = (name: string): boolean => {
        const p = r.properties.find((q) => q.name === name);
        return p?.status === 'skipped' && (p.blockedBy ?? []).some((b) => failed.includes(b) || blocked(b));
      };
      for (const name of bug.expectFail) expect(failed.includes(name) || blocked(name), `${bug.name} should fail ${name} (or the property it requires)`).toBe(true);
      const secondary = new Set(def.properties.filter((p) => p.secondary).map((p) => p.name));
      for (const p of r.properties.filter((p) => p.status === 'fail')) {
        expect(p.message, `${p.name} explains the failure`).toBeTruthy();
        expect(p.hint, `${p.name} gives a hint`).toBeTruthy();
        // a secondary property held back because no primary one passes has nothing to replay
        const gated = secondary.has(p.name) && p.counterexample === undefined;
        if (!gated) expect(p.command, `${p.name} says how to reproduce`).toMatch(/^npx dlgrade check /);
      }
    } finally {
      sub.cleanup();
    }
  });
});
