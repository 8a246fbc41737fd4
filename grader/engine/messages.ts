import type { Lang } from './result.ts';
import type { PathProblem } from './steps/safe-path.ts';

/** The engine's own sentences about a submission's files and the grader's faults, per language. */
export interface EngineMessages {
  notSubmitted: (file: string) => string;
  /** a refused path: the exercise is tampered and scores 0 */
  refusedPath: (file: string, problem: PathProblem, at: string, size?: number) => string;
  unreadable: (file: string, detail: string) => string;
  /** a fault of the grader (not the student's): retried once, then reported */
  graderError: (detail: string) => string;
}

const where = (at: string, es: boolean): string => (at === '' ? (es ? 'la carpeta de la entrega' : 'the submission folder') : at);

const es: EngineMessages = {
  notSubmitted: (file) => `No se entregó: no existe ${file}.`,
  refusedPath: (file, problem, at, size) => {
    switch (problem) {
      case 'symlink':
        return `${file} no se corrige: ${where(at, true)} es un enlace simbólico. Solo se corrigen archivos normales de tu propio repositorio; sustituye el enlace por el archivo (git rm el enlace, copia el archivo y haz commit). El ejercicio puntúa 0 y queda marcado como alterado.`;
      case 'escape':
        return `${file} no se corrige: su ruta real sale de la carpeta de la entrega (${where(at, true)}). El ejercicio puntúa 0 y queda marcado como alterado.`;
      case 'not-a-directory':
        return `${file} no se corrige: ${where(at, true)} debería ser una carpeta y no lo es. El ejercicio puntúa 0.`;
      case 'not-a-file':
        return `${file} no se corrige: no es un archivo normal. El ejercicio puntúa 0.`;
      case 'too-large':
        return `${file} no se corrige: ocupa ${size ?? '?'} bytes y el límite es 512 KiB. El ejercicio puntúa 0.`;
    }
  },
  unreadable: (file, detail) => `No se pudo leer ${file}: ${detail}. Es un fallo del entorno del corrector, no tuyo.`,
  graderError: (detail) => `Fallo interno del corrector (no es culpa tuya; se reintentó una vez): ${detail}`,
};

const en: EngineMessages = {
  notSubmitted: (file) => `Not submitted: ${file} does not exist.`,
  refusedPath: (file, problem, at, size) => {
    switch (problem) {
      case 'symlink':
        return `${file} is not graded: ${where(at, false)} is a symbolic link. Only regular files of your own repository are graded; replace the link with the file (git rm the link, copy the file, commit). The exercise scores 0 and is flagged as tampered.`;
      case 'escape':
        return `${file} is not graded: its real path leaves the submission folder (${where(at, false)}). The exercise scores 0 and is flagged as tampered.`;
      case 'not-a-directory':
        return `${file} is not graded: ${where(at, false)} should be a folder and is not. The exercise scores 0.`;
      case 'not-a-file':
        return `${file} is not graded: it is not a regular file. The exercise scores 0.`;
      case 'too-large':
        return `${file} is not graded: it is ${size ?? '?'} bytes and the limit is 512 KiB. The exercise scores 0.`;
    }
  },
  unreadable: (file, detail) => `Could not read ${file}: ${detail}. This is a fault of the grader's environment, not yours.`,
  graderError: (detail) => `Internal grader fault (not your fault; it was retried once): ${detail}`,
};

export function engineMessages(lang: Lang): EngineMessages {
  return lang === 'en' ? en : es;
}
