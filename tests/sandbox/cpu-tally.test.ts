/**
 * tallyStudentCpu (for benchmarks in the grader's process): each student process tree's CPU time,
 * read just before it is ended, added to the tally while one is set, and nothing once it is unset.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, StudentProcess, tallyStudentCpu } from '../../grader/sandbox/student-process.ts';

// busy until this process has used `ms` more of CPU time (not of wall time: a loaded machine gives it less of a core)
const MODULE = `export function spin(ms) { const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; }; const end = cpu() + ms; let x = 0; while (cpu() < end) x++; return x > 0; }`;

async function started(): Promise<StudentProcess> {
  const s = await StudentProcess.start({ moduleCode: MODULE, limits: { ...DEFAULT_LIMITS, budgetMs: 60_000 } });
  if (s.kind !== 'ready') throw new Error(`could not start: ${JSON.stringify(s)}`);
  return s.process;
}

describe('tallyStudentCpu', () => {
  it('adds the CPU a process used (its start and its calls) when it is ended, only while a tally is set', async () => {
    const tally = { ms: 0 };
    tallyStudentCpu(tally);
    try {
      const proc = await started();
      await proc.call('spin', [200]);
      expect(tally.ms).toBe(0); // read when the process is ended, not before
      await proc.dispose();
      // a 200 ms busy call, and Node's start in the sandbox, in 10 ms ticks
      expect(tally.ms).toBeGreaterThanOrEqual(200);
    } finally {
      tallyStudentCpu(undefined);
    }
    const after = tally.ms;
    const other = await started();
    await other.call('spin', [50]);
    await other.dispose();
    expect(tally.ms).toBe(after);
  });
});
