import type { EngineMessages } from '../es/engine.ts';

export const engine: EngineMessages = {
  notSubmitted: (file) => `Not submitted: ${file} does not exist.`,
  compileFailed: (detail) => `Could not compile: ${detail}`,
  syntaxError: (where, text) => `${where}: a syntax error keeps the file from being read. esbuild says: "${text}"`,
  importRefused: (where, path) => `${where}: importing "${path}" is not allowed: an exercise is one self-contained file (no libraries, no other files). Remove the import.`,
  moduleLoadFailed: (detail) => `The module failed while loading: ${detail}`,
  notRunTimedOut: 'not run: the exercise ran out of time',
  strayRejection: 'unhandled rejection: ',
  strayException: 'uncaught exception: ',
  timedOut: (detail) => `Timed out: ${detail}. The exercise scores 0.`,
  missingExports: (file, names) => `Missing exports in ${file}: ${names.join(', ')}`,
  exhausted: (detail) => `Could not be checked: your code ended its process too many times (${detail}).`,
  worst: (count, total, index, absError) => ` (${count} of ${total} values out of tolerance; the worst at ${index || 'the value'}, absolute error ${absError})`,
  hiddenUnavailable: 'not available in this installation: hidden properties are not shipped in the npm package (only the instructor’s grader has them).',
  graderError: (detail) => `Internal grader error (not your fault; tell the teaching staff): ${detail}`,
  notScoredYet: 'Not scored yet: this check only counts once one of the main ones (those comparing your result) passes.',
  files: {
    notSubmitted: (file) => `Not submitted: ${file} does not exist.`,
    refusedPath: (file, problem, at, size) => {
      const where = at === '' ? 'the submission folder' : at;
      switch (problem) {
        case 'symlink':
          return `${file} is not graded: ${where} is a symbolic link. Only regular files of your own repository are graded; replace the link with the file (git rm the link, copy the file, commit). The exercise scores 0 and is flagged as tampered.`;
        case 'escape':
          return `${file} is not graded: its real path leaves the submission folder (${where}). The exercise scores 0 and is flagged as tampered.`;
        case 'not-a-directory':
          return `${file} is not graded: ${where} should be a folder and is not. The exercise scores 0.`;
        case 'not-a-file':
          return `${file} is not graded: it is not a regular file. The exercise scores 0.`;
        case 'too-large':
          return `${file} is not graded: it is ${size ?? '?'} bytes and the limit is 512 KiB. The exercise scores 0.`;
        default:
          return `${file} is not graded. The exercise scores 0.`;
      }
    },
    unreadable: (file, detail) => `Could not read ${file}: ${detail}. This is a fault of the grader's environment, not yours.`,
    graderError: (detail) => `Internal grader fault (not your fault; it was retried once): ${detail}`,
  },
  call: {
    missingExport: (file, fn) => `${file} does not export the function ${fn}: write "export function ${fn}(…)".`,
    promise: (fn) => `${fn} returned a Promise: the function must be synchronous (no async/await).`,
    nonError: (fn, name, message) => `${fn} threw something that is not an Error (${name}: ${message}). Always throw new Error("…").`,
    unserializable: (fn, message) => `${fn} returned a value that cannot be read: ${message}`,
    notImplemented: (fn, message) => `${fn} is not implemented yet (${message}).`,
    threw: (fn, name, message) => `${fn} threw ${name}: ${message}`,
    died: (fn, what, detail) => `${fn} ${what}: ${detail}.`,
    death: {
      timeout: 'did not finish in time (an infinite loop?)',
      'out-of-memory': 'ran out of memory',
      crash: 'ended the process without answering (process.exit?)',
      'output-too-large': 'returned a value that is too large',
      protocol: 'wrote on the grader channel',
    },
  },
  sandbox: {
    callTime: (ms) => `the call took more than ${ms} ms`,
    budget: 'the exercise ran out of its time limit',
    loadTime: (ms) => `loading the module took more than ${ms} ms`,
    startFailed: (detail) => `could not start the student process: ${detail}`,
    endedWhileLoading: 'the process ended while loading the module',
    tooLarge: (mib) => `a value of more than ${mib} MiB was returned`,
    protocol: 'the student process wrote something that is not a message on the grader channel',
    malformed: 'malformed message on the grader channel',
    outOfMemory: (mib) => `the process ran out of memory (limit ${mib} MiB)`,
    usedMemory: (mib) => `the process used more than ${mib} MiB of memory`,
    killed: (signal) => `the process was killed by ${signal}`,
    exited: (code) => `the process exited with code ${code} instead of answering`,
    loadFailed: (error) => `the module failed while loading again: ${error}`,
  },
  spec: {
    importFailed: (path, why) => `${path}: ${why}`,
    noDefault: (path) => `${path} must "export default defineSpec({...})"`,
    noProperty: (path, name) => `${path} has no property "${name}" (declared in exercise.yaml)`,
    extra: (path, names) => `${path} defines ${names.join(', ')}, not declared in exercise.yaml`,
  },
};
