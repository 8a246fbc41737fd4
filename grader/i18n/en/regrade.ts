import type { RegradeMessages } from '../es/regrade.ts';

const WALL: RegradeMessages['wall'] = {
  processes: 'processes (the student code sees and can signal other processes: the grader, classmates)',
  filesystem: 'filesystem (it sees host files outside its folder)',
  network: 'network (it can reach the network)',
  sockets: 'sockets (it reaches host Unix sockets, e.g. /var/run/docker.sock)',
};

export const regrade: RegradeMessages = {
  wall: WALL,
  weakSandbox: (mechanism, missing) => `the score of record needs a complete sandbox, and here (${mechanism}) these walls are missing: ${missing.map((w) => WALL[w] ?? w).join('; ')}`,
  weakSandboxFix:
    'install bubblewrap (sudo apt-get install bubblewrap); on Ubuntu 24.04 also allow user namespaces: ' +
    'sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0. If you accept the risk, --allow-weak-sandbox grades anyway and records it in every result and in the gradebook.',
  noSandbox: (detail) => `no sandbox can start the students' code: ${detail}`,
  noSandboxFix: 'install bubblewrap (sudo apt-get install bubblewrap), or unset DLGRADE_SANDBOX to use the strongest available',
  noCollected: (dir) => `the collected folder "${dir}" does not exist`,
  noCollectedFix: 'run dlgrade collect --out <dir> first, and give that folder',
  noExercises: "regrade needs the assignment's exercises",
  noExercisesFix: "give the instructor's manifest with --manifest <assignment>/.dlgrade/manifest.json, or the exercises with --exercise",
  manifestUnreadable: (file) => `cannot read the manifest ${file}`,
  manifestUnreadableFix: 'give the instructor copy of .dlgrade/manifest.json (the one dlgrade assign wrote) with --manifest',
  manifestJson: 'the manifest is not valid JSON',
  manifestJsonFix: 'use the file dlgrade assign wrote, unchanged',
  manifestShape: 'the manifest lacks "exercises" [{id}] or "protected" [{path, sha256}]',
  manifestShapeFix: 'use the file dlgrade assign wrote (.dlgrade/manifest.json of the assignment template)',
  rosterUnreadable: (file) => `cannot read the roster ${file}`,
  rosterUnreadableFix: 'give the roster CSV used by dlgrade collect',
  rosterNoUser: 'the roster has no github_username column',
  rosterNoUserFix: 'start the file with: github_username,student_id,name,email',
  student: {
    noCheckout: (username) => `no checkout: ${username}/ is missing from the collected folder`,
    collectFailed: 'collect could not collect this repository',
    graderErrorIn: (ids) => `grader error in ${ids.join(', ')} (not the student's fault; retried on the next regrade)`,
    graderError: (detail) => `grader error: ${detail}`,
    gradingFailed: (detail) => `grading failed: ${detail}`,
    unwritable: (file, detail) => `could not write ${file}: ${detail}`,
    triedAgain: (first, second) => `${first}; tried again: ${second}`,
    refused: (file, problem, at) => `${file}: refused (${problem}${at !== '' ? ` at ${at}` : ''}): graded as tampered, 0 points`,
    unreadable: (file, detail) => `${file} could not be read: ${detail}`,
    uncopyable: (file, detail) => `${file} could not be copied: ${detail}`,
    collectNotAFile: (file) => `${file} is not a regular file`,
    collectTooLarge: (file, bytes, limit) => `${file} is ${bytes} bytes (limit ${limit})`,
  },
  worker: {
    startFailed: (detail) => `could not start the grading worker: ${detail}`,
    overTime: (seconds, stopped) => `the grading did not finish within ${seconds} s and was stopped${stopped}`,
    ended: (how, stopped, tail) => `the grading worker ended (${how}) before sending a result${stopped}${tail}`,
    killedBy: (signal) => `killed by ${signal}`,
    exitCode: (code) => `exit code ${code}`,
    stoppedFromOutside: (n) => ` (it was stopped from outside ${n === 1 ? 'once' : `${n} times`} and resumed)`,
    lastOutput: (text) => `; its last output: ${text}`,
    failed: (detail) => `grading failed: ${detail}`,
  },
  progress: {
    noScore: 'no score',
    tampered: 'TAMPERED',
    errors: (n) => (n === 1 ? '1 error' : `${n} errors`),
    skippedTty: (n) => `${n} already graded with the same commit and settings: skipped (--force to grade again)`,
    start: (toGrade, skipped) => `regrade: ${toGrade} to grade${skipped > 0 ? `, ${skipped} already graded (skipped)` : ''}`,
  },
};
