import type { PathProblem } from '../../engine/steps/safe-path.ts';

/** What the engine says about one exercise or one property (the result's `message` fields). */
export const engine = {
  notSubmitted: (file: string): string => `No se entregó: no existe ${file}.`,
  compileFailed: (detail: string): string => `No se pudo compilar: ${detail}`,
  /** esbuild's own text, wrapped: where, what esbuild said, the line */
  syntaxError: (where: string, text: string): string => `${where}: hay un error de sintaxis que impide leer el archivo. esbuild dice: «${text}»`,
  importRefused: (where: string, path: string): string => `${where}: no se permite importar "${path}": un ejercicio es un único archivo autocontenido (sin bibliotecas ni otros archivos). Quita el import.`,
  moduleLoadFailed: (detail: string): string => `El módulo falló al cargarse: ${detail}`,
  notRunTimedOut: 'no se ejecutó: el ejercicio agotó su tiempo',
  /** the prefix of a line of the student's output where the runner reports a stray rejection / exception between calls */
  strayRejection: 'promesa rechazada sin capturar: ',
  strayException: 'excepción sin capturar: ',
  timedOut: (detail: string): string => `Tiempo agotado: ${detail}. El ejercicio puntúa 0.`,
  missingExports: (file: string, names: readonly string[]): string => `Faltan exportaciones en ${file}: ${names.join(', ')}`,
  exhausted: (detail: string): string => `No se pudo comprobar: tu código terminó su proceso demasiadas veces (${detail}).`,
  worst: (count: number, total: number, index: string, absError: string): string =>
    ` (${count} de ${total} valores fuera de tolerancia; el peor en ${index || 'el valor'}, error absoluto ${absError})`,
  /** a hidden property of an exercise graded from the npm package, which ships only the public spec */
  hiddenUnavailable: 'no disponible en esta instalación: las propiedades ocultas no se distribuyen con el paquete npm (solo el corrector del profesorado las tiene).',
  graderError: (detail: string): string => `Error interno del corrector (no es culpa tuya; avisa al profesorado): ${detail}`,
  notScoredYet: 'Todavía no puntúa: esta comprobación solo cuenta cuando alguna de las principales (las que comparan tu resultado) ya es correcta.',
  /** a submission's files (grader/engine/grade.ts), and the grader's faults */
  files: {
    notSubmitted: (file: string): string => `No se entregó: no existe ${file}.`,
    /** a refused path: the exercise is tampered and scores 0 */
    refusedPath: (file: string, problem: PathProblem, at: string, size?: number): string => {
      const where = at === '' ? 'la carpeta de la entrega' : at;
      switch (problem) {
        case 'symlink':
          return `${file} no se corrige: ${where} es un enlace simbólico. Solo se corrigen archivos normales de tu propio repositorio; sustituye el enlace por el archivo (git rm el enlace, copia el archivo y haz commit). El ejercicio puntúa 0 y queda marcado como alterado.`;
        case 'escape':
          return `${file} no se corrige: su ruta real sale de la carpeta de la entrega (${where}). El ejercicio puntúa 0 y queda marcado como alterado.`;
        case 'not-a-directory':
          return `${file} no se corrige: ${where} debería ser una carpeta y no lo es. El ejercicio puntúa 0.`;
        case 'not-a-file':
          return `${file} no se corrige: no es un archivo normal. El ejercicio puntúa 0.`;
        case 'too-large':
          return `${file} no se corrige: ocupa ${size ?? '?'} bytes y el límite es 512 KiB. El ejercicio puntúa 0.`;
        default:
          return `${file} no se corrige. El ejercicio puntúa 0.`;
      }
    },
    unreadable: (file: string, detail: string): string => `No se pudo leer ${file}: ${detail}. Es un fallo del entorno del corrector, no tuyo.`,
    /** a fault of the grader (not the student's): retried once, then reported */
    graderError: (detail: string): string => `Fallo interno del corrector (no es culpa tuya; se reintentó una vez): ${detail}`,
  },
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
    loadFailed: (error: string): string => `el módulo falló al cargarse de nuevo: ${error}`,
  },
  /** the instructor's spec.ts that cannot be used (a grader fault, never the student's) */
  spec: {
    importFailed: (path: string, why: string): string => `${path}: ${why}`,
    noDefault: (path: string): string => `${path} tiene que hacer «export default defineSpec({...})»`,
    noProperty: (path: string, name: string): string => `${path} no tiene la propiedad «${name}» (declarada en exercise.yaml)`,
    extra: (path: string, names: readonly string[]): string => `${path} define ${names.join(', ')}, que no están declaradas en exercise.yaml`,
  },
};
export type EngineMessages = typeof engine;
