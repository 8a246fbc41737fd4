/** The type checker's findings, explained for someone new to TypeScript. */
export const typecheck = {
  heading: 'Errores de tipos (TypeScript)',
  /** wraps what tsc said, with its code */
  tscSays: (code: number, text: string): string => `TypeScript dice (TS${code}): «${text}»`,
  signatureMismatch: (fn: string, signature: string): string => `El tipo de ${fn} no coincide con la firma del enunciado: ${signature}`,
  referenceRefused: (what: string): string => `no se permite «/// <reference ${what}>»: un ejercicio es un único archivo; quita esa línea.`,
  importRefused: (path: string): string => `no se permite importar "${path}": un ejercicio es un único archivo autocontenido.`,
  checkerFailed: (detail: string): string => `no se pudieron comprobar los tipos (fallo del corrector, no tuyo): ${detail}`,
  /** the check was stopped by its own limit (CPU time, wall clock, memory): not the student's fault, not charged */
  checkStopped: (kind: 'cpu' | 'wall' | 'memory', seconds: number): string =>
    `la comprobación de tipos se detuvo: ${kind === 'memory' ? 'usaba demasiada memoria' : kind === 'cpu' ? `llevaba ${seconds} s de CPU` : `llevaba ${seconds} s`} sin terminar (tipos demasiado complejos para TypeScript, p. ej. tipos recursivos). No cuenta en la nota; el resto se corrigió como siempre. Simplifica esos tipos para ver los errores de tipos.`,
  /** a beginner's explanation of the commonest diagnostics, by TS code */
  explain: {
    2322: 'Le das a una variable, o devuelves, un valor de un tipo distinto del declarado. Revisa el tipo de retorno de la función y el de la variable.',
    2345: 'Pasas a una función un argumento de un tipo distinto del que espera (por ejemplo un string donde va un number).',
    2532: 'El valor puede ser undefined (p. ej. un elemento de un array que quizá no existe). Compruébalo antes de usarlo o usa un valor por defecto con ??.',
    18048: 'El valor puede ser undefined (p. ej. un parámetro opcional o un elemento de un array). Compruébalo antes de usarlo o usa un valor por defecto con ??.',
    2339: 'Usas una propiedad que ese tipo no tiene: revisa el nombre o el tipo del objeto.',
    2741: 'Al objeto le falta una propiedad obligatoria del tipo que se espera.',
    2554: 'Llamas a la función con un número de argumentos distinto del que declara.',
    2355: 'La función declara un tipo de retorno pero algún camino no devuelve nada: añade el return que falta.',
    7006: 'Un parámetro no tiene tipo: escríbelo (copia la firma del enunciado).',
    2304: 'Usas un nombre que no está declarado: ¿una errata, o falta declarar la variable?',
    2365: 'Operas con valores de tipos incompatibles (por ejemplo sumar un número y un array).',
  } as Record<number, string>,
};
export type TypecheckMessages = typeof typecheck;
