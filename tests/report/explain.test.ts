/**
 * The explanation (the derivation a hint must not give) reaches only the instructor audience or a
 * student who asks with --explain; the hint is shown either way.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../grader/catalog/load.ts';
import { gradeSubmission } from '../../grader/engine/grade.ts';
import { renderMarkdown } from '../../grader/report/markdown.ts';
import { renderTerminal } from '../../grader/report/terminal.ts';
import { FIXTURES_DIR, submissionWith } from '../tools/fixtures.ts';

const catalog = loadCatalog();
const def = catalog.exercises.find((e) => e.id === 'ch28-interpretability/grad-cam')!;
const meta = def.properties.find((p) => p.name === 'gap-dense-grad')!;

describe('explanations', () => {
  it('are hidden from students by default and shown with --explain or to instructors, in the report language', async () => {
    expect(meta.explanation).toBeDefined();
    // gapDenseGrad forgets the 1/(H·W) of the average: gap-dense-grad fails
    const sub = submissionWith(def, join(FIXTURES_DIR, 'buggy', 'ch28-interpretability', 'grad-cam', 'gap-grad-no-mean.ts'));
    try {
      const grade = (extra: Partial<Parameters<typeof gradeSubmission>[0]>) =>
        gradeSubmission({ submissionDir: sub.dir, catalog, exercises: [def.id], runs: 10, typecheck: false, ...extra });
      const failing = async (extra: Partial<Parameters<typeof gradeSubmission>[0]>) => {
        const result = await grade(extra);
        const p = result.exercises[0]!.properties.find((q) => q.name === meta.name)!;
        expect(p.status).toBe('fail');
        return { result, p };
      };

      const plain = await failing({});
      expect(plain.p.hint).toBe(meta.hint.es);
      expect(plain.p.explanation).toBeUndefined();
      expect(renderTerminal(plain.result, { color: false })).not.toContain('Explicación:');
      expect(renderMarkdown(plain.result)).not.toContain('Explicación');
      // the properties that pass never carry one
      expect(plain.result.exercises[0]!.properties.filter((q) => q.explanation !== undefined)).toEqual([]);

      const asked = await failing({ explain: true });
      expect(asked.p.hint).toBe(meta.hint.es);
      expect(asked.p.explanation).toBe(meta.explanation!.es);
      expect(renderTerminal(asked.result, { color: false })).toContain(`Explicación: ${meta.explanation!.es}`);
      expect(renderMarkdown(asked.result)).toContain('**Explicación:**');

      const instructor = await failing({ audience: 'instructor', lang: 'en' });
      expect(instructor.p.hint).toBe(meta.hint.en);
      expect(instructor.p.explanation).toBe(meta.explanation!.en);
      expect(renderTerminal(instructor.result, { color: false })).toContain(`Explanation: ${meta.explanation!.en}`);
    } finally {
      sub.cleanup();
    }
  }, 180_000);
});
