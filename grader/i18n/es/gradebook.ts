/** The gradebook's CSV cells and the merge summary (the class report's words are in ./class-report.ts). */
export const gradebook = {
  yes: 'sí',
  no: 'no',
  tamperedFile: (file: string): string => `alterado: ${file}`,
  mergeSummary: (students: number, exercises: number): string => `gradebook: ${students === 1 ? '1 estudiante' : `${students} estudiantes`}, ${exercises === 1 ? '1 ejercicio' : `${exercises} ejercicios`}`,
  dropped: (username: string, n: number): string => `${username}: ${n === 1 ? '1 descartado' : `${n} descartados`}`,
  duplicate: (username: string, kept: string, dropped: string): string => `duplicado: ${username}: se usa ${kept} (el más reciente); se descarta ${dropped}`,
  ignored: (file: string, message: string): string => `ignorado: ${file}: ${message}`,
  tooLarge: (max: number): string => `ocupa más de ${max} bytes`,
  notJson: (why: string): string => `no es JSON legible: ${why}`,
  notRegradeFile: 'no es un resultado de dlgrade regrade (kind «dlgrade-regrade», versión 1)',
};
export type GradebookMessages = typeof gradebook;
