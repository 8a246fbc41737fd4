import { describe, expect, it } from 'vitest';
import { CATALOGS, langFromArgv } from '../../grader/i18n/index.ts';
import { deathText } from '../../grader/i18n/sandbox-text.ts';
import type { DeathDetail } from '../../grader/sandbox/student-process.ts';
import { translateCommanderError } from '../../grader/cli/commander-i18n.ts';
import { spanishLeaks } from './english-markers.ts';

/** Every leaf of a catalog, by dotted key: strings as they are, functions called with sample values. */
function render(node: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof node === 'string') out.set(prefix, node);
  else if (typeof node === 'function') {
    // ['2'] reads as a count (`${n}` is "2"), as a name and as a list (join): every parameter type
    const args = Array.from({ length: (node as (...a: unknown[]) => string).length }, () => ['2']);
    const text = (node as (...a: unknown[]) => unknown)(...args);
    out.set(prefix, String(text));
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) for (const [kk, vv] of render(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  }
  return out;
}

describe('the message catalog', () => {
  const es = render(CATALOGS.es);
  const en = render(CATALOGS.en);

  it('has the same keys in both languages, and every message renders to text', () => {
    expect([...en.keys()].sort()).toEqual([...es.keys()].sort());
    expect(es.size).toBeGreaterThan(250);
    for (const [key, text] of [...es, ...en]) {
      expect(text.trim(), key).not.toBe('');
      expect(text, key).not.toMatch(/\[object Object\]|\bNaN\b(?! o Infinity| or Infinity)/);
    }
  });

  it('says the English catalog in English and the Spanish one without English sentences', () => {
    const leaks = [...es].filter(([key]) => !key.startsWith('cli.titles') && !key.startsWith('cli.extra')).flatMap(([key, text]) => spanishLeaks(text).map((l) => `${key}: ${l}`));
    expect(leaks).toEqual([]);
    // the detector itself catches English
    expect(spanishLeaks('conv2d: the call took more than 2000 ms')).not.toEqual([]);
    expect(spanishLeaks('Not implemented: conv2d')).not.toEqual([]);
    expect(spanishLeaks('la llamada tardó más de 2000 ms')).toEqual([]);
    // a real difference: most messages are not the same text in both languages
    const same = [...es].filter(([key, text]) => en.get(key) === text).length;
    expect(same / es.size).toBeLessThan(0.2);
  });

  it('plurals and points without parentheses', () => {
    expect(CATALOGS.es.report.pointsOf(1)).toBe('1 pt');
    expect(CATALOGS.es.report.pointsOf(2)).toBe('2 pts');
    expect(CATALOGS.es.report.typeErrors(1)).toBe('1 error de tipos');
    expect(CATALOGS.es.cli.watch.watching(3, 'exercises')).toContain('3 ejercicios');
    for (const text of [...es.values(), ...en.values()]) expect(text).not.toMatch(/\w\((s|es)\)/);
  });
});

describe('the language of a command line', () => {
  it('--lang wins, then DLGRADE_LANG, then Spanish', () => {
    expect(langFromArgv(['check'], {})).toBe('es');
    expect(langFromArgv(['check'], { DLGRADE_LANG: 'en' })).toBe('en');
    expect(langFromArgv(['check', '--lang', 'es'], { DLGRADE_LANG: 'en' })).toBe('es');
    expect(langFromArgv(['check', '--lang=en'], {})).toBe('en');
    expect(langFromArgv(['check', '--lang', 'fr'], { DLGRADE_LANG: 'de' })).toBe('es');
    expect(langFromArgv(['check', '--', '--lang', 'en'], {})).toBe('es');
  });
});

describe('texts from other tools, said again in Spanish', () => {
  it("commander's errors", () => {
    const m = CATALOGS.es.cli;
    expect(translateCommanderError("error: unknown option '--watchx'\n(Did you mean --watch?)\n", m)).toBe("error: opción desconocida '--watchx'\n(¿quisiste decir --watch?)\n");
    expect(translateCommanderError("error: missing required argument 'dir'\n", m)).toBe("error: falta el argumento obligatorio 'dir'\n");
    expect(translateCommanderError("error: required option '--out <dir>' not specified\n", m)).toBe("error: falta la opción obligatoria '--out <dir>'\n");
    expect(translateCommanderError("error: option '--lang <lang>' argument 'fr' is invalid. Allowed choices are es, en.\n", m)).toBe("error: el valor 'fr' de la opción '--lang <lang>' no es válido. Valores posibles: es, en.\n");
  });

  it("the sandbox's reasons, carried as codes, including «la llamada tardó más de 2000 ms»", () => {
    expect(deathText({ code: 'call-time', fn: 'conv2d', ms: 2000 }, 'es')).toBe('conv2d: la llamada tardó más de 2000 ms');
    expect(deathText({ code: 'call-time', fn: 'conv2d', ms: 2000 }, 'en')).toBe('conv2d: the call took more than 2000 ms');
    expect(deathText({ code: 'load-time', ms: 10000 }, 'es')).toBe('cargar el módulo tardó más de 10000 ms');
    expect(deathText({ code: 'exited', exitCode: '3' }, 'es')).toBe('el proceso terminó con código 3 en lugar de responder');
    expect(deathText({ code: 'out-of-memory', mib: 512 }, 'es')).toBe('el proceso se quedó sin memoria (límite 512 MiB)');
    // every code, in both languages: text, and no English in the Spanish one
    const all: Record<DeathDetail['code'], DeathDetail> = {
      'call-time': { code: 'call-time', fn: 'f', ms: 5 },
      budget: { code: 'budget', fn: 'f' },
      'load-time': { code: 'load-time', ms: 5 },
      'start-failed': { code: 'start-failed', detail: '«spawn EACCES»' },
      'ended-while-loading': { code: 'ended-while-loading' },
      'too-large': { code: 'too-large', mib: 16 },
      protocol: { code: 'protocol' },
      malformed: { code: 'malformed' },
      'used-memory': { code: 'used-memory', mib: 416 },
      'out-of-memory': { code: 'out-of-memory', mib: 256 },
      killed: { code: 'killed', signal: 'SIGKILL' },
      exited: { code: 'exited', exitCode: '1' },
      'load-failed': { code: 'load-failed', error: '«Error: boom»' },
    };
    for (const detail of Object.values(all)) {
      const es = deathText(detail, 'es');
      const en = deathText(detail, 'en');
      expect(es, detail.code).not.toBe(en);
      expect(spanishLeaks(es), detail.code).toEqual([]);
    }
  });
});
