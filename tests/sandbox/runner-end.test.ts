/**
 * The runner (the program inside the student's process) when the grader closes the channel: it
 * exits at once, saying nothing. Its channel's write path is pinned read-only before the student's
 * code exists (runner.ts `pin`); Node's own end-of-stream handler used to assign socket.write at
 * that moment, which threw "Cannot assign to read only property 'write'" into the student's
 * captured output. Run outside any sandbox here: only the runner's own behaviour is tested.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runnerSource } from '../../grader/sandbox/runner-bundle.ts';

const dir = mkdtempSync(join(tmpdir(), 'dlgrade-runner-end-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'runner.mjs'), runnerSource());
writeFileSync(join(dir, 'student.mjs'), 'export const f = (x) => x + 1;\n');

/** starts the runner, answers one call, then ends the channel from the grader's side as `after` says; resolves with its exit and everything it printed */
function run(after: (channel: Duplex) => void): Promise<{ code: number | null; signal: string | null; output: string; answers: string[] }> {
  const child = spawn(process.execPath, [join(dir, 'runner.mjs'), pathToFileURL(join(dir, 'student.mjs')).href], { stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (output += b.toString()));
  const channel = child.stdio[3] as Duplex;
  const answers: string[] = [];
  let buffered = '';
  channel.setEncoding('utf8');
  channel.on('data', (chunk: string) => {
    buffered += chunk;
    for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      answers.push(line);
      if (answers.length === 1) channel.write(JSON.stringify({ id: 1, fn: 'f', args: [41] }) + '\n');
      if (answers.length === 2) after(channel);
    }
  });
  channel.on('error', () => undefined);
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, output, answers })));
}

describe('the runner when the grader closes the channel', () => {
  it('exits 0 and prints nothing when the grader ends its side', async () => {
    const r = await run((channel) => channel.end());
    expect(JSON.parse(r.answers[1]!)).toMatchObject({ id: 1, ok: true, value: 42 });
    expect(r.output).toBe('');
    expect(r).toMatchObject({ code: 0, signal: null });
  });

  it('exits 0 and prints nothing when the channel is destroyed', async () => {
    const r = await run((channel) => channel.destroy());
    expect(r.output).toBe('');
    expect(r).toMatchObject({ code: 0, signal: null });
  });
});
