const pushes = (n: number): string => (n === 1 ? '1 push' : `${n} pushes`);

/** Every word `dlgrade collect` shows an instructor. */
export const collect = {
  late: (count: number, last: string): string => `${pushes(count)} tarde, el último ${last}`,
  noPush: (branch: string): string => `sin entrega (ningún push a ${branch} antes del plazo)`,
  onlyProvisioning: 'sin entrega (solo los commits de la preparación de la tarea)',
  error: 'error',
  total: (all: number, collected: number, none: number, failed: number): string => `Total: ${all} · ${collected} recogidos · ${none} sin entrega · ${failed} con errores`,
  rosterSkipped: 'fila omitida',
  starting: (n: number, deadline: string): string => `dlgrade collect: ${n === 1 ? '1 repositorio' : `${n} repositorios`}, plazo ${deadline}`,
  /** `--deadline` that is not a time */
  badDeadline: (value: string): string => `--deadline «${value}» no es una hora ISO 8601 con zona horaria`,
  badDeadlineFix: 'p. ej. --deadline 2026-10-15T23:59:59Z o 2026-10-16T01:59:59+02:00',
  noOrg: 'falta la organización',
  noOrgFix: 'pasa --org <org> (en Actions se usa GITHUB_REPOSITORY_OWNER)',
  noAssignment: 'falta el nombre de la tarea',
  noAssignmentFix: 'pasa --assignment <nombre> o define DLGRADE_ASSIGNMENT (los repositorios se llaman <tarea>-<usuario>)',
  /** why one student's repository could not be collected (recorded in its collect.json) */
  repoNotFound: (repo: string): string => `no se encuentra el repositorio ${repo} (o el token no puede leerlo)`,
  repoFailed: (repo: string, why: string): string => `GET ${repo}: ${why}`,
  activityFailed: (why: string): string => `actividad del repositorio: ${why}`,
  feedbackBranchFailed: (why: string): string => `rama feedback: ${why}`,
  gitFailed: (why: string): string => `git: ${why}`,
  wrongCheckout: (head: string, sha: string): string => `se sacó ${head} en lugar de ${sha}`,
};
export type CollectMessages = typeof collect;
