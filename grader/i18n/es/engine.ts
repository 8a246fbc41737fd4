/** What the engine says about one exercise or one property (the result's `message` fields). */
export const engine = {
  notSubmitted: (file: string): string => `No se entregó: no existe ${file}.`,
  compileFailed: (detail: string): string => `No se pudo compilar: ${detail}`,
  /** esbuild's own text, wrapped: where, what esbuild said, the line */
  syntaxError: (where: string, text: string): string => `${where}: hay un error de sintaxis que impide leer el archivo. esbuild dice: «${text}»`,
  importRefused: (where: string, path: string): string => `${where}: no se permite importar "${path}": un ejercicio es un único archivo autocontenido (sin bibliotecas ni otros archivos). Quita el import.`,
  moduleLoadFailed: (detail: string): string => `El módulo falló al cargarse: ${detail}`,
  notRunTimedOut: 'no se ejecutó: el ejercicio agotó su tiempo',
  timedOut: (detail: string): string => `Tiempo agotado: ${detail}. El ejercicio puntúa 0.`,
  missingExports: (file: string, names: readonly string[]): string => `Faltan exportaciones en ${file}: ${names.join(', ')}`,
  exhausted: (detail: string): string => `No se pudo comprobar: tu código terminó su proceso demasiadas veces (${detail}).`,
  worst: (count: number, total: number, index: string, absError: string): string =>
    ` (${count} de ${total} valores fuera de tolerancia; el peor en ${index || 'el valor'}, error absoluto ${absError})`,
  /** a hidden property of an exercise graded from the npm package, which ships only the public spec */
  hiddenUnavailable: 'no disponible en esta instalación: las propiedades ocultas no se distribuyen con el paquete npm (solo el corrector del profesorado las tiene).',
  graderError: (detail: string): string => `Error interno del corrector (no es culpa tuya; avisa al profesorado): ${detail}`,
  notScoredYet: 'Todavía no puntúa: esta comprobación solo cuenta cuando alguna de las principales (las que comparan tu resultado) ya es correcta.',
  /** how a student's call went wrong */
  call: {
    missingExport: (file: string, fn: string): string => `${file} no exporta la función ${fn}: escribe «export function ${fn}(…)».`,
    promise: (fn: string): string => `${fn} devolvió una Promise: la función debe ser síncrona (sin async ni await).`,
    nonError: (fn: string, name: string, message: string): string => `${fn} lanzó un valor que no es un Error (${name}: ${message}). Lanza siempre new Error("…").`,
    unserializable: (fn: string, message: string): string => `${fn} devolvió un valor que no se puede leer: ${message}`,
    notImplemented: (fn: string, message: string): string => `${fn} todavía no está implementada (${message}).`,
    threw: (fn: string, name: string, message: string): string => `${fn} lanzó ${name}: ${message}`,
    died: (fn: string, what: string, detail: string): string => `${fn} ${what}: ${detail}.`,
    death: {
      timeout: 'no terminó a tiempo (¿un bucle infinito?)',
      'out-of-memory': 'se quedó sin memoria',
      crash: 'terminó el proceso sin responder (¿process.exit?)',
      'output-too-large': 'devolvió un valor demasiado grande',
      protocol: 'escribió en el canal del corrector',
    } as Record<string, string>,
  },
  /** the sandbox's reasons for ending a student process */
  sandbox: {
    callTime: (ms: number): string => `la llamada tardó más de ${ms} ms`,
    budget: 'el ejercicio agotó su tiempo total',
    loadTime: (ms: number): string => `cargar el módulo tardó más de ${ms} ms`,
    startFailed: (detail: string): string => `no se pudo arrancar el proceso del estudiante: ${detail}`,
    endedWhileLoading: 'el proceso terminó mientras cargaba el módulo',
    tooLarge: (mib: number): string => `devolvió un valor de más de ${mib} MiB`,
    protocol: 'el proceso del estudiante escribió algo que no es un mensaje en el canal del corrector',
    malformed: 'mensaje mal formado en el canal del corrector',
    outOfMemory: (mib: number): string => `el proceso se quedó sin memoria (límite ${mib} MiB)`,
    usedMemory: (mib: number): string => `el proceso usó más de ${mib} MiB de memoria`,
    killed: (signal: string): string => `el proceso terminó por la señal ${signal}`,
    exited: (code: string): string => `el proceso terminó con código ${code} en lugar de responder`,
  },
};
export type EngineMessages = typeof engine;
