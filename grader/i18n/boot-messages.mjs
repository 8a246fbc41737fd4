// What the boot scripts (plain JavaScript, run before TypeScript loads: `npm install`'s
// precompile step) say, in both languages: the one place their sentences live. Spanish unless
// DLGRADE_LANG=en (or --lang en on their command line).

const es = {
  precompiled: (r, where) => `dlgrade precompile: ${r.compiled} compilados, ${r.fresh} ya al día, ${r.removed} obsoletos borrados${r.unstored ? `, ${r.unstored} no se pudieron escribir` : ''} (${where})`,
  precompileSkipped: (why) => `dlgrade precompile: omitido (${why}); el TypeScript se transpilará la primera vez que se use`,
  treeBuilt: (t, where) => (t.modules > 0 ? `dlgrade precompile: árbol de módulos ${t.id} construido (${t.modules} módulos, ${where})` : `dlgrade precompile: árbol de módulos ${t.id} ya al día (${where})`),
  treeSkipped: (why) => `dlgrade precompile: árbol de módulos no construido (${why}); el grader cargará el TypeScript con los hooks de módulos`,
  cachesWarmed: (names) => `dlgrade precompile: cachés preparadas (${names.map((n) => ({ catalog: 'catálogo', runner: 'runner del sandbox' })[n] ?? n).join(', ')})`,
  warmSkipped: (why) => `dlgrade precompile: cachés no preparadas (${why}); la primera ejecución las llenará`,
};

const en = {
  precompiled: (r, where) => `dlgrade precompile: ${r.compiled} compiled, ${r.fresh} already fresh, ${r.removed} stale removed${r.unstored ? `, ${r.unstored} could not be written` : ''} (${where})`,
  precompileSkipped: (why) => `dlgrade precompile: skipped (${why}); TypeScript will be transpiled on first use`,
  treeBuilt: (t, where) => (t.modules > 0 ? `dlgrade precompile: module tree ${t.id} built (${t.modules} modules, ${where})` : `dlgrade precompile: module tree ${t.id} already fresh (${where})`),
  treeSkipped: (why) => `dlgrade precompile: module tree not built (${why}); the grader will load its TypeScript through module hooks`,
  cachesWarmed: (names) => `dlgrade precompile: caches prepared (${names.map((n) => ({ catalog: 'catalog', runner: 'sandbox runner' })[n] ?? n).join(', ')})`,
  warmSkipped: (why) => `dlgrade precompile: caches not prepared (${why}); the first run will fill them`,
};

export function bootMessages(argv = process.argv, env = process.env) {
  const i = argv.indexOf('--lang');
  const lang = i >= 0 ? argv[i + 1] : env.DLGRADE_LANG;
  return lang === 'en' ? en : es;
}
