import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatTreeMemory, processTreeOf, watchTreeMemory } from './tree-memory.ts';

// a process that holds `mb` MiB resident (every page written), starts itself as its own child
// holding `innerMb` (when not 0), and ends after `ms`
const HOLDER = `
const [mb, ms, innerMb] = process.argv.slice(2).map(Number);
const held = Buffer.alloc(mb * 1048576, 1);
if (innerMb > 0) require('node:child_process').spawn(process.execPath, [__filename, String(innerMb), String(ms), '0'], { stdio: 'ignore' });
setTimeout(() => { held.fill(2); process.exit(0); }, ms);
`;
const dir = mkdtempSync(join(tmpdir(), 'dlgrade-tree-memory-'));
const script = join(dir, 'holder.cjs');
writeFileSync(script, HOLDER);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const holder = (mb: number, innerMb: number, ms: number) => spawn(process.execPath, [script, String(mb), String(ms), String(innerMb)], { stdio: 'ignore' });
const exited = (child: ReturnType<typeof spawn>): Promise<void> => new Promise((resolve) => child.once('exit', () => resolve()));

describe.skipIf(!existsSync('/proc/self/task'))('peak memory of a process tree (the bench)', () => {
  it('finds the grandchildren and reports the largest process and the whole tree at once', async () => {
    const child = holder(96, 48, 1500);
    const watch = watchTreeMemory(child.pid!, { everyMs: 20 });
    // the grandchild is in the tree while both live
    await new Promise((r) => setTimeout(r, 800));
    expect(processTreeOf(child.pid!).length).toBe(2);
    let peak: ReturnType<typeof watch.stop> | undefined;
    child.once('exit', () => (peak = watch.stop()));
    await exited(child);
    expect(peak).toBeDefined();
    expect(peak!.processes).toBe(2);
    // node's own ~40 MB on top of what each holds
    expect(peak!.largestMb).toBeGreaterThanOrEqual(96);
    expect(peak!.largestMb).toBeLessThan(96 + 48);
    expect(peak!.treeMb).toBeGreaterThanOrEqual(96 + 48);
    expect(formatTreeMemory(peak)).toMatch(/^\d+ MB largest process, \d+ MB whole tree at once \(2 processes seen\)$/);
  });

  it('leaves out the root when asked (the bench running the regrade in its own process)', async () => {
    const child = holder(32, 0, 800);
    const watch = watchTreeMemory(process.pid, { everyMs: 20, excludeRoot: true });
    await exited(child);
    const peak = watch.stop();
    // only the child counts, never this process
    expect(peak).toBeDefined();
    expect(peak!.processes).toBe(1);
    expect(peak!.largestMb).toBeGreaterThanOrEqual(32);
  });

  it('says it cannot tell when the root is not there', () => {
    expect(watchTreeMemory(2 ** 22 + 12_345).stop()).toBeUndefined();
    expect(formatTreeMemory({ largestMb: 40.2, treeMb: 40.2, processes: 1 })).toBe('40 MB largest process, 40 MB whole tree at once (1 process seen)');
    expect(formatTreeMemory(undefined)).toMatch(/^—/);
  });
});
