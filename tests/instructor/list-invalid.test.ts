/** `dlgrade list` never hides a broken exercise: it is listed in its chapter with its file and field. */
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../grader/cli/main.ts';
import { INSTALL_ROOT } from '../../grader/paths.ts';

const CH = 'ch01-intro-ml';
let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dlgrade-list-'));
  cpSync(join(INSTALL_ROOT, 'exercises', CH, 'chapter.yaml'), join(root, 'exercises', CH, 'chapter.yaml'));
  for (const name of ['confusion-matrix', 'roc-auc']) {
    cpSync(join(INSTALL_ROOT, 'exercises', CH, name), join(root, 'exercises', CH, name), { recursive: true });
    cpSync(join(INSTALL_ROOT, 'solutions', CH, name), join(root, 'solutions', CH, name), { recursive: true });
    cpSync(join(INSTALL_ROOT, 'reference', CH, `${name}.ts`), join(root, 'reference', CH, `${name}.ts`));
  }
  symlinkSync(join(INSTALL_ROOT, 'grader'), join(root, 'grader'));
  symlinkSync(join(INSTALL_ROOT, 'node_modules'), join(root, 'node_modules'));
  writeFileSync(join(root, 'package.json'), '{ "type": "module", "private": true }\n');
  // roc-auc: runs is not a number → the exercise cannot be loaded
  const yaml = join(root, 'exercises', CH, 'roc-auc', 'exercise.yaml');
  writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/^runs: \d+$/m, 'runs: many'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('dlgrade list with an invalid exercise', () => {
  it('lists it in its chapter, naming the file and the field', async () => {
    let out = '';
    const so = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
    try {
      expect(await main(['node', 'dlgrade', 'list', '--root', root])).toBe(0);
    } finally {
      so.mockRestore();
    }
    const lines = out.split('\n');
    const at = lines.findIndex((l) => l.includes(`${CH}/roc-auc`));
    expect(at, out).toBeGreaterThan(0);
    expect(lines[at]).toContain('✘ no válido: fuera del catálogo hasta que se corrija');
    expect(lines[at + 1]).toMatch(/exercises\/ch01-intro-ml\/roc-auc\/exercise\.yaml \[.*runs.*\]/);
    expect(lines.some((l) => l.includes(`${CH}/confusion-matrix`) && l.includes('pts'))).toBe(true);
  });
});
