import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DlgradeError } from '../../grader/errors.ts';
import { PINNED_ACTIONS, formatPin } from '../../grader/workflows/actions.ts';
import {
  WORKFLOW_TEMPLATES_DIR,
  WORKFLOW_TEMPLATE_FILES,
  renderWorkflow,
  yamlQuote,
  type WorkflowContexts,
} from '../../grader/workflows/render.ts';
import { HOSTILE_STRINGS, REGRADE_CONTEXT, STUDENT_CONTEXT, STUDENT_CONTEXT_NPM } from './contexts.ts';

function configError(run: () => unknown, field: string): void {
  let thrown: unknown;
  try {
    run();
  } catch (error: unknown) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(DlgradeError);
  expect((thrown as DlgradeError).code).toBe('E_CONFIG');
  expect((thrown as DlgradeError).message).toContain(field);
  expect((thrown as DlgradeError).fix).toBeTruthy();
}

describe('templates', () => {
  it('has one template per workflow, and no other', () => {
    expect(readdirSync(WORKFLOW_TEMPLATES_DIR).sort()).toEqual(Object.values(WORKFLOW_TEMPLATE_FILES).sort());
  });

  it.each(Object.values(WORKFLOW_TEMPLATE_FILES))('%s interpolates only through {{yaml}} and {{pin}}', (file) => {
    const source = readFileSync(join(WORKFLOW_TEMPLATES_DIR, file), 'utf8');
    // GitHub expressions are escaped as $\{{ … }}; every other mustache must be a helper or a block.
    const mustaches = source.replace(/\\\{\{[^}]*\}\}/g, '').match(/\{\{[^}]*\}\}/g) ?? [];
    expect(mustaches.length).toBeGreaterThan(0);
    for (const m of mustaches) {
      expect(m).toMatch(/^\{\{(?:yaml [\w.]+|pin actions\.\w+|#if \w+|#each \w+|else|\/if|\/each)\}\}$/);
    }
    expect(source).not.toContain('{{{');
  });

  it('renders the same text for the same context', () => {
    expect(renderWorkflow('student', STUDENT_CONTEXT)).toBe(renderWorkflow('student', structuredClone(STUDENT_CONTEXT)));
  });
});

describe('yamlQuote', () => {
  it('round-trips any string without "${{" through a YAML parser', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        fc.pre(!s.includes('${{'));
        const parsed = parse(`key: ${yamlQuote(s)}\nnext: 1\n`) as { key: string; next: number };
        expect(parsed).toEqual({ key: s, next: 1 });
      }),
      { numRuns: 300 },
    );
  });

  it.each(HOSTILE_STRINGS.filter((s) => !s.includes('${{')))('keeps %j on one line, as one value', (s) => {
    const quoted = yamlQuote(s);
    expect(quoted).not.toMatch(/[\n\r\u2028\u2029]/);
    expect((parse(`k: ${quoted}`) as { k: string }).k).toBe(s);
  });

  it('refuses values that GitHub would evaluate as an expression', () => {
    expect(() => yamlQuote('${{ secrets.X }}')).toThrow(DlgradeError);
    expect(() => yamlQuote('a ${{github.token}}')).toThrow(/expression/);
  });

  it('refuses non-scalars', () => {
    expect(() => yamlQuote({ toString: () => 'x' })).toThrow(DlgradeError);
    expect(() => yamlQuote(Number.NaN)).toThrow(DlgradeError);
  });
});

describe('action pins', () => {
  it('are full 40-hex SHAs with a version tag, at the releases that run on Node 24', () => {
    for (const pin of Object.values(PINNED_ACTIONS)) {
      expect(formatPin(pin)).toMatch(/^[a-z-]+\/[a-z-]+@[0-9a-f]{40} # v[0-9]+(?:\.[0-9]+\.[0-9]+)?$/);
    }
    const { classroomReporter, ...official } = PINNED_ACTIONS;
    for (const pin of Object.values(official)) {
      expect(pin.repo).toMatch(/^actions\//);
      expect(pin.runtime).toBe('node24');
      expect(pin.version).toMatch(/^v[0-9]+\.[0-9]+\.[0-9]+$/);
    }
    // the reporter's only release is `v1` (node20; GitHub runs it on Node 24)
    expect(classroomReporter).toEqual({ repo: 'classroom-resources/autograding-grading-reporter', sha: 'd13b5912daf5042ac1b71bc38bdb4a6bcd61d8ca', version: 'v1', runtime: 'node20' });
  });

  it('refuses a tag or a short SHA', () => {
    expect(() => formatPin({ repo: 'actions/checkout', sha: 'v4', version: 'v4.0.0' })).toThrow(DlgradeError);
    expect(() => formatPin({ repo: 'actions/checkout', sha: '34e1148', version: 'v4.3.1' })).toThrow(DlgradeError);
  });
});

describe('context validation', () => {
  it.each(HOSTILE_STRINGS)('refuses the exercise id %j', (id) => {
    configError(() => renderWorkflow('student', { ...STUDENT_CONTEXT, exerciseIds: ['ch01-tensores/suma', id] }), 'exerciseIds[1]');
  });

  it.each([...HOSTILE_STRINGS, 'ES', 'fr', 'es\n'])('refuses the lang %j', (lang) => {
    configError(() => renderWorkflow('student', { ...STUDENT_CONTEXT, lang } as unknown as WorkflowContexts['student']), 'lang');
  });

  it.each([...HOSTILE_STRINGS, 'main', 'A'.repeat(40), 'abc123'])('refuses the starter SHA %j', (starterSha) => {
    configError(() => renderWorkflow('student', { ...STUDENT_CONTEXT, starterSha }), 'starterSha');
  });

  it.each([
    ...HOSTILE_STRINGS,
    'github:course-org/dlgrade#main',
    'github:course-org/dlgrade',
    'dlgrade',
    'dlgrade@latest',
    'dlgrade@^1.2.0',
    'dlgrade@1.2.0 evil@1.0.0',
    'file:../dlgrade',
    'https://example.com/dlgrade.tgz',
    'github:course-org/dlgrade#0123456789abcdef0123456789abcdef01234567\n',
  ])('refuses the grader package %j (unpinned or not a package spec)', (graderPackage) => {
    configError(() => renderWorkflow('student', { ...STUDENT_CONTEXT, graderPackage }), 'graderPackage');
  });

  it('accepts a package pinned by commit or by exact version', () => {
    expect(() => renderWorkflow('student', STUDENT_CONTEXT)).not.toThrow();
    expect(() => renderWorkflow('student', STUDENT_CONTEXT_NPM)).not.toThrow();
    expect(() => renderWorkflow('student', { ...STUDENT_CONTEXT, graderPackage: 'dlgrade@2.0.1' })).not.toThrow();
  });

  it('refuses empty, duplicated or missing exercise lists', () => {
    configError(() => renderWorkflow('student', { ...STUDENT_CONTEXT, exerciseIds: [] }), 'exerciseIds');
    configError(() => renderWorkflow('student', { ...STUDENT_CONTEXT, exerciseIds: ['ch01-a/b', 'ch01-a/b'] }), 'exerciseIds');
    const { exerciseIds: _dropped, ...rest } = STUDENT_CONTEXT;
    configError(() => renderWorkflow('student', rest as WorkflowContexts['student']), 'exerciseIds');
  });

  it('refuses unknown keys, so a typo is not silently ignored', () => {
    configError(
      () => renderWorkflow('student', { ...STUDENT_CONTEXT, starterSHA: 'x' } as unknown as WorkflowContexts['student']),
      'starterSHA',
    );
  });

  it.each([0, -1, 257, 1.5, Number.NaN, '4'])('refuses %j shards', (defaultShards) => {
    configError(
      () => renderWorkflow('regrade', { ...REGRADE_CONTEXT, defaultShards } as unknown as WorkflowContexts['regrade']),
      'defaultShards',
    );
  });

  it.each([...HOSTILE_STRINGS, '/etc/passwd', '../roster.csv', 'a/../../b.csv', 'roster .csv'])('refuses the roster path %j', (roster) => {
    configError(() => renderWorkflow('regrade', { ...REGRADE_CONTEXT, roster }), 'roster');
  });

  it.each(['@daily', '0 6 * *', '0 6 * * 1\n  workflow_run:', '${{ x }} * * * *'])('refuses the schedule %j', (schedule) => {
    configError(() => renderWorkflow('regrade', { ...REGRADE_CONTEXT, schedule }), 'schedule');
  });

  it.each([18, 20, 21, 22.5, '24'])('refuses the Node version %j (Node 20 is past its end of life)', (nodeVersion) => {
    configError(() => renderWorkflow('student', { ...STUDENT_CONTEXT, nodeVersion } as unknown as WorkflowContexts['student']), 'nodeVersion');
    configError(() => renderWorkflow('regrade', { ...REGRADE_CONTEXT, nodeVersion } as unknown as WorkflowContexts['regrade']), 'nodeVersion');
  });

  it.each(['yes', 1, null])('refuses classroomReporter %j', (classroomReporter) => {
    configError(() => renderWorkflow('student', { ...STUDENT_CONTEXT, classroomReporter } as unknown as WorkflowContexts['student']), 'classroomReporter');
  });

  it.each([[[]], [[22, '24']], [[16]], [[20]], ['22']])('refuses the CI Node versions %j', (nodeVersions) => {
    configError(() => renderWorkflow('ci', { nodeVersions } as unknown as WorkflowContexts['ci']), 'nodeVersions');
  });

  it('refuses an unknown workflow name', () => {
    expect(() => renderWorkflow('deploy' as 'ci', {})).toThrow(/unknown workflow "deploy"/);
  });
});
