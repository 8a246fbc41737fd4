import type { GradebookMessages } from '../es/gradebook.ts';

export const gradebook: GradebookMessages = {
  yes: 'yes',
  no: 'no',
  tamperedFile: (file) => `tampered: ${file}`,
  mergeSummary: (students, exercises) => `gradebook: ${students === 1 ? '1 student' : `${students} students`}, ${exercises === 1 ? '1 exercise' : `${exercises} exercises`}`,
  dropped: (username, n) => `${username}: ${n} dropped`,
  duplicate: (username, kept, dropped) => `duplicate: ${username}: using ${kept} (the newest); dropping ${dropped}`,
  ignored: (file, message) => `ignored: ${file}: ${message}`,
  tooLarge: (max) => `larger than ${max} bytes`,
  notJson: (why) => `not readable JSON: ${why}`,
  notRegradeFile: 'not a dlgrade regrade result (kind "dlgrade-regrade", version 1)',
};
