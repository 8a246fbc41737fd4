import type { Lang } from '../engine/result.ts';

/** Every word `dlgrade collect` shows an instructor, in both languages (one place per module). */
interface CollectWords {
  late: (count: number, last: string) => string;
  noPush: (branch: string) => string;
  onlyProvisioning: string;
  error: string;
  total: (all: number, collected: number, none: number, failed: number) => string;
  rosterSkipped: string;
  starting: (n: number, deadline: string) => string;
}

const WORDS: Record<Lang, CollectWords> = {
  es: {
    late: (n, last) => `${n} push(es) tarde, el último ${last}`,
    noPush: (branch) => `sin entrega (ningún push a ${branch} antes del plazo)`,
    onlyProvisioning: 'sin entrega (solo los commits de la preparación de la tarea)',
    error: 'error',
    total: (all, c, none, f) => `Total: ${all} · ${c} recogidos · ${none} sin entrega · ${f} con errores`,
    rosterSkipped: 'fila omitida',
    starting: (n, d) => `dlgrade collect: ${n} repositorio(s), plazo ${d}`,
  },
  en: {
    late: (n, last) => `${n} late push(es), the last at ${last}`,
    noPush: (branch) => `no submission (no push to ${branch} before the deadline)`,
    onlyProvisioning: 'no submission (only the commits that set up the assignment)',
    error: 'error',
    total: (all, c, none, f) => `Total: ${all} · ${c} collected · ${none} without a submission · ${f} failed`,
    rosterSkipped: 'row skipped',
    starting: (n, d) => `dlgrade collect: ${n} repositor(y/ies), deadline ${d}`,
  },
};

export function collectWords(lang: Lang): CollectWords {
  return WORDS[lang];
}
