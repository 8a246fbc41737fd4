import type { Lang } from '../engine/result.ts';
import type { WallName } from '../sandbox/isolation.ts';

/** What `dlgrade regrade` says about the sandbox of the score of record, per language. */
export interface RegradeMessages {
  weakSandbox: (mechanism: string, missing: readonly WallName[]) => { message: string; fix: string };
  noSandbox: (detail: string) => { message: string; fix: string };
}

const WALL_ES: Record<WallName, string> = {
  processes: 'procesos (el código del estudiante ve y puede señalar otros procesos: el corrector, sus compañeros)',
  filesystem: 'sistema de archivos (ve archivos del equipo fuera de su carpeta)',
  network: 'red (puede conectarse a la red)',
  sockets: 'sockets (alcanza sockets Unix del equipo, p. ej. /var/run/docker.sock)',
};
const WALL_EN: Record<WallName, string> = {
  processes: 'processes (the student code sees and can signal other processes: the grader, classmates)',
  filesystem: 'filesystem (it sees host files outside its folder)',
  network: 'network (it can reach the network)',
  sockets: 'sockets (it reaches host Unix sockets, e.g. /var/run/docker.sock)',
};

const es: RegradeMessages = {
  weakSandbox: (mechanism, missing) => ({
    message: `la nota oficial necesita un sandbox completo, y aquí (${mechanism}) faltan estos muros: ${missing.map((w) => WALL_ES[w]).join('; ')}`,
    fix:
      'instala bubblewrap (sudo apt-get install bubblewrap); en Ubuntu 24.04 permite además los espacios de nombres de usuario: ' +
      'sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0. Si aceptas el riesgo, --allow-weak-sandbox corrige igualmente y lo deja anotado en cada resultado y en el libro de notas.',
  }),
  noSandbox: (detail) => ({
    message: `no se puede arrancar ningún sandbox para el código de los estudiantes: ${detail}`,
    fix: 'instala bubblewrap (sudo apt-get install bubblewrap), o quita DLGRADE_SANDBOX para usar el mejor disponible',
  }),
};

const en: RegradeMessages = {
  weakSandbox: (mechanism, missing) => ({
    message: `the score of record needs a complete sandbox, and here (${mechanism}) these walls are missing: ${missing.map((w) => WALL_EN[w]).join('; ')}`,
    fix:
      'install bubblewrap (sudo apt-get install bubblewrap); on Ubuntu 24.04 also allow user namespaces: ' +
      'sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0. If you accept the risk, --allow-weak-sandbox grades anyway and records it in every result and in the gradebook.',
  }),
  noSandbox: (detail) => ({
    message: `no sandbox can start the students' code: ${detail}`,
    fix: 'install bubblewrap (sudo apt-get install bubblewrap), or unset DLGRADE_SANDBOX to use the strongest available',
  }),
};

export function regradeMessages(lang: Lang): RegradeMessages {
  return lang === 'en' ? en : es;
}
