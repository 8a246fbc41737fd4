/** What regrade and verify print for the instructor (provision, collect and regrade's errors have their own areas). */
export const instructor = {
  regradeInterrupted: 'regrade interrumpido: los resultados ya escritos se conservan; vuelve a ejecutar el mismo comando para continuar.',
  verifySummary: (backend: string, ok: number, total: number, failing: readonly string[]): string =>
    `verify (${backend} + cpu): ${ok} de ${total} ${total === 1 ? 'ejercicio correcto' : 'ejercicios correctos'}${failing.length > 0 ? `; fallan: ${failing.join(', ')}` : ''}`,
  regradeSummary: (total: number, graded: number, skipped: number, noSubmission: number, errors: number): string =>
    `regrade: ${total === 1 ? '1 estudiante' : `${total} estudiantes`}: ${graded === 1 ? '1 corregido' : `${graded} corregidos`}, ${skipped === 1 ? '1 omitido (ya corregido)' : `${skipped} omitidos (ya corregidos)`}, ${noSubmission} sin entrega, ${errors} con error\n`,
  regradeNoSubmission: (users: readonly string[]): string => `sin entrega (nada que corregir: ni error ni un 0): ${users.join(', ')}\n`,
  regradeTampered: (users: readonly string[]): string => `archivos protegidos alterados: ${users.join(', ')}\n`,
  regradeGraderErrors: (users: readonly string[]): string => `errores del corrector (no son de los estudiantes; se reintentan al volver a ejecutar): ${users.join(', ')}\n`,
  regradeWeakSandbox: (mechanism: string, missing: readonly string[]): string =>
    `AVISO: corregido con un sandbox incompleto (${mechanism}; faltan: ${missing.join(', ')}), anotado en cada resultado\n`,
  regradeStudentError: (user: string, errors: readonly string[]): string => `error ${user}: ${errors.join('; ')}\n`,
  mutationSummary: (survivors: number): string =>
    survivors === 0
      ? 'verify --mutation: ningún mutante sobrevive fuera de equivalentMutants'
      : `verify --mutation: ${survivors === 1 ? 'sobrevive 1 mutante' : `sobreviven ${survivors} mutantes`}: refuerza las propiedades, o registra en equivalentMutants de exercise.yaml el que sea equivalente, con su motivo`,
};
export type InstructorMessages = typeof instructor;
