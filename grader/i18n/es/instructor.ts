/** What regrade and verify print for the instructor (provision and collect have theirs in grader/provision/messages.ts and grader/collect/messages.ts). */
export const instructor = {
  regradeInterrupted: 'regrade interrumpido: los resultados ya escritos se conservan; vuelve a ejecutar el mismo comando para continuar.',
  verifySummary: (backend: string, ok: number, total: number, failing: readonly string[]): string =>
    `verify (${backend} + cpu): ${ok} de ${total} ${total === 1 ? 'ejercicio correcto' : 'ejercicios correctos'}${failing.length > 0 ? `; fallan: ${failing.join(', ')}` : ''}`,
  mutationSummary: (survivors: number): string =>
    survivors === 0
      ? 'verify --mutation: ningún mutante sobrevive fuera de equivalentMutants'
      : `verify --mutation: ${survivors === 1 ? 'sobrevive 1 mutante' : `sobreviven ${survivors} mutantes`}: refuerza las propiedades, o registra en equivalentMutants de exercise.yaml el que sea equivalente, con su motivo`,
};
export type InstructorMessages = typeof instructor;
