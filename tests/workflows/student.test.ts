import { describe, expect, it } from 'vitest';
import { PINNED_ACTIONS } from '../../grader/workflows/actions.ts';
import { PUBLISHER_DIR } from '../../grader/workflows/publisher.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKFLOW_TARGETS, WORKFLOW_TEMPLATES_DIR, renderWorkflow } from '../../grader/workflows/render.ts';
import { STUDENT_CONTEXT, STUDENT_CONTEXT_NO_CLASSROOM, STUDENT_CONTEXT_NPM } from './contexts.ts';
import {
  PINNED_LINE,
  PINNED_USES,
  actionlintFindings,
  actionlintRaw,
  allSteps,
  githubParserErrors,
  job,
  mixedJobs,
  parseYaml,
  strings,
  usesLines,
} from './validate.ts';

const PATH = WORKFLOW_TARGETS.student;

describe.each([
  ['a commit-pinned grader, Spanish', STUDENT_CONTEXT],
  ['a version-pinned grader, English, Node 22', STUDENT_CONTEXT_NPM],
  ['no Classroom reporter', STUDENT_CONTEXT_NO_CLASSROOM],
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
    expect(uses.length).toBe(context.classroomReporter === false ? 6 : 7);
    for (const u of uses) expect(u).toMatch(PINNED_USES);
    const pins = Object.values(PINNED_ACTIONS).map((p) => `${p.repo}@${p.sha} # ${p.version}`);
    const lines = usesLines(text);
    expect(lines).toHaveLength(uses.length);
    for (const line of lines) {
      expect(line).toMatch(PINNED_LINE);
      expect(pins).toContain(line.replace(/^\s*(?:-\s+)?uses:\s*/, ''));
    }
  });

  it('no job both runs student code and holds a secret or a write token', () => {
    expect(mixedJobs(wf, 'student-repo')).toEqual([]);
  });

  it('sets up Node 22 or newer (24 by default) without a dependency cache', () => {
    const nodes = allSteps(wf).filter((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(nodes).toHaveLength(2);
    for (const node of nodes) {
      expect(node.with?.['node-version']).toBe(String(context.nodeVersion ?? 24));
      expect(node.with?.['package-manager-cache']).toBe(false);
      expect(node.with).not.toHaveProperty('cache');
    }
  });

  it('grades every exercise, installs without scripts and uploads the result unless cancelled', () => {
    const steps = grade.steps;
    expect(steps.map((s) => s.run).filter(Boolean)).toContain('npm ci --ignore-scripts');
    const gradeStep = steps.find((s) => s.run?.includes('dlgrade grade'));
    expect(gradeStep?.run).toContain('npx dlgrade grade exercises "${args[@]}" --json dlgrade-result.json --lang "$DLGRADE_LANG"');
    expect(gradeStep?.env).toEqual({ DLGRADE_EXERCISES: context.exerciseIds.join(' '), DLGRADE_LANG: context.lang });
    // the grader exits 0 whenever grading ran: a failure is a broken grader, and must show
    expect(gradeStep?.['continue-on-error']).toBeUndefined();
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.if).toBe('${{ !cancelled() }}');
    expect(upload?.with).toMatchObject({ name: 'dlgrade-result', path: 'dlgrade-result.json' });
    expect(upload?.with?.['retention-days']).toBe(context.retentionDays ?? 7);
  });

  it('installs bubblewrap and lifts the AppArmor restriction before grading, failing loudly', () => {
    const names = grade.steps.map((s) => s.name);
    const bwrap = grade.steps.find((s) => s.run?.includes('apt-get install'));
    const sysctl = grade.steps.find((s) => s.run?.includes('sysctl'));
    expect(bwrap?.run).toContain('sudo apt-get install -y bubblewrap');
    expect(sysctl?.run).toContain('sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0');
    for (const step of [bwrap, sysctl]) {
      expect(step?.run).not.toMatch(/\|\|\s*true|;\s*true|\|\| :/);
      expect(step?.['continue-on-error']).toBeUndefined();
      expect(names.indexOf(step?.name)).toBeLessThan(names.indexOf('Grade'));
    }
    // the default shell is `bash -eo pipefail`: a failing command fails the step
    expect(text).toMatch(/defaults:\n {2}run:\n {4}shell: bash\n/);
  });

  it('the report job runs only when this run was not cancelled, and never runs student code', () => {
    expect(report.needs).toBe('grade');
    expect(report.if).toBe('${{ !cancelled() }}');
    expect(text).not.toMatch(/always\(\)/);
    for (const step of report.steps) {
      expect(step.run ?? '').not.toMatch(/npm (?:test|run|start|install)|dlgrade grade|npx /);
    }
    const download = report.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'));
    // this run's own artifact: no run-id, repository or token input
    expect(download?.with).toEqual({ name: 'dlgrade-result', path: '${{ runner.temp }}/dlgrade-result' });
  });

  it("the report job checks out only the publisher's lockfile, at the starter commit", () => {
    const checkouts = report.steps.filter((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkouts).toHaveLength(1);
    expect(checkouts[0]?.with).toEqual({
      ref: context.starterSha,
      path: 'dlgrade-publisher',
      'persist-credentials': false,
      'sparse-checkout-cone-mode': false,
      'sparse-checkout': `/${PUBLISHER_DIR}/package.json\n/${PUBLISHER_DIR}/package-lock.json\n`,
    });
  });

  it('the report job installs the publisher with npm ci from that lockfile', () => {
    const install = report.steps.find((s) => s.name === 'Install the publisher');
    expect(install?.run).toBe('npm ci --ignore-scripts --no-audit --no-fund');
    expect(install?.['working-directory']).toBe(`dlgrade-publisher/${PUBLISHER_DIR}`);
    expect(install?.env).toBeUndefined();
    expect(text).not.toMatch(/npm install/);
  });

  it('the report job publishes with the token, the starter SHA and the check run id', () => {
    const publish = report.steps.find((s) => s.run?.includes(' publish'));
    expect(publish?.id).toBe('publish');
    expect(publish?.env).toEqual({
      GITHUB_TOKEN: '${{ github.token }}',
      DLGRADE_STARTER_SHA: context.starterSha,
      DLGRADE_CHECK_RUN_ID: '${{ job.check_run_id }}',
    });
    expect(publish?.run).toMatch(new RegExp(`^dlgrade-publisher/${PUBLISHER_DIR.replace('.', '\\.')}/node_modules/\\.bin/dlgrade publish \\\\\n\\s+--result "\\$RUNNER_TEMP/dlgrade-result/dlgrade-result\\.json" \\\\`));
    expect(publish?.run).toContain('--starter-sha "$DLGRADE_STARTER_SHA"');
    expect(publish?.run).toContain('--check-run-id "$DLGRADE_CHECK_RUN_ID"');
    // only the publish step holds the token
    const withToken = allSteps(wf).filter((s) => JSON.stringify(s).includes('github.token'));
    expect(withToken).toEqual([publish]);
  });

  it('passes the publish step\'s `result` output to the Classroom reporter, unless turned off', () => {
    const reporter = report.steps.find((s) => s.uses?.startsWith('classroom-resources/autograding-grading-reporter@'));
    if (context.classroomReporter === false) {
      expect(reporter).toBeUndefined();
      return;
    }
    expect(reporter?.uses).toBe(`classroom-resources/autograding-grading-reporter@${PINNED_ACTIONS.classroomReporter.sha}`);
    expect(reporter?.if).toBe("steps.publish.outcome == 'success'");
    // the reporter reads `${RUNNER}_RESULTS` for each runner id (src/main.js at v1)
    expect(reporter?.with).toEqual({ runners: 'dlgrade', token: '' });
    expect(reporter?.env).toEqual({ DLGRADE_RESULTS: '${{ steps.publish.outputs.result }}' });
    const names = report.steps.map((s) => s.name);
    expect(names.indexOf(reporter?.name)).toBe(names.indexOf('Publish feedback') + 1);
  });

  it('explains in the YAML why the jobs are split', () => {
    expect(text).toMatch(/# Why two jobs:/);
  });
});

describe('the trust-boundary check', () => {
  it('finds a job that runs student code with a write token or a secret', () => {
    const text = renderWorkflow('student', STUDENT_CONTEXT);
    const withWrite = parseYaml(text.replace('    permissions:\n      contents: read\n    steps:', '    permissions:\n      contents: read\n      pull-requests: write\n    steps:'));
    expect(mixedJobs(withWrite, 'student-repo')).toEqual([expect.stringMatching(/^grade: .*pull-requests: write/)]);
    const withSecret = parseYaml(text.replace('DLGRADE_LANG: "es"', 'DLGRADE_LANG: "es"\n          LEAK: ${{ secrets.X }}'));
    expect(mixedJobs(withSecret, 'student-repo')).toEqual([expect.stringMatching(/^grade: .*references a secret/)]);
    const noPermissions = parseYaml(text.replace('    permissions:\n      contents: read\n    steps:', '    steps:'));
    expect(mixedJobs(noPermissions, 'student-repo')).toEqual([expect.stringMatching(/^grade: .*default token/)]);
  });

  it("names the literal publisher folder the template uses", () => {
    const template = readFileSync(join(WORKFLOW_TEMPLATES_DIR, 'student.yml.hbs'), 'utf8');
    expect(template.match(/\.dlgrade\/publisher/g)?.length).toBeGreaterThanOrEqual(3);
    expect(PUBLISHER_DIR).toBe('.dlgrade/publisher');
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
