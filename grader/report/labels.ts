import { formatNumber } from '../compare/format.ts';
import type { GradeResult, Lang, NumericDiff } from '../engine/result.ts';

/** Fixed student-facing words of the reports, in both languages. */
type LabelKey =
  | 'seed' | 'runs' | 'backend' | 'sandbox'
  | 'mechanism_bubblewrap' | 'mechanism_unshare' | 'mechanism_process'
  | 'processes_isolated' | 'processes_not-isolated' | 'filesystem_isolated' | 'filesystem_not-isolated'
  | 'network_isolated' | 'network_not-isolated' | 'sockets_isolated' | 'sockets_not-isolated'
  | 'total' | 'points' | 'counterexample' | 'expected' | 'received' | 'firstDiff' | 'absError' | 'relError' | 'tolerance'
  | 'hint' | 'reproduce' | 'where' | 'output' | 'hidden' | 'title' | 'exercise' | 'status' | 'score' | 'failures' | 'allPassed'
  | 'status_pass' | 'status_fail' | 'status_error' | 'status_timeout' | 'status_skipped' | 'durationSuffix' | 'gradedIn'
  | 'notChecked' | 'valueDiffers' | 'nonFinite' | 'mutated' | 'mutatedAt' | 'mutatedShape' | 'call' | 'shape' | 'firstDiffAt' | 'theValue'
  | 'summary' | 'shortOf' | 'nextStep' | 'nextCheck' | 'nextAll' | 'moreDetail' | 'alsoFailing' | 'notCheckedCount' | 'inFunction'
  | 'passedCount' | 'details' | 'nextStart' | 'nextFix';

export type Labels = Record<LabelKey, string>;

const LABELS: Record<Lang, Labels> = {
  es: {
    seed: 'semilla',
    runs: 'casos por propiedad',
    backend: 'backend de referencia',
    sandbox: 'sandbox',
    mechanism_bubblewrap: 'bubblewrap',
    mechanism_unshare: 'unshare (sin bubblewrap)',
    mechanism_process: 'proceso aparte (sin bubblewrap ni unshare)',
    processes_isolated: 'procesos aislados',
    'processes_not-isolated': 'procesos SIN AISLAR',
    filesystem_isolated: 'ficheros aislados',
    'filesystem_not-isolated': 'ficheros SIN AISLAR',
    network_isolated: 'sin red',
    'network_not-isolated': 'red SIN AISLAR',
    sockets_isolated: 'sin sockets del sistema',
    'sockets_not-isolated': 'sockets del sistema SIN AISLAR',
    total: 'Total',
    points: 'pts',
    counterexample: 'Contraejemplo',
    expected: 'Esperado',
    received: 'Recibido',
    firstDiff: 'Primera diferencia',
    absError: 'error abs.',
    relError: 'error rel.',
    tolerance: 'tolerancia',
    hint: 'Pista',
    reproduce: 'Reproducir',
    where: 'Dónde',
    output: 'Salida de tu código',
    hidden: 'oculta',
    title: 'Informe de corrección',
    exercise: 'Ejercicio',
    status: 'Estado',
    score: 'Puntos',
    failures: 'Fallos',
    allPassed: '¡Todo correcto!',
    status_pass: 'correcto',
    status_fail: 'con fallos',
    status_error: 'error',
    status_timeout: 'tiempo agotado',
    status_skipped: 'no ejecutada',
    durationSuffix: 'ms',
    gradedIn: 'corregido en',
    notChecked: 'sin comprobar: primero tiene que pasar {names}',
    valueDiffers: 'tu resultado no coincide con el esperado',
    nonFinite: 'un NaN o Infinity nunca se acepta como aproximación de un número (¿división por cero, log(0), exp de un número grande?)',
    mutated: '{fn} modificó su argumento {name}{where}: valía {before} y al volver vale {after}. No cambies lo que recibes: trabaja sobre una copia o construye arrays nuevos.',
    mutatedAt: ' en {index}',
    mutatedShape: '{fn} modificó su argumento {name} (cambió su contenido o su forma). No cambies lo que recibes: trabaja sobre una copia o construye arrays nuevos.',
    call: 'Llamada',
    shape: 'forma',
    firstDiffAt: 'Primera diferencia en {index}',
    theValue: 'el valor',
    summary: 'Resumen',
    shortOf: 'Sin la nota completa',
    nextStep: 'Siguiente paso',
    nextCheck: 'arregla {property} y vuelve a ejecutar {command}',
    nextAll: 'todo correcto; sigue con el siguiente ejercicio del capítulo',
    moreDetail: 'todos los detalles: {command} --verbose',
    alsoFailing: 'también falla',
    notCheckedCount: '{n} sin comprobar hasta que pase lo anterior',
    inFunction: 'en {fn}',
    passedCount: '{passed} de {total} comprobaciones',
    details: 'Detalles',
    nextStart: 'implementa {fn} en {file} y ejecuta {command}',
    nextFix: 'corrige {file} y vuelve a ejecutar {command}',
  },
  en: {
    seed: 'seed',
    runs: 'cases per property',
    backend: 'reference backend',
    sandbox: 'sandbox',
    mechanism_bubblewrap: 'bubblewrap',
    mechanism_unshare: 'unshare (no bubblewrap)',
    mechanism_process: 'separate process (no bubblewrap, no unshare)',
    processes_isolated: 'processes isolated',
    'processes_not-isolated': 'processes NOT ISOLATED',
    filesystem_isolated: 'files isolated',
    'filesystem_not-isolated': 'files NOT ISOLATED',
    network_isolated: 'no network',
    'network_not-isolated': 'network NOT ISOLATED',
    sockets_isolated: 'no host sockets',
    'sockets_not-isolated': 'host sockets NOT ISOLATED',
    total: 'Total',
    points: 'pts',
    counterexample: 'Counterexample',
    expected: 'Expected',
    received: 'Received',
    firstDiff: 'First difference',
    absError: 'abs. error',
    relError: 'rel. error',
    tolerance: 'tolerance',
    hint: 'Hint',
    reproduce: 'Reproduce',
    where: 'Where',
    output: 'Output of your code',
    hidden: 'hidden',
    title: 'Grading report',
    exercise: 'Exercise',
    status: 'Status',
    score: 'Score',
    failures: 'Failures',
    allPassed: 'All correct!',
    status_pass: 'pass',
    status_fail: 'failing',
    status_error: 'error',
    status_timeout: 'timed out',
    status_skipped: 'not run',
    durationSuffix: 'ms',
    gradedIn: 'graded in',
    notChecked: 'not checked: {names} must pass first',
    valueDiffers: 'your result differs from the expected one',
    nonFinite: 'NaN or Infinity is never close to a number (division by zero, log(0), exp of a large number?)',
    mutated: '{fn} modified its argument {name}{where}: it held {before} and holds {after} after the call. Do not change what you receive: work on a copy or build new arrays.',
    mutatedAt: ' at {index}',
    mutatedShape: '{fn} modified its argument {name} (its contents or its shape changed). Do not change what you receive: work on a copy or build new arrays.',
    call: 'Call',
    shape: 'shape',
    firstDiffAt: 'First difference at {index}',
    theValue: 'the value',
    summary: 'Summary',
    shortOf: 'Short of full marks',
    nextStep: 'Next step',
    nextCheck: 'fix {property} and run {command} again',
    nextAll: 'all correct; go on with the chapter\'s next exercise',
    moreDetail: 'every detail: {command} --verbose',
    alsoFailing: 'also failing',
    notCheckedCount: '{n} not checked until the above passes',
    inFunction: 'in {fn}',
    passedCount: '{passed} of {total} checks',
    details: 'Details',
    nextStart: 'implement {fn} in {file} and run {command}',
    nextFix: 'fix {file} and run {command} again',
  },
};

export function labels(lang: Lang): Labels {
  return LABELS[lang];
}

/** Fills a label's `{name}` placeholders. A placeholder without a value stays visible (a test catches it). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

const WALLS = ['processes', 'filesystem', 'network', 'sockets'] as const;

/**
 * "bubblewrap (procesos aislados, ficheros aislados, sin red, sin sockets del sistema)": the mechanism and
 * each wall it gave, stated separately, so that a missing wall is never hidden behind a word.
 */
export function sandboxSummary(result: GradeResult, L: Labels): string {
  const { mechanism, walls } = result.sandbox;
  // a result file written before the walls were reported has none: every wall counts as missing
  const parts = WALLS.map((wall) => L[`${wall}_${walls?.[wall] === 'isolated' ? 'isolated' : 'not-isolated'}`]);
  const name = mechanism === 'bubblewrap' || mechanism === 'unshare' ? L[`mechanism_${mechanism}`] : L.mechanism_process;
  return `${name} (${parts.join(', ')})`;
}

/** The absolute and relative error and the tolerance of a numeric difference, as short phrases. */
export function diffNotes(diff: NumericDiff, L: Labels): string[] {
  return [
    diff.absError != null ? `${L.absError} ${formatNumber(diff.absError, 3)}` : '',
    diff.relError != null ? `${L.relError} ${formatNumber(diff.relError, 3)}` : '',
    diff.atol !== undefined ? `${L.tolerance} atol=${formatNumber(diff.atol, 3)}, rtol=${formatNumber(diff.rtol ?? 0, 3)}` : '',
  ].filter(Boolean);
}
