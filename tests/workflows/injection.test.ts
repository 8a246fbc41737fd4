import { describe, expect, it } from 'vitest';
import { renderWorkflow } from '../../grader/workflows/render.ts';
import { REGRADE_CONTEXT_SCHEDULED, STUDENT_CONTEXT } from './contexts.ts';
import { allSteps, parseYaml } from './validate.ts';

const RENDERED = {
  student: renderWorkflow('student', STUDENT_CONTEXT),
  regrade: renderWorkflow('regrade', REGRADE_CONTEXT_SCHEDULED),
  ci: renderWorkflow('ci', {}),
};

describe.each(Object.entries(RENDERED))('%s workflow: script injection', (_name, text) => {
  it('no run script contains a GitHub expression: values reach the shell through env only', () => {
    for (const step of allSteps(parseYaml(text))) {
      if (step.run !== undefined) expect(step.run).not.toContain('${{');
    }
  });

  it('every expression is one the template wrote, from an allow-list of contexts', () => {
    const expressions = text.match(/\$\{\{[^}]*\}\}/g) ?? [];
    for (const e of expressions) {
      expect(e).toMatch(/^\$\{\{ (?:github\.(?:workflow|ref|token)|runner\.temp|job\.check_run_id|matrix\.\w+|inputs\.\w+|steps\.plan\.outputs\.\w+|steps\.publish\.outputs\.result|!cancelled\(\)|needs\.plan\.outputs\.\w+|fromJSON\(needs\.plan\.outputs\.shards\)|secrets\.DLGRADE_TOKEN) \}\}$/);
    }
  });

  it('never triggers on pull_request_target or workflow_run (events that run with write tokens on untrusted refs)', () => {
    expect(text).not.toMatch(/pull_request_target|workflow_run/);
  });
});
