import { formatNumber } from '../compare/format.ts';
import type { GradeResult, Lang, NumericDiff } from '../engine/result.ts';

/** Fixed student-facing words of the reports, in both languages. */
type LabelKey =
  | 'seed' | 'runs' | 'backend' | 'sandbox' | 'separateProcess' | 'networkIsolated' | 'networkOpen' | 'fsRestricted' | 'fsOpen'
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
    separateProcess: 'proceso aparte',
    networkIsolated: 'sin red',
    networkOpen: 'con red (este sistema no permite aislarla)',
    fsRestricted: 'solo lectura de su carpeta',
    fsOpen: 'sistema de ficheros sin restringir',
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
    separateProcess: 'separate process',
    networkIsolated: 'no network',
    networkOpen: 'network reachable (this system cannot isolate it)',
    fsRestricted: 'read-only access to its folder',
    fsOpen: 'file system unrestricted',
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

/** "separate process, no network, read-only access to its folder": what the sandbox guaranteed. */
export function sandboxSummary(result: GradeResult, L: Labels): string {
  return [
    L.separateProcess,
    result.sandbox.network === 'isolated' ? L.networkIsolated : L.networkOpen,
    result.sandbox.filesystem === 'permission-model' ? L.fsRestricted : L.fsOpen,
  ].join(', ');
}

/** The absolute and relative error and the tolerance of a numeric difference, as short phrases. */
export function diffNotes(diff: NumericDiff, L: Labels): string[] {
  return [
    diff.absError != null ? `${L.absError} ${formatNumber(diff.absError, 3)}` : '',
    diff.relError != null ? `${L.relError} ${formatNumber(diff.relError, 3)}` : '',
    diff.atol !== undefined ? `${L.tolerance} atol=${formatNumber(diff.atol, 3)}, rtol=${formatNumber(diff.rtol ?? 0, 3)}` : '',
  ].filter(Boolean);
}
