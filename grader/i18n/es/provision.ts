/** What provision was doing when a step failed. */
export type ProvisionAction =
  | 'check-user' | 'get-repo' | 'generate' | 'wait-branch' | 'check-collaborator' | 'list-invitations' | 'add-collaborator'
  | 'get-feedback' | 'list-commits' | 'create-feedback' | 'get-file' | 'update-file' | 'list-pulls' | 'create-pull';

/** Failures that are not a GitHub error. */
export type ProvisionProblem = 'not-a-user' | 'no-commits' | 'not-a-file' | 'no-manifest' | 'manifest-json';

export interface ActionParams {
  repo?: string;
  template?: string;
  username?: string;
  branch?: string;
  path?: string;
  type?: string;
}

/** Every word `dlgrade provision` shows an instructor, and the roster's. */
export const provision = {
  /** the Feedback pull request a student finds in their repository */
  pullTitle: 'Feedback',
  pullBody: [
    '👋 Este es tu **pull request de feedback**: no lo cierres ni lo fusiones.',
    '',
    'Cada vez que hagas push a la rama principal, dlgrade corrige tus ejercicios y deja aquí un comentario con la nota, los contraejemplos y cómo reproducir cada fallo (`npm test` hace lo mismo en tu ordenador).',
    '',
    'La rama `feedback` apunta al código inicial de la tarea; la diferencia que ves aquí es tu trabajo. La nota definitiva se calcula con el último commit que hayas subido antes de la fecha de entrega.',
  ].join('\n'),
  action: {
    'check-user': (p: ActionParams): string => `comprobar el usuario ${p.username}`,
    'get-repo': (p: ActionParams): string => `leer ${p.repo}`,
    generate: (p: ActionParams): string => `crear ${p.repo} desde la plantilla ${p.template}`,
    'wait-branch': (p: ActionParams): string => `esperar a la rama ${p.branch} de ${p.repo} tras generarlo`,
    'check-collaborator': (p: ActionParams): string => `comprobar si ${p.username} es colaborador`,
    'list-invitations': (): string => 'leer las invitaciones pendientes',
    'add-collaborator': (p: ActionParams): string => `invitar a ${p.username} como colaborador`,
    'get-feedback': (): string => 'leer la rama feedback',
    'list-commits': (): string => 'leer los commits',
    'create-feedback': (): string => 'crear la rama feedback',
    'get-file': (p: ActionParams): string => `leer ${p.path}`,
    'update-file': (p: ActionParams): string => `actualizar ${p.path}`,
    'list-pulls': (): string => 'leer los pull requests',
    'create-pull': (): string => 'crear el pull request de feedback',
  } satisfies Record<ProvisionAction, (p: ActionParams) => string>,
  problem: {
    'not-a-user': (p: ActionParams): [reason: string, fix: string] => [`«${p.username}» es una ${p.type === 'Organization' ? 'organización' : `cuenta de tipo ${p.type}`}, no un usuario`, 'pon en github_username la cuenta personal del estudiante'],
    'no-commits': (p: ActionParams): [reason: string, fix: string] => [`${p.repo} no tiene commits en ${p.branch}`, 'comprueba que la plantilla tiene contenido (dlgrade assign --github-org la sube)'],
    'not-a-file': (p: ActionParams): [reason: string, fix: string] => [`${p.path} no es un fichero`, 'rehaz la plantilla con dlgrade assign'],
    'no-manifest': (p: ActionParams): [reason: string, fix: string] => [`${p.path} no existe en el repositorio`, 'usa una plantilla creada con dlgrade assign --github-org'],
    'manifest-json': (p: ActionParams): [reason: string, fix: string] => [`${p.path} no es JSON válido`, 'rehaz la plantilla con dlgrade assign'],
  } satisfies Record<ProvisionProblem, (p: ActionParams) => [string, string]>,
  state: { created: 'creado', existed: 'ya existía', planned: 'se creará', failed: 'falló' },
  step: { repository: 'repositorio', collaborator: 'colaborador', 'feedback-branch': 'rama feedback', 'starter-commit': 'commit inicial', 'feedback-pr': 'PR de feedback' },
  fix: 'Solución',
  github: 'GitHub',
  headerApply: 'dlgrade provision (--apply):',
  headerDry: 'dlgrade provision (simulación: nada se ha creado; usa --apply para ejecutar):',
  checking: (n: number): string => `Comprobando ${n === 1 ? '1 usuario' : `${n} usuarios`} de GitHub antes de crear nada…`,
  usersRefused: (n: number): string => `No se ha creado nada: ${n === 1 ? '1 usuario del roster no es una cuenta' : `${n} usuarios del roster no son cuentas`} de GitHub válidas. Corrige el roster y vuelve a ejecutarlo.`,
  total: (c: { all: number; created: number; existed: number; planned: number; failed: number }): string => `Total: ${c.all} estudiantes · ${c.created} creados · ${c.existed} ya existían · ${c.planned} por crear · ${c.failed} con errores`,
  rosterSkipped: 'fila omitida',
  skipped: 'sin cambios (el roster tiene usuarios que no existen)',
  detail: { generateFrom: (x: string): string => `desde ${x}`, invite: (u: string): string => `invitar a ${u} (push)`, pending: 'invitación pendiente', sent: 'invitación enviada', atGenerated: 'en el commit generado', at: (sha: string): string => `en ${sha}`, record: 'anotar el commit generado en el manifiesto y el workflow', none: '(ninguno)' },
  /** the roster file (provision, collect) */
  roster: {
    badHeader: (header: string, missing: readonly string[]): string => `la primera línea del roster debe ser la cabecera ${header}${missing.length > 0 ? ` (falta ${missing.join(', ')})` : ''}`,
    badHeaderFix: (header: string): string => `empieza el archivo con: ${header}`,
    unreadable: 'no se puede leer el roster',
    unreadableFix: (header: string): string => `da un archivo CSV con la cabecera ${header}`,
    fieldCount: (fields: number, header: number): string => `tiene ${fields} campos y la cabecera ${header}`,
    empty: 'está vacío',
    badUsername: 'no es un usuario de GitHub válido (de 1 a 39 letras, dígitos o guiones sueltos, sin guion al principio ni al final)',
    badEmail: 'no es una dirección de correo',
    duplicateOf: (line: number): string => `repetido: ya está en la línea ${line}`,
    badShard: (value: string): string => `--shard «${value}» no tiene la forma i/n con 1 ≤ i ≤ n`,
    badShardFix: 'p. ej. --shard 2/4 (el segundo de cuatro trozos)',
  },
  badTemplate: (value: string): string => `--template «${value}» no tiene la forma propietario/repositorio`,
  badTemplateFix: 'p. ej. --template curso-dl/ch07-convolution',
};
export type ProvisionMessages = typeof provision;
