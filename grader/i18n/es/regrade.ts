import type { WallName } from '../../sandbox/isolation.ts';

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
};
export type RegradeMessages = typeof regrade;
