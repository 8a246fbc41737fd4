/** What provision, collect, regrade and verify print for the instructor. */
export const instructor = {
  provision: {
    headingApply: 'dlgrade provision (--apply):',
    headingDryRun: 'dlgrade provision (simulación: nada se ha creado; usa --apply para ejecutar):',
    state: { created: 'creado', existed: 'ya existía', planned: 'se creará', failed: 'falló' } as Record<string, string>,
    total: (n: number, created: number, existed: number, planned: number, failed: number): string =>
      `Total: ${n} estudiantes · ${created} creados · ${existed} ya existían · ${planned} por crear · ${failed} con errores`,
  },
  collect: {
    late: (count: number, last: string): string => ` · ${count === 1 ? '1 push tarde' : `${count} pushes tarde`}, el último ${last}`,
    noSubmission: 'sin entrega antes del plazo',
    error: (errors: string): string => `error: ${errors}`,
    total: (n: number, collected: number, none: number, failed: number): string => `Total: ${n} · ${collected} recogidos · ${none} sin entrega · ${failed} con errores`,
  },
  rosterRowSkipped: 'fila omitida',
  regradeInterrupted: 'regrade interrumpido: los resultados ya escritos se conservan; vuelve a ejecutar el mismo comando para continuar.',
  verifySummary: (backend: string, ok: number, total: number, failing: readonly string[]): string =>
    `verify (${backend} + cpu): ${ok} de ${total} ${total === 1 ? 'ejercicio correcto' : 'ejercicios correctos'}${failing.length > 0 ? `; fallan: ${failing.join(', ')}` : ''}`,
};
export type InstructorMessages = typeof instructor;
