import type { PathProblem } from '../../engine/steps/safe-path.ts';
import type { WallName } from '../../sandbox/isolation.ts';

const PROBLEM: Record<PathProblem, string> = {
  symlink: 'enlace simbólico',
  escape: 'sale de la carpeta',
  'not-a-directory': 'no es una carpeta',
  'not-a-file': 'no es un archivo',
  'too-large': 'demasiado grande',
};

const WALL: Record<WallName, string> = {
  processes: 'procesos (el código del estudiante ve y puede señalar otros procesos: el corrector, sus compañeros)',
  filesystem: 'sistema de archivos (ve archivos del equipo fuera de su carpeta)',
  network: 'red (puede conectarse a la red)',
  sockets: 'sockets (alcanza sockets Unix del equipo, p. ej. /var/run/docker.sock)',
};

/** What `dlgrade regrade` says when it cannot grade: the sandbox of the score of record, its inputs. */
export const regrade = {
  wall: WALL,
  weakSandbox: (mechanism: string, missing: readonly WallName[]): string =>
    `la nota oficial necesita un sandbox completo, y aquí (${mechanism}) faltan estos muros: ${missing.map((w) => WALL[w] ?? w).join('; ')}`,
  weakSandboxFix:
    'instala bubblewrap (sudo apt-get install bubblewrap); en Ubuntu 24.04 permite además los espacios de nombres de usuario: ' +
    'sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0. Si aceptas el riesgo, --allow-weak-sandbox corrige igualmente y lo deja anotado en cada resultado y en el libro de notas.',
  noSandbox: (detail: string): string => `no se puede arrancar ningún sandbox para el código de los estudiantes: ${detail}`,
  noSandboxFix: 'instala bubblewrap (sudo apt-get install bubblewrap), o quita DLGRADE_SANDBOX para usar el mejor disponible',
  noCollected: (dir: string): string => `la carpeta de entregas recogidas «${dir}» no existe`,
  noCollectedFix: 'ejecuta antes dlgrade collect --out <carpeta> y da esa carpeta',
  noExercises: 'regrade necesita los ejercicios de la tarea',
  noExercisesFix: 'da el manifiesto del profesor con --manifest <tarea>/.dlgrade/manifest.json, o los ejercicios con --exercise',
  manifestUnreadable: (file: string): string => `no se puede leer el manifiesto ${file}`,
  manifestUnreadableFix: 'da la copia del profesor de .dlgrade/manifest.json (la que escribió dlgrade assign) con --manifest',
  manifestJson: 'el manifiesto no es JSON válido',
  manifestJsonFix: 'usa el archivo que escribió dlgrade assign, sin cambios',
  manifestShape: 'al manifiesto le falta "exercises" [{id}] o "protected" [{path, sha256}]',
  manifestShapeFix: 'usa el archivo que escribió dlgrade assign (.dlgrade/manifest.json de la plantilla de la tarea)',
  rosterUnreadable: (file: string): string => `no se puede leer el roster ${file}`,
  rosterUnreadableFix: 'da el CSV del roster que usó dlgrade collect',
  rosterNoUser: 'el roster no tiene la columna github_username',
  rosterNoUserFix: 'empieza el archivo con: github_username,student_id,name,email',
  /** one student's errors, as their result file records them */
  student: {
    noCheckout: (username: string): string => `sin copia del repositorio: falta ${username}/ en la carpeta de entregas recogidas`,
    collectFailed: 'collect no pudo recoger este repositorio',
    graderErrorIn: (ids: readonly string[]): string => `error del corrector en ${ids.join(', ')} (no es culpa del estudiante; se vuelve a intentar en el próximo regrade)`,
    graderError: (detail: string): string => `error del corrector: ${detail}`,
    gradingFailed: (detail: string): string => `la corrección falló: ${detail}`,
    unwritable: (file: string, detail: string): string => `no se puede escribir ${file}: ${detail}`,
    triedAgain: (first: string, second: string): string => `${first}; se volvió a intentar: ${second}`,
    refused: (file: string, problem: PathProblem, at: string): string =>
      `${file}: rechazado (${PROBLEM[problem]}${at !== '' ? ` en ${at}` : ''}): se corrige como alterado, 0 puntos`,
    unreadable: (file: string, detail: string): string => `no se puede leer ${file}: ${detail}`,
    uncopyable: (file: string, detail: string): string => `no se puede copiar ${file}: ${detail}`,
    collectNotAFile: (file: string): string => `${file} no es un archivo normal`,
    collectTooLarge: (file: string, bytes: number, limit: number): string => `${file} ocupa ${bytes} bytes (límite ${limit})`,
  },
  /** the grading worker (one process per student's grading) */
  worker: {
    startFailed: (detail: string): string => `no se pudo arrancar el proceso que corrige: ${detail}`,
    overTime: (seconds: number, stopped: string): string => `la corrección no terminó en ${seconds} s y se detuvo${stopped}`,
    ended: (how: string, stopped: string, tail: string): string => `el proceso que corrige terminó (${how}) antes de enviar un resultado${stopped}${tail}`,
    killedBy: (signal: string): string => `lo mató ${signal}`,
    exitCode: (code: string): string => `código de salida ${code}`,
    stoppedFromOutside: (n: number): string => ` (lo detuvieron desde fuera ${n === 1 ? 'una vez' : `${n} veces`} y se reanudó)`,
    lastOutput: (text: string): string => `; lo último que escribió: «${text}»`,
    failed: (detail: string): string => `la corrección falló: ${detail}`,
  },
  /** the progress on stderr while it grades */
  progress: {
    noScore: 'sin nota',
    tampered: 'ALTERADO',
    errors: (n: number): string => (n === 1 ? '1 error' : `${n} errores`),
    skippedTty: (n: number): string =>
      `${n === 1 ? '1 ya corregido' : `${n} ya corregidos`} con el mismo commit y los mismos ajustes: se omiten (--force para recorregir)`,
    start: (toGrade: number, skipped: number): string =>
      `regrade: ${toGrade} por corregir${skipped > 0 ? `, ${skipped === 1 ? '1 ya corregido' : `${skipped} ya corregidos`} (se omiten)` : ''}`,
  },
};
export type RegradeMessages = typeof regrade;
