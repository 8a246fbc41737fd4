/**
 * Under GitHub Actions no line of the grader's own output that carries student text can run a
 * workflow command. The runner's rule (actions/runner ActionCommand.TryParseV2 / TryParse): a line
 * (cut at CR, LF or CRLF) is a command when, after leading white space, it starts with `::`, or
 * when it holds `##[` anywhere.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { breakWorkflowCommands } from '../../grader/cli/output.ts';
import { INSTALL_ROOT } from '../../grader/paths.ts';

/** The lines the Actions runner would run as workflow commands. */
function runnerCommands(log: string): string[] {
  return log.split(/\r\n|\r|\n/).filter((line) => /^\s*::/u.test(line.replace(/^[\s\u00a0\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+/u, '')) || line.includes('##['));
}

const ATTACKS = ['::error ::x', '::add-mask::secret', '::stop-commands::tok', '##[warning]legacy', '   ::error::spaces', '\t::warning::tab', 'a\r::notice::cr', '\u00a0::error::nbsp', 'x ##[error]inside', ':::::', '###[x]'];

describe('breakWorkflowCommands', () => {
  it.each(ATTACKS)('%j no longer runs', (attack) => {
    expect(runnerCommands(attack).length).toBeGreaterThan(0); // the model sees the attack
    expect(runnerCommands(breakWorkflowCommands(attack))).toEqual([]);
  });

  it('keeps ordinary text as it reads (only a zero-width space is added)', () => {
    expect(breakWorkflowCommands('1:2 # [a] ok')).toBe('1:2 # [a] ok');
    expect(breakWorkflowCommands('a::b').replace(/\u200B/g, '')).toBe('a::b');
  });
});

describe('dlgrade grade and check on GitHub Actions', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'dlgrade-wfcmd-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const dir = join(tmp, 'exercises', 'ch15-losses', 'dice-loss');
  mkdirSync(dir, { recursive: true });
  cpSync(join(INSTALL_ROOT, 'tests/fixtures/hostile/class/workflow-commands.ts'), join(dir, 'dice-loss.ts'));

  it.each([
    ['grade', ['grade', join(tmp, 'exercises'), '--runs', '3', '--verbose']],
    ['check', ['check', 'ch15-losses/dice-loss', '--runs', '3', '--dir', join(tmp, 'exercises')]],
  ])('%s prints the student text, and no line of it is a workflow command', (_name, args) => {
    const run = (env: NodeJS.ProcessEnv) => spawnSync(process.execPath, ['bin/dlgrade.js', ...args], { cwd: INSTALL_ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
    const actions = run({ GITHUB_ACTIONS: 'true' });
    const log = actions.stdout + actions.stderr;
    expect(log).toMatch(/forged annotation/); // the student's text is there, shown
    expect(runnerCommands(log)).toEqual([]);
    // without Actions the text is left as the student wrote it (the test would see the attack)
    const plain = run({ GITHUB_ACTIONS: '' });
    expect(runnerCommands(plain.stdout + plain.stderr).length).toBeGreaterThan(0);
  });
});
