import type { Lang } from '../engine/result.ts';
import { author as authorEn } from './en/author.ts';
import { catalogIssues as catalogIssuesEn } from './en/catalog-issues.ts';
import { classReport as classReportEn } from './en/class-report.ts';
import { collect as collectEn } from './en/collect.ts';
import { github as githubEn } from './en/github.ts';
import { provision as provisionEn } from './en/provision.ts';
import { regrade as regradeEn } from './en/regrade.ts';
import { cli as cliEn } from './en/cli.ts';
import { engine as engineEn } from './en/engine.ts';
import { errors as errorsEn } from './en/errors.ts';
import { gradebook as gradebookEn } from './en/gradebook.ts';
import { instructor as instructorEn } from './en/instructor.ts';
import { publish as publishEn } from './en/publish.ts';
import { report as reportEn } from './en/report.ts';
import { typecheck as typecheckEn } from './en/typecheck.ts';
import { verify as verifyEn } from './en/verify.ts';
import { author } from './es/author.ts';
import { catalogIssues } from './es/catalog-issues.ts';
import { classReport } from './es/class-report.ts';
import { collect } from './es/collect.ts';
import { github } from './es/github.ts';
import { provision } from './es/provision.ts';
import { regrade } from './es/regrade.ts';
import { cli } from './es/cli.ts';
import { engine } from './es/engine.ts';
import { errors } from './es/errors.ts';
import { gradebook } from './es/gradebook.ts';
import { instructor } from './es/instructor.ts';
import { publish } from './es/publish.ts';
import { report } from './es/report.ts';
import { typecheck } from './es/typecheck.ts';
import { verify } from './es/verify.ts';

/**
 * Every sentence a student or instructor reads, one catalog per language, one typed area per part
 * of the product. Spanish (es/) defines the keys; each English area is typed against it, so a
 * missing key does not compile, and tests/i18n renders every message of both.
 */
const es = { report, publish, engine, cli, gradebook, classReport, instructor, regrade, provision, collect, github, errors, typecheck, author, catalogIssues, verify };
export type Catalog = typeof es;
const en: Catalog = {
  report: reportEn,
  publish: publishEn,
  engine: engineEn,
  cli: cliEn,
  gradebook: gradebookEn,
  classReport: classReportEn,
  instructor: instructorEn,
  regrade: regradeEn,
  provision: provisionEn,
  collect: collectEn,
  github: githubEn,
  errors: errorsEn,
  typecheck: typecheckEn,
  author: authorEn,
  catalogIssues: catalogIssuesEn,
  verify: verifyEn,
};

export const CATALOGS: Readonly<Record<Lang, Catalog>> = { es, en };

export function t(lang: Lang): Catalog {
  return CATALOGS[lang];
}

/**
 * The language of this process: set once by the CLI (--lang, DLGRADE_LANG) before anything runs;
 * a library used on its own reads DLGRADE_LANG, else Spanish. Errors the grader raises deep inside
 * a command (DlgradeError) are worded in it; code that has a `lang` option passes that instead.
 */
let current: Lang | undefined;

export function setLang(lang: Lang): void {
  current = lang;
}

export function currentLang(): Lang {
  if (current !== undefined) return current;
  const fromEnv = process.env['DLGRADE_LANG'];
  return isLang(fromEnv) ? fromEnv : 'es';
}

/** The catalog in this process's language (see currentLang). */
export function text(): Catalog {
  return CATALOGS[currentLang()];
}

/** The same message in both languages, for values that carry both (spec `Text`). */
export function both(pick: (c: Catalog) => string): { es: string; en: string } {
  return { es: pick(es), en: pick(en) };
}

export function isLang(value: unknown): value is Lang {
  return value === 'es' || value === 'en';
}

/**
 * The language of a command line: `--lang en` / `--lang=en` wins, then DLGRADE_LANG, then Spanish.
 * Read before commander parses anything, so its own help and errors are in that language too.
 */
export function langFromArgv(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--lang' && isLang(argv[i + 1])) return argv[i + 1] as Lang;
    if (arg.startsWith('--lang=') && isLang(arg.slice(7))) return arg.slice(7) as Lang;
  }
  const fromEnv = env['DLGRADE_LANG'];
  return isLang(fromEnv) ? fromEnv : 'es';
}
