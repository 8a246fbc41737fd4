/**
 * `npm run demo`: the local rehearsal of the instructor flow runs to the end against the test
 * GitHub server and prints every step and the gradebook, with «sin entrega» for the student who
 * never pushed.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../grader/cli/main.ts';
import { runDemo, type DemoResult } from '../tools/demo.ts';

const dir = mkdtempSync(join(tmpdir(), 'dlgrade-demo-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run demo', () => {
  it('runs assign → provision → push → collect → regrade → gradebook locally and prints the gradebook', async () => {
    const printed: string[] = [];
    let out = '';
    const so = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
    const se = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
    let result: DemoResult;
    try {
      result = await runDemo({ dir, runs: 10, print: (line) => printed.push(line) });
    } finally {
      so.mockRestore();
      se.mockRestore();
    }
    expect(result.violations).toEqual([]);
    const text = printed.join('\n');
    for (const command of ['$ dlgrade assign', '$ dlgrade provision', '$ dlgrade collect', '$ dlgrade regrade', '$ dlgrade gradebook merge']) expect(text).toContain(command);
    expect(text).toMatch(/▶ 6\/6 gradebook/);
    // each command's own output went to stdout, student by student
    expect(out).toMatch(/\[\d\/3\] ✔ ana → curso-demo\/tarea-dice-ana: creado/);
    expect(out).toMatch(/\[\d\/3\] · marta curso-demo\/tarea-dice-marta: sin entrega \(solo los commits de la preparación de la tarea\)/);
    const row = Object.fromEntries(result.gradebook.students.map((s) => [s.username, s]));
    expect(row['ana']).toMatchObject({ status: 'graded', percentage: 100 });
    expect(row['luis']!.status).toBe('graded');
    expect(row['luis']!.total).toBeLessThan(row['luis']!.max);
    expect(row['marta']).toMatchObject({ status: 'no-submission', errors: [] });
    expect(text).toMatch(/^marta\s+—\s+—\s+sin entrega$/m);
    expect(text).toMatch(/^ana\s+\d+\/\d+\s+100\s+corregido$/m);
    expect(readFileSync(result.files.html, 'utf8')).toContain('marta');
    expect(existsSync(result.files.csv)).toBe(true);
  }, 300_000);

  it('is a dlgrade command', async () => {
    let out = '';
    const so = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
    try {
      await main(['node', 'dlgrade', 'demo', '--help']);
    } finally {
      so.mockRestore();
    }
    // Spanish by default, like every command's help
    expect(out).toMatch(/ensaya en local assign → provision → push → collect → regrade →\s+gradebook/);
  });
});
