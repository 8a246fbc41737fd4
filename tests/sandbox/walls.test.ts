/**
 * The walls of the sandbox are reported one by one: missingWalls names exactly those that do not
 * hold, and both reports print every wall, in Spanish and in English.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GradeResult, SandboxInfo } from '../../grader/engine/result.ts';
import { renderMarkdown } from '../../grader/report/markdown.ts';
import { renderTerminal } from '../../grader/report/terminal.ts';
import { missingWalls } from '../../grader/sandbox/isolation.ts';
import { FIXTURES_DIR } from '../tools/fixtures.ts';

const all = { processes: 'isolated', filesystem: 'isolated', network: 'isolated', sockets: 'isolated' } as const;

describe('missingWalls', () => {
  it('is empty when every wall holds', () => {
    expect(missingWalls({ process: 'separate', mechanism: 'bubblewrap', walls: { ...all } })).toEqual([]);
  });

  it('names each missing wall, in a fixed order', () => {
    const info: SandboxInfo = { process: 'separate', mechanism: 'unshare', walls: { ...all, sockets: 'not-isolated', filesystem: 'not-isolated' } };
    expect(missingWalls(info)).toEqual(['filesystem', 'sockets']);
    expect(missingWalls({ process: 'separate', mechanism: 'process', walls: { processes: 'not-isolated', filesystem: 'not-isolated', network: 'not-isolated', sockets: 'not-isolated' } })).toEqual([
      'processes',
      'filesystem',
      'network',
      'sockets',
    ]);
  });

  it('a result written before the walls were reported misses them all', () => {
    const legacy = { process: 'separate', network: 'isolated', filesystem: 'permission-model' } as unknown as SandboxInfo;
    expect(missingWalls(legacy)).toEqual(['processes', 'filesystem', 'network', 'sockets']);
  });
});

describe('the reports print every wall', () => {
  const base = JSON.parse(readFileSync(join(FIXTURES_DIR, 'results', 'mixed.json'), 'utf8')) as GradeResult;
  const weak: GradeResult = { ...base, sandbox: { process: 'separate', mechanism: 'unshare', walls: { ...all, filesystem: 'not-isolated', sockets: 'not-isolated' } } };

  it('in Spanish', () => {
    const text = renderTerminal(weak, { color: false });
    expect(text).toContain('unshare');
    expect(text).toContain('procesos aislados');
    expect(text).toContain('ficheros SIN AISLAR');
    expect(text).toContain('sin red');
    expect(text).toContain('sockets del sistema SIN AISLAR');
    const md = renderMarkdown(weak);
    expect(md).toContain('ficheros SIN AISLAR');
    expect(md).toContain('procesos aislados');
  });

  it('in English', () => {
    const en: GradeResult = { ...weak, lang: 'en' };
    const text = renderTerminal(en, { color: false });
    expect(text).toContain('processes isolated');
    expect(text).toContain('files NOT ISOLATED');
    expect(text).toContain('host sockets NOT ISOLATED');
    expect(renderMarkdown({ ...base, lang: 'en' })).toMatch(/bubblewrap \(processes isolated, files isolated, no network, no host sockets\)/);
  });
});
